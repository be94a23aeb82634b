"""newspulse: the share page of a news/self-media app (Toutiao / Baidu Haokan / NewsBreak family), Chinese and
English. Server-rendered <article class="syl-article-base"> inside an app-download shell, the same content
again as JSON in window._SSR_DATA, creator card (author = creator account), "文|X" / "编辑|X" lines and
"点击关注" calls-to-action inside the body, <h1> subheads inside the article, relative visible dates on some
pages (the absolute time is in article:published_time), generic <title> on some pages."""
import json
from datetime import timedelta, timezone

from common import Art, Page, esc, attr, inline, d_iso_min, d_us_short, iso_offset

NAME = "newspulse"
HOST = "share.newspulse-app.com"
LANG = "zh"
ENC = "utf-8"


def P(gid, title, date, author, source, cat, tags, body, lang="zh", **opt):
    return Art(str(gid), f"/a/{gid}/?app=newspulse&share_token={str(gid)[-6:]}x9f&tt_from=weixin&utm_source=weixin", title, date,
               author, source, cat, tags, body, lang, opt=opt)


ARTICLES = [
    P(7471202534118765312, "实测一周：手机里的AI助手，到底能帮你做哪些事？", "2025-02-14 14:34", "科技前哨", None, "科技", [], [
        "最近，几乎所有手机厂商都在系统里加入了AI助手。它们宣传的功能很多，但实际用起来到底怎么样？我用两台手机实测了一周，挑几个最常用的场景跟大家聊聊。",
        ("h", "一、整理会议纪要：能用，但要检查"),
        "录音转文字的准确率已经相当高，普通话清晰的情况下基本不用改。AI生成的摘要能抓住大部分要点，但偶尔会把两个人的观点混在一起，重要会议还是要自己核对一遍。",
        ("h", "二、修图：消除路人很好用"),
        "在景区拍照时总有路人入镜，AI消除功能处理小面积的人物效果不错，背景是大片草地或天空时几乎看不出痕迹。但如果背景复杂，就容易出现涂抹感。",
        ("h", "三、订票、点外卖：还差点意思"),
        "官方演示中，一句话就能订好机票、点好外卖。实际使用时，AI助手经常需要我手动确认好几步，有时还会打开错误的应用，比自己操作还慢。",
        "总结一下我的使用建议：",
        ("ul", ["文字类任务（摘要、翻译、写邮件）可以放心交给AI；",
                "修图类任务效果不错，但复杂场景要有心理准备；",
                "跨应用的“一句话办事”目前还不成熟，别抱太高期望。"]),
        "你用过手机里的AI助手吗？觉得好不好用？",
    ], creator="优质科技领域创作者", ip="广东", cta=True, generic_title=True, ssr=True, relative=False, wen=False),
    P(7471188862330995201, "城中村改造首批居民回迁 新房里过上第一个元宵节", "2025-02-13 19:02", "黄嘉怡", "南国都市报", None, [], [
        "2月12日是元宵节，在城西石榴岗城中村改造项目回迁现场，首批286户居民领到了新房钥匙。",
        "今年68岁的陈伯在这里住了大半辈子。他告诉记者，以前家里的老房子又窄又潮，一下雨巷子就积水，“现在住上了有电梯的房子，孙子回来也有地方住了。”",
        "据介绍，该项目于2021年启动，回迁房共有4栋，配套建设了幼儿园、社区卫生服务站和长者饭堂。剩余居民预计在今年年底前全部回迁。",
        "当天，社区还在新小区的广场上举办了猜灯谜、包汤圆等活动，邻里们欢聚一堂，共度佳节。",
    ], creator="南国都市报官方账号", ip="广东", cta=False, generic_title=False, ssr=False, relative=False, wen="reporter"),
    P(7471034458812317183, "二手车保值率榜单出炉，这几款车三年只跌两成", "2025-02-12 12:30", "老周说车", None, "汽车", [], [
        "车主们最关心的保值率榜单又更新了。根据一家二手车交易平台发布的最新数据，车龄三年的车型中，保值率最高的几款车三年下来价格只跌了两成左右。",
        "从榜单来看，日系和德系的主流家用车依旧占据前列，MPV车型的保值率普遍高于轿车和SUV。",
        "新能源车方面，保值率整体仍低于燃油车，但差距正在缩小。老周分析，一方面是电池技术更成熟，车主对电池衰减的担忧减少；另一方面，部分品牌推出了官方认证二手车和电池质保延续服务。",
        "老周提醒，买车看保值率没有错，但更重要的还是看自己的用车需求。如果打算一辆车开十年，保值率其实没那么重要。",
    ], creator="汽车领域创作者", ip="江苏", cta=True, generic_title=False, ssr=True, relative=True, wen=False),
    P(7470901127731106304, "春运返程高峰 高铁站里的“红马甲”们", "2025-02-11 21:15", None, "湘江晨报", "社会", [], [
        "正月十四，春运返程进入高峰。在高铁南站，一群身穿红马甲的志愿者格外显眼。",
        "他们有的在进站口帮旅客搬运行李，有的在自助取票机旁指导老人操作，还有的在候车大厅里为走失的孩子寻找家长。",
        "大学生志愿者小彭已经连续三年参加春运志愿服务。“每天要走两万多步，但看到旅客顺利上车，就觉得很值得。”",
        "据了解，今年春运期间，该站共有志愿者1200余人次参与服务，累计帮助重点旅客3000余人。",
        "返程高峰将持续到本月下旬。",
    ], creator="湘江晨报官方账号", ip="湖南", cta=False, generic_title=True, ssr=False, relative=True, wen="editor"),
    P(7470712985561170432, "宋朝人也点外卖？《东京梦华录》里的城市烟火气", "2025-02-10 08:00", "读史有味", None, "历史", [], [
        "很多人以为外卖是现代才有的新鲜事，其实早在一千多年前的宋朝，城里人就已经习惯叫“外卖”了。",
        "孟元老在《东京梦华录》里记载了北宋都城汴京的市井生活。书中提到，城中的酒楼食店不仅供堂食，还会应客人的要求把饭菜送到家中，街巷里常能看到提着食盒往来奔走的伙计。",
        "宋代城市商业的繁荣，与坊市制度的松动有很大关系。唐代长安城里，商业活动被限制在东西两市，晚上还有宵禁；到了宋代，街道两旁可以随处开店，夜市一直热闹到三更。",
        "正是这种开放的城市格局，让餐饮业空前发达。据记载，汴京的酒楼有七十二家“正店”，小一些的“脚店”更是数不胜数。",
        "读到这些文字，你会发现，古人对生活的热爱，和今天的我们并没有什么两样。",
        "文化的传承，就藏在这一日三餐的烟火气里。",
    ], creator="历史领域创作者", ip="河南", cta=True, generic_title=False, ssr=True, relative=False, wen="pen"),
    P(7470523316617433600, "城市业余篮球联赛落幕 快递小哥带队夺冠", "2025-02-09 22:40", None, "体坛快报", "体育", [], [
        "2月9日晚，第三届城市业余篮球联赛总决赛在市体育馆落幕，由快递员、外卖骑手组成的“追风队”以78比71击败卫冕冠军，捧起冠军奖杯。",
        "“追风队”队长李昊是一名快递员，每天工作结束后，他和队友们会在小区球场练上一个多小时。“我们白天跑街，晚上跑球场。”",
        "本届联赛共有96支队伍参赛，参赛球员来自各行各业，既有教师、医生，也有程序员、建筑工人。",
        "赛事组委会表示，明年将增设女子组比赛。",
    ], creator="体坛快报官方账号", ip="四川", cta=False, generic_title=False, ssr=False, relative=False, wen=False),
    P(7470345590112223744, "A Typhoon-Hit Fishing Town Rebuilds Its Harbor, Boat by Boat", "2025-02-13 10:15", None, "Pacific Wire", "World", [], [
        "Five months after a typhoon tore through the fishing town of San Rafael, the harbor is full of boats again, but almost none of them are the same boats.",
        "The storm destroyed or sank about 300 of the town’s 420 fishing vessels. Most of the new ones were built by local carpenters using timber donated by a regional cooperative, and paid for with low-interest loans.",
        "“My grandfather built the first boat in our family. This is the fourth,” said fisherman Arnel Cruz, running his hand along the fresh paint of the Maria Luz II. “We do not wait for help to arrive. We start building.”",
        "The cooperative has also installed a radio warning system that sends alerts to boats at sea, after several crews were caught offshore when the typhoon changed course.",
        "Catches are still below normal. Fishermen say reefs near the harbor were damaged by the storm surge, and fish have moved farther out.",
        "The town’s mayor said the harbor wall will be rebuilt higher by the end of the year.",
    ], lang="en", creator="Verified news publisher", ip=None, cta=False, generic_title=False, ssr=True, relative=False, wen=False),
    P(7470190031284451840, "I Tracked Every Dollar of My Commute for a Year. Here’s What I Learned", "2025-02-08 07:30", "The Frugal Commuter", None, "Personal Finance", [], [
        "Last January I started logging every cost of getting to work: train fares, parking, gas, the bike I bought in April, even the coffee I only buy on commuting days. Twelve months later, the total surprised me.",
        "I spent $4,312 on commuting in a year, or about $18 for every day I went to the office.",
        ("h", "The car was the expensive part"),
        "Driving two days a week cost more than taking the train the other three. Once I added parking and a share of insurance and maintenance, each round trip by car came to about $31.",
        ("h", "The bike paid for itself"),
        "The $650 bike replaced about 60 train trips between May and October. By September it had paid for itself, and I arrived at work in a better mood.",
        "If you want to try this yourself, track three things: what you pay every trip, what you pay once a year, and the small purchases you only make because you are commuting.",
        "You might not change anything. But you will know what your commute really costs.",
    ], lang="en", creator="Personal finance creator", ip=None, cta=True, generic_title=True, ssr=False, relative=True, wen=False),
    P(7470011184403300352, "City Council Approves 40-Mile Protected Bike Lane Network", "2025-02-06 18:50", None, "Metro Daily Brief", "Local", [], [
        "The city council voted 9-4 on Thursday to build 40 miles of protected bike lanes over the next five years, the largest expansion in the city’s history.",
        "The plan would separate cyclists from traffic with concrete curbs or parked cars on major streets in every council district, and connect existing lanes that now end abruptly at intersections.",
        "Supporters pointed to a rise in cycling deaths last year. Opponents, including several business associations, said the loss of parking and traffic lanes would hurt shops.",
        "The first 8 miles are scheduled to open next year.",
    ], lang="en", creator="Verified news publisher", ip=None, cta=False, generic_title=False, ssr=False, relative=False, wen="en_editor"),
]

