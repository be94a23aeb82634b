"""feedstream: a portal-style syndication page (MSN / Yahoo News family). The partner's story is split
into many <div class="body-chunk"> blocks with ad slots, sponsored cards, slideshow and video modules
in between; the tail of the story sits in a collapsed div after a "Continue reading" button. Byline is
"Story by X" with a relative <time> whose datetime is UTC (Z)."""
import json

from common import Art, Page, esc, attr, inline, iso_z, d_us_short, d_dmy

NAME = "feedstream"
HOST = "www.feedstream.com"
LANG = "en"
SHOWS_TAGS = False  # the pages list no tags (no Tags line, no keywords meta): truth tags are []
def utc_offset(a):
    return "+00:00"


ENC = "utf-8"


def P(name, section, slug, aid, title, date, author, source, cat, tags, body, **opt):
    return Art(name, f"/en-us/{section}/{slug}/ar-{aid}", title, date, author, source, cat, tags, body, "en", opt=opt)


ARTICLES = [
    P("ev-chargers", "news/technology", "one-in-five-public-ev-chargers-failed-survey-finds", "AA1yQ3kP",
      "One in Five Public EV Chargers Failed on First Try, Survey Finds",
      "2025-02-14 13:05", "Nora Quinn", "The Harbor Ledger", "Technology", ["electric vehicles", "charging"], [
          "Drivers of electric vehicles who tried to use a public fast charger last year failed to start a session on the first attempt about 20 percent of the time, according to a survey of 9,000 drivers released on Friday.",
          "The most common problems were broken screens, payment systems that rejected cards, and cables that were too short to reach a car’s charging port.",
          "The failure rate has improved slightly from 23 percent a year earlier, but remains well above the 3 percent target that federal funding rules now require for new stations.",
          ("h", "Why reliability lags"),
          "Many chargers installed during the first wave of the build-out were owned by site hosts, such as shopping centers, that had no maintenance contracts. When a unit broke, nobody was responsible for fixing it quickly.",
          "Newer networks are adding remote monitoring and promise repairs within 48 hours. Some automakers have also begun sharing data on failed sessions with charging companies.",
          "“The hardware is not the hard part anymore,” said Luis Ortega, who studies charging infrastructure at a university transport lab. “It is the boring work of keeping thousands of machines running in parking lots.”",
          "The survey found that drivers who had a failed session were twice as likely to say they would not buy another electric car.",
          "Charging companies said reliability would keep improving as older equipment is replaced.",
      ], ld=True, rel="1d"),
    P("flu-peak", "health/medical", "flu-season-may-have-peaked-health-officials-say", "AA1yP8wz",
      "Flu Season May Have Peaked, Health Officials Say",
      "2025-02-13 19:40", None, "Midwest Health Desk", "Health", ["flu", "public health"], [
          "The share of doctor visits for flu-like illness fell for the second week in a row, suggesting that this winter’s flu season may have peaked, federal health officials said Thursday.",
          "It has been one of the most intense seasons in more than a decade, with hospitalization rates higher than in any year since 2010-11.",
          "Officials cautioned that a second wave driven by a different strain is possible in late winter, as happened in several past seasons.",
          "Doctors continued to urge people who have not been vaccinated to get a flu shot, noting that the vaccine is still widely available and that the season often lasts into April.",
      ], ld=False, rel="2d"),
    P("marathon", "sports/other", "lakefront-marathon-sells-out-in-record-time", "AA1yMm2c",
      "Lakefront Marathon Sells Out in Record Time",
      "2025-02-12 16:20", "Chris Delaney", "Lakefront Sports Wire", "Sports", ["running", "marathon"], [
          "All 45,000 entries for this fall’s Lakefront Marathon were claimed in under four hours on Wednesday, a record for the race, organizers said.",
          "Entries opened at 10 a.m., and the registration website briefly crashed under the load. Some runners reported waiting in an online queue for more than an hour only to find the race full.",
          "Race director Paula Whitman said organizers would add 2,000 places through a lottery next month for runners who were in the queue when entries closed.",
          "“Running has had an incredible couple of years, and we want everyone who can run 26.2 miles to have a chance to run it here,” she said.",
          "Charity places, which require fundraising of at least $1,500, remain available.",
      ], ld=True, rel="2d", dateonly_visible=False),
    P("housing-starts", "money/markets", "housing-starts-drop-to-lowest-level-since-2020", "AA1yKd7R",
      "Housing Starts Drop to Lowest Level Since 2020",
      "2025-02-11 14:30", "Evan Brooks", "Capital Markets Daily", "Money", ["housing", "economy", "interest rates"], [
          "Construction began on new homes at the slowest pace in almost five years in January, as high mortgage rates and a cold snap across much of the country kept builders on the sidelines.",
          "Housing starts fell 9.8 percent from December to a seasonally adjusted annual rate of 1.27 million units, the Commerce Department said. Economists had expected a smaller decline.",
          "Permits for future construction, a sign of where building is headed, also fell, though less sharply.",
          "Builders said that buyers remain interested but that monthly payments are out of reach for many. The average 30-year mortgage rate has hovered near 7 percent for most of the past year.",
          "Several large builders have been offering to buy down mortgage rates for customers, a costly incentive that eats into profit margins.",
          "The weakness in new construction could worsen the housing shortage that has pushed up prices and rents across the country.",
      ], ld=True, rel="3d"),
    P("bird-count", "news/us", "backyard-bird-count-draws-record-number-of-volunteers", "AA1yHn0e",
      "Backyard Bird Count Draws Record Number of Volunteers",
      "2025-02-06", "Megan Ashby", "Field & Sky Magazine", "Science", ["birds", "citizen science"], [
          "More than 600,000 people are expected to take part in this year’s four-day backyard bird count, which begins on Friday and asks volunteers to spend at least 15 minutes counting the birds they see.",
          "The data, submitted through a free app or website, helps scientists track how bird populations are changing. Last year participants recorded more than 7,900 species in 200 countries.",
          "Researchers have used the counts to document the spread of species such as the Eurasian collared dove and the decline of others, including the evening grosbeak.",
          "“You do not need to be an expert. If you can tell a crow from a robin, you can help,” said ornithologist Dana Reyes.",
          "Counts can be submitted until the end of the month.",
      ], ld=False, rel="1w", dateonly_visible=True),
    P("airline-refunds", "travel/news", "what-new-airline-refund-rules-mean-for-you", "AA1yF2tq",
      "What the New Airline Refund Rules Mean for You",
      "2025-02-10 09:00", "Sara Lindholm", "Travel Insider Weekly", "Travel", ["air travel", "consumer rights", "refunds"], [
          "New federal rules that took effect this month require airlines to refund passengers automatically, in cash, when a flight is canceled or significantly changed and the passenger chooses not to travel.",
          "Before the rules, airlines often offered travel credits instead of refunds, and passengers had to ask, sometimes repeatedly, to get their money back.",
          ("h", "When you are owed a refund"),
          "Under the rules, passengers are entitled to a full refund in these cases:",
          ("ul", ["The flight is canceled and you do not accept a rebooking.",
                  "The departure or arrival time changes by more than three hours on a domestic flight, or six hours on an international one.",
                  "You are downgraded to a lower class of service.",
                  "Your checked bag is delayed by more than 12 hours on a domestic flight."]),
          ("h", "How fast the money should arrive"),
          "Refunds must be issued within seven business days for credit card purchases and within 20 calendar days for other payment methods.",
          "The rules also require airlines to refund fees for services that were paid for but not provided, such as Wi-Fi that did not work or a seat assignment that was changed.",
          "“The biggest change is that you no longer have to fight for it,” said consumer advocate Tom Reilly. “If the airline cancels, the money should come back without you asking.”",
          "Airline trade groups had challenged parts of the rules in court, arguing that they would raise costs. A federal appeals court declined to block them while the case continues.",
          "Travelers who believe an airline has not complied can file a complaint with the Transportation Department.",
      ], ld=True, rel="4d"),
    P("painting-recovered", "news/world", "stolen-19th-century-painting-found-in-attic-after-30-years", "AA1yCx9L",
      "Stolen 19th-Century Painting Found in Attic After 30 Years",
      "2025-02-09 11:45", "Pieter van Dam", "Continental News Service", "World", ["art", "crime", "museums"], [
          "A landscape painting stolen from a provincial museum in 1994 has been recovered from the attic of a house in a small town near the border, police said on Sunday.",
          "The work, a river scene painted in 1862, was one of three canvases taken during a night-time break-in. The other two have never been found.",
          "Police said the painting was discovered by a man clearing out the house of his late uncle. He recognized the museum’s inventory label on the back of the frame and called the authorities.",
          "“It was wrapped in a blanket behind some suitcases. It had been there so long the blanket had stuck to the varnish,” said detective Anouk Jansen.",
          "Conservators said the damage was minor and the painting could be back on display by the autumn.",
          "The investigation into the 1994 theft has been reopened.",
      ], ld=False, rel="5d"),
    P("cookbook", "lifestyle/food", "grandmothers-recipe-newsletter-becomes-bestselling-cookbook", "AA1yAb4m",
      "A Grandmother’s Recipe Newsletter Becomes a Bestselling Cookbook",
      "2025-02-08 08:15", "Julia Fenwick", "Home Table Magazine", "Food", ["cooking", "books"], [
          "What began as a weekly email newsletter of family recipes, typed up by a retired schoolteacher for her eleven grandchildren, has become one of the best-selling cookbooks of the winter.",
          "Rosa Delgado, 81, started the newsletter during the pandemic so her grandchildren could cook her dishes while they were apart. Friends asked to be added, then friends of friends; by 2023 it had 40,000 subscribers.",
          "The book collects 120 recipes, each with a note about where it came from. Her publisher says it has sold more than 200,000 copies.",
      ], ld=False, rel="6d"),
    P("quantum", "money/companies", "quantum-computing-startup-raises-300-million", "AA1y9Zr2",
      "Quantum Computing Start-Up Raises $300 Million to Build Error-Corrected Machine",
      "2025-02-07 17:55", "Ravi Shankar", "The Harbor Ledger", "Technology", ["quantum computing", "startups", "venture capital"], [
          "A quantum computing start-up that builds processors from trapped atoms said on Friday that it had raised $300 million, one of the largest private funding rounds in the field, to build a machine that can correct its own errors.",
          "Quantum computers could one day solve problems in chemistry and materials science that are out of reach for ordinary computers, but today’s machines make too many mistakes to run long calculations.",
          "The company, based in Boulder, Colorado, says it has shown that groups of physical qubits can be combined into more reliable “logical” qubits, and that the error rate falls as the groups get larger.",
          "Chief executive Hannah Okoye said the new money would pay for a machine with 100 logical qubits by 2028. “That is the point where you stop doing physics experiments and start doing useful work,” she said.",
          "The company also plans to release part of its control software as open source, so that university researchers can run experiments on its hardware through the cloud.",
          "Investors in the round include two sovereign wealth funds and a large chipmaker.",
      ], ld=True, rel="1w"),
]

