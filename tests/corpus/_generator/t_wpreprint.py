"""asiabizdigest: a WordPress reprint blog (Twenty Sixteen-style theme, Yoast SEO, Jetpack sharing/likes/
related posts). Posts are copied from other outlets by "admin"; the credit, the original byline and a
reprint notice live INSIDE .entry-content. URLs /archives/<id> and the ?p=<id> shortlink form."""
import json

from common import Art, Page, esc, attr, inline, iso_offset, shift, MONTHS

NAME = "asiabizdigest"
HOST = "www.asiabizdigest.net"
LANG = "en"
def utc_offset(a):
    return "+08:00"


ENC = "utf-8"
SITE = "Asia Biz Digest"


def P(name, pid, title, date, author, source, cat, tags, body, **opt):
    path = f"/?p={pid}" if opt.get("plain") else f"/archives/{pid}"
    return Art(name, path, title, date, author, source, cat, tags, body, "en", opt=dict(opt, pid=pid))


ARTICLES = [
    P("vietnam-electronics", 18211, "Vietnam’s Electronics Exports Jump 18% as Suppliers Shift Production",
      "2025-02-14 14:34", "Nguyen Thi Lan", "Saigon Trade Review", "Markets", ["Vietnam", "electronics", "exports"], [
          "Vietnam’s exports of electronics and components rose 18 percent in January from a year earlier, customs data showed, as more suppliers to global phone and laptop brands moved assembly lines into industrial parks around Hanoi and Bac Ninh.",
          "Shipments were worth $11.4 billion for the month, making electronics the country’s largest export category for the sixth consecutive month.",
          "Economists said the figures were flattered by the timing of the Lunar New Year holiday, which fell in late January this year, but that the underlying trend was strong.",
          "“We are seeing second- and third-tier suppliers follow the big assemblers,” said Tran Minh Duc, an economist at a Hanoi securities firm. “That is what makes the shift durable.”",
          "Power supply remains a concern. Several industrial parks experienced rolling outages during a heatwave last summer, and the government has promised to add new transmission lines before the hot season.",
      ], byline=True, reprint="reprinted", ld=True, updated=dict(hours=18, minutes=28)),
    P("ringgit", 18207, "Ringgit Extends Rally as Foreign Funds Return to Malaysian Bonds",
      "2025-02-13 17:05", None, "KL Market Watch", "Currencies", ["Malaysia", "ringgit", "bonds"], [
          "The Malaysian ringgit strengthened for a fifth straight session on Thursday, touching its highest level against the US dollar in nearly two years, as foreign investors bought government bonds.",
          "Data from the central bank showed net foreign inflows into local bonds of about 6.2 billion ringgit in January, the largest monthly figure since 2021.",
          "Traders said exporters had also been converting more of their dollar earnings after the central bank encouraged state-linked companies to repatriate income.",
          "The currency has gained about 4 percent this year, making it one of the best performers in Asia.",
      ], reprint="source_end", ld=False),
    P("qr-scam", 18202, "Police Warn of Fake QR Code Stickers on Parking Machines",
      "2025-02-12 09:48", "Rachel Goh", "Lion City Times", "Consumer", ["scams", "payments", "Singapore"], [
          "Police have warned motorists not to scan QR codes stuck on parking payment machines after at least 37 people lost a combined $52,000 to a scam in which fake stickers directed them to a copy of a parking app.",
          "The victims scanned the QR code, entered their card details on the fake page and later found unauthorized charges of up to $4,800.",
          "The stickers, printed to look like official signage, were found on machines in at least six car parks in the city’s east. Officers removed them on Monday, but said more could appear elsewhere.",
          ("h", "How to protect yourself"),
          "Police and the banking association advised drivers to:",
          ("ul", ["Pay only through the official app downloaded from an app store, not through a scanned link.",
                  "Check that a QR code is printed on the machine itself, not on a sticker placed over it.",
                  "Never enter a one-time password on a page reached by scanning a code in a public place.",
                  "Report suspicious stickers to the car park operator or the police hotline."]),
          "“A QR code is just a link. If you would not click a link from a stranger, do not scan one from a stranger either,” said Superintendent Lim Wei Jie.",
          "Banks said they are reviewing the transactions and may refund some victims.",
      ], byline=True, reprint="reposted", ld=True, original_title="Scam QR codes found on parking machines in the east, police say"),
    P("thai-tourism", 18198, "Thailand Sets January Record With 3.7 Million Foreign Visitors",
      "2025-02-11 11:20", "Somchai Rattanakul", "Bangkok Business Observer", "Travel", ["Thailand", "tourism"], [
          "Thailand welcomed 3.7 million foreign visitors in January, the highest monthly total on record, as visa-free entry for travelers from several large markets continued to draw tourists.",
          "Arrivals from China, the largest source market before the pandemic, rose 26 percent from a year earlier but remained below 2019 levels. Visitors from Russia, India and Malaysia made up much of the growth.",
          "Hotels in Phuket and Chiang Mai reported occupancy rates above 85 percent, and some operators raised room rates by as much as 20 percent.",
          "The tourism ministry expects 39 million visitors this year. Officials are also debating an entry fee of 300 baht for air travelers, which has been postponed several times.",
          "Industry groups said the fee would be manageable but asked for it to be collected through airline tickets rather than at the airport.",
      ], byline=True, reprint="reprinted", ld=False, plain=True),
    P("india-chips", 18190, "Inside the Race to Build India’s First Big Chip Packaging Plant",
      "2025-02-10 08:00", "Arjun Mehta", "Mumbai Financial Chronicle", "Technology", ["India", "semiconductors", "manufacturing"], [
          "On a former cotton field outside Sanand, in the western state of Gujarat, more than 4,000 construction workers are racing to finish a building that the government hopes will become a symbol of India’s ambitions in semiconductors.",
          "The plant, run by a joint venture between an Indian conglomerate and a Malaysian packaging specialist, will not make chips. It will assemble and test them, a step known in the industry as back-end manufacturing, for customers in the automotive and consumer electronics industries.",
          ("h", "Why packaging first"),
          "Building a leading-edge wafer fab costs upward of $20 billion and requires years of experience. Packaging plants are cheaper, faster to build and rely more heavily on the kind of skilled labor India has in large numbers.",
          "“You do not start a car industry by building the engine,” said Ritu Kapoor, a semiconductor analyst in Bengaluru. “You start by assembling cars and learning the supply chain.”",
          "The government has offered to cover half of the project’s capital cost, with Gujarat adding a further subsidy on land and electricity.",
          ("h", "The challenges"),
          "Water is one concern. Chip packaging uses less water than fabrication, but the plant will still need about 3 million liters a day, in a region where farmers have complained about shortages.",
          "Another is talent. The joint venture says it has hired 600 engineers, many of them returning from jobs in Malaysia, Singapore and Taiwan, and plans to train 2,000 technicians through local polytechnic colleges.",
          "The first production line is scheduled to begin trial runs in June. If it meets its targets, the plant would handle 15 million chips a day at full capacity.",
          "Skeptics point to earlier announcements that did not materialize. A much-publicized fab proposal in the same state was abandoned in 2023 after its partners fell out.",
          "This time, officials insist, the money has already been spent. Walking past stacks of imported equipment still in their crates, plant manager Vikram Desai put it simply: “Nobody ships machines like these to a project that is not happening.”",
      ], byline=True, reprint="copyright", ld=True, updated=dict(days=2, hours=4)),
    P("japan-wages", 18183, "Japan’s Biggest Union Seeks 6% Pay Rise for Second Year",
      "2025-02-08 20:15", None, "Tokyo Economic Bulletin", "Economy", ["Japan", "wages"], [
          "Japan’s largest labor federation said it would ask employers for wage increases of at least 6 percent in this year’s spring negotiations, matching last year’s demand, which produced the biggest pay rises in three decades.",
          "The federation said smaller companies, where pay growth has lagged, should aim even higher, at 6 percent plus an additional amount to close the gap with large firms.",
          "The central bank is watching the talks closely as it considers further interest rate increases.",
          "Major companies usually announce their responses in mid-March.",
      ], reprint="reprinted", ld=False, plain=True),
    P("nickel", 18176, "Indonesia Weighs Cap on New Nickel Smelters as Prices Slump",
      "2025-02-07 13:40", "Dewi Kartika", "Jakarta Resources Daily", "Commodities", ["Indonesia", "nickel", "mining"], [
          "Indonesia is considering limiting permits for new nickel smelters that produce lower-grade products, officials said, after a surge in output helped push global nickel prices to their lowest in four years.",
          "The country accounts for more than half of the world’s mined nickel supply, after a ban on raw ore exports in 2020 drew billions of dollars of investment into processing plants, most of them financed by Chinese companies.",
          "Sources at the energy and mineral resources ministry said the proposal would not affect plants that make battery-grade materials, which the government wants to encourage.",
          "Environmental groups have raised concerns about deforestation and coal use at industrial parks on Sulawesi and Halmahera, where many smelters are powered by captive coal plants.",
          "Mining companies said they had not been consulted. “We read about it in the newspaper like everyone else,” said an executive at one producer, who asked not to be named.",
          "A decision is expected before the end of the quarter.",
      ], byline=True, reprint="source_top", ld=True),
    P("shipbuilding", 18169, "Korean Shipyards Book Record LNG Carrier Orders",
      "2025-02-06 10:10", None, "Seoul Industry Times", "Industry", ["South Korea", "shipbuilding", "LNG"], [
          "South Korea’s three largest shipbuilders won orders for 31 liquefied natural gas carriers in January, a record for a single month, as energy companies rushed to secure vessels for new export projects in the United States and Qatar.",
          "Each carrier costs around $255 million, and the yards now have enough work to keep their docks busy until 2028.",
          ("q", "“The order book is full. The question now is whether we can find enough welders.”"),
          "That comment, from a senior manager at one of the yards in Geoje, reflects the industry’s main worry. Shipbuilders cut thousands of jobs during a long slump last decade and have struggled to rehire.",
          "The government has raised the quota for foreign workers in shipbuilding and is funding training programs, but unions say wages must rise to attract younger Koreans.",
      ], byline=False, reprint="reposted", ld=False),
    P("finfluencers", 18160, "Regulator Tells Finance Influencers to Post Disclaimers and Disclose Payments",
      "2025-02-05 15:25", "Maria Santos", "Manila Market Post", "Regulation", ["Philippines", "social media", "investing"], [
          "The Philippines’ securities regulator has issued rules requiring social media personalities who talk about investments to disclose when they are paid to promote a product and to include a risk disclaimer in every post.",
          "Under the rules, a disclaimer must appear at the start of a video or in the first lines of a written post, not at the end, and must say clearly that the content is not financial advice.",
          "Influencers who promote unregistered investment schemes could face fines of up to 5 million pesos, the regulator said.",
          "The move follows a series of collapsed online schemes that were heavily promoted on video platforms. In one case, more than 20,000 people invested in a crypto trading program that disappeared with an estimated 1.2 billion pesos.",
          "“A disclaimer in small print at the end of a two-minute video is not a warning. It is a legal decoration,” said commissioner Elena Cruz.",
          "Content creators said they supported clearer rules but asked for guidance on how they apply to posts that merely discuss the market.",
          "The rules take effect on April 1.",
      ], byline=True, reprint="source_end", ld=True),
]


