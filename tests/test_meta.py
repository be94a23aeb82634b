"""Metadata finders: dates and their precedence, credited outlet, author, tags, category, language."""
from __future__ import annotations

from datetime import datetime, timedelta, timezone

import lxml.html
import pytest

from pipelines import meta

NOW = datetime(2025, 3, 1, 12, 0, tzinfo=timezone.utc)
CST = timezone(timedelta(hours=8))


def page(head: str = "", body: str = "", lang: str = "") -> tuple[object, list[str]]:
    """A parsed page and its visible lines."""
    tree = lxml.html.fromstring(f'<html lang="{lang}"><head><meta charset="utf-8">{head}</head><body>{body}</body></html>')
    return tree, meta.visible_lines(tree)


@pytest.mark.parametrize("value, expected", [
    ("2025-02-14T14:34:43+08:00", datetime(2025, 2, 14, 14, 34, 43, tzinfo=CST)),
    ("2025-02-14T06:34:43Z", datetime(2025, 2, 14, 6, 34, 43, tzinfo=timezone.utc)),
    ("2025-02-14T14:34:43", datetime(2025, 2, 14, 14, 34, 43)),
    ("2025-02-14 14:34:43", datetime(2025, 2, 14, 14, 34, 43)),
    ("2025-02-14 14:34", datetime(2025, 2, 14, 14, 34)),
    ("2025/02/14", datetime(2025, 2, 14)),
    ("2025年02月14日 14:34", datetime(2025, 2, 14, 14, 34)),
    ("2025年2月14日", datetime(2025, 2, 14)),
    ("February 14, 2025", datetime(2025, 2, 14)),
    ("Feb 14, 2025 2:34 PM", datetime(2025, 2, 14, 14, 34)),
    ("14 February 2025", datetime(2025, 2, 14)),
    ("Fri, 14 Feb 2025 14:34:43 +0800", datetime(2025, 2, 14, 14, 34, 43, tzinfo=CST)),
    ("Fri, 14 Feb 2025 06:34:43 GMT", datetime(2025, 2, 14, 6, 34, 43, tzinfo=timezone.utc)),
])
def test_parse_date_formats(value: str, expected: datetime) -> None:
    got = meta.parse_date(value, now=NOW)
    assert got == expected
    assert (got.tzinfo is None) == (expected.tzinfo is None)  # offsets kept, naive stays naive


@pytest.mark.parametrize("value", ["", "garbage", "12", "2025-02-30", "May 2025", "null", "1800-01-01",
                                   "Tuesday", "2025-13-01 10:00"])
def test_parse_date_garbage(value: str) -> None:
    assert meta.parse_date(value, now=NOW) is None


def test_future_dates_rejected_with_one_day_tolerance() -> None:
    assert meta.parse_date("2025-03-03", now=NOW) is None
    assert meta.parse_date("2026-01-01T00:00:00+08:00", now=NOW) is None
    assert meta.parse_date("2025-03-02 08:00", now=NOW) == datetime(2025, 3, 2, 8, 0)  # within a day


JSON_LD = ('<script type="application/ld+json">{"@context": "https://schema.org", "@graph": ['
           '{"@type": "WebPage", "datePublished": "2020-01-01"},'
           '{"@type": ["NewsArticle"], "datePublished": "2025-02-14T14:34:43+08:00",'
           ' "author": [{"@type": "Person", "name": "Jane Doe"}], "keywords": ["chips", "export controls"],'
           ' "articleSection": "Technology"}]}</script>')
META = '<meta property="article:published_time" content="2025-02-13T10:00:00Z">'
TEXT = "<p>Published: February 12, 2025</p><p>Body text.</p>"


def test_published_date_json_ld_beats_meta_beats_text() -> None:
    tree, lines = page(JSON_LD + META, TEXT)
    assert meta.published_date(tree, lines, "https://x.com/a", now=NOW) == ("2025-02-14T14:34:43+08:00", "json-ld")
    tree, lines = page(META, TEXT)
    assert meta.published_date(tree, lines, "https://x.com/a", now=NOW) == ("2025-02-13T10:00:00+00:00", "meta")
    tree, lines = page("", TEXT)
    assert meta.published_date(tree, lines, "https://x.com/a", now=NOW) == ("2025-02-12T00:00:00", "text")


