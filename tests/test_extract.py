"""extract_article / extract_page on strings: the same pure function the pipeline runs in its process pool."""
import json
import subprocess
import sys
from pathlib import Path

from pipelines.extract import extract_article, extract_page

PARAS = [
    "The regional government announced on Monday that it will double the number of night buses on the "
    "main routes from March, after a year in which ridership grew faster than anyone had planned for.",
    "Transport officials said the extra services would cost about 12 million a year and would be paid for "
    "partly by a new levy on parking spaces in the city centre, which business groups have criticised.",
    "Unions welcomed the plan but warned that the operator would struggle to hire enough drivers, pointing "
    "to vacancies that have stayed open for months despite two rounds of pay increases since last spring.",
]


def page(body_html: str, head: str = "", url_title: str = "Night buses to double from March") -> str:
    return f"""<!doctype html><html lang="en"><head><meta charset="utf-8"><title>{url_title} | Daily Wire Hub</title>
    {head}</head><body><nav><a href="/">Home</a> <a href="/news/">News</a> <a href="/about.html">About</a></nav>
    <div class="crumb">Home &gt; News list &gt; City</div>
    <article><h1>{url_title}</h1><div class="info">City 2025-03-02 09:15:00 Source: Metro Herald</div>
    {body_html}
    <div class="tags">Tag: <a href="/tag/buses.html">buses</a> <a href="/tag/transport.html">transport</a></div>
    <p>Disclaimer: The content of this article is sourced from the internet. The copyright belongs to the original author.</p>
    </article><footer><p>Copyright @ 2007~2025 All Rights Reserved.</p><p>Scan WeChat QR code</p></footer></body></html>"""


ARTICLE = page("".join(f"<p>{p}</p>" for p in PARAS))
URL = "http://news.example.com/news/2025/0302/7781.html?utm_source=rss#top"


def test_article_fields():
    article = extract_article(ARTICLE, URL, {"name": "wirehub"})
    assert article["url"] == "http://news.example.com/news/2025/0302/7781.html"
    assert article["title"] == "Night buses to double from March"
    assert article["body"].split("\n\n") == PARAS
    assert article["published"] == "2025-03-02T09:15:00"
    assert article["original_source"] == "Metro Herald"
    assert article["tags"] == ["buses", "transport"]
    assert article["language"] == "en"
    assert article["source"] == "wirehub"
    json.dumps(article)  # what `newsdb extract` prints and the store writes


def test_index_pages_are_not_articles():
    links = "".join(f'<li><a href="/news/2025/0302/{i}.html">Story number {i} about the city and its plans</a></li>'
                    for i in range(40))
    listing = page(f"<ul>{links}</ul>")
    assert extract_page(listing, "http://news.example.com/news/list_2.html")["kind"] == "not_article"
    assert extract_page(ARTICLE, "http://news.example.com/")["kind"] == "not_article"
    assert extract_page("", URL)["kind"] == "not_article"


def test_page_with_only_boilerplate_is_empty():
    result = extract_page(page("<p>Scan the QR code to read on your phone.</p>"), URL)
    assert result["kind"] == "empty"


def test_article_url_patterns_decide_when_given():
    source = {"name": "s", "article_url_patterns": [r"/story/\d+$"]}
    assert extract_article(ARTICLE, URL, source) is None
    assert extract_article(ARTICLE, "http://news.example.com/story/7781", source) is not None


def test_per_source_boilerplate_and_prune_rules():
    extra = "<p>Subscribe to the Daily Wire Hub breakfast briefing for more.</p><div class='ad'>BUY NOW cheap flights to anywhere in the world today only</div>"
    html = page("".join(f"<p>{p}</p>" for p in PARAS) + extra)
    plain = extract_article(html, URL)
    assert "breakfast briefing" in plain["body"]
    tuned = extract_article(html, URL, {"name": "s", "boilerplate": [r"^Subscribe to the Daily Wire Hub"],
                                        "prune_xpath": ["//div[@class='ad']"]})
    assert "breakfast briefing" not in tuned["body"] and "BUY NOW" not in tuned["body"]


