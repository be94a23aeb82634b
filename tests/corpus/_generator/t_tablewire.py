"""headlinejunction: an old-school English headline aggregator built from nested layout tables
(think early-2000s portal: <table width=980>, <font> tags, left/right columns, "Text size: A+ | A-")."""
from common import Art, Page, esc, attr, inline, d_us_long, d_iso_sec, d_dmy, hits, shift, MONTHS

NAME = "headlinejunction"
HOST = "www.headlinejunction.com"
LANG = "en"
SHOWS_TAGS = False  # the pages list no tags (no Tags line, no keywords meta): truth tags are []
ENC = "utf-8"


def P(name, slug, title, date, author, source, cat, tags, body, **opt):
    d = date[:10]
    return Art(name, f"/news/{d}/{slug}.html", title, date, author, source, cat, tags, body, "en", opt=opt)


ARTICLES = [
    P("river-bridge", "river-bridge-reopens-early", "Harlan Street Bridge Reopens Three Weeks Ahead of Schedule",
      "2025-02-14 14:34", "Dana Whitfield", "The Lakeside Courier", "Local", ["transportation", "infrastructure"], [
          "The Harlan Street Bridge over the Merritt River reopened to traffic on Friday afternoon, three weeks earlier than county engineers had promised when the span was closed for deck repairs in November.",
          "Crews replaced roughly 40 percent of the concrete deck, rebuilt both expansion joints and repainted the steel girders that had begun to flake along the eastern approach. The work cost $6.2 million, about $300,000 less than budgeted.",
          "“We had a mild December and a contractor who was willing to work Saturdays,” said county engineer Ray Okafor. “Those two things bought us most of the time.”",
          "The closure had forced an estimated 11,000 daily drivers onto the Route 9 detour, adding as much as 20 minutes to commutes during the morning rush. Shop owners on Harlan Street said foot traffic fell by a third.",
          "Marisol Vega, who runs a bakery two blocks from the bridge, said she had considered closing on weekdays. “People just stopped coming through,” she said. “Today I had a line out the door before lunch.”",
          "The county will keep one lane closed overnight next week while workers finish the pedestrian railing.",
      ], ds="long", caption="The reopened Harlan Street Bridge on Friday. (Courier photo)"),
    P("copyright-ruling", "court-sides-with-photographers-in-reposting-case", "Court Sides With Photographers in Dispute Over Reposted News Images",
      "2025-02-13 09:15", "Priya Raman", "Midstate Legal Times", "Business", ["copyright", "courts", "media"], [
          "A federal judge ruled on Thursday that a network of news aggregation websites infringed the copyright of four freelance photographers by republishing their pictures alongside summaries of local news stories.",
          "The aggregators had argued that the images were used under fair use because each photo appeared next to a link to the original source. Judge Helen Marsh rejected that argument, writing that the sites used the photographs “for precisely the purpose for which they were created.”",
          ("h", "What the sites argued"),
          "Lawyers for the sites said their pages carried a notice stating that all rights belonged to the original publishers, and that they removed any image within 48 hours of a complaint. The judge said a disclaimer of that kind “does not convert copying into something else.”",
          "“Printing ‘All rights reserved’ under somebody else’s photograph does not make the use lawful,” Marsh wrote in a 34-page opinion. “It is, if anything, an acknowledgment that the rights belong to someone who was not asked.”",
          ("h", "What happens next"),
          "The photographers are seeking statutory damages for 212 images. A hearing on damages is set for April. Their lawyer, Owen Pruitt, said the ruling should worry any website that relies on copying first and apologizing later.",
          "Sources familiar with the defense said the company behind the sites is considering an appeal.",
          "The case is Delgado et al. v. NewsPoint Media Group.",
      ], ds="iso", reprint=True),
    P("robotics", "valley-high-robotics-team-heads-to-state", "Valley High Robotics Team Heads to State Finals",
      "2025-02-11", None, "Pine Valley Gazette", "Education", ["schools", "robotics"], [
          "A team of nine students from Valley High School has qualified for the state robotics championship after finishing second at the regional tournament in Carver City last weekend.",
          "Their robot, nicknamed Gus, stacks foam cubes and climbs a short ramp in the final thirty seconds of each match. Team captain Leah Brandt, a junior, said the climbing arm was rebuilt four times.",
          "The state finals take place March 8.",
      ], ds="dmy"),
    P("grain", "elevator-prices-slip-as-harvest-glut-lingers", "Grain Elevator Prices Slip as Harvest Glut Lingers",
      "2025-02-12 06:05", "Tom Haskell", "Prairie Farm Report", "Business", ["agriculture", "markets"], [
          "Cash prices for corn at grain elevators across the northern plains fell for a third straight week, as storage bins filled during last fall’s record harvest continue to push supplies onto the market.",
          "Elevator operators said farmers who held grain through the winter, hoping for a spring rally, are now selling to free up cash before planting season.",
          "Analysts pointed to three factors keeping prices low:",
          ("ul", ["Export demand has been weaker than expected, particularly from Asian buyers.",
                  "Ethanol plants are running below capacity after a warm winter cut fuel demand.",
                  "Barge freight rates on the river system remain high because of low water levels."]),
          "“Everybody has grain and nobody wants to be the last one holding it,” said Carla Jensen, who manages an elevator co-op in Ransom County.",
          "The Agriculture Department’s next supply estimate is due on March 10.",
      ], ds="long", updated=dict(days=1, hours=3)),
    P("library", "city-library-drops-late-fees-for-good", "City Library Drops Late Fees for Good",
      "2025-02-10 16:48", "Grace Albright", "Riverside Daily News", "Local", ["libraries", "city council"], [
          "The Riverside Public Library will no longer charge late fees on overdue books, DVDs or magazines, after the city council voted 6-1 on Monday to make a two-year pilot program permanent.",
          "Library director Simon Hale told the council that the fees brought in about $38,000 a year but cost nearly as much to collect and kept many families away.",
          "During the pilot, the number of returned items actually rose by 12 percent, Hale said, and more than 2,000 cards that had been blocked over unpaid fines were reactivated.",
          "Council member Janet Moss, who cast the lone no vote, said she worried that removing penalties would encourage people to keep popular titles for months.",
          "Patrons who lose an item will still be billed for its replacement cost.",
      ], ds="iso", style="br"),
    P("windstorm", "thousands-still-without-power-after-windstorm", "Thousands Still Without Power After Overnight Windstorm",
      "2025-02-09 07:40", "Marcus Lee", "Coastal Tribune", "Weather", ["storm", "power outages", "utilities"], [
          "More than 23,000 homes and businesses in Harbor and Lewis counties remained without electricity on Sunday morning after a windstorm with gusts of up to 70 miles per hour swept through overnight.",
          "The utility said crews from three neighboring states were on their way to help, and warned that some rural customers might not have power back until Tuesday.",
          ("h", "Trees down across roads"),
          "The storm toppled hundreds of trees, many of them on roads and power lines. State Route 12 was closed for several hours near Elma after a large fir fell across both lanes.",
          "In the town of Burlow, a tree crashed through the roof of a home on Alder Street. The family of four was sleeping downstairs and no one was hurt, the fire chief said.",
          "“It sounded like a train going over the house,” said resident Kim Tran. “Then the lights went out and we just sat in the dark listening.”",
          ("h", "Shelters open"),
          "The Red Cross opened warming centers at the Burlow community hall and the Harbor County fairgrounds. Both will stay open until power is restored.",
          "Officials urged residents not to run generators indoors or in garages, after two people were treated for carbon monoxide exposure on Saturday night.",
          "Forecasters expect calmer weather through Wednesday, with another system possible late in the week.",
      ], ds="long", caption="A crew clears a fallen tree from State Route 12 near Elma on Sunday.", reprint=True),
    P("stadium", "voters-to-decide-on-ballpark-bond", "Voters to Decide on Bond for New Minor League Ballpark",
      "2025-02-08 18:22", "Eddie Marquez", "Fairmont Herald", "Sports", ["baseball", "elections"], [
          "Fairmont voters will decide in May whether to borrow $48 million to build a new ballpark for the Fairmont Foxes, the city’s Double-A baseball team, after the council placed the bond measure on the ballot Friday night.",
          "The Foxes have played at Dorsey Field since 1962. Major League Baseball has told the club that the stadium no longer meets its facility standards and that the team could lose its affiliation by 2027.",
          "Supporters say the new park would anchor a redevelopment of the old rail yard downtown. Opponents argue that the team’s owners, not taxpayers, should pay for it.",
          "“I love the Foxes. My dad took me to Dorsey Field,” said retiree Walt Simmons, who spoke against the measure. “But this is a private business asking for a public check.”",
          "The team has pledged $9 million toward construction and would sign a 25-year lease.",
          "A simple majority is needed to pass the measure.",
      ], ds="iso"),
    P("quilts", "quilt-show-tells-a-century-of-family-stories", "Quilt Show Tells a Century of Family Stories",
      "2025-02-07", "Anna Kowalczyk", "Hill Country Review", "Culture", ["museums", "arts"], [
          "The Hill Country Museum’s new exhibition gathers 64 quilts made in the county between 1910 and 2010, each one lent by the family that made it.",
          "Curator Beth Lindqvist spent two years collecting the pieces and recording the stories behind them. One quilt was stitched from feed sacks during the Depression; another was made from the uniforms of a Navy sailor who never came home.",
          "“Every one of these has a name attached to it, and most of those names are still in the phone book,” Lindqvist said.",
          "Visitors are invited to bring their own family quilts on the first Saturday of each month, when volunteers will photograph them for the museum’s archive.",
          "The exhibition runs through June 30. Admission is free for county residents.",
      ], ds="dmy", caption="A 1934 quilt made from printed feed sacks."),
    P("water-rates", "water-rates-to-rise-9-percent", "Water Rates to Rise 9 Percent in July",
      "2025-02-06 11:10", "Dana Whitfield", "The Lakeside Courier", "Local", ["utilities", "city budget"], [
          "Lakeside residents will pay about 9 percent more for water starting in July, after the utility board approved the first rate increase in four years on Wednesday.",
          "For a typical household, the increase amounts to roughly $5.40 a month.",
          "The source of most of the added cost is a $31 million project to replace the city’s 1950s-era treatment filters, which state inspectors flagged as outdated in a 2023 report.",
          "Board chair Lonnie Fisk said the utility had delayed the increase as long as it could. “We cannot keep patching a plant that is older than most of the people in this room,” he said.",
          "Low-income customers can apply for a discount of up to 30 percent through the city’s assistance program.",
      ], ds="long", style="br"),
]

