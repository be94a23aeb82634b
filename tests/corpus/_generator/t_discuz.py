"""jiangchengol: a Chinese city portal on Discuz! X3.4 GBK, portal module ("门户 › 查看内容"): charset only
in <meta charset="gbk">, info line "2025-2-14 14:34| 发布者: x| 查看: n| 评论: 0|原作者: y|来自: z", 摘要 box,
body in <td id="article_content"> written with <font>/<br> (no <p>), forum-edit notes, "GMT+8" render
time in the footer, Discuz login box, 表态 (click) widget, ICP line."""
from common import Art, Page, esc, attr, inline, d_discuz, hits

NAME = "jiangchengol"
HOST = "www.jiangchengol.com"
LANG = "zh"
def utc_offset(a):
    return "+08:00"


ENC = "gbk"
SITE = "江城在线"
CATS = {"江城新闻": 1, "民生": 2, "体育": 3, "文化": 4, "交通": 5, "就业": 6}


def P(aid, title, date, author, source, cat, body, **opt):
    path = f"/portal.php?mod=view&aid={aid}" if opt.get("raw_url") else f"/article-{aid}-1.html"
    return Art(str(aid), path, title, date, author, source, cat, [], body, "zh", opt=opt)


ARTICLES = [
    P(23451, "地铁5号线今日开通试运营 沿线居民出行更便捷", "2025-02-14 14:34", "刘洋", "江城日报", "交通", [
        "2月14日上午10时，江城地铁5号线正式开通试运营。首班列车从火车南站始发，沿线不少市民早早赶来“尝鲜”。",
        "5号线全长33.6公里，共设车站24座，连接城南新区、老城区和城东高新区，其中换乘站7座。开通后，江城地铁运营里程突破300公里。",
        "家住城南新区的王堃是第一批乘客之一。他告诉记者，以前到城东上班要换乘两次公交，单程一个多小时，“现在坐地铁40分钟就到了。”",
        "地铁运营公司相关负责人介绍，试运营初期，5号线工作日高峰时段行车间隔为5分30秒，后期将根据客流情况逐步缩短。",
        "为方便乘客，5号线各站均支持刷二维码、银行卡和交通卡进站，部分车站还设置了母婴室和便民服务点。",
    ], fmt="font_nbsp", views=True),
    P(23448, "江滩公园早樱进入盛花期 赏花请错峰出行", "2025-02-13 09:20", None, "江城晚报", "江城新闻", [
        "受近期气温回升影响，江滩公园的早樱比往年提前一周进入盛花期。连日来，前来赏花拍照的市民游客络绎不绝。",
        "公园管理处工作人员介绍，今年园内早樱种植面积进一步扩大，约有1200株，预计花期将持续到本月下旬。",
        "为避免人流过于集中，公园提醒市民尽量选择工作日或早晚时段前往，周末期间将对部分入口实行单向通行。",
        "赏花时请勿攀折花枝、踩踏草坪，文明游园。",
    ], fmt="nested_font", raw_url=True, image=True),
    P(23440, "江城马拉松3月开跑 报名人数创新高", "2025-02-12 18:05", "赵喆", "江城体育网", "体育", [
        "记者从江城马拉松组委会获悉，2025江城马拉松将于3月23日鸣枪开跑，报名通道关闭时共有超过16万人报名，创下历届新高。",
        "本届赛事设全程马拉松、半程马拉松和健康跑三个项目，总规模3万人，将通过抽签确定参赛名单，抽签结果将于2月底公布。",
        "与往届相比，今年的赛道做了调整，新增了江滩和老城区两段路线，让跑者在比赛中感受江城的城市风貌。",
        "组委会提醒，参赛选手应提前做好身体检查和针对性训练，量力而行。赛事期间，沿线部分道路将实施交通管制，具体方案将另行发布。",
        "据悉，今年赛事还将首次设立“城市荣誉跑者”名额，面向参加马拉松满十届的本地跑者开放。",
        "比赛当天，地铁将提前一小时开始运营。",
    ], fmt="font_nbsp", edit_note="2025-2-13 08:47"),
    P(23437, "节后蔬菜价格逐步回落 市民“菜篮子”稳了", "2025-02-11 07:55", None, "江城日报", "民生", [
        "春节过后，随着天气转暖和外地蔬菜大量上市，江城各大农贸市场的蔬菜价格逐步回落。",
        "记者昨日在城北农贸市场看到，菠菜、生菜、白菜等叶类菜价格比节前下降了两到三成，番茄、黄瓜等品种价格也有小幅下降。",
        "“节前菠菜卖到8块一斤，现在5块钱就能买到。”在市场买菜的陈阿姨说。",
        "市发改委价格监测数据显示，上周全市28种主要蔬菜平均零售价格为每公斤5.12元，环比下降6.8%。",
        "相关部门表示，将继续做好蔬菜产销对接，保障市场供应和价格平稳。",
    ], fmt="plain_br", views=True),
    P(23431, "寒潮来袭 本周末江城最低气温将降至零下4℃", "2025-02-10 16:40", "孙蓓", "江城气象", "江城新闻", [
        "市气象台今天下午发布寒潮蓝色预警：受强冷空气影响，本周五至周日江城将出现明显降温和大风天气，过程降温幅度达8℃至10℃，周末最低气温将降至零下4℃左右。",
        "气象专家提醒，此次降温过程中，部分地区可能出现雨夹雪或小雪，山区道路可能出现结冰，市民驾车出行需注意安全。",
        "同时，降温天气对设施农业和露天越冬作物有不利影响，农户应提前做好防寒保温措施。",
        "老人、儿童和患有心脑血管疾病的人群要注意防寒保暖，减少户外活动。",
    ], fmt="one_font"),
    P(23426, "春季大型招聘会下周举行 300余家企业提供岗位1.2万个", "2025-02-09 10:30", "周涵", "江城人社", "就业", [
        "记者从市人力资源和社会保障局获悉，2025年江城春季大型招聘会将于2月16日在市国际会展中心举行，届时将有300余家企业进场招聘，提供就业岗位1.2万余个。",
        "本次招聘会岗位涵盖智能制造、电子信息、现代物流、医疗健康、商贸服务等多个行业，其中面向高校毕业生的岗位约4500个。",
        "招聘会现场将设置四个服务区：",
        "（一）企业招聘区，集中展示用人单位的岗位信息；",
        "（二）政策咨询区，为求职者提供社保、就业补贴等政策解答；",
        "（三）职业指导区，由专业职业指导师免费提供简历修改和面试辅导；",
        "（四）直播带岗区，企业负责人通过网络直播介绍岗位，求职者可线上投递简历。",
        "市人社局提醒，求职者可提前通过“江城就业”小程序查看参会企业和岗位信息，现场请携带身份证和简历。",
        "招聘会不收取任何费用，凡以招聘会名义收取费用的，请及时向有关部门举报。",
    ], fmt="font_nbsp", views=True),
    P(23420, "百年老街“修旧如旧” 改造后将于五一前开放", "2025-02-08 11:15", None, "江城晚报", "文化", [
        "位于老城区的青石街有一百多年历史，街道两侧保留着数十栋民国时期的老建筑。去年下半年，青石街保护性改造工程正式启动。",
        "记者近日走进施工现场看到，工人们正在对老建筑的木门窗进行修复，破损的青石板路面也在逐块更换。",
        "项目负责人介绍，改造坚持“修旧如旧”原则，尽量使用原有材料和传统工艺，对新增的商业设施，外立面风格也要与老街保持一致。",
        "改造完成后，青石街将引入非遗工坊、老字号餐饮和特色书店，预计于五一前对外开放。",
    ], fmt="nested_font", raw_url=False),
    P(23415, "警方提示：接到“客服退款”电话要当心", "2025-02-07 20:10", "杨帆", "江城警方", "江城新闻", [
        "近日，市民李女士接到一个自称某购物平台“客服”的电话，对方称她购买的商品存在质量问题，可以为她办理双倍退款。",
        "在对方的引导下，李女士下载了一款会议软件并开启了屏幕共享，随后按照提示输入了银行卡信息和验证码。不到十分钟，她的银行卡被转走了3.6万元。",
        "警方介绍，这是典型的冒充客服诈骗，今年以来全市已接报同类案件40余起。",
        "来源不明的电话和链接不要轻信，正规平台退款不需要消费者提供银行卡密码和验证码，更不会要求下载会议软件、开启屏幕共享。",
        "警方提醒，遇到可疑情况，请及时拨打96110反诈专线咨询，或者直接拨打110报警。",
    ], fmt="plain_br", edit_note="2025-2-8 09:02", image=True),
    P(23409, "市图书馆延长夜间开放时间", "2025-02-06", None, "江城日报", "文化", [
        "从本周起，市图书馆每周二至周五的开放时间延长至晚上9点，方便上班族和学生下班、放学后到馆阅读。",
        "图书馆负责人表示，夜间开放期间，自习区、少儿阅览区和报刊区均正常开放，借还书服务也照常提供。",
        "今后，图书馆还将根据读者需求，适时推出夜间讲座和阅读分享活动。",
    ], fmt="one_font"),
]


