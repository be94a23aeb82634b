"""Regenerate tests/sites/*/public and tests/sites/expected.json from content.py.

Run: .venv/bin/python tests/sites/_generator/generate.py
It DELETES and rewrites every site's public/ folder and expected.json. site.toml and source.toml
are hand-written and not touched. Hand edits to public/ files are lost on regeneration.
"""
import html, json, re, shutil, sys
from datetime import datetime, timedelta, timezone
from pathlib import Path
from urllib.parse import quote
sys.path.insert(0, str(Path(__file__).parent))
from content import G, Z, CHANNELS, W_ORIG

ROOT = Path(__file__).resolve().parent.parent
for _site in ("globalnewshub", "zixun", "worldbrief"):
    shutil.rmtree(ROOT / _site / "public", ignore_errors=True)
E = html.escape
TZ = timezone(timedelta(hours=8))
PNG = bytes.fromhex("89504e470d0a1a0a0000000d4948445200000001000000010806000000"
                    "1f15c4890000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082")

def w(site, rel, text, enc="utf-8"):
    p = ROOT / site / "public" / rel.lstrip("/")
    p.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(text, bytes):
        p.write_bytes(text)
    else:
        p.write_bytes(text.encode(enc))  # strict: fails on characters outside the charset

def paras_only(paras):
    return [p for p in paras if isinstance(p, str)]

SENT = re.compile(r".+?(?:[.!?]”?(?=\s|$)|[。！？]”?)")

def sentences(text):
    out = [m.group(0).strip() for m in SENT.finditer(text)]
    return out or [text]

def first_sentence(text):
    return sentences(text)[0]

def slug(tag):
    """URL slug of a tag: ASCII tags are hyphenated, others kept as text (percent-encoded in links)."""
    if not tag.isascii():
        return tag
    return re.sub(r"[^a-z0-9]+", "-", tag.lower()).strip("-")


def qslug(tag):
    return quote(slug(tag))

def dt(s):
    fmt = "%Y-%m-%d %H:%M:%S" if s.count(":") == 2 else "%Y-%m-%d %H:%M"
    return datetime.strptime(s, fmt).replace(tzinfo=TZ)

def rfc822(s):
    return dt(s).strftime("%a, %d %b %Y %H:%M:%S +0800")

expected = {"articles": [], "non_articles": [], "boilerplate": [], "gbk_check": []}