def test_chinese_article():
    paras = ["国家统计局今天发布数据显示，今年前三季度全国规模以上工业增加值同比增长百分之五点八，比上半年加快零点二个百分点。",
             "分行业看，高技术制造业增加值增长百分之九点一，装备制造业增长百分之七点四，新动能持续发挥作用。",
             "专家表示，工业生产保持稳定恢复态势，随着一揽子政策效应持续显现，四季度经济有望继续回升向好。"]
    html = f"""<html><head><meta http-equiv="Content-Type" content="text/html; charset=gb2312"><title>前三季度工业增加值增长5.8%_资讯网</title></head>
    <body><div class="position">当前位置：首页 &gt; 财经 &gt; 正文</div><h1>前三季度工业增加值增长5.8%</h1>
    <div class="info">发布时间：2025年10月18日 10:05　来源：新华网　作者：李明</div>
    {''.join(f'<p>{p}</p>' for p in paras)}
    <p>（责任编辑：王芳）</p><div>标签：<a href="/t/1">工业</a> <a href="/t/2">统计</a></div>
    <p>免责声明：本文来源于网络，版权归原作者所有，如有侵权请联系删除。</p><p>扫描二维码，关注我们的微信公众号</p></body></html>"""
    article = extract_article(html, "http://zx.example.cn/a/20251018/51230.html")
    assert article["body"].split("\n\n") == paras
    assert article["published"] == "2025-10-18T10:05:00"
    assert (article["original_source"], article["author"]) == ("新华网", "李明")
    assert article["tags"] == ["工业", "统计"]
    assert article["language"] == "zh"


def test_resegment_cuts_a_glued_story_back_into_the_pages_blocks():
    from pipelines.extract import resegment
    lines = ["Home", "南国都市报记者 黄嘉怡", "2月12日是元宵节，在城西石榴岗城中村改造项目回迁现场，首批286户居民领到了新房钥匙。",
             "图片来源：南国都市报", "今年68岁的陈伯在这里住了大半辈子。他告诉记者，以前家里的老房子又窄又潮，一下雨巷子就积水。"]
    glued = " ".join(lines[1:])
    assert resegment([glued], lines) == lines[1:]
    assert resegment([f"| {glued} |"], lines) == lines[1:]  # a story kept in one table cell
    assert resegment([" ".join(PARAS)], ["x"] + PARAS) == PARAS
    # a footer row of short inline pieces stays one line, so its own rule can drop it whole
    footer = ["Archiver|手机版|小黑屋|江城在线", "( 鄂ICP备12345678号-1 )"]
    assert resegment([" ".join(footer)], footer) == [" ".join(footer)]
    # text that is not a run of the page's lines is left alone
    assert resegment([PARAS[0], "Something else"], PARAS) == [PARAS[0], "Something else"]


def test_short_glued_story_and_its_captions_come_out_as_paragraphs():
    paras = ["2月12日是元宵节，在城西石榴岗城中村改造项目回迁现场，首批286户居民领到了新房钥匙。",
             "今年68岁的陈伯在这里住了大半辈子。他告诉记者，以前家里的老房子又窄又潮，一下雨巷子就积水。",
             "据介绍，该项目于2021年启动，回迁房共有4栋，配套建设了幼儿园、社区卫生服务站和长者饭堂。"]
    html = f"""<html lang="zh"><head><meta charset="utf-8"><title>城中村改造首批居民回迁</title>
    <meta property="og:type" content="article"></head><body><h1>城中村改造首批居民回迁</h1>
    <article><p>南国都市报记者 黄嘉怡</p><p>{paras[0]}</p><div><img src="a.jpg"><p>图片来源：南国都市报</p></div>
    <p>{paras[1]}</p><p>{paras[2]}</p><p>编辑|周雨晴　审核|刘畅</p></article></body></html>"""
    article = extract_article(html, "http://share.example.com/a/7471188862330995201/")
    assert article["body"].split("\n\n") == paras


def test_wechat_editor_sections_keep_their_short_lines():
    items = ["专家还给出了几条具体建议：", "读写时保持正确姿势；", "保证充足睡眠；", "每半年进行一次视力检查。"]
    body = "".join(f'<section style="margin:0"><span>{t}</span></section>' for t in items)
    html = page("".join(f"<section><span>{p}</span></section>" for p in PARAS) + body)
    article = extract_article(html, URL)
    assert article["body"].split("\n\n") == PARAS + items


def test_a_worker_starts_with_everything_extraction_loads_lazily():
    """Its first real article must not pay for py3langid's model (0.4 s of a page's timeout): a fresh
    interpreter, as a pool worker is."""
    code = ("import py3langid.langid as langid; from pipelines.extract import start_worker; start_worker(0); "
            "print(langid.IDENTIFIER is not None)")
    done = subprocess.run([sys.executable, "-c", code], cwd=Path(__file__).resolve().parents[1],
                          capture_output=True, text=True, timeout=120)
    assert done.stdout.strip() == "True", done.stderr[-2000:]