def _body(a: Art, pg: Page):
    kind = a.opt.get("fmt")
    paras = [item if isinstance(item, str) else item[1] for item in a.body]
    out = []
    if a.opt.get("edit_note"):
        note = f"本帖最后由 江城小编 于 {a.opt['edit_note']} 编辑"
        out.append(f'<i class="pstatus"> {esc(note)} </i><br />\r\n<br />\r\n')
        pg.reg(note)
    img_done = False
    for n, p in enumerate(paras):
        t = inline(p, "b", "i")
        if kind == "font_nbsp":
            out.append(f'<font size="3">&nbsp; &nbsp; &nbsp; &nbsp;{t}</font><br />\r\n<font size="3"><br />\r\n</font>')
        elif kind == "nested_font":
            out.append(f'<div align="left"><font face="宋体"><font style="font-size:16px">\u3000\u3000{t}</font></font></div><div align="left"><font face="宋体"><font style="font-size:16px"><br />\r\n</font></font></div>')
        elif kind == "plain_br":
            out.append(f"\u3000\u3000{t}<br />\r\n<br />\r\n")
        else:  # one_font: one <font> around everything, paragraphs separated by <br>s
            out.append(("" if n == 0 else "<br />\r\n<br />\r\n") + f"\u3000\u3000{t}")
        if a.opt.get("image") and not img_done and n == 0:
            out.append('<div align="center"><img src="data/attachment/portal/202502/13/091522k3k2qz2ze4x2ntq8.jpg" alt="" /></div>\r\n'
                       f'<div align="center"><font color="#808080">{pg.b("（图片来源：网络）")}</font></div><br />\r\n')
            img_done = True
    s = "".join(out)
    if kind == "one_font":
        s = f'<font size="3" face="微软雅黑">{s}</font><br />\r\n'
    return s