def exp(site, path, title, date, author, src, cat, tags, lang, paras, contains_idx=(1, -2), dup=None):
    ps = paras_only(paras)
    contains = [sentences(ps[1])[0]]
    last = sentences(ps[-2])[-1]
    if last not in contains:
        contains.append(last)
    if len(ps) > 4:
        contains.append(sentences(ps[len(ps) // 2])[0])
    contains = list(dict.fromkeys(contains))
    expected["articles"].append(dict(
        site=site, path=path, title=title, published=date[:16], author=author,
        original_source=src, category=cat, tags=tags, language=lang, body_contains=contains,
        first_paragraph=ps[0], last_paragraph=ps[-1], duplicate_of=dup,
        paragraphs=[p if isinstance(p, str) else p[1] for p in paras]))

# ---------------------------------------------------------------- globalnewshub
GN = "globalnewshub"
gz = Z[4]  # 长江禁渔 reprinted on globalnewshub
g8 = dict(id=1001, date="2025-02-10 18:20:00", mode="text", src="中国新闻网", author=None, top="中文资讯",
          cat="中文资讯", tags=["长江", "生态保护"], keywords=True, lang="zh", title=gz["title"],
          paras=gz["paras"][:3] + [gz["paras"][3] + "据了解，仅湖北一省就有数千名退捕渔民加入了护渔队伍。"] + gz["paras"][4:])
GA = G + [g8]
for a in GA:
    d = a["date"]
    a["path"] = f"/news/{d[:4]}/{d[5:7]}{d[8:10]}/{a['id']}.html"
    a.setdefault("lang", "en")
TOPS = {"Tech": "tech", "Business": "business", "Finance": "finance", "Science": "science",
        "Society": "society", "中文资讯": "chinese"}
BYID = {a["id"]: a for a in GA}
ORDER = sorted(GA, key=lambda a: a["date"], reverse=True)
GN_AUTHORS = {"Daniel Hart": "/author/daniel-hart.html"}

def gn_nav():
    items = [("/", "Home"), ("/news/list_1.html", "News list")] + [(f"/category/{v}.html", k if k != "中文资讯" else "中文") for k, v in TOPS.items()] + [("/archive/", "Archive"), ("/search?q=", "Search"), ("/about.html", "About us")]
    return '<ul class="nav">' + "".join(f'<li><a href="{h}">{E(t)}</a></li>' for h, t in items) + "</ul>"

def gn_head(title, extra=""):
    return f"""<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{E(title)}</title>
{extra}<link rel="stylesheet" href="/static/css/main.css">
<link rel="alternate" type="application/rss+xml" title="Global News Hub" href="__BASE__/rss.xml">
</head>
<body>
<div class="topbar">Welcome to Global News Hub! | <a href="/about.html">About us</a> | <a href="javascript:void(0)">Set as homepage</a> | <a href="/member/login.html">Log in</a> | Mobile version</div>
<div class="header"><a href="/"><img src="/static/img/logo.png" alt="Global News Hub"></a>
<form action="/search" method="get"><input type="text" name="q" placeholder="Search news"><button>Search</button></form></div>
{gn_nav()}
"""

def gn_side():
    hot = "".join(f'<li><a href="{a["path"]}">{E(a["title"])}</a></li>' for a in ORDER[:6])
    return f"""<div class="right">
<div class="hot"><h3>Hot news</h3><ol>{hot}</ol></div>
<div class="calendar"><h3>Archive</h3><p><a href="/archive/2025-02-14.html">14 February 2025</a> | <a href="/archive/2025-02.html">February 2025</a></p></div>
<div class="qr"><img src="/static/img/qrcode.png" alt="QR"><p>Scan WeChat QR code</p><p>Follow us for more hot news</p></div>
<div class="friends"><h3>Friendly links</h3><ul><li><a href="__BASE_worldbrief__/">WorldBrief</a></li><li><a href="http://127.0.0.9:1/">Asia Markets Daily</a></li><li><a href="/out/partner">Partner network</a></li></ul></div>
</div>"""

GN_FOOT = """<div class="footer">
<p><a href="/about.html">About us</a> | <a href="/about.html#contact">Contact</a> | <a href="/about.html#ads">Advertise</a> | <a href="/sitemap_index.xml">Sitemap</a></p>
<p>GlobalNewsHub<br>http://www.globalnewshub.example</p>
<p>Copyright @ 2007~2025 All Rights Reserved.</p>
<p>Powered By GNHub CMS</p>
<p>Open your phone and scan the QR code on it to open the mobile version</p>
</div>
<div id="cookie-notice">We use cookies to improve your experience on our site. By continuing to browse, you agree to our use of cookies. <a href="/about.html#privacy">Privacy policy</a> <button>Accept</button></div>
<script src="/static/js/site.js"></script>
</body>
</html>
"""
GN_DISCLAIMER = "Disclaimer: The content of this article is sourced from the internet. The copyright of the text, images and other materials belongs to the original author. The platform reprints the materials for the purpose of conveying more information; the content is for reference and learning only and should not be used for commercial purposes. If it infringes on your legitimate rights and interests, please contact us promptly and we will handle it as soon as possible! Thank you for sharing."

def gn_crumb(a):
    top = a["top"]
    s = f'<a href="/">Home</a> &gt; <a href="/news/list_1.html">News list</a> &gt; <a href="/category/{TOPS[top]}.html">{E(top)}</a>'
    if a["cat"] != top:
        s += f' &gt;&gt; <a href="/category/{TOPS[top]}.html#{slug(a["cat"])}">{E(a["cat"])}</a>'
    return f'<div class="crumb">{s}</div>'

def gn_article(a, i):
    d = dt(a["date"])
    iso = d.isoformat()
    ps = paras_only(a["paras"])
    extra = ""
    if a["keywords"]:
        extra += f'<meta name="keywords" content="{E(",".join(a["tags"]))}">\n'
    extra += f'<meta name="description" content="{E(first_sentence(ps[0]))}">\n'
    if a["id"] not in (1012, 1001):  # some pages have no canonical link
        extra += f'<link rel="canonical" href="__BASE__{a["path"]}">\n'
    extra += f'<meta property="og:type" content="article">\n<meta property="og:title" content="{E(a["title"])}">\n<meta property="og:site_name" content="Global News Hub">\n'
    if a["mode"] == "meta":
        extra += f'<meta property="article:published_time" content="{iso}">\n'
    if a["mode"].startswith("jsonld"):
        pub = iso if a["mode"] == "jsonld" else d.astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
        ld = {"@context": "https://schema.org", "@type": "NewsArticle", "headline": a["title"],
              "datePublished": pub, "dateModified": pub, "articleSection": a["cat"],
              "mainEntityOfPage": "__BASE__" + a["path"],
              "image": ["__BASE__/static/img/p%d.jpg" % a["id"]],
              "publisher": {"@type": "Organization", "name": "Global News Hub",
                            "logo": {"@type": "ImageObject", "url": "__BASE__/static/img/logo.png"}}}
        if a["author"]:
            ld["author"] = {"@type": "Person", "name": a["author"]}
        extra += f'<meta property="article:section" content="{E(a["cat"])}">\n'
        extra += '<script type="application/ld+json">' + json.dumps(ld, ensure_ascii=False) + "</script>\n"
    body = []
    fig = f'<figure class="pic"><img src="/static/img/p{a["id"]}.jpg" alt="{E(a["title"])}"><figcaption>{E(a["title"])}</figcaption></figure>'
    body.append(fig)
    for k, p in enumerate(a["paras"]):
        if isinstance(p, tuple):
            body.append(f"<h2>{E(p[1])}</h2>")
        else:
            body.append(f"<p>{E(p)}</p>")
        if k == 2 and a["id"] in (1024, 1008):
            body.append('<div class="adbox"><span>Advertisement</span><a href="/about.html#ads"><img src="/static/img/ad.png" alt="ad"></a></div>')
    author = f' <span class="author">Author: <a href="{GN_AUTHORS[a["author"]]}">{E(a["author"])}</a></span>' if a["author"] in GN_AUTHORS else (f' <span class="author">Author: {E(a["author"])}</span>' if a["author"] else "")
    tags = " ".join(f'<a href="/tag/{qslug(t)}.html">{E(t)}</a>' for t in a["tags"])
    prev_a = ORDER[i + 1] if i + 1 < len(ORDER) else None
    next_a = ORDER[i - 1] if i > 0 else None
    pn = '<p>Previous: ' + (f'<a href="{prev_a["path"]}">{E(prev_a["title"])}</a>' if prev_a else "No more") + "</p>"
    pn += '<p>Next: ' + (f'<a href="{next_a["path"]}">{E(next_a["title"])}</a>' if next_a else "No more") + "</p>"
    rel = [x for x in ORDER if x is not a and (set(x["tags"]) & set(a["tags"]) or x["top"] == a["top"])][:3] or ORDER[:3]
    relh = "".join(f'<li><a href="{x["path"]}">{E(x["title"])}</a> <span>{x["date"][:10]}</span></li>' for x in rel)
    title_tag = f'{a["title"]}_{a["cat"]}_Global News Hub'
    return gn_head(title_tag, extra) + f"""{gn_crumb(a)}
<div class="main"><div class="left">
<div class="article">
<h1>{E(a["title"])}</h1>
<div class="info"><span class="cat">{E(a["cat"])}</span> <span class="time">{a["date"]}</span> <span class="source">Source: {E(a["src"])}</span>{author} <span class="views">Views: {(a["id"] * 7) % 5000 + 311}</span></div>
<div class="summary"><b>{E(a["title"])}</b>{E(first_sentence(ps[0]))}</div>
<div class="content" id="article-content">
{chr(10).join(body)}
</div>
<div class="tags">Tag: {tags}</div>
<div class="share">Share to: <a href="#">Facebook</a> <a href="#">Twitter</a> <a href="#">WeChat</a> <a href="#">Weibo</a></div>
<div class="disclaimer"><p>{GN_DISCLAIMER}</p></div>
<div class="prevnext">{pn}</div>
<div class="related"><h3>Read more:</h3><ul>{relh}</ul></div>
<div class="comments" id="comments"><h3>Comments (0)</h3><p>Log in to comment. Comments are reviewed before they appear.</p></div>
</div>
</div>
{gn_side()}
</div>
""" + GN_FOOT

for i, a in enumerate(ORDER):
    w(GN, a["path"], gn_article(a, i))
    exp(GN, a["path"], a["title"], a["date"], a["author"], a["src"], a["cat"], a["tags"], a["lang"], a["paras"],
        dup={"site": "zixun", "path": gz["path"]} if a is g8 else None)

def gn_item(a, href=None):
    ps = paras_only(a["paras"])
    s = first_sentence(ps[0])
    s = s if len(s) < 120 else s[:117].rsplit(" ", 1)[0] + "..."
    return f'<li class="item"><h3><a href="{href or a["path"]}">{E(a["title"])}</a></h3><p class="meta">{a["date"][:16]} | {E(a["cat"])}</p><p class="sum">{E(s)}</p></li>'

VARIANTS = {1024: "/news/2025/0214/1024.html#comments",
            1019: "HTTP://__HOST__:__PORT__/news/2025/0213/1019.html",
            1016: "/news/2025/0212/1016.html?utm_source=rss&utm_medium=feed",
            1003: "__BASE__/news/2025/0209/1003.html?utm_source=list&utm_medium=web&utm_campaign=feb#top"}

def gn_listing(title, items, crumb, pager=""):
    return gn_head(title + " - Global News Hub") + f"""<div class="crumb">{crumb}</div>
<div class="main"><div class="left"><h1 class="list-title">{E(title)}</h1>
<ul class="list">{"".join(items)}</ul>
{pager}</div>
{gn_side()}
</div>
""" + GN_FOOT

pages = [ORDER[0:3], ORDER[3:6], ORDER[6:]]
for n, chunk in enumerate(pages, 1):
    items = [gn_item(a, VARIANTS.get(a["id"])) for a in chunk]
    pager = '<div class="pager">'
    if n > 1:
        pager += f'<a href="/news/list_{n-1}.html">Previous page</a> '
    pager += " ".join(f'<a href="/news/list_{k}.html">{k}</a>' if k != n else f"<b>{k}</b>" for k in range(1, 4))
    if n < 3:
        pager += f' <a href="/news/list_{n+1}.html">Next page</a>'
    pager += "</div>"
    w(GN, f"/news/list_{n}.html", gn_listing("News list" + (f" - page {n}" if n > 1 else ""), items,
        '<a href="/">Home</a> &gt; News list', pager))
    expected["non_articles"].append({"site": GN, "path": f"/news/list_{n}.html"})

for top, s in TOPS.items():
    items = [gn_item(a) for a in ORDER if a["top"] == top]
    w(GN, f"/category/{s}.html", gn_listing(top, items, f'<a href="/">Home</a> &gt; <a href="/news/list_1.html">News list</a> &gt; {E(top)}'))
    expected["non_articles"].append({"site": GN, "path": f"/category/{s}.html"})

alltags = sorted({t for a in GA for t in a["tags"]})
for t in alltags:
    items = [gn_item(a) for a in ORDER if t in a["tags"]]
    w(GN, f"/tag/{slug(t)}.html", gn_listing(f"Tag: {t}", items, f'<a href="/">Home</a> &gt; Tags &gt; {E(t)}'))
expected["non_articles"] += [{"site": GN, "path": f"/tag/{qslug(t)}.html"} for t in ("AI", "batteries", "长江")]

# home
top = ORDER[0]
home_items = [gn_item(a) for a in ORDER[1:6]]
home_items.append('<li class="item"><h3><a href="/n/1012.html">Night buses: council backs biggest expansion in 20 years</a></h3><p class="sum">Editor\'s pick</p></li>')
home_items.append('<li class="item"><h3><a href="/go/1021">Featured: the race to recycle lithium</a></h3><p class="sum">Sponsored by our partners</p></li>')
home = gn_head("Global News Hub - World, technology and business news aggregated", '<meta name="description" content="Global News Hub aggregates the latest world, technology, business and science news.">\n<meta name="keywords" content="news,technology,business,finance,science">\n') + f"""<div class="main"><div class="left">
<div class="focus"><a href="{top["path"]}"><img src="/static/img/p{top["id"]}.jpg" alt="{E(top["title"])}"></a><h2><a href="{top["path"]}?utm_source=home&amp;utm_medium=focus">{E(top["title"])}</a></h2></div>
<h2>Latest news</h2>
<ul class="list">{"".join(home_items)}</ul>
<p><a href="/news/list_1.html">More news &gt;&gt;</a> | <a href="/archive/">Browse the archive</a></p>
</div>
{gn_side()}
</div>
""" + GN_FOOT
w(GN, "/index.html", home)
expected["non_articles"].append({"site": GN, "path": "/"})

about = gn_head("About us - Global News Hub") + """<div class="crumb"><a href="/">Home</a> &gt; About us</div>
<div class="main"><div class="left"><div class="page">
<h1>About Global News Hub</h1>
<p>Global News Hub was founded in 2007 as a small portal that collected technology headlines for engineers in the region. Today it aggregates stories from hundreds of news outlets and presents them in one place, organised by topic.</p>
<p>Our editors select stories every day and credit the original publisher on every page. We do not produce original reporting; if you are the copyright holder of a story and would like it removed, please contact us.</p>
<h2 id="contact">Contact</h2><p>Email: editor@globalnewshub.example. Phone: +86 10 5555 0100.</p>
<h2 id="ads">Advertise with us</h2><p>Reach millions of readers each month. Contact ads@globalnewshub.example for our media kit.</p>
<h2 id="privacy">Privacy</h2><p>We use cookies to measure traffic and remember your preferences. We never sell personal data.</p>
</div></div>
""" + gn_side() + "</div>\n" + GN_FOOT
w(GN, "/about.html", about)
author = gn_head("Daniel Hart - Authors - Global News Hub") + """<div class="crumb"><a href="/">Home</a> &gt; Authors &gt; Daniel Hart</div>
<div class="main"><div class="left"><div class="author-page">
<h1>Daniel Hart</h1><img src="/static/img/avatar.png" alt="Daniel Hart">
<p>Daniel Hart covers semiconductors, trade policy and the business of artificial intelligence. Before joining the wire desk he spent six years reporting on manufacturing in Asia.</p>
<h2>Articles by Daniel Hart</h2><ul class="list">""" + gn_item(BYID[1024]) + """</ul>
</div></div>
""" + gn_side() + "</div>\n" + GN_FOOT
w(GN, "/author/daniel-hart.html", author)
search = gn_head("Search - Global News Hub", '<meta name="robots" content="noindex">\n') + """<div class="crumb"><a href="/">Home</a> &gt; Search</div>
<div class="main"><div class="left"><h1>Search</h1>
<form action="/search" method="get"><input type="text" name="q"><button>Search</button></form>
<p>Please enter keywords to search. Popular searches: <a href="/search?q=AI">AI</a> <a href="/search?q=chips">chips</a> <a href="/search?q=hydrogen">hydrogen</a></p>
</div>
""" + gn_side() + "</div>\n" + GN_FOOT
w(GN, "/search.html", search)
expected["non_articles"] += [{"site": GN, "path": p} for p in ("/about.html", "/author/daniel-hart.html", "/search?q=AI")]

# feeds, sitemaps, robots
rss_items = []
for a in [BYID[x] for x in (1024, 1019, 1021, 1016, 1008, 1003)]:
    link = "__BASE__" + a["path"] + ("?utm_source=rss&amp;utm_medium=feed" if a["id"] in (1024, 1008) else "")
    rss_items.append(f"""  <item>
    <title>{E(a["title"])}</title>
    <link>{link}</link>
    <guid isPermaLink="false">gnh-{a["id"]}</guid>
    <pubDate>{rfc822(a["date"])}</pubDate>
    <category>{E(a["cat"])}</category>
    <description>{E(first_sentence(paras_only(a["paras"])[0]))}</description>
  </item>""")
w(GN, "/rss.xml", f"""<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom">
<channel>
  <title>Global News Hub - Latest</title>
  <link>__BASE__/</link>
  <atom:link href="__BASE__/rss.xml" rel="self" type="application/rss+xml"/>
  <description>Latest stories aggregated by Global News Hub</description>
  <language>en</language>
  <lastBuildDate>{rfc822(ORDER[0]["date"])}</lastBuildDate>
{chr(10).join(rss_items)}
</channel>
</rss>
""")
w(GN, "/sitemap_index.xml", """<?xml version="1.0" encoding="UTF-8"?>
<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
  <sitemap><loc>__BASE__/sitemaps/news-2025-02.xml</loc><lastmod>2025-02-14T14:34:43+08:00</lastmod></sitemap>
  <sitemap><loc>__BASE__/sitemaps/pages.xml</loc><lastmod>2025-01-01T00:00:00+08:00</lastmod></sitemap>
</sitemapindex>
""")
urls = "\n".join(f"  <url><loc>__BASE__{a['path']}</loc><lastmod>{dt(a['date']).isoformat()}</lastmod><changefreq>never</changefreq></url>" for a in ORDER)
w(GN, "/sitemaps/news-2025-02.xml", f"""<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
{urls}
</urlset>
""")
pg = ["/", "/news/list_1.html", "/about.html", "/author/daniel-hart.html"] + [f"/category/{s}.html" for s in TOPS.values()]
w(GN, "/sitemaps/pages.xml", '<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n' + "\n".join(f"  <url><loc>__BASE__{p}</loc><changefreq>daily</changefreq></url>" for p in pg) + "\n</urlset>\n")
w(GN, "/robots.txt", "User-agent: *\nDisallow: /search\nDisallow: /member/\nAllow: /\n\nSitemap: __BASE__/sitemap_index.xml\n")
w(GN, "/static/css/main.css", "body{font-family:Arial,sans-serif}.left{float:left;width:70%}.right{float:right;width:28%}#cookie-notice{position:fixed;bottom:0}\n")
w(GN, "/static/js/site.js", "document.addEventListener('click',function(e){if(e.target.closest('#cookie-notice button')){e.target.closest('#cookie-notice').remove()}});\n")
for f in ("logo.png", "qrcode.png", "ad.png", "avatar.png"):
    w(GN, "/static/img/" + f, PNG)

# ---------------------------------------------------------------- zixun
ZX = "zixun"
ZORD = sorted(Z, key=lambda a: a["date"], reverse=True)
def z_head(title, cs, extra=""):
    meta = f'<meta http-equiv="Content-Type" content="text/html; charset={cs}" />' if cs == "gb2312" else f'<meta charset="{cs}">'
    return f"""<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">
<html xmlns="http://www.w3.org/1999/xhtml">
<head>
{meta}
<title>{E(title)}</title>
{extra}<link href="/css/style.css" rel="stylesheet" type="text/css" />
<script type="text/javascript" src="/js/common.js"></script>
</head>
<body>
<div class="topbar"><span>欢迎访问资讯网！</span><a href="javascript:void(0)">设为首页</a> | <a href="javascript:void(0)">加入收藏</a> | <a href="/m/">手机版</a> | <a href="/member/login.php">登录</a> <a href="/member/reg.php">注册</a></div>
<div class="logo"><a href="/"><img src="/images/logo.gif" alt="资讯网" /></a><form action="/search.php"><input name="q" /><input type="submit" value="搜索" /></form></div>
<div class="nav"><a href="/">首页</a>""" + "".join(f' | <a href="/channel/{k}.html">{v}</a>' for k, v in CHANNELS.items()) + """ | <a href="/list/1.html">最新资讯</a></div>
"""

def z_side():
    hot = "".join(f'<li><a href="{a["path"]}" target="_blank">{E(a["title"])}</a></li>' for a in ZORD[:5])
    rank = "".join(f'<li><span>{k}</span><a href="{a["path"]}" target="_blank">{E(a["title"])}</a></li>' for k, a in enumerate(sorted(Z, key=lambda a: a["id"] % 7), 1))
    return f"""<div class="side">
<div class="box"><h3>热点推荐</h3><ul>{hot}</ul></div>
<div class="box"><h3>点击排行</h3><ol>{rank}</ol></div>
<div class="weixin"><img src="/images/qrcode.gif" alt="微信" /><p>扫描二维码</p><p>关注我们的微信公众号</p></div>
</div>"""

Z_FOOT = """<div class="footer">
<p><a href="/about.html">关于我们</a> | <a href="/contact.html">联系我们</a> | <a href="/contact.html#ad">广告服务</a> | <a href="/sitemap.xml">网站地图</a></p>
<p>Copyright &copy; 2008-2025 zixun.example 资讯网 版权所有</p>
<p>备案号：京ICP备08000000号-1　本站部分内容来源于网络，如有侵权请联系删除</p>
</div>
</body>
</html>
"""
Z_MIANZE = "免责声明：本文来源于网络，版权归原作者所有，转载仅为传递更多信息，并不代表本站赞同其观点和对其真实性负责。如涉及作品内容、版权和其它问题，请在30日内与本站联系，我们将在第一时间删除内容！"

def z_date(a):
    d = a["date"]
    if a["dfmt"] == "cn":
        return f"{d[:4]}年{d[5:7]}月{d[8:10]}日 {d[11:16]}"
    return d

def z_article(a, i):
    ch = CHANNELS[a["ch"]]
    ind = "\u3000\u3000" if a["indent"] else ""
    body = "\n".join(f"<p>{ind}{E(p)}</p>" for p in a["paras"])
    label = "发布时间：" if a["dfmt"] == "cn" else "时间："
    info = f'{label}{z_date(a)}　来源：<a href="javascript:void(0)">{E(a["src"])}</a>'
    if a["author"]:
        info += f"　作者：{E(a['author'])}"
    info += f'　浏览次数：<span id="hits">{a["id"] % 900 + 100}</span>　【字号：<a href="#">大</a> <a href="#">中</a> <a href="#">小</a>】'
    prev_a = ZORD[i + 1] if i + 1 < len(ZORD) else None
    next_a = ZORD[i - 1] if i > 0 else None
    up = "上一篇：" + (f'<a href="{prev_a["path"]}">{E(prev_a["title"])}</a>' if prev_a else "没有了")
    down = "下一篇：" + (f'<a href="{next_a["path"]}">{E(next_a["title"])}</a>' if next_a else "没有了")
    rel = [x for x in ZORD if x is not a][:4]
    relh = "".join(f'<li><a href="{x["path"]}">{E(x["title"])}</a><span>{x["date"][5:10]}</span></li>' for x in rel)
    tags = " ".join(f'<a href="/tag.php?t={k}">{E(t)}</a>' for k, t in enumerate(a["tags"]))
    extra = f'<meta name="keywords" content="{E(",".join(a["tags"]))}" />\n<meta name="description" content="{E(a["paras"][0][:60])}" />\n'
    return z_head(f'{a["title"]}_{ch}_资讯网', a["cs"], extra) + f"""<div class="position">当前位置：<a href="/">首页</a> &gt; <a href="/channel/{a["ch"]}.html">{ch}</a> &gt; 正文</div>
<div class="wrap"><div class="main">
<div class="article">
<h1>{E(a["title"])}</h1>
<div class="info">{info}</div>
<div class="zhaiyao">【摘要】{E(first_sentence(a["paras"][0]))}</div>
<div class="content" id="zoom">
{body}
<p class="editor" style="text-align:right">（责任编辑：{E(a["editor"])}）</p>
</div>
<div class="tags">标签：{tags}</div>
<div class="share">分享到：<a href="#">新浪微博</a> <a href="#">微信</a> <a href="#">QQ空间</a>　<a href="javascript:window.print()">打印本页</a>　<a href="javascript:window.close()">关闭窗口</a></div>
<div class="mianze">{Z_MIANZE}</div>
<div class="updown"><p>{up}</p><p>{down}</p></div>
<div class="xiangguan"><h3>相关阅读</h3><ul>{relh}</ul></div>
<div class="comment"><h3>网友评论</h3><p>已有0条评论，请文明上网，理性发言。</p></div>
</div>
</div>
{z_side()}
</div>
""" + Z_FOOT

for i, a in enumerate(ZORD):
    w(ZX, a["path"], z_article(a, i), "gbk")
    exp(ZX, a["path"], a["title"], a["date"], a["author"], a["src"], CHANNELS[a["ch"]], a["tags"], "zh", a["paras"])

def z_item(a, href=None):
    return f'<li><span class="date">{a["date"][:10]}</span><a href="{href or a["path"]}" target="_blank">{E(a["title"])}</a><p>{E(a["paras"][0][:40])}……</p></li>'

def z_list_page(title, crumb, items, pager=""):
    return z_head(f"{title}_资讯网", "gbk") + f"""<div class="position">当前位置：<a href="/">首页</a> &gt; {crumb}</div>
<div class="wrap"><div class="main"><div class="list"><h2>{E(title)}</h2><ul>{"".join(items)}</ul>{pager}</div></div>
{z_side()}
</div>
""" + Z_FOOT

zpages = [ZORD[0:3], ZORD[3:6], ZORD[6:]]
for n, chunk in enumerate(zpages, 1):
    pager = f'<div class="pages">共{len(Z)}条 共3页 '
    pager += '<a href="/list/1.html">首页</a> '
    if n > 1:
        pager += f'<a href="/list/{n-1}.html">上一页</a> '
    pager += " ".join(f'<a href="/list/{k}.html">{k}</a>' if k != n else f"<b>{k}</b>" for k in range(1, 4))
    if n < 3:
        pager += f' <a href="/list/{n+1}.html">下一页</a>'
    pager += ' <a href="/list/3.html">尾页</a></div>'
    w(ZX, f"/list/{n}.html", z_list_page("最新资讯", "最新资讯", [z_item(a) for a in chunk], pager), "gbk")
    expected["non_articles"].append({"site": ZX, "path": f"/list/{n}.html"})
for k, v in CHANNELS.items():
    w(ZX, f"/channel/{k}.html", z_list_page(v, v, [z_item(a) for a in ZORD if a["ch"] == k]), "gbk")
expected["non_articles"] += [{"site": ZX, "path": "/channel/keji.html"}, {"site": ZX, "path": "/channel/sannong.html"}]
zitems = [z_item(a) for a in ZORD[2:]]
zitems.insert(0, z_item(Z[1], "/show.php?id=51230"))
zhome = z_head("资讯网_综合新闻资讯门户", "gb2312", '<meta name="keywords" content="新闻,资讯,科技,财经,社会" />\n<meta name="description" content="资讯网为您提供最新的国内新闻、科技、财经、文化、体育资讯。" />\n') + f"""<div class="wrap"><div class="main">
<div class="focus"><h2><a href="{ZORD[0]["path"]}">{E(ZORD[0]["title"])}</a></h2><p>{E(ZORD[0]["paras"][0][:50])}……<a href="{ZORD[0]["path"]}">[详细]</a></p></div>
<div class="list"><h2>最新资讯</h2><ul>{"".join(zitems)}</ul><p><a href="/list/1.html">更多&gt;&gt;</a></p></div>
<div class="links"><h3>友情链接</h3><a href="__BASE_globalnewshub__/">Global News Hub</a> <a href="__BASE_worldbrief__/">WorldBrief</a></div>
</div>
{z_side()}
</div>
""" + Z_FOOT
w(ZX, "/index.html", zhome, "gbk")
zabout = z_head("关于我们_资讯网", "gbk") + """<div class="position">当前位置：<a href="/">首页</a> &gt; 关于我们</div>
<div class="wrap"><div class="main"><div class="page">
<h1>关于我们</h1>
<p>资讯网创办于2008年，是一家综合性新闻资讯聚合平台，内容涵盖科技、财经、社会、文化、体育、健康等多个频道。</p>
<p>本站致力于为广大网友提供及时、全面的新闻资讯服务。本站转载的文章均注明来源，如有版权问题，请与我们联系。</p>
<p>联系邮箱：service@zixun.example　联系电话：010-55550100</p>
</div></div>
""" + z_side() + "</div>\n" + Z_FOOT
w(ZX, "/about.html", zabout, "gbk")
zcontact = z_head("联系我们_资讯网", "gbk") + """<div class="position">当前位置：<a href="/">首页</a> &gt; 联系我们</div>
<div class="wrap"><div class="main"><div class="page"><h1>联系我们</h1>
<p>地址：北京市朝阳区某某路100号</p><p>邮编：100000</p><p id="ad">广告合作：ad@zixun.example</p></div></div>
""" + z_side() + "</div>\n" + Z_FOOT
w(ZX, "/contact.html", zcontact, "gbk")
expected["non_articles"] += [{"site": ZX, "path": "/"}, {"site": ZX, "path": "/about.html"}, {"site": ZX, "path": "/contact.html"}]

entries = []
for a in ZORD[:6]:
    entries.append(f"""  <entry>
    <title>{E(a["title"])}</title>
    <link rel="alternate" type="text/html" href="__BASE__{a["path"]}"/>
    <id>tag:zixun.example,2025:{a["id"]}</id>
    <updated>{dt(a["date"]).isoformat()}</updated>
    <published>{dt(a["date"]).isoformat()}</published>
    <category term="{CHANNELS[a["ch"]]}"/>
    <summary>{E(a["paras"][0][:60])}……</summary>
  </entry>""")
w(ZX, "/atom.xml", f"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="zh-CN">
  <title>资讯网 - 最新资讯</title>
  <link rel="alternate" type="text/html" href="__BASE__/"/>
  <link rel="self" type="application/atom+xml" href="__BASE__/atom.xml"/>
  <id>tag:zixun.example,2008:feed</id>
  <updated>{dt(ZORD[0]["date"]).isoformat()}</updated>
{chr(10).join(entries)}
</feed>
""")
zurls = ["/", "/list/1.html"] + [a["path"] for a in ZORD]
w(ZX, "/sitemap.xml", '<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n' + "\n".join(f"  <url><loc>__BASE__{p}</loc></url>" for p in zurls) + "\n</urlset>\n")
w(ZX, "/robots.txt", "User-agent: *\nDisallow: /member/\nDisallow: /search.php\nDisallow: /tag.php\n\nSitemap: __BASE__/sitemap.xml\n")
w(ZX, "/css/style.css", "body{font:12px/1.8 SimSun}.side{float:right;width:300px}\n")
w(ZX, "/js/common.js", "function addFav(){}\n")
for f in ("logo.gif", "qrcode.gif"):
    w(ZX, "/images/" + f, PNG)
expected["gbk_check"] = ["经济学者周堃认为", "博物馆研究馆员张镕介绍"]

# ---------------------------------------------------------------- worldbrief
WB = "worldbrief"
def edit(paras, old, new):
    out = [p if isinstance(p, tuple) else p.replace(old, new) for p in paras]
    assert out != paras, old
    return out
g1, g3, z1 = BYID[1024], BYID[1021], Z[0]
w1p = edit(g1["paras"], "lost about $4 billion in orders last year", "lost roughly $4 billion in sales in 2024")
w1p = [p for p in w1p if isinstance(p, str)]
w1p[-1] += " Several allied governments are expected to file comments as well."
w2p = edit(g3["paras"], "A wave of battery recycling start-ups", "A growing wave of battery recycling start-ups")
w2p[3] += " Fire officials in several cities have urged residents never to put lithium batteries in household bins."
w3p = edit(z1["paras"], "两万余亩", "两万多亩")
w3p[2] += "有农户算了一笔账，使用智能农机后每亩地可节省成本近百元。"
WA = [
 dict(slug="/p/8h3k2.html", date="2025-02-14 18:05", lang="en", author=None, src="Reuters", cat="Technology",
      tags=["technology", "trade"], title=g1["title"], paras=w1p, dup={"site": GN, "path": g1["path"]}),
 dict(slug="/story/battery-recyclers-lithium-race", date="2025-02-13 09:40", lang="en", author="Mia Chen", src="TechCrunch",
      cat="Technology", tags=["technology", "environment"], title="Battery recyclers race to recover lithium from old phones", paras=w2p,
      dup={"site": GN, "path": g3["path"]}),
 dict(slug="/p/q7m1x.html", date="2025-02-14 12:10", lang="zh", author=None, src="新华网", cat="中国",
      tags=["china", "农业"], title=z1["title"], paras=w3p, dup={"site": ZX, "path": z1["path"]}),
] + [dict(x, dup=None) for x in W_ORIG]
WORD = sorted(WA, key=lambda a: a["date"], reverse=True)

def wb_head(title, lang, extra=""):
    return f"""<!doctype html>
<html lang="{lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width,initial-scale=1">
<title>{E(title)}</title>
{extra}<link rel="stylesheet" href="/assets/app.css">
</head>
<body class="wb">
<header class="site-header"><a class="brand" href="/">WorldBrief</a>
<nav aria-label="Main"><a href="/">Home</a><a href="/tag/technology">Tech</a><a href="/tag/travel">Travel</a><a href="/tag/china">中文</a><a href="/about">About</a><a href="/contact">Contact</a></nav>
<button class="subscribe">Subscribe</button></header>
<main>
"""
WB_FOOT = """</main>
<section class="newsletter"><h2>Sign up for our newsletter</h2><p>The day's essential stories, every morning at 7. No spam, unsubscribe any time.</p><form><input type="email" placeholder="you@example.com"><button>Sign up</button></form></section>
<footer class="site-footer"><nav><a href="/about">About</a> · <a href="/contact">Contact</a> · <a href="/about#terms">Terms</a> · <a href="/about#privacy">Privacy</a></nav>
<p>© 2025 WorldBrief Media Ltd. All rights reserved.</p></footer>
</body>
</html>
"""
def wb_when(a):
    d = dt(a["date"])
    if a["lang"] == "zh":
        return f"{d.year}年{d.month}月{d.day}日 {d:%H:%M}"
    return f"{d:%b} {d.day}, {d.year}, {d.strftime('%I').lstrip('0')}:{d:%M} {d:%p}"

def wb_article(a):
    d = dt(a["date"])
    zh = a["lang"] == "zh"
    extra = f'<link rel="canonical" href="__BASE__{a["slug"]}">\n<meta property="og:url" content="__BASE__{a["slug"]}">\n<meta property="og:type" content="article">\n<meta property="og:title" content="{E(a["title"])}">\n<meta property="article:section" content="{E(a["cat"])}">\n' + "".join(f'<meta property="article:tag" content="{E(t)}">\n' for t in a["tags"])
    by = (("作者：" if zh else "By ") + E(a["author"]) + " · ") if a["author"] else ""
    credit = (f'<p class="credit">{"来源：" if zh else "Source: "}{E(a["src"])}</p>' if a["src"] else "")
    body = "\n".join(f"<p>{E(p)}</p>" for p in a["paras"] if isinstance(p, str))
    if not zh:
        body = body.replace("</p>\n", '</p>\n<aside class="inline-promo"><a href="/tag/technology">Read more technology coverage</a></aside>\n', 1)
    more = [x for x in WORD if x is not a][:3]
    moreh = "".join(f'<li><a href="{x["slug"]}">{E(x["title"])}</a></li>' for x in more)
    topics = " ".join(f'<a href="/tag/{slug(t)}">{E(t)}</a>' if slug(t) in ("technology", "travel", "china") else f'<span>{E(t)}</span>' for t in a["tags"])  # noqa
    return wb_head(f'{a["title"]} | WorldBrief', "zh-CN" if zh else "en", extra) + f"""<article class="story">
<header><p class="kicker">{E(a["cat"])}</p><h1>{E(a["title"])}</h1>
<p class="byline">{by}<time datetime="{d.isoformat()}">{wb_when(a)}</time> · {2 + len(a["paras"]) // 2} min read</p>
{credit}</header>
<div class="story-body">
{body}
</div>
<footer class="story-footer"><p class="topics">{"话题：" if zh else "Topics: "}{topics}</p>
<div class="share">Share this story: <a href="#">X</a> <a href="#">Facebook</a> <a href="#">LinkedIn</a> <button>Copy link</button></div></footer>
</article>
<aside class="more"><h2>You might also like</h2><ul>{moreh}</ul></aside>
""" + WB_FOOT

for a in WA:
    rel = a["slug"] if a["slug"].endswith(".html") else a["slug"] + ".html"
    w(WB, rel, wb_article(a))
    exp(WB, a["slug"], a["title"], a["date"], a["author"], a["src"], a["cat"], a["tags"], a["lang"], a["paras"], dup=a["dup"])

def wb_card(a, q=""):
    return f'<li class="card"><a href="{a["slug"]}{q}"><h3>{E(a["title"])}</h3></a><p>{E(first_sentence(paras_only(a["paras"])[0]))}</p><span class="when">{wb_when(a)}</span></li>'

homecards = [wb_card(a, "?ref=home" if a["slug"] == "/p/8h3k2.html" else "") for a in WORD if a["cat"] != "Travel"]
w(WB, "/index.html", wb_head("WorldBrief — the world in brief · 世界简报", "en", '<meta name="description" content="Short, sharp summaries of the day\'s news in English and Chinese.">\n') + f"""<h1 class="visually-hidden">WorldBrief</h1>
<section class="latest"><h2>Latest</h2><ul class="cards">{"".join(homecards)}</ul>
<p><a href="/?page=2">Load more</a></p></section>
<section class="trending"><h2>Trending topics</h2><a href="/tag/technology">#technology</a> <a href="/tag/travel">#travel</a> <a href="/tag/china">#中国</a></section>
""" + WB_FOOT)
tagpages = {"technology": ("Technology", lambda a: "technology" in a["tags"]),
            "travel": ("Travel", lambda a: "travel" in a["tags"]),
            "china": ("中国 China", lambda a: a["lang"] == "zh")}
for s, (name, pred) in tagpages.items():
    w(WB, f"/tag/{s}.html", wb_head(f"{name} — WorldBrief", "en") + f'<h1>Topic: {E(name)}</h1><ul class="cards">{"".join(wb_card(a) for a in WORD if pred(a))}</ul>\n' + WB_FOOT)
w(WB, "/about.html", wb_head("About — WorldBrief", "en") + """<div class="page"><h1>About WorldBrief</h1>
<p>WorldBrief is an independent digest that condenses the day's most important stories from trusted news organisations into short, readable briefs, in English and in Chinese.</p>
<p>We link to and credit the original reporting wherever possible. Corrections and takedown requests can be sent to our editors at any time.</p>
<h2 id="terms">Terms</h2><p>Content may not be republished without permission.</p>
<h2 id="privacy">Privacy</h2><p>We collect only the minimum data needed to deliver our newsletter.</p></div>
""" + WB_FOOT)
w(WB, "/contact.html", wb_head("Contact — WorldBrief", "en") + """<div class="page"><h1>Contact us</h1>
<p>Editorial: desk@worldbrief.example</p><p>Partnerships: partners@worldbrief.example</p><p>Unit 5, 12 Harbour Road, Hong Kong</p></div>
""" + WB_FOOT)
w(WB, "/assets/app.css", ".cards{list-style:none}.visually-hidden{position:absolute;left:-9999px}\n")
w(WB, "/robots.txt", "User-agent: *\nAllow: /\n")
expected["non_articles"] += [{"site": WB, "path": p} for p in ("/", "/about", "/contact", "/tag/technology", "/tag/travel", "/tag/china")]

# ---------------------------------------------------------------- boilerplate + checks
expected["boilerplate"] = [
 "Disclaimer: The content of this article", "Copyright @ 2007~2025", "Powered By", "Scan WeChat QR code",
 "Follow us for more hot news", "Read more:", "Hot news", "We use cookies", "Previous:", "Next:", "Share to:",
 "Tag:", "Views:", "Log in to comment", "scan the QR code", "Source:", "Advertisement", "Friendly links",
 "Sign up for our newsletter", "All rights reserved", "Share this story", "You might also like", "Topics:",
 "Read more technology coverage", "min read",
 "免责声明", "扫描二维码", "关注我们的微信公众号", "相关阅读", "上一篇", "下一篇", "标签：", "版权所有", "责任编辑",
 "来源：", "作者：", "发布时间", "分享到", "网友评论", "热点推荐", "点击排行", "【摘要】", "字号", "打印本页", "话题：",
]
for a in expected["articles"]:
    for p in [a["first_paragraph"], a["last_paragraph"]] + a["body_contains"]:
        for b in expected["boilerplate"]:
            assert b not in p, (b, p)
for a in GA + Z + WA:
    for p in paras_only(a["paras"]):
        for b in expected["boilerplate"]:
            assert b not in p, (b, p)
(ROOT / "expected.json").write_text(json.dumps(expected, ensure_ascii=False, indent=1) + "\n", "utf-8")
print(len(expected["articles"]), "articles", len(expected["non_articles"]), "non-articles")