SECTIONS = ["Local", "Business", "Sports", "Culture", "Education", "Weather", "Politics", "Health"]


def _dates(a: Art, pg: Page):
    ds = a.opt.get("ds")
    if ds == "long":
        return d_us_long(a)
    if ds == "iso":
        return "Posted: " + d_iso_sec(a)
    return d_dmy(a)


def _header(title_tag, extra_head=""):
    nav = " | ".join(f'<a href="/section/{s.lower()}/">{s}</a>' for s in ["Home"] + SECTIONS)
    return f"""<!DOCTYPE HTML PUBLIC "-//W3C//DTD HTML 4.01 Transitional//EN" "http://www.w3.org/TR/html4/loose.dtd">
<html>
<head>
<meta http-equiv="Content-Type" content="text/html; charset=utf-8">
<title>{esc(title_tag)}</title>
{extra_head}<link rel="stylesheet" type="text/css" href="/css/hj2009.css">
<script type="text/javascript">var hj_section = "news"; function fontsize(n){{document.getElementById('story').style.fontSize=n+'px';}}</script>
</head>
<body bgcolor="#ffffff" leftmargin="0" topmargin="0" marginwidth="0" marginheight="0">
<table width="980" border="0" align="center" cellpadding="0" cellspacing="0">
<tr><td colspan="3" class="topbar" bgcolor="#003366"><font color="#ffffff" size="1" face="Verdana">Friday, February 14, 2025 &nbsp;|&nbsp; <a href="/member/login.asp"><font color="#ffffff">Sign In</font></a> &nbsp;|&nbsp; <a href="/member/register.asp"><font color="#ffffff">Register</font></a></font></td></tr>
<tr><td colspan="2"><a href="/"><img src="/img/hj_logo.gif" width="320" height="60" border="0" alt="Headline Junction"></a></td>
<td align="right"><form action="/search" method="get"><input type="text" name="q" size="18"> <input type="submit" value="Search"></form></td></tr>
<tr><td colspan="3" class="nav" bgcolor="#e6ecf2"><font size="2" face="Verdana">{nav.replace('/section/home/', '/')}</font></td></tr>
<tr>
<td width="160" valign="top" class="leftcol" bgcolor="#f4f4f4">
<table width="100%" cellpadding="4" cellspacing="0"><tr><td><b><font size="2">Sections</font></b></td></tr>
{''.join(f'<tr><td><font size="2"><a href="/section/{s.lower()}/">{s}</a></font></td></tr>' for s in SECTIONS)}
<tr><td><b><font size="2">Top Sources</font></b></td></tr>
<tr><td><font size="1"><a href="/source/lakeside-courier/">The Lakeside Courier</a><br><a href="/source/coastal-tribune/">Coastal Tribune</a><br><a href="/source/fairmont-herald/">Fairmont Herald</a></font></td></tr>
</table></td>
"""