def test_published_date_feed_hint_url_and_fallback_order() -> None:
    tree, lines = page("", "<p>No date here.</p>")
    url = "https://x.com/news/2025/02/10/story.html"
    assert meta.published_date(tree, lines, url, hint="Tue, 11 Feb 2025 08:00:00 +0000", now=NOW) == (
        "2025-02-11T08:00:00+00:00", "feed")
    assert meta.published_date(tree, lines, url, fallback="2025-02-01", now=NOW) == ("2025-02-10T00:00:00", "url")
    assert meta.published_date(tree, lines, "https://x.cn/c/202502/t20250209_1.html", now=NOW) == (
        "2025-02-09T00:00:00", "url")
    assert meta.published_date(tree, lines, "https://x.com/a/20250208/1.html", now=NOW)[1] == "url"
    assert meta.published_date(tree, lines, "https://x.com/a", fallback="2025-02-01", now=NOW) == (
        "2025-02-01T00:00:00", "trafilatura")
    assert meta.published_date(tree, lines, "https://x.com/a", now=NOW) == (None, None)


def test_published_date_chinese_text_label() -> None:
    tree, lines = page("", "<div>相关新闻 2024-01-01</div><div>发布时间：2025年02月14日 14:34 来源：新华网</div>")
    assert meta.published_date(tree, lines, "https://x.cn/a", now=NOW) == ("2025-02-14T14:34:00", "text")


def test_published_date_skips_future_and_malformed_json_ld() -> None:
    broken = '<script type="application/ld+json">{"@type": "NewsArticle", "datePublished": "2025-02-14T14:34:43+08:00",}</script>'
    tree, lines = page(broken, "")
    assert meta.published_date(tree, lines, "https://x.com/a", now=NOW) == ("2025-02-14T14:34:43+08:00", "json-ld")
    garbage = '<script type="application/ld+json">{{{ not json at all</script>'
    future = '<meta property="article:published_time" content="2030-01-01T00:00:00Z">'
    tree, lines = page(garbage + future, "<p>2025-02-14 14:34:43</p>")
    assert meta.published_date(tree, lines, "https://x.com/a", now=NOW) == ("2025-02-14T14:34:43", "text")


@pytest.mark.parametrize("line, expected", [
    ("Source: Reuters", "Reuters"),
    ("Source：Reuters", "Reuters"),
    ("来源：新华网", "新华网"),
    ("来源: 人民日报 作者：张三", "人民日报"),
    ("发布时间：2025-02-14 14:34 来源：央视新闻 编辑：李四", "央视新闻"),
    ("文章来源：澎湃新闻", "澎湃新闻"),
    ("转载自：第一财经", "第一财经"),
    ("Source: Bloomberg 2025-02-14", "Bloomberg"),
    ("Originally published by The Guardian", "The Guardian"),
    ("This article was reprinted from Caixin, and does not represent the views of this site.", "Caixin"),
    ("Industry dynamics 2025-02-14 14:34:43 Source:", None),
    ("Source: this site", None),
    ("来源：本站", None),
    ("来源：网络", None),
    ("The source of the leak remains unknown, officials said.", None),
])
def test_original_source_from_text(line: str, expected: str | None) -> None:
    tree, lines = page("", f"<p>{line}</p>")
    assert meta.original_source(tree, lines) == expected


def test_original_source_meta_tag_and_own_name_and_length() -> None:
    tree, lines = page('<meta name="source" content="Xinhua">', "<p>Body.</p>")
    assert meta.original_source(tree, lines) == "Xinhua"
    tree, lines = page('<meta property="og:site_name" content="AdminSo">', "<p>Source: AdminSo</p>")
    assert meta.original_source(tree, lines) is None
    tree, lines = page("", "<p>Source: " + "Very Long Outlet Name " * 10 + "</p>")
    assert len(meta.original_source(tree, lines)) <= 60


def test_author() -> None:
    tree, lines = page(JSON_LD, "")
    assert meta.author(tree, lines) == "Jane Doe"
    tree, lines = page('<meta name="author" content="John Smith">', "")
    assert meta.author(tree, lines) == "John Smith"
    tree, lines = page("", "<p>来源：新华网 作者：张三 编辑：李四</p>")
    assert meta.author(tree, lines) == "张三"
    tree, lines = page('<meta property="article:author" content="https://facebook.com/x">', "")
    assert meta.author(tree, lines, fallback="Trafilatura Name") == "Trafilatura Name"
    assert meta.author(*page(), fallback=None) is None


