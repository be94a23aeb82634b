"""sudibao-m: the mobile ("m.") site of a Chinese news portal, UTF-8: app-download bars, collapsed body
with 展开全文 / 打开APP阅读全文, image captions as <p class="img-desc">, WeChat-editor style <section>/<span>
bodies on some pages, hashtags, 推荐阅读 with relative times, hot comments with IP location, Baidu
cambrian JSON-LD on some pages, a year-less visible date on one."""
import json

from common import Art, Page, esc, attr, inline, d_iso_min, d_zh

NAME = "sudibao_m"
HOST = "m.sudibao.cn"
LANG = "zh"
def utc_offset(a):
    return "+08:00"


ENC = "utf-8"


def truth_category(a, i):
    """The section only shows in the "Headline_Section_Site" <title> of even pages; the channel bar lists
    every channel and marks none, so odd pages show no section."""
    return None if i % 2 else a.cat


def P(aid, title, date, author, source, cat, tags, body, **opt):
    return Art(str(aid), f"/m/detail/{aid}", title, date, author, source, cat, tags, body, "zh", opt=opt)


ARTICLES = [
    P(7391024, "折叠屏手机去年出货量增长超四成 价格下探至五千元档", "2025-02-14 14:34", "郑可欣", "新京华报", "科技", ["折叠屏", "智能手机"], [
        "市场研究机构最新发布的报告显示，2024年国内折叠屏手机出货量约为917万台，同比增长超过四成，连续第五年保持增长。",
        "报告指出，折叠屏手机价格持续下探是销量增长的重要原因。目前，多款竖向折叠屏手机的起售价已降至五千元以内，吸引了不少年轻用户和女性用户。",
        "在产品形态上，横向大折叠仍是市场主力，但更轻薄的机身、更耐用的铰链和更不明显的屏幕折痕，成为各厂商竞争的焦点。",
        "“两年前我觉得折叠屏太厚太重，现在拿在手里和普通手机差不多。”在北京工作的程序员小林说，他春节前换了一台折叠屏手机，主要用来看文档和追剧。",
        "分析师预计，2025年国内折叠屏手机出货量有望突破1100万台，但高端市场竞争将更加激烈。",
    ], date_style="iso", cambrian=True, caption="图片来源：视觉中国", statement=False),
    P(7390877, "本市U17足球队夺得全国青少年联赛冠军", "2025-02-13 21:08", None, "体坛速递", "体育", ["青少年足球", "校园足球"], [
        "2月13日晚，全国青少年足球联赛U17组决赛在海口落幕，本市U17男足在点球大战中以5比4战胜对手，历史上首次夺得该项赛事冠军。",
        "比赛中，两队在常规时间内1比1战平。点球大战中，门将陈子昇扑出对方第五轮的射门，帮助球队锁定胜局。",
        "主教练表示，这支队伍的队员大多来自本市的校园足球特色学校，“孩子们从小学就在一起踢球，默契是我们最大的优势。”",
        "据了解，球队中已有3名队员入选国家少年队集训名单。",
    ], date_style="zh", statement=False, wechat=True),
    P(7390652, "话剧《江畔》开启全国巡演 首站一票难求", "2025-02-12 10:45", "许悦", "文旅周刊", "文化", ["话剧", "演出市场"], [
        "原创话剧《江畔》全国巡演日前在上海拉开帷幕，首轮6场演出门票开售仅两小时便全部售罄。",
        "该剧讲述了一个江边小镇三代人四十年间的生活变迁，去年首演后口碑持续发酵，在多个社交平台上引发讨论。",
        "导演在接受采访时表示，剧中很多细节来自她对家乡老人的采访，“我想让观众在舞台上看到自己父母和祖父母的影子。”",
        ("h", "演出市场持续升温"),
        "业内数据显示，去年全国营业性演出场次和票房收入均创历史新高，话剧、音乐剧等剧场演出的观众中，30岁以下的年轻人占比超过六成。",
        "《江畔》此次巡演将走过全国22个城市，演出近百场，计划于今年10月结束。",
    ], date_style="yearless", statement=True),
    P(7390411, "共享单车乱停放将被扣信用分 三次违规暂停用车一周", "2025-02-11 08:20", None, "速递报", "本地", ["共享单车", "城市管理"], [
        "记者从市交通运输局获悉，本市将于3月1日起对共享单车用户实施信用积分管理，用户将车辆停放在禁停区域或电子围栏之外的，将被扣除信用分。",
        "根据新规，用户每次违规停放扣5分；一个月内累计违规三次的，暂停用车一周。信用分较高的用户则可享受骑行优惠。",
        "目前，全市共有共享单车约42万辆，日均骑行量超过120万人次。市交通运输局相关负责人表示，乱停乱放问题在地铁站、商圈周边仍较为突出，新规希望通过“奖惩结合”的方式引导文明用车。",
        "市民如发现乱停放车辆，也可以通过企业客服电话或者市民热线反映。",
    ], date_style="iso", statement=False),
    P(7390230, "业余天文爱好者发现一颗新彗星 已获国际天文组织确认", "2025-02-10 16:00", "钟淼", "科普时报", "科学", ["天文", "彗星"], [
        "记者从国家天文台获悉，一名业余天文爱好者利用自制望远镜发现的一颗新彗星，日前获得国际天文学联合会小天体中心的正式确认和命名。",
        "发现者是一名在中学任教的物理老师。他告诉记者，今年1月的一个晚上，他在自家楼顶拍摄星空时，注意到照片中有一个模糊的小光点在移动，随后连续几晚进行跟踪观测，并将数据提交给了专业机构。",
        "专家介绍，这颗彗星目前亮度较暗，肉眼无法看到，预计在今年夏天过近日点前后亮度会有所增加，届时用小型望远镜有望观测到。",
        "近年来，随着观测设备价格下降和网络平台的发展，我国业余天文爱好者发现的彗星和小行星数量明显增加。",
        "“天文是少有的业余爱好者还能做出重要发现的科学领域。”这位老师说。",
    ], date_style="zh", statement=False, caption="资料图：彗星示意图", cambrian=True),
    P(7389994, "寒假近视防控别忽视 专家建议每天户外活动两小时", "2025-02-09", "韩璐", "健康速递", "健康", ["近视防控", "儿童健康"], [
        "寒假期间，孩子们使用电子产品的时间明显增加。眼科专家提醒，家长要帮助孩子合理安排作息，做好近视防控。",
        "专家介绍，户外活动是预防近视最经济、最有效的方法之一。建议孩子每天保证两小时以上的户外活动时间，即使是阴天，户外光线强度也远高于室内。",
        "专家还给出了几条具体建议：",
        ("ul", ["使用电子产品每20分钟，远眺20英尺（约6米）以外的地方20秒；",
                "读写时保持“一尺、一拳、一寸”的正确姿势；",
                "保证充足睡眠，小学生每天睡眠不少于10小时；",
                "每半年到正规医疗机构进行一次视力检查。"]),
        "专家特别提醒，市面上一些宣称能“治愈近视”的产品缺乏科学依据，家长不要轻信。",
    ], date_style="date_only", statement=True, wechat=True),
    P(7389760, "春运返程高峰 高速服务区充电桩“排长队”现象缓解", "2025-02-08 19:30", "邱帆", "速递报", "汽车", ["新能源汽车", "春运", "充电桩"], [
        "春运返程高峰期间，不少驾驶新能源汽车的车主发现，今年在高速公路服务区充电排队的情况比去年明显好转。",
        "交通运输部门数据显示，截至今年1月底，全国高速公路服务区累计建成充电桩约3.5万个，比去年同期增长约四成，不少繁忙路段的服务区还配置了移动充电车。",
        "车主王先生从老家开车返回工作地，全程800多公里，途中充电两次。“去年最长排了两个小时，今年最多等了十几分钟。”",
        "不过也有车主反映，部分服务区仍存在充电桩故障、燃油车占位等问题。业内人士建议，出行前通过导航或充电软件提前查询充电桩的实时状态，合理规划充电地点。",
    ], date_style="iso", statement=False, caption="高速服务区充电站。图片来源：速递报记者 邱帆 摄"),
    P(7389512, "金价再创新高 年轻人热衷“攒金豆”", "2025-02-07 12:15", None, "财经速递", "财经", ["黄金", "理财"], [
        "国际金价近日再创历史新高，国内金饰品牌的足金饰品价格也随之上涨，部分品牌报价已突破每克850元。",
        "值得注意的是，与过去以中老年消费者为主不同，近年来越来越多的年轻人开始购买1克左右的小金豆、小金条，把“攒金豆”当作一种储蓄方式。",
        "“每个月发了工资就买一两颗，存起来心里踏实。”在杭州工作的95后女生小周说。",
        "业内人士提醒，黄金价格波动较大，购买金饰品还需支付加工费，投资者应理性看待，不宜盲目追高。",
        "金价走势，仍需观察。",
    ], date_style="zh", statement=True),
    P(7389301, "骑手社保试点扩围 “全职”“众包”如何参保？", "2025-02-06 09:40", "蒋睿", "劳动者周刊", "社会", ["外卖骑手", "社会保险", "新就业形态"], [
        "近日，多家外卖平台宣布扩大骑手社会保险试点范围。其中，有平台表示将为全职骑手缴纳养老、医疗等社会保险，众包骑手也可以自愿选择参保并获得平台补贴。",
        "我国目前有外卖骑手超过千万人，他们大多没有与平台签订劳动合同，社会保障问题长期受到关注。",
        ("h", "全职骑手：平台承担单位缴费部分"),
        "按照平台公布的方案，与合作商签订劳动合同的全职骑手，将按规定参加职工社会保险，单位缴费部分由平台和合作商承担。",
        "从事骑手工作三年多的老刘告诉记者，他最担心的是以后的养老问题，“现在平台帮着交社保，以后老了也算有个保障。”",
        ("h", "众包骑手：自愿参保享补贴"),
        "众包骑手工作时间相对灵活，不少人同时在多个平台接单。平台方案显示，众包骑手可以以灵活就业人员身份参加养老保险，平台按照一定比例给予补贴。",
        "不过，也有骑手担心参保后每月到手收入减少。一位众包骑手说，“交社保是好事，但希望补贴能多一些。”",
        ("h", "专家：需多方共同推进"),
        "劳动法学者表示，新就业形态劳动者的权益保障需要政府、平台和劳动者共同推进。一方面要完善相关制度，让参保更便利；另一方面，平台也应承担起更多社会责任。",
        "人社部门此前已在部分省市开展新就业形态人员职业伤害保障试点，覆盖外卖、即时配送、出行等行业的多家平台企业。",
        "专家建议，下一步可以探索按单缴费等更加灵活的参保方式，让更多骑手愿意参保、参得起保。",
    ], date_style="iso", statement=False, cambrian=False),
]