def _right(pg: Page, others):
    pop = "".join(f'<tr><td><font size="1">{i + 1}. <a href="{attr(o.path)}">{esc(o.title)}</a></font></td></tr>'
                  for i, o in enumerate(others[:5]))
    return f"""<td width="220" valign="top" class="rightcol">
<table width="100%" cellpadding="3" cellspacing="0">
<tr><td align="center"><font size="1" color="#999999">{pg.b("ADVERTISEMENT")}</font><br><a href="/adclick.asp?id=1182"><img src="/ads/300x250_autodealer.gif" width="200" height="167" border="0" alt=""></a></td></tr>
<tr><td bgcolor="#003366"><font color="#ffffff" size="2"><b>{pg.b("Most Popular")}</b></font></td></tr>
{pop}
<tr><td bgcolor="#e6ecf2"><font size="2"><b>{pg.b("Subscribe to our daily headline e-mail")}</b></font><br><form action="/newsletter.asp" method="post"><input type="text" name="email" size="16" value="Your e-mail"> <input type="submit" value="Go"></form></td></tr>
</table></td>
</tr>
"""


def _footer(pg: Page):
    return f"""<tr><td colspan="3" class="footer" align="center" bgcolor="#e6ecf2"><font size="1" face="Verdana">
<a href="/about.html">About Us</a> | <a href="/privacy.html">Privacy Policy</a> | <a href="/terms.html">Terms of Use</a> | <a href="/contact.html">Contact Us</a> | <a href="/advertise.html">Advertise</a><br>
{pg.b("Copyright © 1999-2025 Headline Junction. All rights reserved.")}<br>
{pg.b("Headline Junction aggregates headlines from thousands of sources; stories are the property of their respective publishers.")}
</font></td></tr>
</table>
<script type="text/javascript" src="/js/counter.js"></script>
</body>
</html>
"""


