"""huaxunzx: a Chinese regional news portal on DedeCMS 5.7 GBK (default "articleview" templet):
charset only in <meta http-equiv ... charset=gb2312> (pages contain GBK-only characters), body inside
<div class="content"><table><tr><td>, info line 时间/来源/作者/点击 (hit counter via <script>),
"作者:佚名", 原标题 / 文章来源 / 责任编辑 / 本文转载自 lines inside the content cell."""
from common import Art, Page, esc, attr, inline, d_iso_min, d_zh, d_slash, hits

NAME = "huaxunzx"
HOST = "www.huaxunzx.com"
LANG = "zh"
def utc_offset(a):
    return "+08:00"


ENC = "gbk"
SITE = "华讯资讯网"
CHANNELS = {"财经": "caijing", "社会": "shehui", "科技": "keji", "教育": "jiaoyu", "文化": "wenhua", "房产": "fangchan", "健康": "jiankang"}


def P(aid, title, date, author, source, cat, tags, body, **opt):
    d = date[:10].replace("-", "")
    return Art(str(aid), f"/a/{CHANNELS[cat]}/{d[:4]}/{d[4:]}/{aid}.html", title, date, author, source, cat, tags, body, "zh", opt=opt)


ARTICLES = [
    P(8812, "1月新能源汽车销量同比增长三成 出口势头强劲", "2025-02-14 14:34", "周喆", "华夏经济报", "财经", ["新能源汽车", "汽车出口"], [
        "行业协会日前发布的数据显示，今年1月全国新能源汽车销量达到94.4万辆，同比增长约三成，市场渗透率继续保持在四成以上。",
        "从结构上看，插电式混合动力车型增长明显快于纯电动车型。业内人士分析，插混车型兼顾长途出行和日常用车成本，正在吸引越来越多的首次购车家庭。",
        "出口方面，1月新能源汽车出口量同比增长超过五成，东南亚、中东和拉美市场增长较快。多家车企表示，正在加快海外工厂建设，以应对部分市场的关税壁垒。",
        "“价格竞争仍在持续，但企业的重心正在从降价转向技术和服务。”一位汽车行业分析师说，今年智能驾驶功能将成为车企比拼的主要方向。",
        "协会预计，全年新能源汽车销量有望突破1500万辆。",
    ], style="indent", info="iso", original_title="新能源车开年“开门红” 1月销量同比增三成", editor="李镕", hits_script=True),
    P(8806, "老旧小区加装电梯提速 今年计划再装800部", "2025-02-13 10:12", None, "江南都市报", "社会", ["老旧小区改造", "加装电梯"], [
        "记者从市住房和城乡建设局获悉，今年全市计划为老旧小区加装电梯800部，比去年增加约两成，重点覆盖2000年以前建成、居住老年人较多的多层住宅。",
        "加装电梯难，难在协调。市住建局相关负责人介绍，过去一些项目因为低楼层住户担心采光、噪音等问题迟迟无法推进。今年将推广“一梯一策”的协商办法，由街道、社区组织居民议事，并引入第三方评估。",
        "在资金方面，符合条件的项目每部电梯可获得最高20万元的财政补贴，居民还可以提取住房公积金支付分摊费用。",
        "家住城东某小区六楼的刘阿姨今年72岁，她告诉记者，楼里的电梯去年年底投入使用，“以前下一趟楼要歇两回，现在每天都能下楼买菜、散步了。”",
        "据了解，全市已累计加装电梯2300余部，惠及居民约5万户。",
    ], style="css", info="zh", author_field="佚名", reprint=True, editor="陈静"),
    P(8801, "国产手机芯片实现5纳米量产 业内称仍需补齐生态短板", "2025-02-12 16:05", "吴昇", "南方科技报", "科技", ["芯片", "半导体", "智能手机"], [
        "多家手机厂商近日发布的新机型搭载了国产5纳米制程手机芯片，标志着国内芯片设计和制造能力取得新的进展。",
        ("h", "性能接近主流水平"),
        "从第三方评测机构公布的数据看，新芯片的综合性能已接近国际主流旗舰芯片水平，在功耗控制方面仍有一定差距。",
        "一位芯片设计工程师表示，先进制程的良率爬坡需要时间，“能做出来和能大规模、低成本地做出来，是两回事。”",
        ("h", "生态建设仍是关键"),
        "业内人士普遍认为，除了制造工艺，芯片能否真正站稳市场，还取决于软件生态。游戏、影像等应用需要针对新芯片进行优化，这需要芯片企业与应用开发者长期合作。",
        "据悉，相关企业已联合数十家应用开发商成立适配联盟，计划在今年上半年完成主流应用的优化工作。",
        "分析人士指出，国内手机芯片产业链正在从“可用”走向“好用”，但在高端制造设备、设计软件等环节仍需持续投入。",
    ], style="msword", info="iso", editor="王燕"),
    P(8797, "多家银行下调存款利率 “存款搬家”现象引关注", "2025-02-11", None, "东方财经日报", "财经", ["存款利率", "银行", "理财"], [
        "近日，多家全国性商业银行和地方中小银行相继下调人民币存款挂牌利率，部分银行三年期和五年期定期存款利率降幅达到20个基点。",
        "业内人士表示，此轮调整主要是为了缓解银行净息差收窄的压力。去年以来，贷款利率持续下行，银行负债端成本下降相对滞后。",
        "存款利率下调后，部分储户开始将资金转向银行理财、货币基金和国债等产品，“存款搬家”现象再度引发关注。",
        "某国有银行理财经理告诉记者，近期前来咨询理财产品的客户明显增多，其中不少是中老年客户，“他们最关心的还是本金安全。”",
        "专家提醒，投资者应根据自身风险承受能力选择产品，不要盲目追求高收益。",
    ], style="indent", info="date_only", author_field="admin"),
    P(8790, "春季学期开学 课后服务“菜单”更丰富", "2025-02-10 08:30", "林珺", "中原日报", "教育", ["开学", "课后服务", "双减"], [
        "2月10日，全市中小学迎来春季学期开学。记者走访发现，不少学校在课后服务中新增了科学实验、非遗手工、篮球、合唱等课程，供学生自主选择。",
        "市第三实验小学校长介绍，学校今年与周边的科技馆、少年宫合作，每周引进外部老师开设12门特色课程，“希望孩子们在校园里就能找到自己的兴趣。”",
        "课后服务收费标准保持不变，家庭经济困难学生可申请减免。",
        "教育部门表示，将继续严格控制作业总量，确保小学一二年级不布置书面家庭作业，其他年级书面作业平均完成时间不超过60分钟。",
    ], style="div", info="slash", editor="赵雪"),
    P(8785, "扫码点餐被要求先关注公众号？消协：商家不得强制收集个人信息", "2025-02-09 19:20", "何玥", "江南都市报", "社会", ["消费维权", "扫码点餐", "个人信息"], [
        "“想吃碗面，结果扫了二维码，先要关注公众号，再要授权手机号，最后还要填生日。”市民孙女士近日向本报反映，她在多家餐馆遇到类似情况，不完成这些步骤就无法点餐。",
        "记者随机走访了城区20家采用扫码点餐的餐馆，其中有9家要求顾客关注微信公众号或注册会员后才能下单，仅有4家在显著位置提供纸质菜单。",
        ("h", "消协：不得以此为前提"),
        "市消费者协会相关负责人表示，商家以关注公众号、授权个人信息作为点餐的前提条件，涉嫌违反个人信息保护的相关规定，侵犯了消费者的自主选择权。",
        "该负责人提醒，消费者在扫码点餐时遇到强制关注、强制授权的情况，可以要求商家提供纸质菜单或人工点餐，也可以拨打12315投诉。",
        ("h", "商家：主要是为了做会员营销"),
        "一家连锁餐饮企业的门店经理坦言，要求关注公众号主要是为了后续推送优惠活动，“确实有顾客不太愿意，我们会考虑把这个步骤改成可选。”",
        "律师提醒，扫描来历不明的二维码还可能面临个人信息泄露甚至财产损失的风险，消费者应当提高警惕。",
    ], style="css", info="iso", editor="陈静", reprint=True, hits_script=True),
    P(8779, "百年年画作坊迎来“00后”传承人", "2025-02-08 15:45", "马堃", "中原日报", "文化", ["非遗", "木版年画", "传统文化"], [
        "在城北一条老街的深处，有一家传承了一百多年的木版年画作坊。今年春节前后，这里格外热闹，前来参观、体验的游客络绎不绝。",
        "作坊的第五代传人、今年23岁的张晓涵，大学学的是视觉传达设计。毕业后，她放弃了在大城市工作的机会，回到家乡跟着爷爷学习刻版和套色印刷。",
        "“一开始爷爷不让我碰刻刀，说女孩子手劲小。”张晓涵笑着说，她用了整整一年时间才刻出第一块让爷爷点头的版。",
        "在她的推动下，作坊推出了印有生肖形象的冰箱贴、帆布包等文创产品，还开通了线上店铺，去年销售额比前年翻了一番。",
        "张晓涵说，她最大的愿望是让更多年轻人知道，年画不是博物馆里的老古董，“它可以贴在门上，也可以走进我们的日常生活。”",
        "据了解，当地已有三所中小学将木版年画纳入美术课程。",
    ], style="indent", info="zh", caption="图为张晓涵在作坊中刷色印制年画。（记者 王磊 摄）", editor="赵雪"),
    P(8772, "二手房成交量连续三个月回升 刚需购房者入场积极", "2025-02-07 11:00", None, "华夏经济报", "房产", ["二手房", "楼市"], [
        "据市房地产交易中心统计，1月全市二手住宅网签成交量为6820套，环比增长8.5%，同比增长超过四成，已连续三个月回升。",
        "从成交结构看，总价在150万元以下、面积90平方米以下的中小户型占比超过六成，首次购房的年轻家庭是主力。",
        "多家中介门店负责人表示，春节后带看量明显增加，但买卖双方对价格仍较为谨慎，议价空间普遍在3%至5%之间。",
        "业内人士认为，房贷利率处于历史低位、首付比例下调等政策效果正在逐步显现，但市场整体仍处于筑底阶段。",
    ], style="div", info="slash", author_field="佚名", reprint=True),
    P(8766, "异地就医直接结算范围扩大 门诊慢特病可跨省报销", "2025-02-06 09:00", "朱祎", "中原日报", "健康", ["医保", "异地就医"], [
        "记者从市医疗保障局了解到，自2月起，本市参保人员在外省定点医疗机构就诊时，高血压、糖尿病等5种门诊慢特病费用可以直接结算，不再需要先垫付后回来报销。",
        "市医保局工作人员介绍，参保人员只需通过国家医保服务平台或者“医保服务”微信小程序办理异地就医备案，即可在备案地的定点医疗机构刷医保电子凭证结算。",
        "以往，在外地工作、随子女居住的老年人需要自己垫付医疗费用，再带着票据回参保地报销，往返奔波，耗时较长。",
        "截至目前，全市已有约4.2万人办理了异地就医备案。医保部门提醒，办理备案时要注意选择正确的就医地，临时外出就医人员备案有效期一般为6个月。",
        "如有疑问，可拨打医保服务热线咨询。",
    ], style="msword", info="zh", editor="王燕", hits_script=True),
]