def _head(title, kw, desc):
    return f"""<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">
<html xmlns="http://www.w3.org/1999/xhtml">
<head>
<meta charset="gbk" />
<title>{esc(title)}</title>

<meta name="keywords" content="{attr(kw)}" />
<meta name="description" content="{attr(desc)}" />
<meta name="generator" content="Discuz! X3.4" />
<meta name="author" content="Discuz! Team and Comsenz UI Team" />
<meta name="copyright" content="2001-2025 Tencent Cloud." />
<meta name="MSSmartTagsPreventParsing" content="True" />
<meta http-equiv="MSThemeCompatible" content="Yes" />
<base href="http://{HOST}/" /><link rel="stylesheet" type="text/css" href="data/cache/style_1_common.css?K3f" /><link rel="stylesheet" type="text/css" href="data/cache/style_1_portal_view.css?K3f" /><script type="text/javascript">var STYLEID = '1', STATICURL = 'static/', IMGDIR = 'static/image/common', VERHASH = 'K3f', charset = 'gbk', discuz_uid = '0', cookiepre = 'xKq2_2132_', cookiedomain = '', cookiepath = '/', showusercard = '1', attackevasive = '0', disallowfloat = 'newthread', creditnotice = '1|威望|,2|金钱|,3|贡献|', defaultstyle = '', REPORTURL = 'aHR0cDovL3d3dy5qaWFuZ2NoZW5nb2wuY29tLw==', SITEURL = 'http://{HOST}/', JSPATH = 'static/js/', CSSPATH = 'data/cache/style_', DYNAMICURL = '';</script>
<script src="static/js/common.js?K3f" type="text/javascript"></script>
<meta name="application-name" content="江城在线" />
<meta name="msapplication-tooltip" content="江城在线" />
<script src="static/js/portal.js?K3f" type="text/javascript"></script>
</head>

<body id="nv_portal" class="pg_view" onkeydown="if(event.keyCode==27) return false;">
<div id="append_parent"></div><div id="ajaxwaitid"></div>
<div id="toptb" class="cl">
<div class="wp">
<div class="z"><a href="javascript:;"  onclick="setHomepage('http://{HOST}/');">设为首页</a><a href="http://{HOST}/"  onclick="addFavorite(this.href, '江城在线');return false;">收藏本站</a></div>
<div class="y">
<a id="switchblind" href="javascript:;" onclick="toggleBlind(this)" title="开启辅助访问" class="switchblind">开启辅助访问</a>
<a href="javascript:;" id="switchwidth" onclick="widthauto(this)" title="切换到宽版" class="switchwidth">切换到宽版</a>
</div>
</div>
</div>

<div id="hd">
<div class="wp">
<div class="hdc cl"><h2><a href="./" title="江城在线"><img src="static/image/common/logo.png" alt="江城在线" border="0" /></a></h2><script src="static/js/logging.js?K3f" type="text/javascript"></script>
<form method="post" autocomplete="off" id="lsform" action="member.php?mod=logging&amp;action=login&amp;loginsubmit=yes&amp;infloat=yes&amp;lssubmit=yes" onsubmit="return lsSubmit();">
<div class="fastlg cl">
<span id="return_ls" style="display:none"></span>
<div class="y pns">
<table cellspacing="0" cellpadding="0">
<tr>
<td><label for="ls_username">帐号</label></td>
<td><input type="text" name="username" id="ls_username" class="px vm xg1"  value="用户名/Email" onfocus="if(this.value == '用户名/Email'){{this.value = '';this.className = 'px vm';}}" onblur="if(this.value == ''){{this.value = '用户名/Email';this.className = 'px vm xg1';}}" tabindex="901" /></td>
<td class="fastlg_l"><label for="ls_cookietime"><input type="checkbox" name="cookietime" id="ls_cookietime" class="pc" value="2592000" tabindex="903" />自动登录</label></td>
<td>&nbsp;<a href="javascript:;" onclick="showWindow('login', 'member.php?mod=logging&action=login&viewlostpw=1')">找回密码</a></td>
</tr>
<tr>
<td><label for="ls_password" class="z psw_w">密码</label></td>
<td><input type="password" name="password" id="ls_password" class="px vm" autocomplete="off" tabindex="902" /></td>
<td class="fastlg_l"><button type="submit" class="pn vm" tabindex="904" style="width: 75px;"><em>登录</em></button></td>
<td>&nbsp;<a href="member.php?mod=register" class="xi2 xw1">立即注册</a></td>
</tr>
</table>
</div>
</div>
</form>
</div>

<div id="nv">
<a href="javascript:;" id="qmenu" onmouseover="delayShow(this, function () {{showMenu({{'ctrlid':'qmenu','pos':'34!','ctrlclass':'a','duration':2}});showForummenu(0);}})">快捷导航</a>
<ul><li class="a" id="mn_portal" ><a href="portal.php" hidefocus="true" title="Portal"  >门户<span>Portal</span></a></li><li id="mn_forum" ><a href="forum.php" hidefocus="true" title="BBS"  >论坛<span>BBS</span></a></li><li id="mn_N8a1c" ><a href="portal.php?mod=list&catid=1" hidefocus="true"  >江城新闻</a></li><li id="mn_N2b3d" ><a href="portal.php?mod=list&catid=2" hidefocus="true"  >民生</a></li><li id="mn_home" ><a href="home.php" hidefocus="true" title="Space"  >家园<span>Space</span></a></li></ul>
</div>
<div id="scbar" class="cl">
<form id="scbar_form" method="post" autocomplete="off" onsubmit="searchFocus($('scbar_txt'))" action="search.php?searchsubmit=yes" target="_blank">
<input type="hidden" name="mod" id="scbar_mod" value="search" />
<input type="hidden" name="formhash" value="8f2a61c3" />
<table cellspacing="0" cellpadding="0">
<tr>
<td class="scbar_txt_td"><input type="text" name="srchtxt" id="scbar_txt" value="请输入搜索内容" autocomplete="off" x-webkit-speech speech /></td>
<td class="scbar_type_td"><a href="javascript:;" id="scbar_type" class="xg1" onclick="showMenu(this.id)" hidefocus="true">搜索</a></td>
<td class="scbar_btn_td"><button type="submit" name="searchsubmit" id="scbar_btn" sc="1" class="pn pnc" value="true"><strong class="xi2">搜索</strong></button></td>
</tr>
</table>
</form>
</div>
</div>
</div>
"""


