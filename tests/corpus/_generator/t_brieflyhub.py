"""brieflyhub: a modern HTML5 news-aggregator/"compare coverage" app site (Ground News / SmartNews /
Flipboard family): <article>, kicker, byline "By X for <Outlet>", <time datetime>, JSON-LD, an AI
"The gist" summary box, inline newsletter asides and "Related:" lines inside the body, coverage bar,
cookie banner."""
import json

from common import Art, Page, esc, attr, inline, d_us_short, iso_offset, iso_z, shift, MONTHS

NAME = "brieflyhub"
HOST = "www.brieflyhub.com"
LANG = "en"
ENC = "utf-8"


def P(name, slug, title, date, author, source, cat, tags, body, **opt):
    y, m, d = date[:10].split("-")
    return Art(name, f"/story/{y}/{m}/{d}/{slug}", title, date, author, source, cat, tags, body, "en", opt=opt)


ARTICLES = [
    P("cookie-banners", "eu-regulators-target-cookie-banners-c81f2", "EU Regulators Order Websites to Make Rejecting Cookies as Easy as Accepting Them",
      "2025-02-14 10:20", "Sophie Laurent", "Brussels Ledger", "Technology", ["Privacy", "European Union", "Regulation"], [
          "Data protection authorities from 14 European countries said on Friday that websites must offer a “reject all” button on the first layer of their cookie banners, in the most coordinated move yet against designs that nudge visitors into accepting tracking.",
          "The joint guidance follows a two-year review of more than 600 sites. Regulators found that roughly four in ten made it harder to refuse cookies than to accept them, often by hiding the option behind a “manage preferences” link or a second screen.",
          ("h", "What changes for users"),
          "Under the guidance, a banner that shows an “Accept all” button must show an equally visible button to refuse, in the same colour and size. Pre-ticked boxes and banners that reappear after a visitor has said no are also singled out as unlawful.",
          "“Consent that is extracted by exhausting people is not consent,” said Marta Ilves, who chairs the working group that drafted the text.",
          ("h", "Industry pushback"),
          "Advertising trade groups said the rules would cut the revenue of small publishers that depend on targeted ads. One group estimated that acceptance rates could fall from around 85 percent to below 50 percent.",
          "Privacy campaigners welcomed the move but said enforcement would be the real test, noting that national authorities have so far issued only a handful of fines over cookie banners.",
          "Websites have six months to comply.",
      ], tz=1, tzname="CET", ld=True, updated=dict(hours=21, minutes=40), gist=True, newsletter=3),
    P("gigafactory", "nevada-battery-plant-hiring-3fa90", "Nevada Battery Plant to Hire 1,800 as Production Ramps Up",
      "2025-02-13 15:45", "Ken Aldridge", "Western Business Journal", "Business", ["Batteries", "Manufacturing", "Jobs"], [
          "A battery manufacturer building a cell plant east of Reno said on Thursday that it will hire 1,800 workers by the end of the year as it moves from pilot lines to full production.",
          "The company, Sierra Cell Works, said its first production line had passed qualification tests with two carmakers and would begin shipping cells for electric pickup trucks in May.",
          "Chief executive Daniel Frey said the plant would reach an annual capacity of 20 gigawatt-hours by 2026, enough for roughly 250,000 vehicles.",
          "Starting wages will be $24 an hour, the company said, with a training program run jointly with a community college in Sparks. Local officials said housing remains the biggest obstacle: rents in the county have risen 30 percent in three years.",
          "“We can build the factory faster than the town can build apartments,” said county commissioner Lydia Vance.",
          "The expansion comes as several other battery projects in the United States have been delayed or scaled back because of slower-than-expected electric vehicle sales.",
      ], tz=-8, tzname="PST", ld=False, meta_time=True, figure="The Sierra Cell Works plant under construction east of Reno. Photo: Western Business Journal", related=2),
    P("mars-samples", "new-plan-to-bring-mars-rocks-home-7bd12", "Space Agency Unveils Cheaper Plan to Bring Mars Rocks Home",
      "2025-02-12", None, "Orbit Science Weekly", "Science", ["Space", "Mars"], [
          "The space agency on Wednesday outlined a revised plan to return rock samples collected by its Mars rover, saying a simpler lander design could cut the mission’s cost nearly in half.",
          "The previous plan, estimated at up to $11 billion, was put on hold last year after an independent review warned that it was too complex and would not return samples until the 2040s.",
          "Under the new approach, a smaller lander would use a sky-crane system similar to the one that delivered the rover itself, rather than a new heavy landing platform. The samples would then be launched into orbit and collected by a spacecraft built with a European partner.",
          "Scientists say the 30 sealed tubes, some containing rock from an ancient river delta, could answer whether Mars ever hosted microbial life. Instruments on Earth are far more sensitive than anything that can be carried on a rover.",
          "The agency said it would choose between two versions of the plan next year.",
      ], tz=-5, tzname="EST", ld=True, gist=True),
    P("tennis", "okafor-wins-coral-coast-open-9c4e1", "Okafor Saves Two Match Points to Win Coral Coast Open",
      "2025-02-09 22:10", "Liam Burke", "Southern Sport Daily", "Sports", ["Tennis"], [
          "Nneka Okafor saved two match points in the second set and came back to beat top seed Elena Varga 4-6, 7-6 (9), 6-3 in the Coral Coast Open final on Sunday night, claiming the biggest title of her career.",
          "Varga, the world No. 4, served for the match at 5-4 in the second set and had two chances to close it out in the tiebreak, but Okafor answered both with forehand winners down the line.",
          "“I just told myself to keep swinging. If I was going to lose, I wanted to lose hitting the ball,” Okafor said on court.",
          "The 22-year-old, ranked 38th at the start of the week, will rise into the top 25 for the first time on Monday.",
          "Varga said she had felt a hip problem during the third set but declined to blame it for the loss. “She played the big points better. That’s tennis,” she said.",
          "Okafor’s prize money of $412,000 is more than she earned in all of last season.",
      ], tz=11, tzname="AEDT", ld=True, figure="Nneka Okafor celebrates with the trophy after the final. Photo: Coral Coast Open"),
    P("newsletters", "paid-newsletters-hit-a-ceiling-2ad77", "Paid Newsletters Hit a Ceiling as Readers Trim Subscriptions",
      "2025-02-11 08:00", "Hannah Cole", "Media Wire Review", "Media", ["Media", "Newsletters", "Subscriptions"], [
          "The boom in paid email newsletters is slowing, according to a survey of 1,200 independent writers, as readers who signed up for several subscriptions during the past three years begin to cancel some of them.",
          "Median subscriber growth fell to 4 percent last year, down from 19 percent in 2022, the survey by a publishing-tools company found. Nearly a third of writers said they lost more paying readers than they gained.",
          "Writers who bundle their newsletter with others, or who offer a podcast or community forum alongside it, reported the strongest results.",
          "“People are not tired of reading. They are tired of managing twenty separate subscriptions,” said Raj Patel, who publishes a weekly newsletter about the shipping industry and recently joined a bundle with five other writers.",
          "Several platforms have begun testing group subscriptions that let readers pay one fee for a collection of newsletters, with revenue split by readership.",
          "Subscribe buttons, meanwhile, are getting smaller: the survey found that writers who moved from aggressive pop-ups to a simple link at the end of each post saw fewer unsubscribes.",
      ], tz=-5, tzname="EST", ld=False, meta_time=True, newsletter=2, gist=True),
    P("heat-pumps", "heat-pump-sales-fall-in-europe-e54a3", "Heat Pump Sales Fall for Second Year in Europe",
      "2025-02-10 13:30", "Jonas Becker", "Energy Monitor Daily", "Climate", ["Energy", "Heat pumps", "Europe"], [
          "Sales of heat pumps in Europe fell for the second year in a row in 2024, an industry association said on Monday, as higher interest rates and cuts to subsidies in several countries discouraged homeowners from replacing gas boilers.",
          "About 2.3 million units were sold across 14 markets, down 21 percent from 2023 and well below the peak reached during the energy crisis of 2022.",
          ("h", "Where the decline hit hardest"),
          "The steepest falls came in countries that changed their support programs during the year:",
          ("ul", ["Germany, where sales dropped by almost half after a long dispute over a heating law.",
                  "Poland, where a subsidy program was paused for several months.",
                  "Belgium, where regional grants were reduced."]),
          "Sales rose in the United Kingdom and Spain, which kept incentives stable.",
          ("h", "Jobs at risk"),
          "Manufacturers that expanded production in 2022 and 2023 now have surplus capacity. Several have announced short-time work or layoffs, and the association warned that up to 5,000 jobs could be at risk this year.",
          ("q", "“The technology is ready, the installers are trained, and then the rules change every six months. Families cannot plan a €15,000 purchase that way.”"),
          "That was the association’s secretary general, Ingrid Holm, speaking at a press conference in Brussels. She called on governments to commit to support schemes that last at least five years.",
          "Analysts noted that falling electricity prices could help. When power is cheap relative to gas, running costs for a heat pump drop sharply, and some buyers may return.",
          "The association expects sales to stabilize in 2025 before recovering in 2026.",
      ], tz=1, tzname="CET", ld=True, updated=dict(days=1, hours=2), related=5),
    P("ai-tutors", "districts-test-ai-tutors-4d0b8", "Three School Districts Test AI Tutors, With Mixed Early Results",
      "2025-02-11 15:05", "Marcus Greene", "Capitol Education News", "Education", ["Education", "Artificial intelligence"], [
          "Three public school districts that gave middle-school students access to an AI math tutor last fall have found that the tool helped some students catch up but did little for those who were furthest behind, according to an interim report released Tuesday.",
          "Students who used the tutor for at least 30 minutes a week improved their scores on a standardized unit test by an average of 6 points, compared with 2 points for a control group. But fewer than half of students reached that level of use.",
          "Teachers said the tutor was best at walking students through routine problems step by step. It was less useful for students who struggled to read the questions in the first place.",
          "“It is a patient helper for the kid who is almost there,” said Denise Howard, a seventh-grade teacher in one of the districts. “It is not a teacher for the kid who is lost.”",
          "The districts plan to continue the pilot through the spring and will publish full results in the summer.",
      ], tz=-5, tzname="EST", ld="z", figure=None),
    P("jazz", "river-city-jazz-festival-lineup-11ce0", "River City Jazz Festival Announces 40th-Anniversary Lineup",
      "2025-02-08 12:00", "Tasha Monroe", "River City Weekly", "Culture", ["Music", "Festivals"], [
          "The River City Jazz Festival will mark its 40th year in June with a lineup that mixes veteran bandleaders with players who were not born when the first festival was held in a parking lot behind the old train depot.",
          "Headliners include pianist Harold Vance, who played that first festival as a teenager, and the Brass Tacks Collective, a 12-piece band from New Orleans.",
          "Organizers said ticket prices would stay at last year’s level, and that the Sunday program in Marsh Park will again be free.",
          "Tickets go on sale March 1.",
      ], tz=-6, tzname="CST", ld=False, meta_time=True, gist=False),
    P("deep-sea", "scientists-urge-pause-on-deep-sea-mining-60af3", "Scientists Urge Pause on Deep-Sea Mining After Finding New Species",
      "2025-02-07 06:30", "Amelia Hart", "Ocean Science Report", "Science", ["Oceans", "Mining", "Biodiversity"], [
          "Marine biologists who surveyed a stretch of Pacific seabed targeted for mining said on Friday that more than half of the animals they collected were unknown to science, and urged governments to delay any commercial extraction.",
          "The team spent six weeks aboard a research vessel sampling the abyssal plain at depths of about 4,500 meters, where potato-sized nodules rich in nickel, cobalt and manganese lie on the sediment.",
          "Of 788 species identified, 436 appear to be new, including sponges, sea cucumbers and a translucent worm that lives only on the nodules themselves.",
          ("q", "“If you remove the nodules, you remove the only hard surface these animals have. They are not coming back in our lifetimes, or in our grandchildren’s.”"),
          "Lead author Dr. Yuki Tanaka said the results show how little is known about the region. Mining companies say their collector vehicles disturb only a thin layer of sediment and that impacts can be monitored.",
          "The International Seabed Authority is expected to resume negotiations on a mining code in March.",
      ], tz=0, tzname="GMT", ld=True, figure="A sea cucumber photographed at 4,400 meters during the survey. Photo: Ocean Science Report", newsletter=4),
]