REL = ["3天前", "1周前", "昨天", "2天前", "5小时前"]


def utc_offset(a: Art):
    return "-05:00" if a.lang == "en" else "+08:00"


def _visible_date(a: Art):
    if a.opt.get("relative"):
        return ("2 days ago" if a.lang == "en" else "2天前")
    return d_us_short(a) if a.lang == "en" else d_iso_min(a)


def _shell_head(title, extra):
    return f"""<!DOCTYPE html>
<html>
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width,initial-scale=1,minimum-scale=1,maximum-scale=1,user-scalable=no">
<meta name="renderer" content="webkit">
<title>{esc(title)}</title>
{extra}<link rel="stylesheet" href="https://sf1.newspulse-static.com/obj/share/article/css/share.6a0e3b.css">
</head>
<body>
<div id="root">
"""


def render(a: Art, i: int, arts):
    pg = Page()
    en = a.lang == "en"
    others = [o for o in arts if o is not a and o.lang == a.lang] or [o for o in arts if o is not a]
    generic = "NewsPulse - News that matters to you" if en else "资讯脉搏 - 你关心的，才是头条"
    extra = (f'<meta property="og:title" content="{attr(a.title)}">\n<meta property="og:description" content="{attr(a.first_text()[:120])}">\n'
             f'<meta property="og:image" content="https://p3.newspulse-img.com/tos-cn/{a.name[-8:]}~tplv-resize:640:0.jpg">\n<meta property="og:type" content="article">\n'
             f'<meta property="article:published_time" content="{iso_offset(a, 8 if not en else -5)}">\n')
    if a.cat and en:
        extra += f'<meta property="article:section" content="{attr(a.cat)}">\n'
    extra += '<meta name="twitter:card" content="summary_large_image">\n'
    if a.opt.get("generic_title"):
        pg.reg(generic)
    out = [_shell_head(generic if a.opt.get("generic_title") else f"{a.title} - {'NewsPulse' if en else '资讯脉搏'}", extra)]
    out.append('<div class="share-page">\n')
    out.append(f'<div class="download-banner"><img class="logo" src="https://sf1.newspulse-static.com/obj/share/logo.png" alt=""><div class="banner-text"><span class="app-name">{"NewsPulse" if en else "资讯脉搏"}</span><span class="slogan">{pg.b("Get the full story in the app" if en else "海量资讯，尽在掌握")}</span></div><a class="open-app" href="newspulse://detail?gid={a.name}">{pg.b("Open app" if en else "打开App")}</a></div>\n')
    out.append('<div class="article-box">\n')
    if a.cat and not en:
        out.append(f'<div class="channel-chip">{esc(a.cat)}</div>\n')
    out.append(f'<h1 class="article-title">{esc(a.title)}</h1>\n')
    name = a.author if a.source is None else a.source
    follow = "Follow" if en else "+ 关注"
    ip = f'<span class="ip-location">{pg.b("发布于" + a.opt["ip"])}</span>' if a.opt.get("ip") else ""
    out.append(f'<div class="article-meta"><a class="author-avatar" href="/c/user/token/{a.name[-10:]}/"><img src="https://p3.newspulse-img.com/avatar/{a.name[-6:]}.jpg" alt=""></a>'
               f'<div class="author-info"><a class="author-name" href="/c/user/token/{a.name[-10:]}/">{esc(name)}</a><span class="author-verify">{pg.b(a.opt["creator"])}</span></div>'
               f'<span class="publish-time">{esc(_visible_date(a))}</span>{ip}<button class="follow-btn">{follow}</button></div>\n')
    pg.reg(a.opt["creator"])
    out.append('<div class="article-content"><article class="syl-article-base tt-article-content syl-page-article syl-device-mobile">')
    wen = a.opt.get("wen")
    if wen == "reporter":
        out.append(f"<p>{pg.b(f'{a.source}记者 {a.author}')}</p>")
    elif wen == "pen":
        out.append(f"<p>{pg.b('文|' + a.author)}</p>")
    first = True
    for item in a.body:
        if isinstance(item, str):
            out.append(f"<p>{inline(item)}</p>")
            if first and i % 3 != 2:
                cap = ("Photo: " + (a.source or a.author)) if en else f"图片来源：{a.source or '网络'}"
                out.append(f'<div class="pgc-img"><img src="https://p3.newspulse-img.com/tos-cn/{a.name[-8:]}~noop.image" img_width="1080" img_height="720" alt=""><p class="pgc-img-caption">{pg.b(cap)}</p></div>')
            first = False
        elif item[0] == "h":
            out.append(f"<h1>{esc(item[1])}</h1>")
        elif item[0] == "ul":
            out.append("<ol>" + "".join(f"<li>{esc(x)}</li>" for x in item[1]) + "</ol>")
    if wen == "editor":
        out.append(f"<p>{pg.b('编辑|周雨晴　审核|刘畅')}</p>")
    elif wen == "en_editor":
        out.append(f"<p><em>{pg.b('Edited by Dana Price. Reporting contributed by Metro Daily Brief staff.')}</em></p>")
    if a.opt.get("cta"):
        cta = "Follow me for more practical money tips every week!" if en else "点击关注，每天为你带来更多有趣有料的内容！"
        out.append(f'<p style="text-align:center;color:#999">{pg.b(cta)}</p>')
    out.append("</article></div>\n")
    if a.source is None:
        stmt = "Original content by a NewsPulse creator. Do not repost without permission." if en else "原创声明：本文为资讯脉搏创作者原创，未经授权禁止转载。"
    else:
        stmt = f"This content was published by {a.source} on NewsPulse." if en else f"本文内容由{a.source}发布，不代表资讯脉搏观点。"
    out.append(f'<div class="article-statement">{pg.b(stmt)}</div>\n')
    reads = f"{(i * 7 + 3) % 9 + 1}.{i % 10}" + ("K" if en else "万")
    out.append(f'<div class="article-foot"><span>{pg.b(("Reads " if en else "阅读 ") + reads)}</span><span>{"Like" if en else "赞"} {(i * 97) % 900 + 12}</span></div>\n</div>\n')
    if en:
        cms = [("Jordan P.", "Great piece, thanks for sharing."), ("mk_2019", "Would love a follow-up on this.")]
    else:
        cms = [("用户3829", "写得真好，收藏了"), ("风吹麦浪", "长知识了，期待更新"), ("一只小蜗牛", "说到心坎里了")]
    cm = "".join(f'<div class="comment-item"><span class="c-user">{esc(u)}</span><p class="c-text">{esc(t)}</p><span class="c-meta">{"1d" if en else "1天前"}</span></div>' for u, t in cms)
    for u, t in cms:
        pg.reg(t)
    n_c = (i * 13) % 80 + 5
    out.append(f'<div class="comment-area"><h3>{pg.b(f"Comments {n_c}" if en else f"评论 {n_c}")}</h3>{cm}<a class="more-comments" href="newspulse://comments?gid={a.name}">{pg.b("View all comments in the app" if en else "App内查看全部评论")}</a></div>\n')
    rel = "".join(f'<li><a href="{o.path.split("?")[0]}"><p class="r-title">{esc(o.title)}</p><p class="r-meta">{esc(o.source or o.author)} · {(k * 41) % 300}{" comments" if en else "评论"} · {REL[k % len(REL)] if not en else ["3d ago", "1w ago", "2d ago"][k % 3]}</p></a></li>' for k, o in enumerate(others[:4]))
    out.append(f'<div class="related"><h3>{pg.b("Recommended" if en else "相关推荐")}</h3><ul>{rel}</ul></div>\n')
    out.append(f'<div class="footer-copy">{pg.b("© 2025 NewsPulse Technology Co., Ltd.")}</div>\n</div>\n</div>\n')
    if a.opt.get("ssr"):
        data = {"articleInfo": {"groupId": a.name, "title": a.title, "publishTime": int(a.dt.replace(tzinfo=timezone(timedelta(hours=-5 if en else 8))).timestamp()),
                                "content": "".join(f"<p>{esc(p)}</p>" for p in a.paragraphs()),
                                "mediaUser": {"screenName": name}}, "isApp": False}
        out.append(f"<script>window._SSR_DATA = {json.dumps(data, ensure_ascii=False)};</script>\n")
    out.append('<script src="https://sf1.newspulse-static.com/obj/share/article/js/share.2f9a71.js" crossorigin="anonymous"></script>\n</body>\n</html>\n')
    return "".join(out), pg.bp