COMMENTS = [
    ("江边的风", "说得挺在理的，支持一下", "广东"),
    ("小满不满", "我家楼下就是这样，早该管管了", "浙江"),
    ("用户7364201", "希望能真正落实下去，不要一阵风", "四川"),
    ("老张看世界", "写得不错，点赞", "江苏"),
    ("momo", "坐等后续报道", "北京"),
]
REL_AGO = ["3小时前", "5小时前", "昨天 18:20", "02-11", "02-10", "1天前"]


def _date(a: Art):
    s = a.opt["date_style"]
    if s == "iso":
        return d_iso_min(a)
    if s == "zh":
        return d_zh(a)
    if s == "yearless":
        return a.dt.strftime("%m-%d %H:%M")
    return "发布时间：" + a.dt.strftime("%Y-%m-%d")


def _head(title, extra=""):
    return f"""<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="UTF-8">
<meta name="viewport" content="width=device-width,initial-scale=1.0,maximum-scale=1.0,user-scalable=no,viewport-fit=cover">
<meta name="format-detection" content="telephone=no">
<meta name="apple-mobile-web-app-capable" content="yes">
<title>{esc(title)}</title>
{extra}<link rel="stylesheet" href="//static.sudibao.cn/m/css/detail.3e1f2a.css">
<script>!function(e){{var t=document.documentElement;function n(){{t.style.fontSize=t.clientWidth/7.5+"px"}}n();window.addEventListener("resize",n)}}(window);</script>
<script>var _hmt = _hmt || [];(function() {{var hm = document.createElement("script");hm.src = "https://hm.baidu.com/hm.js?3f2a1c9d8e";var s = document.getElementsByTagName("script")[0];s.parentNode.insertBefore(hm, s);}})();</script>
</head>
<body>
"""