def utc_offset(a: Art):
    return f"{a.opt['tz']:+03d}:00"


def _iso(a: Art):
    tz = a.opt["tz"]
    if not a.has_time:
        return a.dt.strftime("%Y-%m-%d")
    return iso_offset(a, tz)


def _visible(a: Art):
    return d_us_short(a) + (f" {a.opt['tzname']}" if a.has_time else "")


def _head(pg, a, title, extra=""):
    return f"""<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{esc(title)}</title>
{extra}<link rel="preconnect" href="https://cdn.brieflyhub.com">
<link rel="stylesheet" href="/_next/static/css/8a1f3c2e.css">
<link rel="icon" href="/favicon.ico">
</head>
<body class="theme-light">
<a class="skip-link" href="#main">Skip to content</a>
<header class="site-header">
  <a class="logo" href="/" aria-label="Briefly home"><svg width="96" height="24" aria-hidden="true"><use href="#logo"></use></svg></a>
  <nav class="primary" aria-label="Sections"><ul><li><a href="/topics/top-stories">Top Stories</a></li><li><a href="/topics/technology">Technology</a></li><li><a href="/topics/business">Business</a></li><li><a href="/topics/science">Science</a></li><li><a href="/topics/sports">Sports</a></li><li><a href="/topics/culture">Culture</a></li><li><a href="/blindspot">Blindspot</a></li></ul></nav>
  <div class="header-actions"><a href="/search" aria-label="Search">Search</a> <a class="btn" href="/subscribe">{pg.b("Get Briefly Pro")}</a> <a href="/login">Log in</a></div>
</header>
"""


