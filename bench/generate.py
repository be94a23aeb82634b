"""Generate the benchmark aggregator sites into data/bench/sites/ (deterministic from a seed).

Three sites, each on its own loopback host (Scrapy's offsite filter ignores ports), laid out like the
sample sites (`<site>/site.toml`, `<site>/source.toml`, `<site>/public/`), so `newsdb.sample_sites`
could serve them too:

* ``wire`` (127.0.0.21): English aggregator, UTF-8, RSS + sitemap index + paginated lists + channels;
* ``zixun`` (127.0.0.22): Chinese aggregator, GBK pages (charset only in ``<meta>``), sitemap, lists;
* ``digest`` (127.0.0.23): mixed digest, UTF-8, mostly reprints of the other two (edited a little,
  "Source:" lines added), the rest its own stories.

Article pages weigh what real aggregator pages weigh (40-150 KB of HTML): a mega-menu, sidebars, an
inline stylesheet, analytics and ad scripts and a big ``window.__INITIAL_STATE__`` JSON blob, footers
with disclaimers; the story itself is a few KB. ``manifest.json`` lists every article page with its
language, encoding and, for a reprint, the page it copies.

    python -m bench.generate --articles 2000 --seed 6 --out data/bench
"""
from __future__ import annotations

import argparse
import html
import json
import random
import re
import shutil
from datetime import datetime, timedelta, timezone
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_OUT = ROOT / "data" / "bench"
VERSION = 3  # bump when the output changes, so cached sites are rebuilt

HOSTS = {"wire": "127.0.0.21", "zixun": "127.0.0.22", "digest": "127.0.0.23"}
SHARES = {"wire": 0.50, "zixun": 0.30, "digest": 0.20}
DIGEST_REPRINT_SHARE = 0.75  # of the digest's pages; the rest are its own stories
PER_LIST = 30
PER_SITEMAP = 500
BASE_DATE = datetime(2025, 2, 14, 18, 0, tzinfo=timezone(timedelta(hours=8)))