def _side(pg, others):
    hot = "".join(f'<li><em class="xi1">{k + 1}</em><a href="{o.path.lstrip("/")}" title="{attr(o.title)}" target="_blank">{esc(o.title)}</a></li>' for k, o in enumerate(others[:6]))
    return f"""<div class="sd pph">
<div class="drag"><!--[diy=diy2]--><div id="diy2" class="area"><div id="frameDx2" class="frame move-span cl frame-1"><div class="column frame-1-c"><div class="block move-span"><div class="blocktitle title"><span class="titletext">{pg.b("热门排行")}</span></div><div class="dxb_bc"><div class="module cl xl xl1"><ul>{hot}</ul></div></div></div></div></div></div><!--[/diy]--></div>
<div class="bm"><div class="bm_h"><h2>{pg.b("关注江城在线")}</h2></div><div class="bm_c"><img src="static/image/jcol_wx.jpg" width="160" alt="" /><p>{pg.b("微信扫一扫，江城资讯早知道")}</p></div></div>
</div>
"""


def _footer(pg, stamp):
    return f"""<div id="ft" class="wp cl">
<div id="flk" class="y">
<p>
<a href="archiver/" >Archiver</a><span class="pipe">|</span><a href="forum.php?mobile=yes" >手机版</a><span class="pipe">|</span><a href="forum.php?mod=misc&action=showdarkroom" >小黑屋</a><span class="pipe">|</span><strong><a href="http://{HOST}/" target="_blank">江城在线</a></strong>
( <a href="https://beian.miit.gov.cn/" target="_blank">{pg.b("鄂ICP备12345678号-1")}</a> )</p>
<p class="xs0">
{pg.b("GMT+8, " + stamp)}<span id="debuginfo">
, Processed in 0.052317 second(s), 19 queries
.
</span>
</p>
</div>
<div id="frt">
<p>Powered by <strong><a href="http://www.discuz.net" target="_blank">Discuz!</a></strong> <em>X3.4</em></p>
<p class="xs0">&copy; 2001-2025 <a href="http://www.comsenz.com" target="_blank">Comsenz Inc.</a></p>
</div></div>
<script src="home.php?mod=misc&ac=sendmail&rand=1739582460" type="text/javascript"></script>
<div id="scrolltop">
<span hidefocus="true"><a title="返回顶部" onclick="window.scrollTo('0','0')" class="scrolltopa" ><b>返回顶部</b></a></span>
<span>
<a href="portal.php?mod=list&catid=1" hidefocus="true" class="returnboard" title="返回列表"><b>返回列表</b></a>
</span>
</div>
<script type="text/javascript">_attachEvent(window, 'scroll', function () {{ showTopLink(); }});checkBlind();</script>
</body>
</html>
"""