def _tail(pg):
    return f"""<footer class="site-footer">
  <div class="footer-cols"><ul><li><a href="/about">About Briefly</a></li><li><a href="/how-we-rate-sources">How we rate sources</a></li><li><a href="/careers">Careers</a></li></ul>
  <ul><li><a href="/privacy">Privacy</a></li><li><a href="/terms">Terms</a></li><li><a href="/cookies">Cookie settings</a></li></ul></div>
  <p class="legal">{pg.b("© 2025 Briefly Media Inc. All rights reserved. Headlines and summaries link to the original publishers.")}</p>
  <p class="apps">{pg.b("Get the Briefly app on iOS and Android")}</p>
</footer>
<div class="cookie-banner" role="dialog" aria-live="polite">
  <p>{pg.b("We use cookies to personalise content and ads and to analyse our traffic.")} <a href="/cookies">Learn more</a></p>
  <button type="button">Accept all</button> <button type="button">Reject all</button> <button type="button">Manage preferences</button>
</div>
<script src="/_next/static/chunks/main-2b7c1e.js" defer></script>
</body>
</html>
"""


def render(a: Art, i: int, arts):
    pg = Page()
    others = [o for o in arts if o is not a]
    extra = f'<meta name="description" content="{attr(a.first_text()[:155])}">\n'
    extra += f'<link rel="canonical" href="https://{HOST}{a.path}">\n'
    og = a.title if i % 3 else a.title.split(" With ")[0].split(" After ")[0]
    extra += f'<meta property="og:title" content="{attr(og)}">\n<meta property="og:type" content="article">\n<meta property="og:site_name" content="Briefly">\n'
    if a.opt.get("meta_time"):
        extra += f'<meta property="article:published_time" content="{_iso(a)}">\n'
        extra += f'<meta property="article:section" content="{attr(a.cat)}">\n'
        extra += "".join(f'<meta property="article:tag" content="{attr(t)}">\n' for t in a.tags)
    if a.opt.get("updated"):
        u = shift(a, **a.opt["updated"])
        uiso = u.strftime("%Y-%m-%dT%H:%M:00") + f"{a.opt['tz']:+03d}:00"
        if a.opt.get("meta_time"):
            extra += f'<meta property="article:modified_time" content="{uiso}">\n'
    ld = a.opt.get("ld")
    if ld:
        data = {"@context": "https://schema.org", "@type": "NewsArticle", "headline": a.title,
                "datePublished": iso_z(a, a.opt["tz"]) if ld == "z" else _iso(a),
                "articleSection": a.cat, "keywords": ", ".join(a.tags),
                "isBasedOn": {"@type": "NewsArticle", "publisher": {"@type": "Organization", "name": a.source}},
                "publisher": {"@type": "Organization", "name": "Briefly", "logo": {"@type": "ImageObject", "url": "https://cdn.brieflyhub.com/logo.png"}}}
        if a.opt.get("updated"):
            data["dateModified"] = uiso
        if a.author:
            data["author"] = [{"@type": "Person", "name": a.author}]
        extra += f'<script type="application/ld+json">{json.dumps(data, ensure_ascii=False)}</script>\n'
    out = [_head(pg, a, f"{a.title} | Briefly", extra)]
    out.append('<main id="main" class="layout-story">\n<article class="story" itemscope itemtype="https://schema.org/NewsArticle">\n<header class="story-header">\n')
    out.append(f'  <a class="kicker" href="/topics/{a.cat.lower()}">{esc(a.cat)}</a>\n  <h1 itemprop="headline">{esc(a.title)}</h1>\n')
    by = []
    if a.author:
        by.append(f'<span class="author">By <a rel="author" href="/author/{a.author.lower().replace(" ", "-")}">{esc(a.author)}</a></span> for <a class="provider" href="/source/{a.source.lower().replace(" ", "-")}">{esc(a.source)}</a>')
    else:
        by.append(f'<a class="provider" href="/source/{a.source.lower().replace(" ", "-")}">{esc(a.source)}</a>')
    by.append(f'<time datetime="{_iso(a) if a.opt.get("ld") != "z" else iso_z(a, a.opt["tz"])}" itemprop="datePublished">{esc(_visible(a))}</time>')
    if a.opt.get("updated"):
        u = shift(a, **a.opt["updated"])
        ushow = f"Updated {MONTHS[u.month - 1][:3]} {u.day}, {u.year}, {u.hour % 12 or 12}:{u.minute:02d} {'a.m.' if u.hour < 12 else 'p.m.'} {a.opt['tzname']}"
        by.append(f'<span class="updated">Updated <time datetime="{uiso}">{esc(ushow[8:])}</time></span>')
        pg.reg(ushow)
    out.append(f'  <div class="byline">{" · ".join(by)}</div>\n')
    out.append(f'  <div class="reading-time">{pg.b(f"{max(2, len(a.paragraphs()) // 2)} min read")}</div>\n</header>\n')
    if a.opt.get("gist"):
        sents = [p.split(". ")[0].rstrip(".") + "." for p in a.paragraphs()[1:4] if len(p) > 60][:3]
        out.append('<section class="gist" aria-label="Summary">\n  <h2>The gist</h2>\n  <p class="gist-note">'
                   + pg.b("AI-generated summary of 14 sources. Check the original reporting for details.") + '</p>\n  <ul>'
                   + "".join(f"<li>{esc('In short: ' + s)}</li>" for s in sents) + "</ul>\n</section>\n")
        for s in sents:
            pg.reg("In short: " + s)
    out.append('<section class="story-body" itemprop="articleBody">\n')
    n = 0
    for item in a.body:
        if isinstance(item, str):
            out.append(f"  <p>{inline(item)}</p>\n")
            n += 1
            if n == 1 and a.opt.get("figure"):
                cap = a.opt["figure"]
                out.append(f'  <figure class="story-image"><img src="https://cdn.brieflyhub.com/img/{a.name}-1200.webp" alt="" loading="lazy" width="1200" height="675"><figcaption>{pg.b(cap)}</figcaption></figure>\n')
            if n == a.opt.get("newsletter"):
                out.append(f'  <aside class="inline-newsletter"><h3>{pg.b("The Morning Brief")}</h3><p>{pg.b("The five stories you need, from every side, in your inbox by 7 a.m.")}</p><form action="/newsletter" method="post"><input type="email" name="email" placeholder="you@example.com"><button>Sign up</button></form></aside>\n')
            if n == a.opt.get("related"):
                o = others[(i + 2) % len(others)]
                out.append(f'  <p class="related-inline"><strong>Related:</strong> <a href="{attr(o.path)}">{esc(o.title)}</a></p>\n')
                pg.reg(f"Related: {o.title}")
        elif item[0] == "h":
            out.append(f"  <h2>{esc(item[1])}</h2>\n")
        elif item[0] == "ul":
            out.append("  <ul>\n" + "".join(f"    <li>{esc(x)}</li>\n" for x in item[1]) + "  </ul>\n")
        elif item[0] == "q":
            out.append(f"  <blockquote><p>{esc(item[1])}</p></blockquote>\n")
    out.append("</section>\n<footer class=\"story-footer\">\n")
    out.append(f'  <p class="attribution">Originally published by <a href="https://www.example.org/{a.source.lower().replace(" ", "")}" rel="nofollow">{esc(a.source)}</a>. <a href="https://www.example.org/{a.source.lower().replace(" ", "")}/story">Read the original ↗</a></p>\n')
    pg.reg(f"Originally published by {a.source}. Read the original ↗")
    out.append('  <div class="topics">Topics: ' + ", ".join(f'<a href="/tag/{t.lower().replace(" ", "-")}/">{esc(t)}</a>' for t in a.tags) + "</div>\n")
    pg.reg("Topics: " + ", ".join(a.tags))
    out.append(f'  <div class="share" aria-label="Share">{pg.b("Share this story")}: <button type="button">Copy link</button> <a href="#">X</a> <a href="#">Facebook</a> <a href="#">Email</a></div>\n')
    out.append(f'  <p class="corrections">{pg.b("See something wrong? Report an error")}</p>\n')
    out.append("</footer>\n</article>\n")
    n_src = 6 + (i * 5) % 17
    left, center = 10 + (i * 7) % 30, 30 + (i * 11) % 40
    out.append(f'<section class="coverage">\n  <h2>{pg.b("Compare coverage")}</h2>\n  <p>{pg.b(f"{n_src} sources are reporting on this story")}</p>\n'
               f'  <div class="bias-bar">{pg.b(f"Left {left}% · Center {center}% · Right {100 - left - center}%")}</div>\n  <ul>'
               + "".join(f'<li><span class="src">{s}</span> <a href="#">{esc(h)}</a></li>' for s, h in [
                   ("Daily Sentinel", a.title.split(" ")[0] + " news: what we know so far"),
                   ("Metro Post", "Live updates: " + a.cat.lower() + " headlines")]) + "</ul>\n</section>\n")
    more = "".join(f'<li><a href="{attr(o.path)}">{esc(o.title)}</a> <time datetime="{o.dt.strftime("%Y-%m-%d")}">{d_us_short(o).split(",")[0]}</time></li>' for o in others[i % 4:i % 4 + 4])
    out.append(f'<aside class="more-stories"><h2>{pg.b("More from Briefly")}</h2><ul>{more}</ul></aside>\n</main>\n')
    out.append(_tail(pg))
    return "".join(out), pg.bp