EN_WORDS = ["the", "of", "and", "to", "in", "a", "is", "that", "for", "on", "with", "as", "was", "by", "at", "from", "his", "her", "their", "its", "an", "be", "have", "has", "had", "are", "were", "will", "would", "could", "should", "may", "might", "said", "says", "report", "reports", "officials", "government", "council", "city", "country", "region", "market", "markets", "company", "companies", "bank", "banks", "prices", "price", "growth", "economy", "economic", "inflation", "rate", "rates", "investors", "shares", "trade", "tariffs", "exports", "imports", "energy", "power", "oil", "gas", "solar", "wind", "climate", "weather", "storm", "rain", "flood", "heat", "drought", "water", "river", "coast", "port", "ships", "shipping", "airport", "flights", "rail", "trains", "buses", "roads", "traffic", "transport", "workers", "jobs", "wages", "union", "strike", "talks", "deal", "agreement", "plan", "plans", "budget", "tax", "taxes", "spending", "debt", "loans", "housing", "rents", "homes", "buyers", "sellers", "schools", "students", "teachers", "university", "research", "scientists", "study", "data", "survey", "results", "hospital", "doctors", "patients", "health", "vaccine", "disease", "virus", "care", "police", "court", "judge", "trial", "case", "law", "lawmakers", "parliament", "minister", "president", "election", "voters", "campaign", "party", "leader", "leaders", "opposition", "reform", "policy", "rules", "regulators", "technology", "software", "chips", "computers", "phones", "internet", "network", "networks", "users", "platform", "platforms", "app", "apps", "security", "privacy", "attack", "hackers", "cloud", "artificial", "intelligence", "model", "models", "start-up", "start-ups", "founders", "funding", "billion", "million", "percent", "year", "years", "month", "months", "week", "weeks", "day", "days", "morning", "evening", "night", "quarter", "record", "high", "low", "new", "old", "first", "last", "next", "local", "national", "international", "global", "european", "asian", "african", "american", "northern", "southern", "eastern", "western", "capital", "province", "district", "villages", "farmers", "crops", "harvest", "food", "prices", "supply", "demand", "factory", "factories", "production", "output", "sales", "retail", "consumers", "stores", "online", "delivery", "league", "club", "players", "coach", "season", "match", "final", "win", "lost", "goals", "fans", "stadium", "music", "film", "festival", "museum", "artists", "book", "books", "history", "culture", "visitors", "tourism", "hotels", "travel", "mountain", "island", "forest", "park", "wildlife", "species", "coral", "reefs", "ocean", "fishing", "boats", "science", "space", "rocket", "satellite", "mission", "launch", "engineers", "team", "teams", "project", "projects", "test", "tests", "trial", "pilot", "programme", "expansion", "cuts", "delays", "costs", "bills", "fees", "money", "fund", "funds", "profit", "losses", "revenue", "earnings", "forecast", "outlook", "analysts", "experts", "critics", "supporters", "residents", "families", "children", "parents", "women", "men", "people", "public", "community", "communities", "service", "services", "support", "help", "warned", "told", "added", "noted", "argued", "claimed", "announced", "approved", "rejected", "expected", "planned", "agreed", "decided", "rose", "fell", "grew", "jumped", "slipped", "doubled", "halved", "reached", "hit", "passed", "raised", "lowered", "kept", "held", "opened", "closed", "began", "started", "ended", "finished", "moved", "returned", "remained", "stayed", "became", "seemed", "showed", "found", "made", "took", "gave"]
ZH_SOURCE = """立春过后南方多地气温回升田间地头一派繁忙景象各地农业农村部门组织农技人员下乡指导农户做好种子化肥和农机具的准备工作
在江西某产粮大县一台台装有北斗导航系统的插秧机和无人驾驶拖拉机正在进行检修调试当地农机合作社负责人介绍今年合作社新购置了六台智能农机
近期多款国产开源大模型在全球主流开源社区的下载量快速攀升吸引了大量海外开发者的关注业内人士认为开源正在成为国产人工智能走向世界的重要路径
商务部门发布的数据显示今年春节假期全国重点零售和餐饮企业销售额同比增长文旅餐饮电影等服务消费表现尤为突出
在多个热门旅游城市特色民宿和景区门票提前售罄经济学者认为服务消费占比持续提升反映出居民消费结构正在从买商品向买服务转变
长江十年禁渔实施以来流域水生生物多样性逐步恢复监测数据显示长江干流鱼类资源量较禁渔前有明显增加沿江各地持续加强执法监管
随着新一批高速铁路线路开通运营多个中西部城市正式迈入高铁时代与省会城市和东部沿海地区的时空距离大幅缩短铁路部门表示将根据客流变化灵活调整开行方案
专家指出开源模型的快速普及也带来了新的挑战包括数据安全模型滥用以及知识产权保护等问题需要行业共同建立规范多地政府已出台政策支持开源生态建设
国家统计局今天发布数据显示今年前三季度全国规模以上工业增加值同比增长比上半年加快分行业看高技术制造业增加值增长装备制造业增长专家表示工业生产保持稳定恢复态势
记者了解到今年多个省份加大了农机购置补贴力度对智能化绿色化农机装备给予优先补贴部分地区还推出了一站式补贴申领服务农户在手机上即可完成申请
城市更新项目稳步推进老旧小区改造惠及居民群众社区服务中心医疗卫生教育文化体育设施不断完善交通出行更加便利生态环境持续改善
"""
EN_CHANNELS = ["world", "business", "tech", "science", "health", "sports", "culture", "politics", "climate",
               "markets", "travel", "education"]
ZH_CHANNELS = [("keji", "科技"), ("caijing", "财经"), ("shehui", "社会"), ("wenhua", "文化"), ("tiyu", "体育"),
               ("jiankang", "健康"), ("sannong", "三农"), ("jiaotong", "交通"), ("guoji", "国际"), ("junshi", "军事")]
EN_OUTLETS = ["Reuters", "Associated Press", "AFP", "Bloomberg", "BBC News", "The Guardian", "Financial Times",
              "Al Jazeera", "Deutsche Welle", "NPR"]
ZH_OUTLETS = ["新华网", "人民网", "中国新闻网", "央视新闻", "科技日报", "经济日报", "光明网", "澎湃新闻"]
EN_NAMES = ["Daniel Hart", "Sofia Lind", "Mark Okafor", "Claire Dubois", "Priya Raman", "Tomás Ferreira",
            "Laura Mendes", "Ana Takahashi", "Pieter Vos", "Grace Liu", "Omar Haddad", "Nina Petrova"]