def _topbar(pg):
    return f"""<div class="top-download-bar" id="topBar"><img class="logo" src="//static.sudibao.cn/m/img/app-logo.png" alt=""><div class="txt"><p class="name">速递报APP</p><p class="desc">{pg.b("打开APP，阅读体验更佳")}</p></div><a class="open-btn" href="sudibao://open?from=m_top">打开</a></div>
<header class="m-header"><a class="back" href="javascript:history.back()"></a><a class="logo" href="/m/">速递报</a><a class="search" href="/m/search"></a></header>
<nav class="m-channels"><a href="/m/">推荐</a><a href="/m/list/yaowen">要闻</a><a href="/m/list/bendi">本地</a><a href="/m/list/keji">科技</a><a href="/m/list/tiyu">体育</a><a href="/m/list/caijing">财经</a><a href="/m/list/jiankang">健康</a></nav>
"""


def _footer(pg):
    return f"""<footer class="m-footer"><p><a href="/m/">首页</a> | <a href="https://www.sudibao.cn/">电脑版</a> | <a href="/m/app">客户端</a> | <a href="/m/about">关于我们</a></p>
<p>{pg.b("© 2025 速递报 京ICP证160123号")}</p><p>{pg.b("违法和不良信息举报电话：010-56781234")}</p></footer>
<div class="fixed-bottom-bar"><a href="sudibao://open?from=m_bottom">{pg.b("打开速递报APP，查看更多精彩资讯")}</a></div>
<script src="//static.sudibao.cn/m/js/detail.8c2d1e.js"></script>
</body>
</html>
"""


