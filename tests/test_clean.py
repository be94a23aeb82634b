"""Body cleaning: the real aggregator example, Chinese equivalents, and text that must survive."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from pipelines import clean

SHARED = Path(__file__).parents[1].parent / "shared"
EXAMPLE = SHARED / "examples" / "aggregator-article.txt"
EXAMPLE_TITLE = "Is US Chip Export Control to China Failing? The Rise of DeepSeek and a New AI Landscape"
RULES = clean.load_rules()

LONG_EN = ("The ministry said the new measures would take effect next month and apply to all "
           "importers, adding that further guidance would be published after consultation.")
LONG_EN_2 = ("Analysts expect the rules to raise costs for smaller firms, which have fewer staff to "
             "handle compliance, while large exporters are likely to absorb the change.")
LONG_EN_3 = ("Exporters have until May to comment on the proposal, after which the agency will "
             "publish a final version together with a list of exempted products.")
LONG_ZH = "国家统计局今天发布数据显示，一月份全国居民消费价格同比上涨百分之零点五，环比上涨百分之零点七，涨幅与上月相比有所扩大。"
LONG_ZH_2 = "分析人士认为，春节假期因素推高了食品和服务价格，预计二月份物价涨幅将有所回落，全年物价总体保持温和。"
LONG_ZH_3 = "国家发展改革委表示，将继续做好重要民生商品保供稳价工作，确保市场供应充足、价格基本稳定。"


@pytest.fixture(scope="module")
def example_paragraphs() -> list[str]:
    if not EXAMPLE.is_file():
        pytest.skip(f"shared example not found at {EXAMPLE} (../shared is absent)")
    return clean.clean_paragraphs(EXAMPLE.read_text(encoding="utf-8").split("\n"), EXAMPLE_TITLE, RULES)


def test_example_starts_with_the_lead(example_paragraphs: list[str]) -> None:
    assert example_paragraphs[0].startswith("On February 12th")
    # the summary box ("...challenges this strategy" without the rest) is gone
    assert sum(p.startswith("On February 12th") for p in example_paragraphs) == 1


def test_example_ends_with_the_karp_paragraph(example_paragraphs: list[str]) -> None:
    assert example_paragraphs[-1].startswith("Alex Karp, CEO of Palantir")
    assert example_paragraphs[-1].endswith('which might be a thing to learn here."')


def test_example_keeps_the_subheading(example_paragraphs: list[str]) -> None:
    assert "AI Competition: Doing More with Less" in example_paragraphs


@pytest.mark.parametrize("junk", ["Disclaimer", "Copyright", "Powered By", "QR code", "Tag:",
                                  "Home > News list", "Follow us", "AdminSo", "Source:"])
def test_example_drops_boilerplate(example_paragraphs: list[str], junk: str) -> None:
    assert not [p for p in example_paragraphs if junk in p]


def test_example_drops_every_title_copy(example_paragraphs: list[str]) -> None:
    assert not [p for p in example_paragraphs if EXAMPLE_TITLE in p]


@pytest.mark.parametrize("line", [
    "Disclaimer: The content of this article is sourced from the internet.",
    "Copyright @ 2007~2025 All Rights Reserved.",
    "Powered By AdminSo",
    "Open your phone and scan the QR code on it to open the mobile version",
    "Scan WeChat QR code",
    "Follow us for more hot news",
    "AdminSo Technical Support",
    "Home > News list > Tech >> Industry dynamics",
    "Industry dynamics 2025-02-14 14:34:43 Source:",
    "Tag: Is US Chip Export Control to China Failing The",
    "Source: Reuters",
    "Editor: John Smith",
    "Read more: Nvidia shares fall after export rules",
    "Previous article: Chip stocks rally",
    "Share to:",
    "This article was reprinted from Sina and does not represent the views of this site.",
    "Sign up for our daily newsletter",
])
def test_each_english_boilerplate_line_is_dropped_on_its_own(line: str) -> None:
    # mid-body, with more text after it than before: no footer cut, the line's own rule removes it
    body = [LONG_EN, line, LONG_EN_2, LONG_EN_3]
    assert clean.clean_paragraphs(body, "A title", RULES) == [LONG_EN, LONG_EN_2, LONG_EN_3]


@pytest.mark.parametrize("line", [
    "来源：新华网", "来源: 人民日报", "文章来源：央视新闻", "责任编辑：张三", "编辑：李四", "【责任编辑：王五】",
    "标签：芯片 出口管制", "关键词：人工智能", "本文来源于网络，如有侵权请联系删除。", "转载请注明出处",
    "本文仅代表作者观点，不代表本站立场。", "版权所有 © 2025 某某网", "扫描二维码，关注微信公众号",
    "扫一扫，手机阅读", "相关阅读", "推荐阅读：芯片战争升级", "上一篇：美股收跌 下一篇：油价上涨",
    "分享到：", "当前位置：首页 > 科技 > 正文", "首页 > 新闻 > 国际", "发布时间：2025-02-14 来源：新华网",
    "2025年02月14日 14:34 来源：人民网 作者：张三", "京ICP备12345678号", "（完）",
])
def test_each_chinese_boilerplate_line_is_dropped(line: str) -> None:
    body = [LONG_ZH, line, LONG_ZH_2, LONG_ZH_3]
    assert clean.clean_paragraphs(body, "标题", RULES) == [LONG_ZH, LONG_ZH_2, LONG_ZH_3]


def test_chinese_page_end_to_end() -> None:
    title = "美国芯片出口管制失效了吗"
    page = ["首页 > 资讯 > 科技", title, "发布时间：2025年02月14日 14:34 来源：新华网", "摘要：2月12日，美国政府试图通过收紧芯片出口管制来遏制中国人工智能的发展",
            "2月12日，美国政府试图通过收紧芯片出口管制来遏制中国人工智能的发展。然而，深度求索的成功对这一策略提出了挑战。",
            "分析人士认为，单靠限制措施难以跟上技术创新的步伐。（责任编辑：张三）",
            "标签：芯片 出口管制", "免责声明：本文来源于网络，版权归原作者所有。", "新华网", "扫描二维码", "版权所有 2007-2025"]
    assert clean.clean_paragraphs(page, title, RULES) == [
        "2月12日，美国政府试图通过收紧芯片出口管制来遏制中国人工智能的发展。然而，深度求索的成功对这一策略提出了挑战。",
        "分析人士认为，单靠限制措施难以跟上技术创新的步伐。"]


@pytest.mark.parametrize("real", [
    "Officials did not disclose the source of the funds, and the copyright office declined to comment on the case.",
    "Source code for the model was released on GitHub, the company said in a statement on Tuesday morning, "
    "and researchers began testing it within hours of the announcement by the lab.",
    "Copyright law in the United States has not kept pace with generative AI, several judges said.",
    "Alipay's QR code payments grew 30% last year as merchants adopted the system.",
    "Shares of Nvidia fell 4% after the announcement.",
    "Next year the company plans to open two factories in Arizona.",
    "消息来源称，该公司将于下月公布新的芯片出口计划，具体细节尚未确定。",
    "他在接受记者采访时表示，版权保护问题需要各方共同努力解决。",
])
def test_real_sentences_with_trigger_words_stay(real: str) -> None:
    assert clean.clean_paragraphs([LONG_EN, real, LONG_EN_2], "A title", RULES) == [LONG_EN, real, LONG_EN_2]


def test_footer_marker_early_in_a_long_article_does_not_cut() -> None:
    body = ["Short intro.", "Disclaimer: the author holds no position in the stocks mentioned.", LONG_EN, LONG_EN_2]
    assert clean.clean_paragraphs(body, "A title", RULES) == ["Short intro.", LONG_EN, LONG_EN_2]


def test_footer_cut_removes_everything_after_it() -> None:
    body = [LONG_EN, LONG_EN_2, "Disclaimer: content from the internet.", "Some unrelated promo text here."]
    assert clean.clean_paragraphs(body, "A title", RULES) == [LONG_EN, LONG_EN_2]


def test_title_variants() -> None:
    title = "Chip exports to China slow sharply in January"
    body = [title + ".", title + " - Example News", title + " | Example", LONG_EN]
    assert clean.clean_paragraphs(body, title, RULES) == [LONG_EN]


def test_short_title_is_not_stripped_from_a_lead_sentence() -> None:
    lead = "Trump meets Xi Jinping in Beijing for talks on trade and technology."
    assert clean.clean_paragraphs([lead], "Trump meets Xi", RULES) == [lead]


def test_title_glued_to_lead_is_stripped() -> None:
    title = "Chip exports to China slow sharply in January"
    assert clean.clean_paragraphs([title + "Exports fell 12% last month."], title, RULES) == ["Exports fell 12% last month."]


def test_duplicates_and_order() -> None:
    a, b = LONG_EN, LONG_EN_2
    assert clean.clean_paragraphs([a, b, "  " + a + " ", "", b], None, RULES) == [a, b]


def test_trailing_site_name_and_url_dropped_but_deep_link_kept() -> None:
    link = "https://example.org/petition/stop-the-rule"
    assert clean.clean_paragraphs([LONG_EN, link, "AdminSo", "http://www.adminso.com"], None, RULES) == [LONG_EN, link]


def test_sign_off_at_end_is_kept() -> None:
    assert clean.clean_paragraphs([LONG_EN, "x Franzi"], None, RULES) == [LONG_EN, "x Franzi"]


def test_extra_rules_and_errors(tmp_path: Path) -> None:
    rules = clean.load_rules(extra=[r"^Sponsored by ACME\b"])
    assert clean.clean_paragraphs([LONG_EN, "Sponsored by ACME Corp"], None, rules) == [LONG_EN]
    assert clean.load_rules() is RULES  # defaults are cached
    with pytest.raises(ValueError, match=r"\^\(unclosed"):
        clean.load_rules(extra=["^(unclosed"])
    bad = tmp_path / "bad.toml"
    bad.write_text("[drop_paragraph]\nx = ['[a-']\n", encoding="utf-8")
    with pytest.raises(ValueError, match=r"\[a-"):
        clean.load_rules(path=bad)
    unknown = tmp_path / "unknown.toml"
    unknown.write_text("[drop_paragraphs]\nx = ['a']\n", encoding="utf-8")
    with pytest.raises(ValueError, match="unknown section"):
        clean.load_rules(path=unknown)


def test_every_shipped_rule_is_anchored() -> None:
    for section in clean.SECTIONS:
        for pattern in getattr(RULES, section):
            if section == "strip_inline":  # unanchored by design, so bounded: no open-ended .* or .+
                assert ".*" not in pattern.pattern and ".+" not in pattern.pattern, pattern.pattern
                continue
            anchor_ok = pattern.pattern.endswith("$") if section == "strip_suffix" else pattern.pattern.startswith("^")
            assert anchor_ok, f"[{section}] {pattern.pattern}"


def test_normalise_body_and_hash() -> None:
    assert clean.normalise_body([" a  b ", "", "c\n d"]) == "a b\n\nc d"
    assert clean.content_hash("A  b\n\nC") == clean.content_hash("a b c")
    assert clean.content_hash("a b c") != clean.content_hash("a b d")
    assert len(clean.content_hash("x")) == 40


# ---------------------------------------------------------------- rules added for the labelled corpus

@pytest.mark.parametrize("line", [
    "This story was reprinted from Midstate Legal Times with permission. Views expressed are those of the "
    "original author and do not necessarily reflect those of Example Hub.",
    "Reposted from Lion City Times. Copyright belongs to the original author. If there is any infringement, "
    "please contact us and we will delete it.",
    "By Nguyen Thi Lan",
    "Related video: How fast chargers actually work",
    "(Duration 1:23) Capital Markets Daily",
    "Edited by Dana Price. Reporting contributed by Metro Daily Brief staff.",
    "Follow me for more practical money tips every week!",
    "GMT+8, 2025-2-15 09:21 , Processed in 0.052317 second(s), 19 queries .",
    "Last edited by admin on February 13, 2025",
    "Likes 48 Share Report",
    "#AI #chips",
])
def test_new_english_boilerplate_lines_are_dropped(line: str) -> None:
    body = [LONG_EN, line, LONG_EN_2, LONG_EN_3]
    assert clean.clean_paragraphs(body, "A title", RULES) == [LONG_EN, LONG_EN_2, LONG_EN_3]


@pytest.mark.parametrize("line", [
    "南国都市报记者 黄嘉怡", "图片来源：南国都市报", "资料图：彗星示意图", "高速服务区充电站。图片来源：速递报记者 邱帆 摄",
    "（图片来源：网络）", "本帖最后由 江城小编 于 2025-2-13 08:47 编辑", "展开全文", "打开APP阅读全文", "赞 122举报",
    "#共享单车#城市管理", "点击关注，每天为你带来更多有趣有料的内容！", "微信扫一扫，江城资讯早知道", "文/张三",
    "2025-2-13 09:20|发布者: 江城小编|评论: 0|来自: 江城晚报", "相关视频：春运首日客流",
])
def test_new_chinese_boilerplate_lines_are_dropped(line: str) -> None:
    body = [LONG_ZH, line, LONG_ZH_2, LONG_ZH_3]
    assert clean.clean_paragraphs(body, "标题", RULES) == [LONG_ZH, LONG_ZH_2, LONG_ZH_3]


@pytest.mark.parametrize("real", [
    "Police warned drivers who scan the QR code on a parking machine to check it is not a sticker.",
    "The disclaimer on the product label did not mention the risk, the court found on Tuesday.",
    "By Tuesday, the agency said, most of the power lines would be repaired.",
    "Reporting by local newspapers has dropped sharply since 2010, the study said.",
    "The copyright belongs to the original photographer, the judge ruled, not to the site that reposted it.",
    "“想吃碗面，结果扫了二维码，先要关注公众号，再要授权手机号，最后还要填生日。”市民孙女士近日向本报反映。",
    "记者随机走访了城区20家采用扫码点餐的餐馆，其中有9家要求顾客关注微信公众号或注册会员后才能下单。",
    "律师提醒，扫描来历不明的二维码还可能面临个人信息泄露甚至财产损失的风险，消费者应当提高警惕。",
    "该声明发布后，公司股价下跌，分析人士认为免责声明的措辞过于模糊。",
])
def test_paragraphs_that_only_mention_trigger_words_stay(real: str) -> None:
    base = [LONG_ZH, real, LONG_ZH_2] if clean._is_cjk(real) else [LONG_EN, real, LONG_EN_2]
    assert clean.clean_paragraphs(base, "A title", RULES) == base


def test_list_bullets_and_one_cell_table_rows_are_unwrapped() -> None:
    assert clean.clean_paragraphs(["- Pay only through the official app.", f"| {LONG_EN} |"], None, RULES) == [
        "Pay only through the official app.", LONG_EN]


def test_bracketed_picture_credit_inside_a_paragraph_is_removed() -> None:
    glued = "受近期气温回升影响，早樱提前进入盛花期。（图片来源：网络） 公园提醒市民错峰出行。"
    assert clean.clean_paragraphs([glued], None, RULES) == ["受近期气温回升影响，早樱提前进入盛花期。 公园提醒市民错峰出行。"]


# ---------------------------------------------------------------- captions, glued dates, quoted notices

@pytest.mark.parametrize("line", [
    "Copyright © 1999-2025 Example Hub. All rights reserved.",
    "© 2025 Example Media Group Ltd. All Rights Reserved | Privacy",
    "All rights reserved. Reproduction without permission is prohibited.",
    "Pictured: volunteers hand out water at the station on Sunday",
    "Pacific Wire Feb 13, 2025 10:15 AM",
    "Metro Herald 14 Feb 2025",
    "2025-02-11 08:20",
])
def test_footer_captions_and_glued_dates_are_dropped(line: str) -> None:
    body = [LONG_EN, line, LONG_EN_2, LONG_EN_3]
    assert clean.clean_paragraphs(body, "A title", RULES) == [LONG_EN, LONG_EN_2, LONG_EN_3]


@pytest.mark.parametrize("line", [
    "版权所有 © 2025 江城在线", "Copyright © 2025 某某网 版权所有", "图为张晓涵在作坊中刷色印制年画。", "（图为志愿者在进站口帮旅客搬运行李）",
    "体坛速递2025年02月13日 21:08", "速递报2025-02-11 08:20", "2025年02月13日 21:08",
])
def test_chinese_captions_glued_dates_and_rights_lines_are_dropped(line: str) -> None:
    body = [LONG_ZH, line, LONG_ZH_2, LONG_ZH_3]
    assert clean.clean_paragraphs(body, "标题", RULES) == [LONG_ZH, LONG_ZH_2, LONG_ZH_3]


@pytest.mark.parametrize("real", [
    "“Printing ‘All rights reserved’ under somebody else’s photograph does not make the use lawful,” Marsh wrote.",
    "The label said \"all rights reserved\" but the court found that the site had no licence at all.",
    "Above all, the council said, the bridge must reopen before the school year starts in September.",
    "Pictures of the flooded street spread quickly on social media, and the city opened two shelters by noon.",
    "The meeting is set for Feb 14, 2025, the council said in a statement on Monday.",
    "法院认为，网站标注“版权所有”并不能证明其获得了授权。",
    "法院认为，该网站所谓的版权所有声明并不成立。",
    "记者注意到，多家网站的版权所有声明形同虚设",
    "图书馆负责人表示，图为读者提供的自习区将全天开放。",
    "截至2025年2月13日，全市已有286户居民领到新房钥匙。",
])
def test_sentences_that_quote_or_report_these_stay(real: str) -> None:
    base = [LONG_ZH, real, LONG_ZH_2] if clean._is_cjk(real) else [LONG_EN, real, LONG_EN_2]
    assert clean.clean_paragraphs(base, "A title", RULES) == base


def test_a_rule_with_alternatives_is_tried_on_paragraphs_of_any_length():
    """Rules too short to match a long paragraph whole are skipped on it; "^a|b$" is not such a rule."""
    rules = clean.load_rules(("^Promo|brought to you by our sponsor$",))
    story = "A real paragraph of the story that goes on for a while. " * 5
    long_ad = "Long advertising copy that runs on and on about nothing at all. " * 8 + "brought to you by our sponsor"
    assert clean.clean_paragraphs([story, long_ad], None, rules) == [story.strip()]


@pytest.mark.parametrize("pattern, chars", [
    (r"\s*[（(]\s*[:：]?\s*[）)]$", "（("),  # the first required step, after an optional one
    (r"\s*[（(]\s*完\s*[）)]\s*$", "完"),  # of several, the smallest set
    (r"\s*(?:阅读全文|查看全文)\s*$", "阅查"),  # an alternation: each branch's first character
    (r"^(?=.{0,80}$)微信公众号\s*[:：].*$", "微"),  # a lookahead is no step
    (r"^(?:[a-z]+ )?来源[:：]", "来"),  # an optional group is skipped
])
def test_char_guard_is_the_smallest_required_character_set(pattern: str, chars: str) -> None:
    assert clean._char_guard(re.compile(pattern, re.IGNORECASE)) == frozenset(chars)


@pytest.mark.parametrize("pattern", [
    r"^(?:advertisement|广告)\s+",  # "a" has cases: guarding it would need the rule's case folding
    r"^(?:edited|written) by \w+$",
    r"^(?-i:来源) \w+$",  # a group that changes flags is not looked into
    r"a b",  # nor a space, which an earlier rule may have put in
    r".*",
])
def test_char_guard_none_when_no_step_gives_caseless_characters(pattern: str) -> None:
    assert clean._char_guard(re.compile(pattern, re.IGNORECASE)) is None


def _rule_texts() -> list[str]:
    """Lines the rules are meant for and lines they must leave alone, in three cases."""
    import lxml.html

    from pipelines.meta import visible_lines

    lines = [LONG_EN, LONG_EN_2, LONG_ZH, "（完）", "(完)", "【责任编辑：王五】", "READ MORE »"]
    for page in sorted((Path(__file__).parent / "corpus").rglob("*.html"))[:40]:
        lines += visible_lines(lxml.html.fromstring(page.read_bytes()))
    return [variant for line in lines for variant in (line, line.upper(), line.swapcase())]


def test_every_rule_guard_passes_whatever_its_rule_matches() -> None:
    texts = _rule_texts()
    checked = 0
    for section in clean.SECTIONS:
        for pattern in getattr(RULES, section):
            guard = clean._char_guard(pattern)
            for text in texts:
                if pattern.search(text):
                    checked += 1
                    assert guard is None or not guard.isdisjoint(text), (pattern.pattern, text)
    assert checked > 200  # the texts do exercise the rules