SPONSORED = [
    ("Seniors Are Flocking to This New Hearing Aid (See Why)", "HearWell Direct"),
    ("Here’s What a New Roof Should Cost You in 2025", "HomeQuotes"),
    ("The 7 Worst Cars Ever Made, According to Mechanics", "AutoTalk"),
    ("Doctors Stunned: This Simple Morning Habit Changes Everything", "DailyVitality"),
]


def _time(a: Art):
    if a.opt.get("dateonly_visible"):
        return f'<time datetime="{a.dt.strftime("%Y-%m-%d")}">{d_dmy(a)}</time>'
    return f'<time datetime="{iso_z(a, 0)[:19]}.000Z" title="{esc(d_us_short(a))}">{a.opt["rel"]}</time>'


def _head(title, extra=""):
    return f"""<!DOCTYPE html>
<html lang="en-us" dir="ltr">
<head>
<meta charset="utf-8">
<meta http-equiv="X-UA-Compatible" content="IE=edge">
<title>{esc(title)}</title>
<meta name="viewport" content="width=device-width, initial-scale=1.0">
{extra}<link rel="preload" href="https://assets.feedstream.com/bundles/v7/common.9f3a1.js" as="script">
<link rel="stylesheet" href="https://assets.feedstream.com/bundles/v7/article.c2e8d.css">
<script>window._pageTiming = {{start: Date.now()}}; window.__fsConfig = {{"locale":"en-us","adsEnabled":true,"feedVersion":"v7"}};</script>
</head>
<body class="fs-article theme-light">
<div id="root">
<header class="fs-header"><a class="fs-logo" href="/en-us" aria-label="feedstream">feedstream</a>
<form class="fs-search" action="/en-us/search" method="get"><input type="search" name="q" placeholder="Search the web"></form>
<nav class="fs-nav"><a href="/en-us/news">News</a><a href="/en-us/money">Money</a><a href="/en-us/sports">Sports</a><a href="/en-us/weather">Weather</a><a href="/en-us/travel">Travel</a><a href="/en-us/lifestyle">Lifestyle</a><a href="/en-us/health">Health</a><a href="/en-us/play">Play</a></nav>
<div class="fs-weather">Seattle 44°F</div>
</header>
"""