def _ld(a, pub, mod):
    g = {"@context": "https://schema.org", "@graph": [
        {"@type": "Article", "@id": f"https://{HOST}{a.path}#article", "isPartOf": {"@id": f"https://{HOST}{a.path}"},
         "author": {"name": "admin", "@id": f"https://{HOST}/#/schema/person/2f1c"}, "headline": a.title[:110],
         "datePublished": pub, "dateModified": mod, "wordCount": sum(len(p.split()) for p in a.paragraphs()),
         "commentCount": 0, "publisher": {"@id": f"https://{HOST}/#organization"}, "articleSection": [a.cat], "inLanguage": "en-US"},
        {"@type": "WebPage", "@id": f"https://{HOST}{a.path}", "url": f"https://{HOST}{a.path}", "name": f"{a.title} - {SITE}",
         "datePublished": pub, "dateModified": mod},
        {"@type": "Person", "@id": f"https://{HOST}/#/schema/person/2f1c", "name": "admin"}]}
    return f'<script type="application/ld+json" class="yoast-schema-graph">{json.dumps(g, ensure_ascii=False)}</script>\n'


def _wpdate(d):
    return f"{MONTHS[d.month - 1]} {d.day}, {d.year}"


def _head(title, extra=""):
    return f"""<!DOCTYPE html>
<html lang="en-US" class="no-js">
<head>
	<meta charset="UTF-8">
	<meta name="viewport" content="width=device-width, initial-scale=1">
	<link rel="profile" href="https://gmpg.org/xfn/11">
	<script>(function(html){{html.className = html.className.replace(/\\bno-js\\b/,'js')}})(document.documentElement);</script>
<title>{esc(title)}</title>
	<meta name='robots' content='index, follow, max-image-preview:large, max-snippet:-1, max-video-preview:-1' />
	<!-- This site is optimized with the Yoast SEO plugin v21.5 - https://yoast.com/wordpress/plugins/seo/ -->
{extra}	<!-- / Yoast SEO plugin. -->
<link rel='stylesheet' id='wp-block-library-css' href='https://{HOST}/wp-includes/css/dist/block-library/style.min.css?ver=6.4.3' media='all' />
<link rel='stylesheet' id='twentysixteen-style-css' href='https://{HOST}/wp-content/themes/twentysixteen/style.css?ver=20231107' media='all' />
<script src="https://{HOST}/wp-includes/js/jquery/jquery.min.js?ver=3.7.1" id="jquery-core-js"></script>
<link rel="https://api.w.org/" href="https://{HOST}/wp-json/" /><link rel="EditURI" type="application/rsd+xml" title="RSD" href="https://{HOST}/xmlrpc.php?rsd" />
<meta name="generator" content="WordPress 6.4.3" />
</head>
"""