ZH_NAMES = ["王磊", "陈静", "李明", "周涛", "刘洋", "赵敏", "孙悦", "张伟", "杨帆", "黄蕾"]


# -- text ---------------------------------------------------------------------------------------------

def _zh_words() -> list[str]:
    text = re.sub(r"\s+", "", ZH_SOURCE)
    words = {text[i:i + n] for n in (2, 2, 3, 4) for i in range(0, len(text) - n, n)}
    return sorted(words)


ZH_WORDS = _zh_words()


def en_sentence(rng: random.Random) -> str:
    words = [rng.choice(EN_WORDS) for _ in range(rng.randint(9, 26))]
    if len(words) > 14 and rng.random() < 0.5:
        words[rng.randint(5, len(words) - 5)] += ","
    if rng.random() < 0.2:
        words.insert(rng.randint(1, len(words) - 1), str(rng.randint(2, 9800)))
    sentence = " ".join(words)
    sentence = sentence[0].upper() + sentence[1:] + "."
    if rng.random() < 0.08:
        sentence = f"\u201c{sentence}\u201d said {rng.choice(EN_NAMES)}."
    return sentence


def zh_sentence(rng: random.Random) -> str:
    clauses = ["".join(rng.choice(ZH_WORDS) for _ in range(rng.randint(3, 7))) for _ in range(rng.randint(1, 4))]
    return "，".join(clauses) + "。"


def en_body(rng: random.Random) -> list[str]:
    target = rng.randint(350, 1400)  # words
    paras, words = [], 0
    while words < target:
        para = " ".join(en_sentence(rng) for _ in range(rng.randint(2, 5)))
        words += para.count(" ") + 1
        paras.append(para)
    return paras


def zh_body(rng: random.Random) -> list[str]:
    target = rng.randint(500, 2000)  # characters
    paras, chars = [], 0
    while chars < target:
        para = "".join(zh_sentence(rng) for _ in range(rng.randint(2, 5)))
        chars += len(para)
        paras.append(para)
    return paras


def en_title(rng: random.Random) -> str:
    return " ".join(w.capitalize() for w in (rng.choice(EN_WORDS) for _ in range(rng.randint(6, 11))))


def zh_title(rng: random.Random) -> str:
    return "".join(rng.choice(ZH_WORDS) for _ in range(rng.randint(4, 7))) + " " + \
        "".join(rng.choice(ZH_WORDS) for _ in range(rng.randint(3, 5)))