def _tail(pg):
    return f"""<footer class="fs-footer"><a href="/en-us/about">About feedstream</a> <a href="/en-us/privacy">Your Privacy Choices</a> <a href="/en-us/terms">Terms of use</a> <a href="/en-us/advertise">Advertise</a> <a href="/en-us/feedback">Feedback</a>
<span class="copy">{pg.b("© 2025 Feedstream Networks")}</span></footer>
</div>
<div id="consent-banner" class="consent">{pg.b("Feedstream and our partners use cookies and similar technologies to deliver, maintain and improve our services and ads.")} <button>Accept</button> <button>Reject</button> <a href="/en-us/privacy">Manage</a></div>
<script src="https://assets.feedstream.com/bundles/v7/common.9f3a1.js" async></script>
</body>
</html>
"""


def _ad(pg, k, label="Advertisement"):
    t, by = SPONSORED[k % len(SPONSORED)]
    pg.reg(t)
    pg.reg(f"Sponsored · {by}")
    return (f'<div class="ad-slot native-ad" data-slot="intra-{k}" aria-label="advertisement"><span class="ad-label">{pg.b(label)}</span>'
            f'<a class="native-card" href="https://ads.feedstream.com/click?c={k}" rel="sponsored nofollow"><img src="https://img.feedstream.com/ads/{k}.jpg" alt=""><h4>{esc(t)}</h4><span class="sponsor">Sponsored · {esc(by)}</span></a></div>\n')