def _sidebar(pg, arts):
    recent = "".join(f'<li><a href="https://{HOST}{o.path}">{esc(o.title)}</a> <span class="post-date">{_wpdate(o.dt)}</span></li>' for o in arts[:5])
    return f"""<aside id="secondary" class="sidebar widget-area">
	<section id="search-2" class="widget widget_search"><form role="search" method="get" class="search-form" action="https://{HOST}/"><label><span class="screen-reader-text">Search for:</span><input type="search" class="search-field" placeholder="Search &hellip;" value="" name="s" /></label><button type="submit" class="search-submit"><span class="screen-reader-text">Search</span></button></form></section>
	<section id="recent-posts-2" class="widget widget_recent_entries"><h2 class="widget-title">{pg.b("Recent Posts")}</h2><ul>{recent}</ul></section>
	<section id="archives-2" class="widget widget_archive"><h2 class="widget-title">Archives</h2><ul><li><a href='https://{HOST}/archives/date/2025/02'>February 2025</a></li><li><a href='https://{HOST}/archives/date/2025/01'>January 2025</a></li><li><a href='https://{HOST}/archives/date/2024/12'>December 2024</a></li></ul></section>
	<section id="text-3" class="widget widget_text"><h2 class="widget-title">About this site</h2><div class="textwidget"><p>{pg.b("Articles on this site are collected from public sources to share business information. Copyright belongs to the original authors and publishers; contact us and we will remove any item on request.")}</p></div></section>
	<section id="meta-2" class="widget widget_meta"><h2 class="widget-title">Meta</h2><ul><li><a href="https://{HOST}/wp-login.php">Log in</a></li><li><a href="https://{HOST}/feed">Entries feed</a></li><li><a href="https://{HOST}/comments/feed">Comments feed</a></li><li><a href="https://wordpress.org/">WordPress.org</a></li></ul></section>
</aside><!-- .sidebar .widget-area -->
"""