def render(a: Art, i: int, arts):
    pg = Page()
    others = [o for o in arts if o is not a]
    summary = a.first_text()[:80].rstrip("，。") + "..."
    title_tag = f"{a.title} - {a.cat} - {SITE} -  Powered by Discuz!"
    pg.reg("Powered by Discuz!")
    out = [_head(title_tag, a.title, f"{summary} ,江城在线")]
    cid = CATS[a.cat]
    out.append(f'\n<div id="wp" class="wp"><style id="diy_style" type="text/css"></style>\n<!--[diy=diynavtop]--><div id="diynavtop" class="area"></div><!--[/diy]-->\n'
               f'<div id="pt" class="bm cl">\n<div class="z">\n<a href="./" class="nvhm" title="首页">江城在线</a> <em>&rsaquo;</em>\n<a href="portal.php">门户</a> <em>&rsaquo;</em>\n<a href="portal.php?mod=list&catid={cid}">{a.cat}</a> <em>&rsaquo;</em>\n查看内容\n</div>\n</div>\n')
    out.append('<div id="ct" class="ct2 wp cl">\n<div class="mn">\n<div class="bm vw">\n')
    info = [esc(d_discuz(a)), '发布者: <a href="home.php?mod=space&amp;uid=12">江城小编</a>']
    pg.reg("发布者: 江城小编")
    if a.opt.get("views"):
        info.append(f"查看: {hits(a)}")
        pg.reg(f"查看: {hits(a)}")
    info.append("评论: 0")
    if a.author:
        info.append(f"原作者: {esc(a.author)}")
    if a.source:
        info.append(f"来自: {esc(a.source)}")
        pg.reg(f"来自: {a.source}")
    out.append(f'<div class="h hm">\n<h1 class="ph">{esc(a.title)} </h1>\n<p class="xg1">\n' + '<span class="pipe">|</span>'.join(info) + "</p>\n</div>\n")
    out.append('\n<!--[diy=diysummarytop]--><div id="diysummarytop" class="area"></div><!--[/diy]-->\n')
    if i % 3 != 1:
        out.append(f'<div class="s"><div><strong>摘要</strong>: {esc(summary)}</div></div>\n')
        pg.reg("摘要: " + summary)
    out.append('<!--[diy=diysummarybottom]--><div id="diysummarybottom" class="area"></div><!--[/diy]-->\n<div class="d">\n<!--[diy=diycontenttop]--><div id="diycontenttop" class="area"></div><!--[/diy]-->\n')
    out.append(f'<table cellpadding="0" cellspacing="0" class="vwtb"><tr><td id="article_content">{_body(a, pg)}</td></tr></table>\n')
    out.append('<!--[diy=diycontentbottom]--><div id="diycontentbottom" class="area"></div><!--[/diy]-->\n')
    out.append(f'<div class="o cl ptm pbm">\n<a href="home.php?mod=spacecp&amp;ac=favorite&amp;type=article&amp;id={a.name}&amp;handlekey=favoritearticlehk_{a.name}" id="a_favorite" onclick="showWindow(this.id, this.href, \'get\', 0);" class="oshr ofav">{pg.b("收藏")}</a>\n<a href="misc.php?mod=invite&amp;action=article&amp;id={a.name}" id="a_invite" onclick="showWindow(\'invite\', this.href, \'get\', 0);" class="oshr oivt">{pg.b("邀请")}</a>\n</div>\n')
    clicks = "".join(f'<td><a href="home.php?mod=spacecp&ac=click&op=add&clickid={k + 1}&idtype=aid&id={a.name}" onclick="ajaxmenu(this);doane(event);"><img src="static/image/click/{img}.gif" alt="" /><br />{name}</a></td>'
                     for k, (img, name) in enumerate([("xianhua", "鲜花"), ("woshou", "握手"), ("leiren", "雷人"), ("luguo", "路过"), ("jidan", "鸡蛋")]))
    out.append(f'<div id="click_div"><table cellpadding="0" cellspacing="0" class="atd"><tr>{clicks}</tr></table>\n<script type="text/javascript">function errorhandle_clickhandle(message, values) {{ if(values[\'id\']) {{ showCreditPrompt(); show_click(values[\'idtype\'], values[\'id\'], values[\'clickid\']); }} }}</script>\n</div>\n')
    out.append('<!--[diy=diycontentclickbottom]--><div id="diycontentclickbottom" class="area"></div><!--[/diy]-->\n</div>\n')
    prev_, next_ = arts[(i + 1) % len(arts)], arts[i - 1]
    out.append(f'<div class="pren pbm cl">\n<em>上一篇：<a href="{prev_.path.lstrip("/")}" title="{attr(prev_.title)}">{esc(prev_.title)}</a></em>\n<em>下一篇：<a href="{next_.path.lstrip("/")}" title="{attr(next_.title)}">{esc(next_.title)}</a></em>\n</div>\n</div>\n')
    pg.reg("上一篇：" + prev_.title)
    rel = "".join(f'<li>&bull; <a href="{o.path.lstrip("/")}" target="_blank">{esc(o.title)}</a> <span class="xg1">{d_discuz(o)}</span></li>' for o in others[i % 4:i % 4 + 4])
    out.append(f'<div class="bm">\n<div class="bm_h cl">\n<h3>{pg.b("相关阅读")}</h3>\n</div>\n<div class="bm_c">\n<ul class="xl xl2 cl">{rel}</ul>\n</div>\n</div>\n')
    out.append(f'<div id="comment" class="bm">\n<div class="bm_h cl">\n<a href="portal.php?mod=comment&amp;id={a.name}&amp;idtype=aid" class="y">{pg.b("查看全部评论(0)")}</a>\n<h3>相关分类</h3>\n</div>\n'
               f'<div id="comment_ul" class="bm_c"><form id="cform" name="cform" action="portal.php?mod=portalcp&ac=comment" method="post" autocomplete="off"><div class="tedt"><div class="area"><div class="pt hm">{pg.b("您需要登录后才可以评论")} <a href="member.php?mod=logging&amp;action=login" onclick="showWindow(\'login\', this.href)" class="xi2">登录</a> | <a href="member.php?mod=register" class="xi2">立即注册</a></div></div></div>'
               '<p class="pns mtn"><button type="submit" name="commentsubmit_btn" value="true" id="commentsubmit_btn" class="pn"><strong>评论</strong></button></p></form></div>\n</div>\n</div>\n')
    out.append(_side(pg, others))
    out.append("</div>\n</div>\n")
    out.append(_footer(pg, "2025-2-15 09:21"))
    return "".join(out), pg.bp