def _fmt_info(a: Art):
    k = a.opt.get("info")
    if k == "iso":
        return d_iso_min(a)
    if k == "zh":
        return d_zh(a)
    if k == "slash":
        return d_slash(a)
    return a.dt.strftime("%Y-%m-%d")


def _head(title, kw="", desc="", extra=""):
    return f"""<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">
<html xmlns="http://www.w3.org/1999/xhtml">
<head>
<meta http-equiv="Content-Type" content="text/html; charset=gb2312" />
<title>{esc(title)}</title>
<meta name="keywords" content="{attr(kw)}" />
<meta name="description" content="{attr(desc)}" />
{extra}<link href="/templets/default/style/dedecms.css" rel="stylesheet" media="screen" type="text/css" />
<script language="javascript" type="text/javascript" src="/include/dedeajax2.js"></script>
<script language="javascript" type="text/javascript">
<!--
function CheckLogin(){{
  var taget_obj = document.getElementById('_ajax_feedback');
  myajax = new DedeAjax(taget_obj,false,false,'','','');
  myajax.SendGet2("/member/ajax_feedback.php");
  DedeXHTTP = null;
}}
function postBadGood(ftype,aid)
{{
	var taget_obj = document.getElementById(ftype+aid);
	var saveid = GetCookie('badgoodid');
	if(saveid != null) {{ alert("您刚才已表决过了喔！"); return false; }}
	myajax = new DedeAjax(taget_obj,false,false,'','','');
	myajax.SendGet2("/plus/feedback.php?aid="+aid+"&action="+ftype+"&fid="+aid);
}}
-->
</script>
</head>
<body class="articleview">
<div class="header_top">
  <div class="w960 center">
    <span id="time" class="time">欢迎访问华讯资讯网</span>
    <div class="toplinks"><a href="/plus/heightsearch.php" target="_blank">高级搜索</a>|<a href="/data/sitemap.html" target="_blank">网站地图</a>|<a href="/tags.php">TAG标签</a><a href="/data/rssmap.html" class="rss">RSS订阅</a><span>[<a href="" onclick="this.style.behavior='url(#default#homepage)';this.setHomePage('http://{HOST}');">设为首页</a>] [<a href="javascript:window.external.AddFavorite('http://{HOST}','华讯资讯网')">加入收藏</a>]</span></div>
  </div>
</div>
<div class="header">
  <div class="top w960 center">
    <div class="title"><h1><a href="/"><img src="/templets/default/images/logo.gif" height="54" width="216" alt="华讯资讯网"/></a></h1></div>
    <div class="banner"><script src='/plus/ad_js.php?aid=1' language='javascript'></script></div>
  </div>
  <div class="module blue mT10 wrapper w963">
    <div class="top">
      <div id="navMenu">
        <ul>
          <li><a href='/'><span>主页</span></a></li>
{''.join(f"          <li><a href='/a/{v}/' rel='dropmenu{k}'><span>{c}</span></a></li>" + chr(10) for k, (c, v) in enumerate(CHANNELS.items()))}        </ul>
      </div>
      <div class="search">
        <form name="formsearch" action="/plus/search.php">
          <div class="form"><h4>搜索</h4><input type="hidden" name="kwtype" value="0" /><input name="q" type="text" class="search-keyword" id="search-keyword" value="在这里搜索..." onfocus="if(this.value=='在这里搜索...'){{this.value='';}}" /><select name="searchtype" class="search-option" id="search-option"><option value="title" selected='1'>检索标题</option><option value="titlekeyword">智能模糊</option></select><button type="submit" class="search-submit">搜索</button></div>
        </form>
        <div class="tags"><h4>热门标签:</h4><ul><li><a href='/tags.php?/新能源汽车/'>新能源汽车</a></li><li><a href='/tags.php?/医保/'>医保</a></li><li><a href='/tags.php?/楼市/'>楼市</a></li></ul></div>
      </div>
    </div>
  </div>
</div>
"""