def render(a: Art, i: int, arts):
    pg = Page()
    others = [o for o in arts if o is not a]
    extra = f'<meta name="description" content="{attr(a.first_text()[:160])}">\n<meta property="og:title" content="{attr(a.title)}">\n<meta property="og:site_name" content="feedstream">\n'
    extra += f'<link rel="canonical" href="https://{HOST}{a.path}">\n'
    if a.opt.get("ld"):
        ld = {"@context": "http://schema.org", "@type": "NewsArticle", "headline": a.title,
              "datePublished": iso_z(a, 0)[:19] + ".000Z",
              "publisher": {"@type": "Organization", "name": a.source},
              "provider": {"@type": "Organization", "name": "feedstream"}}
        if a.author:
            ld["author"] = {"@type": "Person", "name": a.author}
        extra += f'<script type="application/ld+json">{json.dumps(ld, ensure_ascii=False)}</script>\n'
    out = [_head(f"{a.title}", extra)]
    sec = a.path.split("/")[2].title()
    out.append(f'<main class="fs-main">\n<div class="article-page" data-article-id="{a.path.rsplit("-", 1)[1]}">\n')
    out.append(f'<div class="crumbs"><a href="/en-us/{a.path.split("/")[2]}">{esc(sec)}</a> <span>›</span> <span class="section">{esc(a.cat)}</span></div>\n')
    out.append(f'<div class="provider-bar"><a class="provider" href="/en-us/channel/source/{a.source.lower().replace(" ", "-").replace("&", "and")}/sr-vid-{a.name[:6]}"><img src="https://img.feedstream.com/logos/{a.name[:4]}.png" alt="{attr(a.source)}" width="24"> <span>{esc(a.source)}</span></a> <button class="follow">{pg.b("Follow")}</button></div>\n')
    out.append(f'<h1 class="headline">{esc(a.title)}</h1>\n')
    meta = [f'<span class="byline">Story by {esc(a.author)}</span>'] if a.author else []
    meta.append(_time(a))
    out.append(f'<div class="article-meta">{" • ".join(meta)} <span class="reading">{pg.b(f"{max(1, len(a.paragraphs()) // 3)} min read")}</span></div>\n')
    out.append(f'<div class="image-container"><img src="https://img.feedstream.com/tenant/{a.name}.jpg" alt="{attr(a.title)}"><span class="attribution">{pg.b(f"© Provided by {a.source}")}</span></div>\n')
    out.append('<div class="article-body" id="articleBody">\n')
    # chunk the body: 1-3 items per chunk, ad / module between chunks, collapse after 2nd chunk
    items, chunks, k = list(a.body), [], 0
    sizes = [2, 1, 3, 2, 1, 2, 3]
    while items:
        n = sizes[(k + i) % len(sizes)]
        chunks.append(items[:n])
        items = items[n:]
        k += 1
    for ci, ch in enumerate(chunks):
        if ci == 2 and len(chunks) > 3:
            out.append(f'<div class="continue-reading"><button type="button" onclick="expandArticle()">{pg.b("Continue reading")}</button></div>\n<div class="collapsed-content" style="display:none">\n')
        html = []
        for item in ch:
            if isinstance(item, str):
                html.append(f"<p>{inline(item)}</p>")
            elif item[0] == "h":
                html.append(f"<h2>{esc(item[1])}</h2>")
            elif item[0] == "ul":
                html.append("<ul>" + "".join(f"<li><p>{esc(x)}</p></li>" for x in item[1]) + "</ul>")
        out.append(f'<div class="body-chunk" data-chunk="{ci}">' + "".join(html) + "</div>\n")
        if ci < len(chunks) - 1:
            mod = (ci + i) % 4
            if mod == 0:
                out.append(_ad(pg, ci + i))
            elif mod == 1:
                o = others[(ci + i) % len(others)]
                out.append(f'<div class="intra-article-module" data-t="slideshow"><a class="slideshow-card" href="https://{HOST}{o.path}"><span class="label">{pg.b("Slideshow")}</span><h3>{esc(o.title)}</h3><span class="count">{pg.b(f"{8 + ci} photos")}</span></a></div>\n')
            elif mod == 2:
                out.append(_ad(pg, ci + i + 1, "Story continues below advertisement"))
            else:
                vt = {"Technology": "How fast chargers actually work", "Money": "Mortgage rates explained in 90 seconds"}.get(a.cat, f"Watch: the week in {a.cat.lower()}")
                out.append(f'<div class="video-module"><span class="label">Related video:</span> <h4>{esc(vt)}</h4> <span class="duration">(Duration 1:{20 + ci:02d})</span> <span class="video-provider">{esc(a.source)}</span></div>\n')
                pg.reg(f"Related video: {vt} (Duration 1:{20 + ci:02d})")
    if len(chunks) > 3:
        out.append("</div>\n")
    out.append("</div>\n")
    out.append(f'<div class="article-end"><p class="continue-on">{pg.b(f"Continue reading on {a.source}")}</p>'
               f'<div class="feedback">{pg.b("Was this article helpful?")} <button>Yes</button> <button>No</button></div>'
               f'<div class="reactions"><button>{pg.b("Like")} 1.2K</button> <button>Comments</button> <button>Share</button></div></div>\n')
    more = "".join(f'<li class="card"><a href="https://{HOST}{o.path}"><span class="prov">{esc(o.source)}</span><h3>{esc(o.title)}</h3><span class="ago">{o.opt["rel"]} ago</span></a></li>' for o in others[i % 3:i % 3 + 5])
    out.append(f'<section class="more-for-you"><h2>{pg.b("More for You")}</h2><ul>{more}</ul></section>\n</div>\n</main>\n')
    out.append(_tail(pg))
    return "".join(out), pg.bp