def test_tags_sources_dedup_and_title_prefix_junk() -> None:
    head = ("<title>Is US Chip Export Control to China Failing? The Rise of DeepSeek</title>"
            '<meta name="keywords" content="chips, Nvidia，DeepSeek"><meta property="article:tag" content="AI">')
    body = "<p>Tag: Is US Chip Export Control to China Failing The</p><p>Tags: Nvidia, export controls</p>"
    tree, lines = page(head + JSON_LD, body)
    assert meta.tags(tree, lines, fallback=["ai", "Trade"]) == ["AI", "chips", "Nvidia", "DeepSeek", "export controls", "Trade"]


def test_tags_chinese_lines() -> None:
    tree, lines = page("<title>芯片出口管制</title>", "<p>标签：芯片 出口管制 人工智能</p><p>关键词：芯片、美国；英伟达</p>")
    assert meta.tags(tree, lines) == ["芯片", "出口管制", "人工智能", "美国", "英伟达"]


def test_category_sources() -> None:
    tree, lines = page('<meta property="article:section" content="World">' + JSON_LD, "")
    assert meta.category(tree, lines) == "World"
    tree, lines = page(JSON_LD, "")
    assert meta.category(tree, lines) == "Technology"
    title = "Is US Chip Export Control to China Failing? The Rise of DeepSeek"
    tree, lines = page(f"<title>{title}</title>", "<div>Home > News list > Tech >> Industry dynamics</div>")
    assert meta.category(tree, lines) == "Industry dynamics"
    tree, lines = page(f"<title>{title}</title>", f"<div>Home > Tech > {title}</div>")
    assert meta.category(tree, lines) == "Tech"
    tree, lines = page("", "<div>当前位置：首页 > 科技 > 行业动态 > 正文</div>")
    assert meta.category(tree, lines) == "行业动态"
    tree, lines = page("", '<ol class="breadcrumb"><li><a>Home</a></li><li><a>Markets</a></li><li>Oil rises</li></ol>')
    assert meta.category(tree, lines) in {"Oil rises", "Markets"}
    assert meta.category(*page(), fallback=["Economy"]) == "Economy"
    assert meta.category(*page()) is None


def test_detect_language() -> None:
    assert meta.detect_language("美国政府试图通过收紧芯片出口管制来遏制中国人工智能的发展。Nvidia 和 DeepSeek。", "en") == "zh"
    english = "The US government attempted to curb China's AI development by tightening chip export controls."
    assert meta.detect_language(english, "zh-CN") == "en"
    german = "Die Bundesregierung hat am Mittwoch neue Regeln für den Export von Halbleitern beschlossen."
    assert meta.detect_language(german, None) == "de"
    assert meta.detect_language("OK", "en-US") == "en"
    assert meta.detect_language("", "zh-CN") == "zh"
    assert meta.detect_language("", None) is None


def test_visible_lines_drops_invisible_and_splits_blocks() -> None:
    tree, lines = page("<title>T</title><style>p{}</style>",
                       "<div>a <b>bold</b><script>var x=1</script><!-- c --> tail<p>p1<br>p2</p></div>"
                       "<noscript>enable js</noscript><ul><li>one</li><li>two</li></ul>")
    assert lines == ["a bold tail", "p1", "p2", "one", "two"]


# ---------------------------------------------------------------- dates by the headline, page clock

def _page(body: str, head: str = "") -> tuple:
    tree = lxml.html.fromstring(f"<html><head>{head}</head><body>{body}</body></html>")
    return tree, meta.visible_lines(tree)


def test_byline_date_by_the_headline_beats_the_header_date() -> None:
    tree, lines = _page("<div>Friday, February 14, 2025 | Sign in</div><h1>Bridge reopens early</h1>"
                        "<div>By Dana Whitfield | February 9, 2025 7:40 AM | Source: Courier</div>")
    assert meta.published_date(tree, lines, "https://x.com/a", now=NOW, title="Bridge reopens early") == (
        "2025-02-09T07:40:00", "text")


def test_an_update_date_is_not_the_publication_date() -> None:
    tree, lines = _page("<h1>Grain prices slip</h1><div>Last updated: February 13, 2025 9:05 AM</div>"
                        "<div>February 12, 2025 6:05 AM</div>")
    assert meta.published_date(tree, lines, "https://x.com/a", now=NOW, title="Grain prices slip")[0] == "2025-02-12T06:05:00"
    tree, lines = _page("<h1>地铁开通</h1><p>本帖最后由 小编 于 2025-2-13 08:47 编辑</p><p>2025-2-12 09:20|发布者: 小编</p>")
    assert meta.published_date(tree, lines, "https://x.cn/a", now=NOW, title="地铁开通")[0] == "2025-02-12T09:20:00"