def _right(pg, others):
    li = "".join(f"<li><a href=\"{o.path}\">{esc(o.title)}</a><p>{esc(o.first_text()[:34])}...</p></li>" for o in others[:3])
    hot = "".join(f"<li><span>{o.dt.strftime('%m-%d')}</span><a href=\"{o.path}\">{esc(o.title)}</a></li>" for o in others[3:8])
    return f"""<div class="pright">
 <div><dl class="tbox"><dt><strong>栏目列表</strong></dt><dd><ul class="d6">{''.join(f"<li><a href='/a/{v}/'>{c}</a></li>" for c, v in CHANNELS.items())}</ul></dd></dl></div>
 <div class="commend mt1"><dl class="tbox light"><dt class='light'><strong>{pg.b("推荐内容")}</strong></dt><dd class='light'><ul class="d4">{li}</ul></dd></dl></div>
 <div id="contentRtPicAD2" style="margin:10px auto"><script src='/plus/ad_js.php?aid=3' language='javascript'></script></div>
 <div class="hot mt1"><dl class="tbox light"><dt class='light'><strong>{pg.b("热点内容")}</strong></dt><dd class='light'><ul class="c1 ico2">{hot}</ul></dd></dl></div>
 <div class="weixin mt1"><img src="/uploads/allimg/wx_qrcode.jpg" alt="微信二维码" width="150" /><p>{pg.b("扫一扫，关注华讯资讯网微信公众号")}</p></div>
</div>
"""