def render(a: Art, i: int, arts):
    pg = Page()
    others = [o for o in arts if o is not a]
    suffix = "Headline Junction: Your Source for Local News"
    pg.reg(suffix)
    extra = f'<meta name="description" content="{attr(a.first_text()[:150])}">\n'
    if a.opt.get("ds") == "dmy":
        extra += f'<meta name="date" content="{a.dt.strftime("%Y-%m-%d")}">\n'
    out = [_header(f"{a.title} - {suffix}", extra)]
    sec = a.cat
    out.append('<td width="600" valign="top" class="center">\n<table width="100%" border="0" cellpadding="6" cellspacing="0">\n')
    out.append(f'<tr><td class="crumb"><font size="1"><a href="/">Home</a> &raquo; <a href="/section/{sec.lower()}/">{esc(sec)}</a></font></td></tr>\n')
    out.append(f'<tr><td class="storytitle"><h1><font face="Georgia" size="5" color="#003366">{esc(a.title)}</font></h1></td></tr>\n')
    meta = []
    if a.author:
        meta.append(f"By {esc(a.author)}")
    meta.append(esc(_dates(a, pg)))
    if a.source:
        meta.append(f'Source: <a href="/source/{a.source.lower().replace(" ", "-")}/">{esc(a.source)}</a>')
        pg.reg(f"Source: {a.source}")
    out.append(f'<tr><td class="byline"><font size="1" color="#666666" face="Verdana">{" | ".join(meta)}</font></td></tr>\n')
    if a.opt.get("updated"):
        u = shift(a, **a.opt["updated"])
        ustr = f"Last updated: {MONTHS[u.month - 1]} {u.day}, {u.year} {u.hour % 12 or 12}:{u.minute:02d} {'AM' if u.hour < 12 else 'PM'}"
        out.append(f'<tr><td><font size="1" color="#999999">{pg.b(ustr)}</font></td></tr>\n')
    out.append(f'<tr><td class="tools"><font size="1">Text size: <a href="javascript:fontsize(16)">A+</a> | <a href="javascript:fontsize(12)">A-</a> &nbsp;&nbsp; <a href="/print.asp?id={i + 4410}">Print this story</a> &nbsp; <a href="/email.asp?id={i + 4410}">E-mail this story</a></font></td></tr>\n')
    pg.reg("Text size: A+ | A-")
    pg.reg("Print this story")
    pg.reg("E-mail this story")
    # story cell
    s = ['<tr><td class="storytext" id="story"><font face="Georgia" size="3">\n']
    if a.opt.get("caption"):
        s.append(f'<table align="right" width="250" cellpadding="3"><tr><td><img src="/photos/{a.name}.jpg" width="240" alt="{attr(a.title)}"></td></tr><tr><td><font size="1" color="#666666">{pg.b(a.opt["caption"])}</font></td></tr></table>\n')
    if a.opt.get("style") == "br":
        parts = []
        for item in a.body:
            if isinstance(item, str):
                parts.append(inline(item, "b", "i"))
            elif item[0] == "h":
                parts.append(f"<b>{esc(item[1])}</b>")
            elif item[0] == "ul":
                parts.append("<br>".join("&middot; " + esc(x) for x in item[1]))
        s.append("\n<br><br>\n".join(parts) + "\n<br><br>\n")
    else:
        for item in a.body:
            if isinstance(item, str):
                s.append(f"<p>{inline(item, 'b', 'i')}</p>\n")
            elif item[0] == "h":
                s.append(f"<p><b>{esc(item[1])}</b></p>\n")
            elif item[0] == "ul":
                s.append("<ul>" + "".join(f"<li>{esc(x)}</li>" for x in item[1]) + "</ul>\n")
    if a.opt.get("reprint"):
        s.append(f'<p><font size="1" color="#888888"><i>{pg.b(f"This story was reprinted from {a.source} with permission. Views expressed are those of the original author and do not necessarily reflect those of Headline Junction.")}</i></font></p>\n')
    s.append("</font></td></tr>\n")
    out.extend(s)
    out.append(f'<tr><td><font size="1" color="#999999">{pg.b(f"Hits: {hits(a)}")}</font></td></tr>\n')
    rel = "".join(f'&raquo; <a href="{attr(o.path)}">{esc(o.title)}</a> <font size="1" color="#999999">({d_us_long(o).split(" ")[0][:3]} {o.dt.day}, {o.dt.year})</font><br>\n'
                  for o in others[i % 3:i % 3 + 4])
    out.append(f'<tr><td class="related"><b>{pg.b("Related Stories")}</b><br>\n{rel}</td></tr>\n')
    prev_, next_ = arts[i - 1], arts[(i + 1) % len(arts)]
    out.append(f'<tr><td><font size="2"><a href="{attr(prev_.path)}">&laquo; Previous story</a> | <a href="{attr(next_.path)}">Next story &raquo;</a></font></td></tr>\n')
    pg.reg("« Previous story | Next story »")
    out.append(f'<tr><td class="comments"><b>{pg.b("Reader Comments (0)")}</b><br><font size="1">{pg.b("You must be logged in to post a comment.")} <a href="/member/login.asp">Sign in</a></font></td></tr>\n')
    out.append("</table></td>\n")
    out.append(_right(pg, others))
    out.append(_footer(pg))
    return "".join(out), pg.bp