def test_utc_structured_date_keeps_the_wall_clock_the_page_shows() -> None:
    head = '<script type="application/ld+json">{"@type": "NewsArticle", "datePublished": "2025-02-11T20:05:41Z"}</script>'
    tree, lines = _page("<h1>AI tutors</h1><div>By M. Greene · Feb 11, 2025, 3:05 p.m. EST</div>", head)
    assert meta.published_date(tree, lines, "https://x.com/a", now=NOW, title="AI tutors") == (
        "2025-02-11T15:05:41-05:00", "json-ld")  # the same moment, at the page's offset
    tree, lines = _page("<h1>AI tutors</h1><div>Feb 11, 2025</div>", head)
    assert meta.published_date(tree, lines, "https://x.com/a", now=NOW, title="AI tutors")[0] == "2025-02-11T20:05:41+00:00"


def test_author_is_not_the_outlet_an_account_or_the_cms() -> None:
    head = '<meta name="generator" content="Discuz! X3.4"><meta name="author" content="Discuz! Team and Comsenz UI Team">'
    tree, lines = _page("<h1>x</h1><p>Author adminPosted on February 1, 2025</p>", head)
    assert meta.author(tree, lines) is None
    tree, lines = _page("<div>Story by Megan Ashby</div>")
    assert meta.author(tree, lines) == "Megan Ashby"
    tree, lines = _page("<div>Pine Valley Gazette</div>")
    assert meta.author(tree, lines, fallback="Pine Valley Gazette", not_="Pine Valley Gazette") is None


def test_credit_phrases_name_the_outlet() -> None:
    for line, outlet in (("Reposted from Lion City Times. Copyright belongs to the original author.", "Lion City Times"),
                         ("© Provided by Capital Markets Daily", "Capital Markets Daily"),
                         ("2025-2-13 09:20|发布者: 江城小编|评论: 0|来自: 江城晚报", "江城晚报")):
        tree, lines = _page(f"<p>{line}</p>")
        assert meta.original_source(tree, lines) == outlet


def test_breadcrumb_without_a_class_and_repeated_section() -> None:
    tree, lines = _page('<div class="z"><a href="./" title="首页">江城在线</a> <em>›</em> <a href="portal.php">门户</a> '
                        '<em>›</em> <a href="portal.php?mod=list&amp;catid=1">江城新闻</a> <em>›</em> 查看内容</div>')
    assert meta.category(tree, lines) == "江城新闻"
    tree, lines = _page('<div class="crumbs"><a href="/en-us/money">Money</a> <span>›</span> <span>Money</span></div>')
    assert meta.category(tree, lines) == "Money"
    head = "<title>City Library Drops Late Fees - Headline Junction: Your Source for Local News</title>"
    tree, lines = _page('<td class="crumb"><a href="/">Home</a> » <a href="/section/local/">Local</a></td>', head)
    assert meta.category(tree, lines) == "Local"


def test_a_date_only_meta_gains_the_time_printed_without_the_year() -> None:
    head = '<meta name="publishdate" content="2025-02-12">'
    tree, lines = _page("<h1>景区门票减免</h1><div>文旅周刊 02-12 10:45 作者：许悦</div><p>评论 02-13 11:00</p>", head)
    assert meta.published_date(tree, lines, "https://m.x.cn/a", now=NOW, title="景区门票减免")[0] == "2025-02-12T10:45:00"
    tree, lines = _page("<h1>Museum reopens</h1><div>Feb 12 at 10:45 | 2月12日 10:45</div>", head)
    assert meta.published_date(tree, lines, "https://x.com/a", now=NOW, title="Museum reopens")[0] == "2025-02-12T10:45:00"
    # another day's time (a comment, a related story) is not the story's
    tree, lines = _page("<h1>景区门票减免</h1><div>02-13 11:00</div>", head)
    assert meta.published_date(tree, lines, "https://m.x.cn/a", now=NOW, title="景区门票减免")[0] == "2025-02-12T00:00:00"