def _footer(pg):
    return f"""<div class="footer w960 center mt1 clear">
  <div class="footer_left"></div>
  <div class="footer_body">
    <p class="powered">{pg.b("Powered by DedeCMS_V57_GBK_SP2")} &copy; 2004-2025 DesDev Inc.<br />
    <div class="copyright">Copyright &copy; 2010-2025 华讯资讯网 版权所有{pg.reg("Copyright © 2010-2025 华讯资讯网 版权所有") or ""}<br /><a href="https://beian.miit.gov.cn/" target="_blank">{pg.b("豫ICP备12034567号-2")}</a>　联系邮箱：news#huaxunzx.com（#换成@）</div></p>
    <p>{pg.b("本站部分信息来源于网络，如有侵权请联系我们删除。")}</p>
  </div>
  <div class="footer_right"></div>
</div>
<script type="text/javascript" src="/js/tongji.js"></script>
</body>
</html>
"""


def _para(text, style):
    if style == "indent":
        return f"<p>\u3000\u3000{inline(text)}</p>\r\n"
    if style == "css":
        return f'<p style="text-indent: 2em;">{inline(text)}</p>\r\n'
    if style == "msword":
        return f'<p class="MsoNormal" style="text-indent:24.0pt;line-height:150%"><span style="font-size:12.0pt;line-height:150%;font-family:宋体">{inline(text)}<span lang="EN-US"><o:p></o:p></span></span></p>\r\n'
    return f"<div>&nbsp; &nbsp; &nbsp; &nbsp;{inline(text)}</div>\r\n"