def reprint_body(rng: random.Random, paras: list[str], zh: bool) -> list[str]:
    """A reprint as aggregators make it: a few words changed, a paragraph dropped or added at the end."""
    out = []
    for para in paras:
        if zh:
            chars = list(para)
            for _ in range(max(1, len(chars) // 200)):
                i = rng.randrange(len(chars))
                if "\u4e00" <= chars[i] <= "\u9fff":
                    chars[i] = rng.choice(ZH_WORDS)[0]
            out.append("".join(chars))
        else:
            words = para.split(" ")
            for _ in range(max(1, len(words) // 100)):
                i = rng.randrange(len(words))
                words[i] = rng.choice(EN_WORDS)
            out.append(" ".join(words))
    if len(out) > 8 and rng.random() < 0.5:
        out.pop()
    elif rng.random() < 0.5:
        out.append(zh_sentence(rng) if zh else en_sentence(rng))
    return out


# -- page furniture (the 40-150 KB around a few KB of story) -----------------------------------------

def css_block(rng: random.Random, size: int) -> str:
    rules, total = [], 0
    props = ["margin:0 4px", "padding:6px 12px", "color:#333", "font-size:14px", "line-height:1.6",
             "display:flex", "border-bottom:1px solid #eee", "background:#f7f7f7", "float:left", "width:31%"]
    while total < size:
        rule = f".c-{rng.randrange(16**5):05x} .m-{rng.randrange(999)}{{{';'.join(rng.sample(props, 4))}}}\n"
        rules.append(rule)
        total += len(rule)
    return "<style>\n" + "".join(rules) + "</style>\n"


def state_script(rng: random.Random, size: int, links: list[tuple[str, str]]) -> str:
    """The JSON blob a client-side framework leaves in the page: recommendations, ad slots, config."""
    items, total = [], 0
    while total < size:
        href, title = rng.choice(links) if links else ("/", "Home")
        item = {"id": rng.randrange(10**9), "title": title, "url": href, "img": f"/img/{rng.randrange(10**6)}.jpg",
                "slot": f"ad-{rng.randrange(40)}", "ctr": round(rng.random(), 4), "tags": rng.sample(EN_WORDS, 3),
                "ts": 1739500000 + rng.randrange(10**6)}
        text = json.dumps(item, ensure_ascii=True)
        items.append(text)
        total += len(text) + 1
    return ('<script>window.__INITIAL_STATE__={"feed":[' + ",".join(items) + '],"config":{"ads":true,'
            '"lazy":true,"abtest":"b7"}};</script>\n')


ANALYTICS = """<script>(function(w,d,s,l,i){w[l]=w[l]||[];w[l].push({'gtm.start':new Date().getTime(),event:'gtm.js'});
var f=d.getElementsByTagName(s)[0],j=d.createElement(s),dl=l!='dataLayer'?'&l='+l:'';j.async=true;j.src=
'/js/gtm.js?id='+i+dl;f.parentNode.insertBefore(j,f);})(window,document,'script','dataLayer','GTM-B3NCH');
var _hmt=_hmt||[];(function(){var hm=document.createElement("script");hm.src="/js/hm.js?b3nch";
var s=document.getElementsByTagName("script")[0];s.parentNode.insertBefore(hm,s);})();</script>
<script>window.adsbygoogle=window.adsbygoogle||[];function showAd(id){var el=document.getElementById(id);
if(!el){return;}el.setAttribute('data-loaded','1');}document.addEventListener('DOMContentLoaded',function(){
['ad-top','ad-side-1','ad-side-2','ad-bottom'].forEach(showAd);});</script>
"""


def a(href: str, text: str) -> str:
    return f'<a href="{html.escape(href)}">{html.escape(text)}</a>'


# -- the sites ----------------------------------------------------------------------------------------

class Article:
    __slots__ = (
        "author",
        "channel",
        "date",
        "encoding",
        "id",
        "outlet",
        "paras",
        "path",
        "reprint_of",
        "site",
        "tags",
        "title",
        "zh",
    )

    def __init__(self, **kw):
        for k, v in kw.items():
            setattr(self, k, v)


def plan(n: int, rng: random.Random) -> list[Article]:
    counts = {"wire": round(n * SHARES["wire"]), "zixun": round(n * SHARES["zixun"])}
    counts["digest"] = n - counts["wire"] - counts["zixun"]
    articles: list[Article] = []
    for i in range(counts["wire"]):
        date = BASE_DATE - timedelta(minutes=rng.randrange(90 * 24 * 60))
        aid = 100000 + i
        articles.append(Article(site="wire", id=aid, path=f"/news/{date:%Y}/{date:%m%d}/{aid}.html", zh=False,
                                encoding="utf-8", title=en_title(rng), paras=en_body(rng), date=date,
                                channel=rng.choice(EN_CHANNELS), outlet=rng.choice(EN_OUTLETS),
                                author=rng.choice(EN_NAMES), tags=rng.sample(EN_WORDS[60:], 3), reprint_of=None))
    for i in range(counts["zixun"]):
        date = BASE_DATE - timedelta(minutes=rng.randrange(90 * 24 * 60))
        aid = 500000 + i
        articles.append(Article(site="zixun", id=aid, path=f"/a/{date:%Y%m%d}/{aid}.html", zh=True, encoding="gbk",
                                title=zh_title(rng), paras=zh_body(rng), date=date,
                                channel=rng.choice(ZH_CHANNELS)[0], outlet=rng.choice(ZH_OUTLETS),
                                author=rng.choice(ZH_NAMES), tags=rng.sample(ZH_WORDS, 3), reprint_of=None))
    originals = list(articles)
    for i in range(counts["digest"]):
        aid = 900000 + i
        if originals and rng.random() < DIGEST_REPRINT_SHARE:
            orig = rng.choice(originals)
            originals.remove(orig)  # one reprint per story: the truth stays simple
            date = orig.date + timedelta(minutes=rng.randint(20, 600))
            articles.append(Article(site="digest", id=aid, path=f"/p/{aid}.html", zh=orig.zh, encoding="utf-8",
                                    title=orig.title, paras=reprint_body(rng, orig.paras, orig.zh), date=date,
                                    channel=rng.choice(EN_CHANNELS), outlet=orig.outlet, author=orig.author, tags=orig.tags,
                                    reprint_of=f"{orig.site}:{orig.path}"))
        else:
            zh = rng.random() < 0.3
            date = BASE_DATE - timedelta(minutes=rng.randrange(90 * 24 * 60))
            articles.append(Article(site="digest", id=aid, path=f"/p/{aid}.html", zh=zh, encoding="utf-8",
                                    title=zh_title(rng) if zh else en_title(rng),
                                    paras=zh_body(rng) if zh else en_body(rng), date=date,
                                    channel=rng.choice(EN_CHANNELS), outlet=rng.choice(ZH_OUTLETS if zh else EN_OUTLETS),
                                    author=rng.choice(ZH_NAMES if zh else EN_NAMES),
                                    tags=rng.sample(ZH_WORDS if zh else EN_WORDS[60:], 3), reprint_of=None))
    return articles


def channel_path(site: str, channel: str) -> str:
    return {"wire": f"/news/channel/{channel}.html", "zixun": f"/channel/{channel}.html"}.get(
        site, f"/channel/{channel}.html")


def list_path(site: str, k: int) -> str:
    return {"wire": f"/news/list_{k}.html", "zixun": f"/list/{k}.html"}.get(site, f"/list_{k}.html")


def site_channels(site: str) -> list[str]:
    return [c for c, _ in ZH_CHANNELS] if site == "zixun" else EN_CHANNELS


def mega_menu(rng: random.Random, site: str) -> str:
    """The navigation: every channel, each with a dozen sub-section anchors, as real mega-menus have."""
    names = dict(ZH_CHANNELS) if site == "zixun" else {c: c.title() for c in EN_CHANNELS}
    blocks = []
    for channel in site_channels(site):
        href = channel_path(site, channel)
        subs = "".join(f"<li>{a(f'{href}#s{k}', f'{names[channel]} {k}')}</li>" for k in range(1, 13))
        blocks.append(f'<li class="menu-item">{a(href, names[channel])}<ul class="sub-menu">{subs}</ul></li>')
    return f'<nav class="mega-menu"><ul>{"".join(blocks)}</ul></nav>\n'


def page_shell(rng: random.Random, art_or_none, site: str, title: str, head_extra: str, main: str,
               side_links: list[tuple[str, str]], target: int) -> str:
    zh = site == "zixun"
    charset = '<meta http-equiv="Content-Type" content="text/html; charset=gbk" />' if zh else '<meta charset="utf-8">'
    lang = "zh-CN" if zh else "en"
    hot = "".join(f"<li>{a(h, t)}</li>" for h, t in side_links[:10])
    picks = "".join(f"<li>{a(h, t)} <span>{rng.randint(100, 99999)} views</span></li>" for h, t in side_links[10:20])
    footer_links = " | ".join(a(channel_path(site, c), c) for c in site_channels(site)) + " | " + \
        a("/about.html", "About us") + " | " + a("/contact.html", "Contact")
    disclaimer = ("声明：本文转载自其他媒体，转载目的在于传递更多信息，并不代表本网赞同其观点和对其真实性负责。如有侵权请联系删除。"
                  if zh else "Disclaimer: The content of this article is sourced from the internet. The copyright "
                  "belongs to the original author. If it infringes on your rights, please contact us.")
    top = (f'{charset}\n<meta name="viewport" content="width=device-width, initial-scale=1">\n'
           f"<title>{html.escape(title)}</title>\n{head_extra}"
           '<link rel="stylesheet" href="/css/main.css"><link rel="icon" href="/favicon.ico">\n')
    body_start = (f'<div class="topbar">{a("/about.html", "About")} | {a("/member/login.html", "Log in")} | '
                  f'{a("/contact.html", "Contact")}</div>\n<header class="header">{a("/", site)}'
                  '<form action="/search" method="get"><input name="q"><button>Search</button></form></header>\n'
                  + mega_menu(rng, site))
    picks_title = "编辑推荐" if zh else "Editor&#39;s picks"
    sidebar = (f'<aside class="sidebar"><div class="hot"><h3>{"热点新闻" if zh else "Most read"}</h3><ol>{hot}</ol></div>'
               '<div id="ad-side-1" class="ad"><iframe src="about:blank" width="300" height="250"></iframe></div>'
               f'<div class="picks"><h3>{picks_title}</h3><ul>{picks}</ul></div>'
               '<div id="ad-side-2" class="ad"><iframe src="about:blank" width="300" height="600"></iframe></div>'
               f'<div class="qr"><p>{"扫一扫关注我们的微信公众号" if zh else "Scan to follow us on WeChat"}</p></div></aside>\n')
    footer = (f'<footer class="footer"><p>{footer_links}</p><p class="disclaimer">{disclaimer}</p>'
              f'<p>Copyright &copy; 2007-2025 {site}. All Rights Reserved. Powered by NewsCMS.</p></footer>\n')
    fixed = len(top) + len(body_start) + len(main) + len(sidebar) + len(footer) + len(ANALYTICS) + 200
    if zh:
        fixed += len(main)  # GBK: two bytes a character, roughly, for the story
    room = max(target - fixed, 2000)
    css = css_block(rng, room * 0.25)
    state = state_script(rng, room * 0.75, side_links)
    return (f'<!DOCTYPE html>\n<html lang="{lang}">\n<head>\n{top}{css}{ANALYTICS}</head>\n<body>\n{body_start}'
            f'<div class="wrap"><main class="main">{main}</main>\n{sidebar}</div>\n{footer}{state}</body>\n</html>\n')


def article_page(rng: random.Random, art: Article, side_links: list[tuple[str, str]]) -> str:
    zh = art.zh
    date = art.date.strftime("%Y-%m-%d %H:%M:%S")
    jsonld = json.dumps({"@context": "https://schema.org", "@type": "NewsArticle", "headline": art.title,
                         "datePublished": art.date.isoformat(), "author": {"@type": "Person", "name": art.author},
                         "keywords": ", ".join(art.tags)}, ensure_ascii=False)
    head = (f'<meta name="description" content="{html.escape(art.paras[0][:120])}">\n'
            f'<meta name="keywords" content="{html.escape(",".join(art.tags))}">\n'
            '<meta property="og:type" content="article">\n'
            f'<meta property="og:title" content="{html.escape(art.title)}">\n'
            f'<link rel="canonical" href="{art.path}">\n'
            f'<script type="application/ld+json">{jsonld}</script>\n')
    source_line = f"来源：{art.outlet}" if zh else f"Source: {art.outlet}"
    info = (f'<div class="info"><span class="time">{date}</span> <span class="source">{html.escape(source_line)}</span> '
            f'<span class="author">{"作者：" if zh else "By "}{html.escape(art.author)}</span> '
            f'<span class="views">{rng.randint(100, 99999)}</span></div>')
    paras = "".join(f"<p>{html.escape(p)}</p>\n" for p in art.paras)
    if art.reprint_of:
        paras += f"<p>{html.escape(source_line)}</p>\n"
    tags = " ".join(a(f"/tag/{i}.html", t) for i, t in enumerate(art.tags))
    related = "".join(f"<li>{a(h, t)}</li>" for h, t in side_links[20:26])
    main = (f'<div class="crumb">{a("/", "Home")} &gt; {a(channel_path(art.site, art.channel), art.channel)}</div>\n'
            f'<article class="article"><h1>{html.escape(art.title)}</h1>\n{info}\n'
            f'<div id="ad-top" class="ad">Advertisement</div>\n'
            f'<div class="article-content" id="content">\n{paras}</div>\n'
            f'<div class="tags">{"标签：" if zh else "Tags: "}{tags}</div>\n'
            f'<div class="share">{"分享到：" if zh else "Share: "}<a href="#">WeChat</a> <a href="#">Weibo</a> '
            '<a href="#">Twitter</a></div>\n'
            f'<div class="related"><h3>{"相关阅读" if zh else "Related"}</h3><ul>{related}</ul></div>\n'
            f'<div class="comments" id="comments"><h3>{"评论" if zh else "Comments"} (0)</h3></div></article>\n')
    target = int(rng.triangular(40_000, 150_000, 70_000))
    return page_shell(rng, art, art.site, f"{art.title}_{art.channel}_{art.site}", head, main, side_links, target)


def listing_page(rng: random.Random, site: str, title: str, items: list[Article], pager: str,
                 side_links: list[tuple[str, str]]) -> str:
    rows = "".join(f'<li>{a(x.path, x.title)} <span class="date">{x.date:%Y-%m-%d %H:%M}</span>'
                   f'<p class="summary">{html.escape(x.paras[0][:90])}</p></li>\n' for x in items)
    main = f'<h1>{html.escape(title)}</h1>\n<ul class="list">\n{rows}</ul>\n<div class="pager">{pager}</div>\n'
    return page_shell(rng, None, site, f"{title}_{site}", "", main, side_links, int(rng.uniform(30_000, 60_000)))


def pager(site: str, k: int, pages: int) -> str:
    links = [a(list_path(site, 1), "First")]
    if k > 1:
        links.append(a(list_path(site, k - 1), "Previous"))
    links += [a(list_path(site, j), str(j)) for j in range(max(1, k - 4), min(pages, k + 4) + 1) if j != k]
    if k < pages:
        links.append(a(list_path(site, k + 1), "Next"))
    links.append(a(list_path(site, pages), "Last"))
    return " ".join(links)


def sitemap(urls: list[tuple[str, str]]) -> str:
    entries = "".join(f"<url><loc>__BASE__{p}</loc><lastmod>{d}</lastmod></url>\n" for p, d in urls)
    return ('<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n'
            f"{entries}</urlset>\n")


def rss(items: list[Article]) -> str:
    entries = "".join(f"<item><title>{html.escape(x.title)}</title><link>__BASE__{x.path}</link>"
                      f"<pubDate>{x.date:%a, %d %b %Y %H:%M:%S %z}</pubDate></item>\n" for x in items)
    return ('<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0"><channel><title>wire</title>'
            f"<link>__BASE__/</link><description>latest</description>\n{entries}</channel></rss>\n")


SOURCE_TOML = {
    "wire": """[[source]]
name = "wire"
start_urls = ["__BASE__/", "__BASE__/news/list_1.html"]
feeds = ["__BASE__/rss.xml"]
sitemaps = ["__BASE__/sitemap_index.xml"]
allowed_domains = ["127.0.0.21"]
article_url_patterns = ['/news/\\d{{4}}/\\d{{4}}/\\d+\\.html']
deny_url_patterns = ['/search', '/member/', '/tag/']
max_pages = {max_pages}
""",
    "zixun": """[[source]]
name = "zixun"
start_urls = ["__BASE__/", "__BASE__/list/1.html"]
sitemaps = ["__BASE__/sitemap.xml"]
allowed_domains = ["127.0.0.22"]
article_url_patterns = ['/a/\\d{{8}}/\\d+\\.html']
deny_url_patterns = ['/search', '/member/', '/tag/']
max_pages = {max_pages}
""",
    "digest": """[[source]]
name = "digest"
start_urls = ["__BASE__/", "__BASE__/list_1.html"]
sitemaps = ["__BASE__/sitemap.xml"]
allowed_domains = ["127.0.0.23"]
article_url_patterns = ['/p/\\d+\\.html']
deny_url_patterns = ['/search', '/member/', '/tag/']
max_pages = {max_pages}
""",
}


def write_site(out: Path, site: str, arts: list[Article], rng: random.Random) -> list[dict]:
    folder = out / "sites" / site
    public = folder / "public"
    enc = "gbk" if site == "zixun" else "utf-8"
    (folder).mkdir(parents=True, exist_ok=True)
    (folder / "site.toml").write_text(f'name = "{site}"\nhost = "{HOSTS[site]}"\n'
                                      'description = "newsdb benchmark site (bench/generate.py)"\n', "utf-8")
    max_pages = 2 * len(arts) + 200
    (folder / "source.toml").write_text(SOURCE_TOML[site].format(max_pages=max_pages), "utf-8")
    newest = sorted(arts, key=lambda x: x.date, reverse=True)
    links = [(x.path, x.title) for x in newest[:60]]

    def put(path: str, text: str, encoding: str = enc) -> None:
        target = public / path.lstrip("/")
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(text.encode(encoding, errors="xmlcharrefreplace"))

    entries = []
    for art in arts:
        side = rng.sample(links, min(26, len(links)))
        put(art.path, article_page(rng, art, side), art.encoding if site != "digest" else "utf-8")
        entries.append({"site": site, "path": art.path, "lang": "zh" if art.zh else "en",
                        "encoding": art.encoding, "reprint_of": art.reprint_of, "title": art.title})
    pages = max(1, -(-len(newest) // PER_LIST))
    for k in range(1, pages + 1):
        chunk = newest[(k - 1) * PER_LIST:k * PER_LIST]
        put(list_path(site, k), listing_page(rng, site, f"Latest news, page {k}", chunk, pager(site, k, pages), links))
    for channel in site_channels(site):
        chunk = [x for x in newest if x.channel == channel][:PER_LIST]
        put(channel_path(site, channel), listing_page(rng, site, f"Channel {channel}", chunk, "", links))
    put("/index.html", listing_page(rng, site, "Home", newest[:PER_LIST], a(list_path(site, 1), "More news"), links))
    for name in ("about", "contact"):
        put(f"/{name}.html", listing_page(rng, site, name.title(), [], "", links))
    dated = [(x.path, x.date.isoformat()) for x in newest]
    if site == "wire":
        parts = [dated[i:i + PER_SITEMAP] for i in range(0, len(dated), PER_SITEMAP)] or [[]]
        for i, part in enumerate(parts, 1):
            put(f"/sitemaps/sitemap-{i}.xml", sitemap(part), "utf-8")
        index = "".join(f"<sitemap><loc>__BASE__/sitemaps/sitemap-{i}.xml</loc></sitemap>\n"
                        for i in range(1, len(parts) + 1))
        put("/sitemap_index.xml", '<?xml version="1.0" encoding="UTF-8"?>\n<sitemapindex '
            f'xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n{index}</sitemapindex>\n', "utf-8")
        put("/rss.xml", rss(newest[:50]), "utf-8")
        smap = "/sitemap_index.xml"
    else:
        put("/sitemap.xml", sitemap(dated), "utf-8")
        smap = "/sitemap.xml"
    put("/robots.txt", f"User-agent: *\nDisallow: /search\nDisallow: /member/\nAllow: /\n\nSitemap: __BASE__{smap}\n",
        "utf-8")
    return entries


def generate(n: int, seed: int = 6, out: Path = DEFAULT_OUT, force: bool = False) -> dict:
    """Write the sites for n article pages into out/sites (skipped when already there); the manifest."""
    out = Path(out)
    manifest_path = out / "manifest.json"
    if manifest_path.exists() and not force:
        manifest = json.loads(manifest_path.read_text("utf-8"))
        if (manifest.get("articles_requested"), manifest.get("seed"), manifest.get("version")) == (n, seed, VERSION):
            return manifest
    shutil.rmtree(out / "sites", ignore_errors=True)
    rng = random.Random(seed)
    articles = plan(n, rng)
    entries = []
    for site in HOSTS:
        entries += write_site(out, site, [x for x in articles if x.site == site], random.Random(f"{seed}-{site}"))
    sizes = [(out / "sites" / e["site"] / "public" / e["path"].lstrip("/")).stat().st_size for e in entries]
    manifest = {"version": VERSION, "seed": seed, "articles_requested": n, "hosts": HOSTS, "articles": entries,
                "html_bytes": sum(sizes), "html_kb_min": min(sizes) // 1024, "html_kb_max": max(sizes) // 1024,
                "html_kb_median": sorted(sizes)[len(sizes) // 2] // 1024}
    manifest_path.parent.mkdir(parents=True, exist_ok=True)
    manifest_path.write_text(json.dumps(manifest, ensure_ascii=False), "utf-8")
    return manifest


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=2000)
    parser.add_argument("--seed", type=int, default=6)
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    parser.add_argument("--force", action="store_true")
    args = parser.parse_args(argv)
    m = generate(args.articles, args.seed, args.out, args.force)
    reprints = sum(1 for e in m["articles"] if e["reprint_of"])
    print(f"bench site: {len(m['articles'])} article pages ({reprints} reprints, "
          f"{sum(1 for e in m['articles'] if e['encoding'] == 'gbk')} GBK), HTML {m['html_bytes'] / 1e6:.0f} MB, "
          f"page KB min/median/max {m['html_kb_min']}/{m['html_kb_median']}/{m['html_kb_max']}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