def _card(o: Art):
    return (f'<li class="card"><a href="{attr(o.path)}"><h3>{esc(o.title)}</h3></a>'
            f'<p class="meta">{esc(o.source)} · <time datetime="{o.dt.strftime("%Y-%m-%d")}">{d_us_short(o).split(",")[0]}</time></p></li>\n')


def nonarticles(arts):
    pages = []
    pg = Page()
    tagged = [o for o in arts if o.cat in ("Technology", "Education", "Science")]
    pages.append(("tag_ai", "/tag/artificial-intelligence/", _head(pg, None, "Artificial intelligence news | Briefly") +
                  '<main id="main" class="layout-topic"><header class="topic-header"><h1>Artificial intelligence</h1>'
                  '<p>Follow this topic to see stories from hundreds of outlets.</p><button>Follow</button></header>\n<ul class="cards">\n'
                  + "".join(_card(o) for o in tagged) + '</ul>\n<a class="load-more" href="/tag/artificial-intelligence/?page=2">Load more stories</a></main>\n' + _tail(pg)))
    pg = Page()
    mine = [o for o in arts if o.author in ("Sophie Laurent",)] + arts[5:7]
    pages.append(("author_sophie-laurent", "/author/sophie-laurent", _head(pg, None, "Sophie Laurent | Briefly") +
                  '<main id="main" class="layout-author"><header class="author-header"><img src="https://cdn.brieflyhub.com/authors/sophie-laurent.jpg" alt="">'
                  '<h1>Sophie Laurent</h1><p class="bio">Sophie Laurent covers technology regulation in Brussels. Her work is syndicated on Briefly from the Brussels Ledger.</p></header>\n'
                  '<h2>Latest stories</h2><ul class="cards">\n' + "".join(_card(o) for o in mine) + '</ul></main>\n' + _tail(pg)))
    pg = Page()
    pages.append(("topics_science_p2", "/topics/science?page=2", _head(pg, None, "Science - Page 2 | Briefly") +
                  '<main id="main" class="layout-topic"><h1>Science</h1>\n<ul class="cards">\n' + "".join(_card(o) for o in arts[2::3] + arts[:2]) +
                  '</ul>\n<nav class="pagination"><a href="/topics/science">Previous</a> <span>Page 2 of 9</span> <a href="/topics/science?page=3">Next</a></nav></main>\n' + _tail(pg)))
    return pages