def _para(item, wechat):
    if isinstance(item, str):
        if wechat:
            return f'<section style="margin-bottom:16px;line-height:1.75em;"><span style="font-size:16px;letter-spacing:1px;">{inline(item)}</span></section>\n'
        return f"<p>{inline(item)}</p>\n"
    if item[0] == "h":
        if wechat:
            return f'<section style="margin:20px 0 10px;"><strong><span style="color:#c0392b;font-size:17px;">{esc(item[1])}</span></strong></section>\n'
        return f"<h3>{esc(item[1])}</h3>\n"
    if item[0] == "ul":
        if wechat:
            return "".join(f'<section style="padding-left:1em;"><span style="font-size:16px;">{esc(x)}</span></section>\n' for x in item[1])
        return "<ul>" + "".join(f"<li>{esc(x)}</li>" for x in item[1]) + "</ul>\n"
    raise ValueError(item)


def render(a: Art, i: int, arts):
    pg = Page()
    others = [o for o in arts if o is not a]
    extra = f'<meta name="description" content="{attr(a.first_text()[:100])}">\n<meta name="keywords" content="{attr(",".join(a.tags))}">\n'
    extra += f'<link rel="canonical" href="https://www.sudibao.cn/news/{a.dt.strftime("%Y%m%d")}/{a.name}.html">\n'
    if a.opt["date_style"] in ("yearless", "date_only"):
        extra += f'<meta name="publishdate" content="{a.dt.strftime("%Y-%m-%d")}">\n'
    if a.opt.get("cambrian"):
        ld = {"@context": "https://ziyuan.baidu.com/contexts/cambrian.jsonld", "@id": f"https://{HOST}{a.path}",
              "appid": "1589234567123456", "title": a.title, "images": [f"https://img.sudibao.cn/{a.name}_1.jpg"],
              "description": a.first_text()[:120], "pubDate": a.dt.strftime("%Y-%m-%dT%H:%M:%S"),
              "upDate": a.dt.replace(hour=23, minute=5).strftime("%Y-%m-%dT%H:%M:%S")}
        extra += f'<script type="application/ld+json">{json.dumps(ld, ensure_ascii=False)}</script>\n'
    out = [_head(f"{a.title}_{a.cat}_速递报" if truth_category(a, i) else f"{a.title}-速递报手机版", extra), _topbar(pg)]
    out.append('<article class="m-article">\n')
    out.append(f'<h1 class="art-title">{esc(a.title)}</h1>\n')
    info = [f'<span class="art-src">{esc(a.source)}</span>', f'<span class="art-time">{esc(_date(a))}</span>']
    if a.author:
        info.append(f'<span class="art-author">作者：{esc(a.author)}</span>')
    out.append(f'<div class="art-info">{"".join(info)}</div>\n')
    out.append('<div class="art-content" id="artContent" style="max-height:12rem;overflow:hidden;">\n')
    wechat = a.opt.get("wechat")
    for n, item in enumerate(a.body):
        out.append(_para(item, wechat))
        if n == 0 and a.opt.get("caption"):
            out.append(f'<p class="img-box"><img src="//static.sudibao.cn/m/img/placeholder.png" data-src="https://img.sudibao.cn/{a.name}_1.jpg" alt=""></p>\n<p class="img-desc">{pg.b(a.opt["caption"])}</p>\n')
    out.append("</div>\n")
    out.append(f'<div class="expand-wrap" id="expandWrap"><div class="expand-mask"></div><a class="expand-btn" href="javascript:;">{pg.b("展开全文")}<i class="arrow"></i></a></div>\n')
    out.append(f'<a class="open-app-read" href="sudibao://detail?id={a.name}">{pg.b("打开APP阅读全文")}</a>\n')
    if a.opt.get("statement"):
        out.append(f'<p class="art-statement">{pg.b("声明：本文由入驻速递报的作者撰写，观点仅代表作者本人，不代表速递报立场。")}</p>\n')
    out.append('<div class="art-tags">' + "".join(f'<a href="/m/tag/{t}">#{esc(t)}</a>' for t in a.tags) + "</div>\n")
    pg.reg("".join(f"#{t}" for t in a.tags))
    out.append(f'<div class="art-actions"><span class="like">{pg.b(f"赞 {(i * 37 + 11) % 300}")}</span><span class="share">分享</span><span class="report">举报</span></div>\n</article>\n')
    rel = "".join(f'<li><a href="{o.path}"><p class="t">{esc(o.title)}</p><p class="m"><span>{esc(o.source)}</span><span>{REL_AGO[k % len(REL_AGO)]}</span><span>{(k * 53 + i) % 400}评</span></p></a></li>' for k, o in enumerate(others[i % 3:i % 3 + 5]))
    out.append(f'<section class="recommend"><h2>{pg.b("推荐阅读")}</h2><ul>{rel}</ul></section>\n')
    cm = "".join(f'<div class="cmt"><img class="avatar" src="//static.sudibao.cn/m/img/avatar.png" alt=""><span class="user">{esc(u)}</span><p class="text">{esc(t)}</p><span class="meta">{a.dt.strftime("%m-%d")} {(a.dt.hour + k + 1) % 24:02d}:{(k * 13) % 60:02d} · {p}</span></div>\n'
                 for k, (u, t, p) in enumerate(COMMENTS[i % 3:i % 3 + 3]))
    for (u, t, p) in COMMENTS[i % 3:i % 3 + 3]:
        pg.reg(t)
    out.append(f'<section class="hot-comments"><h2>{pg.b("热门评论")}</h2>\n{cm}<a class="load-more" href="sudibao://comments?id={a.name}">{pg.b("查看更多评论")}</a></section>\n')
    out.append(_footer(pg))
    return "".join(out), pg.bp