def _page_top(cls):
    return f"""<body class="{cls}">
<div id="page" class="site">
	<div class="site-inner">
		<a class="skip-link screen-reader-text" href="#content">Skip to content</a>
		<header id="masthead" class="site-header">
			<div class="site-header-main">
				<div class="site-branding">
					<p class="site-title"><a href="https://{HOST}/" rel="home">{SITE}</a></p>
					<p class="site-description">Business news from across Asia, reposted daily</p>
				</div><!-- .site-branding -->
				<div id="site-header-menu" class="site-header-menu"><nav id="site-navigation" class="main-navigation" aria-label="Primary Menu"><div class="menu-primary-container"><ul id="menu-primary" class="primary-menu"><li id="menu-item-5" class="menu-item menu-item-type-custom"><a href="https://{HOST}/">Home</a></li><li class="menu-item"><a href="https://{HOST}/category/markets">Markets</a></li><li class="menu-item"><a href="https://{HOST}/category/economy">Economy</a></li><li class="menu-item"><a href="https://{HOST}/category/technology">Technology</a></li><li class="menu-item"><a href="https://{HOST}/about">About</a></li></ul></div></nav></div>
			</div><!-- .site-header-main -->
		</header><!-- .site-header -->
		<div id="content" class="site-content">
"""