def render(a: Art, i: int, arts):
    pg = Page()
    others = [o for o in arts if o is not a]
    title_tag = f"{a.title}_{a.cat}_{SITE}" if i % 4 else f"{a.title}-{SITE}-专业的综合资讯门户"
    pg.reg(title_tag)
    desc = a.first_text()[:70]
    out = [_head(title_tag, ",".join(a.tags), desc)]
    out.append('<div class="w960 center clear mt1">\n<div class="pleft">\n')
    out.append(f"  <div class=\"place\"> <strong>当前位置:</strong> <a href='http://{HOST}/'>主页</a> > <a href='/a/{CHANNELS[a.cat]}/'>{a.cat}</a> > </div>\n")
    out.append('  <div class="viewbox">\n')
    out.append(f'    <div class="title"><h2>{esc(a.title)}</h2></div>\n')
    af = a.opt.get("author_field", a.author)
    info = [f"<small>时间:</small>{_fmt_info(a)}"]
    if a.source:
        info.append(f"<small>来源:</small>{esc(a.source)}")
    if af is not None:
        info.append(f"<small>作者:</small>{esc(af)}")
        if af != a.author:
            pg.reg(f"作者:{af}")
    cnt = f"<small>点击:</small> <script src=\"/plus/count.php?view=yes&aid={a.name}&mid=1\" type='text/javascript' language=\"javascript\"></script>次" if a.opt.get("hits_script") else f"<small>点击:</small>{hits(a)}次"
    info.append(cnt)
    out.append(f'    <div class="info">{" ".join(info)}</div>\n')
    if i % 3 != 2:
        intro = a.first_text()[:60] + "..."
        out.append(f'    <div class="intro">{pg.b(intro)}</div>\n')
    out.append('    <div class="content">\r\n     <table width=\'100%\'>\r\n      <tr>\r\n       <td>\r\n')
    style = a.opt.get("style", "indent")
    if a.opt.get("original_title"):
        pg.reg("原标题：" + a.opt["original_title"])
        out.append(_para("原标题：" + a.opt["original_title"], style))
    first = True
    for item in a.body:
        if isinstance(item, str):
            out.append(_para(item, style))
            if first and a.opt.get("caption"):
                out.append(f'<p style="text-align: center;"><img alt="" src="/uploads/allimg/250214/1-250214143G50-L.jpg" style="width: 600px; height: 400px;" /></p>\r\n<p style="text-align: center;">{pg.b(a.opt["caption"])}</p>\r\n')
            first = False
        elif item[0] == "h":
            out.append(f"<p><strong>{esc(item[1])}</strong></p>\r\n" if style != "div" else f"<div><b>{esc(item[1])}</b></div>\r\n")
    if a.opt.get("reprint"):
        out.append(f'<p><span style="color:#999999;">{pg.b(f"本文转载自{a.source}，仅代表作者观点，不代表本站立场。")}</span></p>\r\n')
    if i % 2 == 0 and a.source:
        out.append(f"<p>{pg.b('文章来源：' + a.source)}</p>\r\n")
    if a.opt.get("editor"):
        out.append(f'<p style="text-align: right;">{pg.b("（责任编辑：" + a.opt["editor"] + "）")}</p>\r\n')
    out.append("       </td>\r\n      </tr>\r\n     </table>\r\n    </div><!-- /content -->\n")
    out.append(f'    <div class="tags">{pg.b("标签：")}' + " ".join(f"<a href='/tags.php?/{t}/'>{esc(t)}</a>" for t in a.tags) + "</div>\n")
    out.append(f'    <div class="boxoff"><strong>{pg.b("------分隔线----------------------------")}</strong></div>\n')
    prev_, next_ = arts[(i + 1) % len(arts)], arts[i - 1]
    out.append(f"    <div class=\"handle\">\n      <div class=\"context\"><ul><li>上一篇：<a href='{prev_.path}'>{esc(prev_.title)}</a> </li><li>下一篇：<a href='{next_.path}'>{esc(next_.title)}</a> </li></ul></div>\n")
    pg.reg("上一篇：" + prev_.title)
    pg.reg("下一篇：" + next_.title)
    out.append(f'      <div class="actbox"><ul><li id="act-fav"><a href="/plus/stow.php?aid={a.name}" target="_blank">收藏</a></li><li id="act-err"><a href="/plus/erraddsave.php?aid={a.name}" target="_blank">挑错</a></li><li id="act-pus"><a href="/plus/recommend.php?aid={a.name}" target="_blank">推荐</a></li><li id="act-pnt"><a href="#" onClick="window.print();">打印</a></li></ul></div>\n    </div>\n  </div><!-- /viewbox -->\n')
    rel = "".join(f"<li><a href=\"{o.path}\">{esc(o.title)}</a><span>{o.dt.strftime('%Y-%m-%d')}</span></li>" for o in others[i % 4:i % 4 + 5])
    out.append(f'  <div class="xiangguan"><dl class="tbox"><dt><strong>{pg.b("相关文章")}</strong></dt><dd><ul class="c2">{rel}</ul></dd></dl></div>\n')
    out.append(f"""  <div class="mianze">{pg.b("免责声明：本站所载文章均来自网络，仅代表作者观点，不代表本站立场，如有侵权请联系我们删除。")}</div>
  <div class="commentbox"><dl class="tbox"><dt><strong>{pg.b("发表评论")}</strong><span class="more"><a href="/plus/feedback.php?aid={a.name}">进入详细评论页&gt;&gt;</a></span></dt><dd>
  <form action="/plus/feedback.php?action=send" method="post" name="feedback"><div class="dcmp-title"><small>{pg.b("请自觉遵守互联网相关的政策法规，严禁发布色情、暴力、反动的言论。")}</small></div>
  <div class="dcmp-stand"><strong>评价:</strong><input type="radio" name="feedbacktype" checked="1" value="feedback" id="dcmp-stand-neu" /><label for="dcmp-stand-neu"><img src="/templets/default/images/cmt-neu.gif" />中立</label><input type="radio" name="feedbacktype" value="good" id="dcmp-stand-good" /><label for="dcmp-stand-good"><img src="/templets/default/images/cmt-good.gif" />好评</label><input type="radio" name="feedbacktype" value="bad" id="dcmp-stand-bad" /><label for="dcmp-stand-bad"><img src="/templets/default/images/cmt-bad.gif" />差评</label></div>
  <div class="dcmp-content"><textarea cols="60" name="msg" rows="5" class="ipt-txt"></textarea></div>
  <div class="dcmp-post"><div class="dcmp-userinfo" id="_ajax_feedback">验证码:<input type="text" name="validate" size="4" class="ipt-txt" style="text-transform:uppercase;"/><img src= "/include/vdimgck.php" id="validateimg" style="cursor:pointer" onclick="this.src=this.src+'?'" align="absmiddle" /> <input type="checkbox" name="notuser" id="dcmp-submit-guest" /><label for="dcmp-submit-guest" />匿名?</label></div><div class="dcmp-submit"><button type="submit">发表评论</button></div></div>
  </form></dd></dl></div>
</div><!-- /pleft -->
""")
    out.append(_right(pg, others))
    out.append("</div>\n")
    out.append(_footer(pg))
    return "".join(out), pg.bp