def _item(o: Art, k: int):
    return f'<li class="news-item"><a href="{o.path}"><div class="txt"><p class="t">{esc(o.title)}</p><p class="m"><span>{esc(o.source)}</span><span>{REL_AGO[k % len(REL_AGO)]}</span></p></div><img class="thumb" data-src="https://img.sudibao.cn/{o.name}_s.jpg" alt=""></a></li>\n'


def nonarticles(arts):
    pages = []
    pg = Page()
    pages.append(("list_keji_p2", "/m/list/keji?page=2", _head("科技_速递报手机版") + _topbar(pg) +
                  '<div class="m-list"><ul>\n' + "".join(_item(o, k) for k, o in enumerate(arts[:2] + arts[4:8])) +
                  '</ul><a class="list-more" href="/m/list/keji?page=3" data-page="3">加载更多</a></div>\n' + _footer(pg)))
    pg = Page()
    found = [o for o in arts if "充电" in o.title or "新能源汽车" in o.tags]
    pages.append(("search_chongdian", "/m/search?kw=%E5%85%85%E7%94%B5%E6%A1%A9", _head("充电桩 - 速递报搜索") + _topbar(pg) +
                  '<div class="m-search"><form action="/m/search"><input type="search" name="kw" value="充电桩"><button>搜索</button></form>\n'
                  f'<p class="tip">为您找到相关结果约{len(found) * 37}个</p><ul>\n' + "".join(_item(o, k) for k, o in enumerate(found)) +
                  '</ul></div>\n' + _footer(pg)))
    pg = Page()
    pages.append(("author_56789", "/m/author/56789", _head("劳动者周刊的主页_速递报手机版") + _topbar(pg) +
                  '<div class="m-author"><div class="author-head"><img class="avatar" src="https://img.sudibao.cn/author/56789.jpg" alt=""><h1>劳动者周刊</h1><p class="v">速递报认证：劳动者周刊官方账号</p>'
                  '<p class="stat"><span>2.3万粉丝</span><span>1.1万获赞</span><span>1206篇作品</span></p><a class="follow" href="sudibao://follow?uid=56789">+ 关注</a></div>\n'
                  '<div class="tabs"><a class="on">文章</a><a>视频</a><a>微头条</a></div><ul>\n' + "".join(_item(o, k) for k, o in enumerate(arts[-1:] + arts[3:6])) +
                  '</ul></div>\n' + _footer(pg)))
    return pages