def _page_bottom(pg):
    return f"""		</div><!-- .site-content -->
		<footer id="colophon" class="site-footer">
			<div class="site-info">
				<span class="site-title"><a href="https://{HOST}/" rel="home">{SITE}</a></span>
				<a href="https://wordpress.org/" class="imprint">{pg.b("Proudly powered by WordPress")}</a>
			</div><!-- .site-info -->
		</footer><!-- .site-footer -->
	</div><!-- .site-inner -->
</div><!-- .site -->
<script src="https://{HOST}/wp-content/themes/twentysixteen/js/functions.js?ver=20230629" id="twentysixteen-script-js"></script>
<script src="https://stats.wp.com/e-202507.js" defer></script>
</body>
</html>
"""


def _slug(s):
    return s.lower().replace(" ", "-")


def render(a: Art, i: int, arts):
    pg = Page()
    others = [o for o in arts if o is not a]
    pid = a.opt["pid"]
    pub = iso_offset(a, 8)
    mod = (shift(a, **a.opt["updated"]) if a.opt.get("updated") else a.dt).strftime("%Y-%m-%dT%H:%M:%S") + "+08:00"
    canon = f"https://{HOST}/archives/{pid}"
    extra = (f'\t<link rel="canonical" href="{canon}" />\n\t<meta property="og:locale" content="en_US" />\n\t<meta property="og:type" content="article" />\n'
             f'\t<meta property="og:title" content="{attr(a.title)} - {SITE}" />\n\t<meta property="og:url" content="{canon}" />\n\t<meta property="og:site_name" content="{SITE}" />\n'
             f'\t<meta property="article:published_time" content="{pub}" />\n')
    if a.opt.get("updated"):
        extra += f'\t<meta property="article:modified_time" content="{mod}" />\n'
    extra += '\t<meta name="author" content="admin" />\n\t<meta name="twitter:card" content="summary_large_image" />\n'
    if a.opt.get("ld"):
        extra += "\t" + _ld(a, pub, mod)
    extra += f"\t<link rel='shortlink' href='https://{HOST}/?p={pid}' />\n"
    out = [_head(f"{a.title} – {SITE}", extra)]
    pg.reg(f"{a.title} – {SITE}")
    out.append(_page_top(f"post-template-default single single-post postid-{pid} single-format-standard wp-embed-responsive group-blog"))
    out.append('\t<div id="primary" class="content-area">\n\t\t<main id="main" class="site-main">\n')
    tag_cls = " ".join(f"tag-{_slug(t)}" for t in a.tags)
    out.append(f'<article id="post-{pid}" class="post-{pid} post type-post status-publish format-standard has-post-thumbnail hentry category-{_slug(a.cat)} {tag_cls}">\n')
    out.append(f'\t<header class="entry-header">\n\t\t<h1 class="entry-title">{esc(a.title)}</h1>\t</header><!-- .entry-header -->\n')
    out.append(f'\t<div class="post-thumbnail">\n\t\t<img width="1200" height="675" src="https://{HOST}/wp-content/uploads/2025/02/{a.name}-1200x675.jpg" class="attachment-post-thumbnail size-post-thumbnail wp-post-image" alt="" decoding="async" />\t</div><!-- .post-thumbnail -->\n')
    out.append('\t<div class="entry-content">\n')
    rp = a.opt.get("reprint")
    if a.opt.get("original_title"):
        out.append(f'<p>{pg.b("Original title: " + a.opt["original_title"])}</p>\n')
    if rp == "source_top":
        out.append(f'<p><strong>{pg.b("Source: " + a.source)}</strong></p>\n')
    if a.opt.get("byline") and a.author:
        out.append(f'<p><em>{pg.b("By " + a.author)}</em></p>\n')
    for item in a.body:
        if isinstance(item, str):
            out.append(f"<p>{inline(item)}</p>\n")
        elif item[0] == "h":
            out.append(f'<h3 class="wp-block-heading">{esc(item[1])}</h3>\n')
        elif item[0] == "ul":
            out.append('<ul class="wp-block-list">\n' + "".join(f"<li>{esc(x)}</li>\n" for x in item[1]) + "</ul>\n")
        elif item[0] == "q":
            out.append(f'<blockquote class="wp-block-quote"><p>{esc(item[1])}</p></blockquote>\n')
    if rp == "reprinted":
        out.append(f'<p><em>{pg.b(f"This article was reprinted from {a.source}; the views do not represent this site.")}</em></p>\n')
    elif rp == "reposted":
        out.append(f'<p style="color:#888;font-size:13px">{pg.b(f"Reposted from {a.source}. Copyright belongs to the original author. If there is any infringement, please contact us and we will delete it.")}</p>\n')
    elif rp == "copyright":
        out.append(f'<hr class="wp-block-separator" />\n<p><em>{pg.b(f"Copyright © 2025 {a.source}. Reprinted for information purposes only; the views expressed are the author’s own and do not represent {SITE}.")}</em></p>\n')
    elif rp == "source_end":
        out.append(f'<p>{pg.b(f"(Source: {a.source})")}</p>\n')
    # Jetpack
    out.append(f"""<div class="sharedaddy sd-sharing-enabled"><div class="robots-nocontent sd-block sd-social sd-social-icon-text sd-sharing"><h3 class="sd-title">{pg.b("Share this:")}</h3><div class="sd-content"><ul><li class="share-twitter"><a rel="nofollow noopener noreferrer" class="share-twitter sd-button share-icon" href="https://{HOST}/archives/{pid}?share=twitter" target="_blank"><span>Twitter</span></a></li><li class="share-facebook"><a class="share-facebook sd-button share-icon" href="https://{HOST}/archives/{pid}?share=facebook" target="_blank"><span>Facebook</span></a></li><li class="share-linkedin"><a class="share-linkedin sd-button share-icon" href="https://{HOST}/archives/{pid}?share=linkedin" target="_blank"><span>LinkedIn</span></a></li><li class="share-end"></li></ul></div></div></div>
<div class='sharedaddy sd-block sd-like jetpack-likes-widget-wrapper jetpack-likes-widget-unloaded' id='like-post-wrapper-2025-{pid}'><h3 class="sd-title">{pg.b("Like this:")}</h3><div class='likes-widget-placeholder post-likes-widget-placeholder' style='height: 55px;'><span class='button'><span>Like</span></span> <span class="loading">{pg.b("Loading...")}</span></div><span class='sd-text-color'></span><a class='sd-link-color'></a></div>
""")
    rel = []
    for o in others[i % 5:i % 5 + 3]:
        rel.append(f'<p class="jp-relatedposts-post"><span class="jp-relatedposts-post-title"><a class="jp-relatedposts-post-a" href="https://{HOST}{o.path}" title="{attr(o.title)}">{esc(o.title)}</a></span><span class="jp-relatedposts-post-date">{_wpdate(o.dt)}</span><span class="jp-relatedposts-post-context">In &quot;{esc(o.cat)}&quot;</span></p>')
        pg.reg(f'In "{o.cat}"')
    out.append(f"<div id='jp-relatedposts' class='jp-relatedposts'><h3 class=\"jp-relatedposts-headline\"><em>Related</em></h3><div class=\"jp-relatedposts-items jp-relatedposts-items-minimal\">{''.join(rel)}</div></div>\t</div><!-- .entry-content -->\n")
    # entry footer: visible date is date-only; the datetime attribute carries the time
    upd = ""
    if a.opt.get("updated"):
        upd = f'<time class="updated" datetime="{mod}">{_wpdate(shift(a, **a.opt["updated"]))}</time>'
    out.append(f'\t<footer class="entry-footer">\n\t\t<span class="byline"><span class="author vcard"><img alt=\'\' src=\'https://secure.gravatar.com/avatar/3f1c?s=49&#038;d=mm&#038;r=g\' class=\'avatar avatar-49 photo\' height=\'49\' width=\'49\' /><span class="screen-reader-text">Author </span> <a class="url fn n" href="https://{HOST}/author/admin">admin</a></span></span>'
               f'<span class="posted-on"><span class="screen-reader-text">Posted on </span><a href="{canon}" rel="bookmark"><time class="entry-date published" datetime="{pub}">{_wpdate(a.dt)}</time>{upd}</a></span>'
               f'<span class="cat-links"><span class="screen-reader-text">Categories </span><a href="https://{HOST}/category/{_slug(a.cat)}" rel="category tag">{esc(a.cat)}</a></span>'
               f'<span class="tags-links"><span class="screen-reader-text">Tags </span>' + ", ".join(f'<a href="https://{HOST}/tag/{_slug(t)}" rel="tag">{esc(t)}</a>' for t in a.tags) + '</span>'
               f'\t</footer><!-- .entry-footer -->\n</article><!-- #post-{pid} -->\n')
    prev_, next_ = arts[(i + 1) % len(arts)], arts[i - 1]
    out.append(f'\n\t<nav class="navigation post-navigation" aria-label="Posts">\n\t\t<h2 class="screen-reader-text">Post navigation</h2>\n\t\t<div class="nav-links"><div class="nav-previous"><a href="https://{HOST}{prev_.path}" rel="prev"><span class="meta-nav" aria-hidden="true">Previous</span> <span class="screen-reader-text">Previous post:</span> <span class="post-title">{esc(prev_.title)}</span></a></div><div class="nav-next"><a href="https://{HOST}{next_.path}" rel="next"><span class="meta-nav" aria-hidden="true">Next</span> <span class="screen-reader-text">Next post:</span> <span class="post-title">{esc(next_.title)}</span></a></div></div>\n\t</nav>\n')
    pg.reg(f"Previous Previous post: {prev_.title}")
    out.append(f"""<div id="comments" class="comments-area">
	<div id="respond" class="comment-respond">
		<h2 id="reply-title" class="comment-reply-title">{pg.b("Leave a Reply")} <small><a rel="nofollow" id="cancel-comment-reply-link" href="/archives/{pid}#respond" style="display:none;">Cancel reply</a></small></h2><form action="https://{HOST}/wp-comments-post.php" method="post" id="commentform" class="comment-form" novalidate><p class="comment-notes"><span id="email-notes">{pg.b("Your email address will not be published.")}</span> <span class="required-field-message">Required fields are marked <span class="required">*</span></span></p><p class="comment-form-comment"><label for="comment">Comment <span class="required">*</span></label> <textarea id="comment" name="comment" cols="45" rows="8" maxlength="65525" required></textarea></p><p class="comment-form-author"><label for="author">Name <span class="required">*</span></label> <input id="author" name="author" type="text" value="" size="30" maxlength="245" autocomplete="name" required /></p><p class="comment-form-email"><label for="email">Email <span class="required">*</span></label> <input id="email" name="email" type="email" value="" size="30" maxlength="100" required /></p><p class="comment-form-cookies-consent"><input id="wp-comment-cookies-consent" name="wp-comment-cookies-consent" type="checkbox" value="yes" /> <label for="wp-comment-cookies-consent">{pg.b("Save my name, email, and website in this browser for the next time I comment.")}</label></p>
<p class="form-submit"><input name="submit" type="submit" id="submit" class="submit" value="Post Comment" /> <input type='hidden' name='comment_post_ID' value='{pid}' id='comment_post_ID' /></p></form>	</div><!-- #respond -->
</div><!-- .comments-area -->
""")
    out.append("\t\t</main><!-- .site-main -->\n\t</div><!-- .content-area -->\n")
    out.append(_sidebar(pg, others))
    out.append(_page_bottom(pg))
    return "".join(out), pg.bp