def _listing_row(o: Art):
    return (f'<tr><td valign="top"><font size="2"><b><a href="{attr(o.path)}">{esc(o.title)}</a></b></font><br>'
            f'<font size="1" color="#666666">{esc(o.source or "")} - {d_us_long(o)}</font><br>'
            f'<font size="2">{esc(o.first_text()[:160])}...</font></td></tr>\n')


def nonarticles(arts):
    pages = []
    # listing page 2
    pg = Page()
    rows = "".join(_listing_row(o) for o in arts[3:9])
    html = (_header("Latest Headlines - Page 2 - Headline Junction") +
            '<td width="600" valign="top" class="center"><h2><font face="Georgia">Latest Headlines</font></h2>\n'
            f'<table width="100%" cellpadding="6">{rows}</table>\n'
            '<p align="center"><font size="2"><a href="/news/list_1.html">&laquo; Prev</a> <a href="/news/list_1.html">1</a> <b>2</b> '
            '<a href="/news/list_3.html">3</a> <a href="/news/list_4.html">4</a> <a href="/news/list_3.html">Next &raquo;</a></font></p></td>\n'
            + _right(pg, arts) + _footer(pg))
    pages.append(("list_2", "/news/list_2.html", html))
    # search
    pg = Page()
    hits_ = [o for o in arts if "river" in " ".join(o.paragraphs()).lower()]
    rows = "".join(_listing_row(o) for o in hits_)
    html = (_header("Search results for \"river\" - Headline Junction") +
            f'<td width="600" valign="top" class="center"><h2><font face="Georgia">Search results for &quot;river&quot;</font></h2>\n'
            f'<p><font size="1">Showing 1-{len(hits_)} of {len(hits_)} results. Sort by: <a href="/search?q=river&amp;sort=date">Date</a> | <b>Relevance</b></font></p>\n'
            f'<form action="/search"><input name="q" value="river"> <input type="submit" value="Search again"></form>\n'
            f'<table width="100%" cellpadding="6">{rows}</table></td>\n'
            + _right(pg, arts) + _footer(pg))
    pages.append(("search_river", "/search?q=river", html))
    # about
    pg = Page()
    html = (_header("About Us - Headline Junction") +
            '<td width="600" valign="top" class="center"><h1><font face="Georgia">About Headline Junction</font></h1>\n'
            '<p>Headline Junction has collected the day\'s local and regional headlines since 1999. Our editors and software scan more than 4,000 newspaper, radio and television websites every hour and link to the stories readers are talking about.</p>\n'
            '<p>We do not write the news ourselves. Every story belongs to the publisher credited on the page, and we reprint full text only where a publisher has given us permission.</p>\n'
            '<p>Publishers who want their feeds added or removed can write to <a href="mailto:feeds@headlinejunction.com">feeds@headlinejunction.com</a>. Advertising enquiries: <a href="/advertise.html">Advertise with us</a>.</p>\n'
            '<p><b>Headline Junction</b><br>PO Box 2210<br>Springdale, OH 45246</p></td>\n'
            + _right(pg, arts) + _footer(pg))
    pages.append(("about", "/about.html", html))
    return pages