def nonarticles(arts):
    mine = [o for o in arts if o.author == "科技前哨"] + arts[2:5]
    items = "".join(f'<li class="feed-item"><a href="{o.path.split("?")[0]}"><p class="f-title">{esc(o.title)}</p><p class="f-meta">{REL[k % len(REL)]} · {(k * 41) % 300}评论</p></a></li>\n' for k, o in enumerate(mine))
    p1 = (_shell_head("科技前哨的主页 - 资讯脉搏", '<meta property="og:title" content="科技前哨">\n') +
          '<div class="profile-page"><div class="profile-head"><img class="avatar" src="https://p3.newspulse-img.com/avatar/765312.jpg" alt=""><h1 class="name">科技前哨</h1>'
          '<p class="verify">优质科技领域创作者</p><p class="desc">每天一篇科技实测，说人话的数码博主</p><p class="stats"><span>12.6万粉丝</span><span>832关注</span><span>98.1万获赞</span></p><a class="follow" href="newspulse://profile">+ 关注</a></div>\n'
          f'<div class="tabs"><span class="active">文章</span><span>视频</span><span>微头条</span></div><ul class="feed">\n{items}</ul></div>\n</div>\n</body>\n</html>\n')
    found = [o for o in arts if o.lang == "en"]
    items = "".join(f'<li class="result"><a href="{o.path.split("?")[0]}"><p class="r-title">{esc(o.title)}</p><p class="r-snippet">{esc(o.first_text()[:110])}…</p><p class="r-meta">{esc(o.source or o.author)}</p></a></li>\n' for o in found)
    p2 = (_shell_head("Search - NewsPulse", "") +
          '<div class="search-page"><form class="search-bar" action="/search/"><input name="keyword" value="commute"><button>Search</button></form>\n'
          '<div class="tabs"><span class="active">All</span><span>Videos</span><span>Users</span></div>\n'
          f'<ul class="results">\n{items}</ul><p class="end">No more results</p></div>\n</div>\n</body>\n</html>\n')
    return [("user_kejiqianshao", "/c/user/token/MS4wLjABAAAAkejiqianshao/", p1),
            ("search_commute", "/search/?keyword=commute&pd=synthesis", p2)]