def _excerpt(o: Art):
    words = o.first_text().split()
    return f'<article class="post type-post hentry"><header class="entry-header"><h2 class="entry-title"><a href="https://{HOST}{o.path}" rel="bookmark">{esc(o.title)}</a></h2></header><div class="entry-summary"><p>{esc(" ".join(words[:40]))} [&hellip;]</p></div><footer class="entry-footer"><span class="posted-on"><time class="entry-date published" datetime="{iso_offset(o, 8)}">{_wpdate(o.dt)}</time></span><span class="cat-links"><a href="https://{HOST}/category/{_slug(o.cat)}" rel="category tag">{esc(o.cat)}</a></span></footer></article>\n'


def _archive(title, cls, header, items, nav, arts):
    pg = Page()
    return (_head(title) + _page_top(cls) + '\t<div id="primary" class="content-area">\n\t\t<main id="main" class="site-main">\n'
            + header + "".join(_excerpt(o) for o in items) + nav + "\t\t</main>\n\t</div>\n" + _sidebar(pg, arts) + _page_bottom(pg))


def nonarticles(arts):
    return [
        ("category_markets_page2", "/category/markets/page/2", _archive(
            f"Markets – Page 2 – {SITE}", "archive paged category category-markets paged-2",
            '<header class="page-header"><h1 class="page-title">Category: <span>Markets</span></h1></header>\n', arts[1::2],
            f'<nav class="navigation pagination" aria-label="Posts"><h2 class="screen-reader-text">Posts navigation</h2><div class="nav-links"><a class="prev page-numbers" href="https://{HOST}/category/markets">Previous page</a><a class="page-numbers" href="https://{HOST}/category/markets"><span class="meta-nav screen-reader-text">Page </span>1</a><span aria-current="page" class="page-numbers current"><span class="meta-nav screen-reader-text">Page </span>2</span><a class="page-numbers" href="https://{HOST}/category/markets/page/3"><span class="meta-nav screen-reader-text">Page </span>3</a><a class="next page-numbers" href="https://{HOST}/category/markets/page/3">Next page</a></div></nav>\n', arts)),
        ("author_admin", "/author/admin", _archive(
            f"admin – {SITE}", "archive author author-admin author-1",
            '<header class="page-header"><h1 class="page-title">Author: <span class="vcard">admin</span></h1></header>\n', arts[:6],
            f'<nav class="navigation pagination"><div class="nav-links"><a class="next page-numbers" href="https://{HOST}/author/admin/page/2">Next page</a></div></nav>\n', arts)),
        ("search_qr", "/?s=QR+code", _archive(
            f"Search Results for “QR code” – {SITE}", "search search-results",
            '<header class="page-header"><h1 class="page-title">Search Results for: <span>QR code</span></h1></header>\n',
            [o for o in arts if "QR" in o.title or "scam" in " ".join(o.tags)], "", arts)),
    ]