def test_section_from_a_section_label_or_the_cms_title() -> None:
    tree, lines = _page('<div class="channel-chip">汽车</div><h1>二手车保值率榜单出炉</h1>')
    assert meta.category(tree, lines) == "汽车"
    tree, lines = _page('<span class="article-category">Markets</span><h1>Oil rises</h1>')
    assert meta.category(tree, lines) == "Markets"
    # a channel bar lists every section: it names none
    tree, lines = _page('<nav class="m-channels"><a href="/a">要闻</a><a href="/b">体育</a></nav><h1>夺冠</h1>')
    assert meta.category(tree, lines) is None
    tree, lines = _page("<h1>骑手社保试点扩围</h1>", "<title>骑手社保试点扩围_社会_速递报</title>")
    assert meta.category(tree, lines) == "社会"
    tree, lines = _page("<h1>Water rates to rise</h1>", "<title>Water rates to rise - Local - City Post</title>")
    assert meta.category(tree, lines) == "Local"
    # "Headline - Site" has no section; nor has a title that does not open with the headline
    tree, lines = _page("<h1>Water rates to rise</h1>", "<title>Water rates to rise - City Post</title>")
    assert meta.category(tree, lines) is None
    tree, lines = _page("<h1>夺冠</h1>", "<title>速递报_手机版_首页</title>")
    assert meta.category(tree, lines) is None


def test_a_footer_menu_is_not_a_breadcrumb() -> None:
    tree, lines = _page('<p><a href="/m/">首页</a> | <a href="/pc">电脑版</a> | <a href="/m/about">关于我们</a></p>')
    assert meta.category(tree, lines) is None
    tree, lines = _page('<p><a href="/m/">首页</a> &gt; <a href="/m/list/tiyu">体育</a></p>')
    assert meta.category(tree, lines) == "体育"


def test_author_is_not_the_cms_credit_a_reading_time_or_the_credited_outlet() -> None:
    head = '<meta name="generator" content="Discuz! X3.4"><meta name="author" content="Discuz Team; Comsenz UI Team">'
    tree, lines = _page("<h1>地铁开通</h1>", head)
    assert meta.author(tree, lines) is None
    tree, lines = _page("<h1>Painting found</h1><div>Story by Pieter van Dam • 5d • 2 min read</div>")
    assert meta.author(tree, lines) == "Pieter van Dam"
    tree, lines = _page("<h1>Robots</h1>")
    assert meta.author(tree, lines, fallback="Source Pine Valley Gazette", not_="Pine Valley Gazette") is None
    assert meta.author(tree, lines, fallback="Dana Whitfield", not_="Pine Valley Gazette") == "Dana Whitfield"


@pytest.mark.parametrize("body", [
    '<div class="tags"><i class="icon"></i>TAGS: <a href="/t/1">Chips</a> <a href="/t/2">Trade</a></div>',  # label in a tail, any case
    '<div><span>Keywords：</span><a href="/t/1">Chips</a>, <a href="/t/2">Trade</a></div>',  # label in a child
    '<p>标签： <a href="/t/1">Chips</a> <a href="/t/2">Trade</a></p>',
])
def test_linked_tags_found_wherever_the_label_text_sits(body: str) -> None:
    tree, lines = page("<title>A story</title>", f"<p>{'Words of the story. ' * 10}</p>{body}")
    assert meta._linked_tags(tree, lines) == ["Chips", "Trade"]


def test_linked_tags_need_a_visible_label() -> None:
    tree, lines = page("<script>var tags = 'Tags: x';</script>",
                       '<div>Topics <a href="/t/1">Chips</a> <a href="/t/2">Trade</a></div>')
    assert meta._linked_tags(tree, lines) == []
    assert meta._linked_tags(tree) == []  # without lines, every text is searched: still no label block


def test_visible_lines_keep_the_text_after_comments_and_hidden_elements() -> None:
    tree = lxml.html.fromstring("<div><p>one<!-- a note --> two<script>var x;</script> three</p>"
                                "<style>p {}</style>four<div>five</div>six</div>")
    assert meta.visible_lines(tree) == ["one two three", "four", "five", "six"]


def test_visible_lines_of_a_page_nested_deeper_than_python_recursion() -> None:
    depth = 1500  # past Python's default recursion limit; huge_tree, or libxml2 drops what is below 256 levels
    html = "<html><body>" + "<span>" * depth + "deep" + "</span>" * depth + "after</body></html>"
    tree = lxml.html.fromstring(html, parser=lxml.html.HTMLParser(huge_tree=True))
    assert meta.visible_lines(tree) == ["deepafter"]