def nonarticles(arts):
    pages = []
    pg = Page()
    items = [o for o in arts if o.cat == "财经"] + arts[2:6]
    lis = "".join(f"<li><a href=\"{o.path}\" class=\"preview\"><img src='/images/defaultpic.gif'/></a><a href=\"{o.path}\" class=\"title\">{esc(o.title)}</a><span class=\"info\"><small>日期：</small>{o.dt.strftime('%Y-%m-%d %H:%M:%S')}<small>点击：</small>{hits(o)}<small>好评：</small>0</span><p class=\"intro\">{esc(o.first_text()[:70])}...</p></li>\n" for o in items)
    pages.append(("list_3_2", "/a/caijing/list_3_2.html", _head(f"财经_{SITE}", "财经", "财经频道") +
                  "<div class=\"w960 center clear mt1\"><div class=\"pleft\"><div class=\"place\"><strong>当前位置:</strong> <a href='/'>主页</a> > <a href='/a/caijing/'>财经</a> > </div>\n"
                  f"<div class=\"listbox\"><ul class=\"e2\">\n{lis}</ul></div>\n"
                  "<div class=\"dede_pages\"><ul class=\"pagelist\"><li><a href='list_3_1.html'>首页</a></li><li><a href='list_3_1.html'>上一页</a></li><li><a href='list_3_1.html'>1</a></li><li class=\"thisclass\">2</li><li><a href='list_3_3.html'>3</a></li><li><a href='list_3_3.html'>下一页</a></li><li><a href='list_3_12.html'>末页</a></li><li><span class=\"pageinfo\">共 <strong>12</strong>页<strong>176</strong>条</span></li></ul></div>\n"
                  "</div>" + _right(pg, arts) + "</div>\n" + _footer(pg)))
    pg = Page()
    tagged = [o for o in arts if "医保" in o.tags or "消费维权" in o.tags or "楼市" in o.tags]
    lis = "".join(f"<li><a href=\"{o.path}\">{esc(o.title)}</a> <span>{o.dt.strftime('%Y-%m-%d')}</span><p>{esc(o.first_text()[:60])}...</p></li>\n" for o in tagged)
    pages.append(("tag_yibao", "/tags.php?/医保/", _head(f"医保_TAG标签_{SITE}", "医保") +
                  "<div class=\"w960 center clear mt1\"><div class=\"pleft\"><div class=\"place\"><strong>当前位置:</strong> <a href='/'>主页</a> > <a href='/tags.php'>TAG标签</a> > 医保</div>\n"
                  f"<div class=\"listbox\"><ul class=\"e2\">\n{lis}</ul></div>\n<div class=\"dede_pages\"><ul class=\"pagelist\"><li><span class=\"pageinfo\">共 <strong>1</strong>页<strong>{len(tagged)}</strong>条</span></li></ul></div>\n"
                  "</div>" + _right(pg, arts) + "</div>\n" + _footer(pg)))
    pg = Page()
    found = [o for o in arts if "二维码" in "".join(o.paragraphs()) or "公众号" in "".join(o.paragraphs())]
    lis = "".join(f"<li><h3><a href=\"{o.path}\">{esc(o.title).replace('扫码', '<font color=red>扫码</font>')}</a></h3><p>{esc(o.first_text()[:90])}...</p><span><a href='/a/{CHANNELS[o.cat]}/'>{o.cat}</a> 日期：{o.dt.strftime('%Y-%m-%d')} 点击：{hits(o)} 好评：0</span></li>\n" for o in found)
    pages.append(("search_saoma", "/plus/search.php?kwtype=0&q=%C9%A8%C2%EB", _head(f"搜索结果_{SITE}") +
                  "<div class=\"w960 center clear mt1\"><div class=\"pleft\"><div class=\"place\"><strong>当前位置:</strong> <a href='/'>主页</a> > 搜索结果</div>\n"
                  f"<div class=\"resultlist\"><h2>搜索 <font color=red>扫码</font> 的结果，共找到 {len(found)} 条记录</h2><ul class=\"c2\">\n{lis}</ul></div>\n"
                  "</div>" + _right(pg, arts) + "</div>\n" + _footer(pg)))
    return pages