def nonarticles(arts):
    pages = []
    pg = Page()
    items = "".join(f'<dl class="bbda cl"><dt class="xs2"><a href="{o.path.lstrip("/")}" target="_blank" class="xi2">{esc(o.title)}</a></dt><dd class="xs2 cl"><div class="atc"><a href="{o.path.lstrip("/")}" target="_blank"><img src="data/attachment/portal/202502/thumb_{o.name}.jpg" alt="" class="tn" /></a></div>{esc(o.first_text()[:80])}...</dd><dd><label>分类: <a href="portal.php?mod=list&catid={CATS[o.cat]}" class="xi2">{o.cat}</a></label>&nbsp;&nbsp;<span class="xg1"> 发布者: 江城小编 | {d_discuz(o)}</span></dd></dl>\n' for o in arts[:6])
    pages.append(("list_catid1_page2", "/portal.php?mod=list&catid=1&page=2",
                  _head(f"江城新闻 - {SITE} -  Powered by Discuz!", "江城新闻", "江城新闻") +
                  '<div id="wp" class="wp"><div id="pt" class="bm cl"><div class="z"><a href="./" class="nvhm" title="首页">江城在线</a> <em>&rsaquo;</em> <a href="portal.php">门户</a> <em>&rsaquo;</em> 江城新闻</div></div>\n'
                  f'<div id="ct" class="ct2 wp cl"><div class="mn"><div class="bm"><div class="bm_h cl"><h1 class="xs2">江城新闻</h1></div><div id="portal_list" class="bm_c xld">\n{items}</div></div>\n'
                  '<div class="pgs cl"><div class="pg"><a href="portal.php?mod=list&catid=1" class="prev">&nbsp;&nbsp;</a><a href="portal.php?mod=list&catid=1">1</a><strong>2</strong><a href="portal.php?mod=list&catid=1&page=3">3</a><a href="portal.php?mod=list&catid=1&page=3">4</a><a href="portal.php?mod=list&catid=1&page=14" class="last">... 14</a><label><input type="text" name="custompage" class="px" size="2" title="输入页码，按回车快速跳转" value="2" /><span title="共 14 页"> / 14 页</span></label><a href="portal.php?mod=list&catid=1&page=3" class="nxt">下一页</a></div></div>\n'
                  '</div>' + _side(pg, arts) + '</div></div>\n' + _footer(pg, "2025-2-15 09:23")))
    pg = Page()
    art_rows = "".join(f'<dl class="bbda"><dt><a href="{o.path.lstrip("/")}" target="_blank">{esc(o.title)}</a></dt><dd><span class="xg1">{d_discuz(o)}</span> 查看: {hits(o)} | 评论: 0</dd></dl>\n' for o in arts[::2])
    pages.append(("space_uid12_article", "/home.php?mod=space&uid=12&do=article&view=me",
                  _head(f"江城小编的文章 -  {SITE} -  Powered by Discuz!", "江城小编的文章", "江城小编的文章 ,江城在线") +
                  '<div id="wp" class="wp"><div id="pt" class="bm cl"><div class="z"><a href="./" class="nvhm" title="首页">江城在线</a> <em>&rsaquo;</em> <a href="home.php?mod=space&amp;uid=12">江城小编</a> <em>&rsaquo;</em> 文章</div></div>\n'
                  '<div id="ct" class="ct2 wp cl"><div class="mn"><div class="bm"><div class="bm_h"><h1 class="mt"><img alt="article" src="static/image/feed/blog.gif" class="vm" /> 文章</h1></div>\n'
                  '<ul class="tb cl"><li class="a"><a href="home.php?mod=space&amp;uid=12&amp;do=article&amp;view=me">江城小编的文章</a></li></ul>\n'
                  f'<div class="bm_c xld">\n{art_rows}</div></div>\n<div class="pgs cl mtm"><div class="pg"><strong>1</strong><a href="home.php?mod=space&amp;uid=12&amp;do=article&amp;view=me&amp;page=2">2</a><a href="home.php?mod=space&amp;uid=12&amp;do=article&amp;view=me&amp;page=2" class="nxt">下一页</a></div></div></div>\n'
                  '<div class="sd"><div class="bm"><div class="bm_c"><div class="avt"><img src="uc_server/avatar.php?uid=12&size=middle" /></div><h2 class="xs2">江城小编</h2><p>用户组: 管理员</p><p>积分: 12873</p></div></div></div></div></div>\n' + _footer(pg, "2025-2-15 09:25")))
    return pages