def _river(items):
    return "".join(f'<li class="card"><a href="https://{HOST}{o.path}"><img src="https://img.feedstream.com/tenant/{o.name}.jpg" alt=""><span class="prov">{esc(o.source)}</span><h3>{esc(o.title)}</h3><span class="ago">{o.opt["rel"]} ago</span></a></li>\n' for o in items)


def nonarticles(arts):
    pg = Page()
    p1 = (_head("Technology News - Latest Tech Headlines | feedstream") + '<main class="fs-main fs-channel"><h1>Technology</h1>\n<ul class="river">\n'
          + _river([o for o in arts if o.cat in ("Technology", "Money", "Science")] + arts[:3]) +
          '</ul>\n<button class="see-more" data-next="/en-us/news/technology?page=2">See more</button></main>\n' + _tail(pg))
    pg = Page()
    src = [o for o in arts if o.source == "The Harbor Ledger"]
    p2 = (_head("The Harbor Ledger | feedstream") + '<main class="fs-main fs-provider"><div class="provider-header"><img src="https://img.feedstream.com/logos/ev-c.png" alt="The Harbor Ledger"><h1>The Harbor Ledger</h1>'
          '<p>Independent news from the Pacific Northwest since 1911.</p><button>Follow</button> <span>84.2K followers</span></div>\n<ul class="river">\n'
          + _river(src + arts[3:6]) + '</ul></main>\n' + _tail(pg))
    pg = Page()
    p3 = (_head("refund rules - Search") + '<main class="fs-main fs-search-results"><form action="/en-us/search"><input name="q" value="refund rules"></form>\n'
          '<p class="count">About 1,240,000 results</p><ol class="results">\n'
          + "".join(f'<li><a href="https://{HOST}{o.path}"><h3>{esc(o.title)}</h3></a><cite>{HOST}{esc(o.path[:40])}…</cite><p>{esc(o.first_text()[:150])}…</p></li>\n' for o in arts[5:8]) +
          '</ol><nav class="pager"><a href="/en-us/search?q=refund+rules&amp;first=11">Next</a></nav></main>\n' + _tail(pg))
    return [("channel_technology", "/en-us/news/technology", p1),
            ("provider_harbor-ledger", "/en-us/channel/source/the-harbor-ledger/sr-vid-ev-cha", p2),
            ("search_refund", "/en-us/search?q=refund+rules", p3)]
