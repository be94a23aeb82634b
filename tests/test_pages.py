"""The newsroom pages (front, article, search, stories, source health, Atom feed) on a database
crawled from the sample sites with the real spider: in a real headless Chromium against a real
`datasette serve`, and fast checks through Datasette's own client."""
from __future__ import annotations

import asyncio
import datetime as dt
import json
import os
import re
import sqlite3
import urllib.parse
import urllib.request

from html.parser import HTMLParser

import feedparser
import pytest

from browser import DatasetteServer, missing_browser_reason, start_chrome, stop_chrome
from newsdb.datasette.newsroom import atom, chart, health, text
from newsdb.serve import make_datasette
from pipelines.schema import open_db

PWN = "window.__pwned=1"
HOSTILE_SOURCES = ['evil<script>window.__pwned=1</script>', 'bad"><img src=x onerror="window.__pwned=1">']
HOSTILE_BODY = (
    f"<script>{PWN}</script>\n\n"
    f'<img src=x onerror="{PWN}"> hostile paragraph\n\n'
    f"<svg onload=\"{PWN}\"></svg> <a href=\"javascript:{PWN}\">click</a>"
)


# --- the crawled database, a hostile copy, the server and the browser ------------------------


def copy_db(source, target):
    """A consistent copy (WAL included) through SQLite's backup API."""
    with sqlite3.connect(source) as src, sqlite3.connect(target) as dst:
        src.backup(dst)
    return target


def add_hostile_rows(path) -> list[int]:
    """Two copies of one story whose every crawled field tries to run script."""
    db = open_db(path)
    newest = db.execute("select max(published) from articles").fetchone()[0]
    base = {
        "title": f"<script>{PWN}</script><b onmouseover=\"{PWN}\">Hostile headline pwnedword</b>",
        "body": HOSTILE_BODY,
        "published": newest,
        "author": f"<img src=x onerror=\"{PWN}\">",
        "original_source": f"<script>{PWN}</script>",
        "category": f"<svg onload=\"{PWN}\">",
        "tags": json.dumps([f"<img src=x onerror=\"{PWN}\">", "pwnedtag"]),
        "language": "en",
        "content_hash": "hostile",
    }
    db["articles"].insert({**base, "id": 90001, "url": f"javascript:{PWN}", "source": HOSTILE_SOURCES[0]})
    db["articles"].insert({**base, "id": 90002, "url": "https://hostile.example/a?x=\"><script>",
                           "source": HOSTILE_SOURCES[1], "duplicate_of": 90001})
    db.conn.close()
    return [90001, 90002]


@pytest.fixture(scope="module")
def db(crawled, tmp_path_factory):
    """A copy of the crawled database with the hostile rows added (the session crawl stays intact)."""
    path = copy_db(crawled[0], tmp_path_factory.mktemp("pages") / "news.db")
    add_hostile_rows(path)
    return path


def query(db, sql, params=()):
    with sqlite3.connect(db) as conn:
        conn.row_factory = sqlite3.Row
        return [dict(row) for row in conn.execute(sql, params)]


@pytest.fixture(scope="module")
def server(db):
    with DatasetteServer(db) as running:
        yield running


@pytest.fixture(scope="module")
def chrome():
    reason = missing_browser_reason()
    if reason:
        if os.environ.get("CI"):
            pytest.fail(f"browser tests cannot run in CI: {reason}")
        pytest.skip(reason)
    driver = start_chrome()
    yield driver
    stop_chrome(driver)


@pytest.fixture
def browser(chrome, server):
    """The module's Chromium, checked after each test: no script from crawled text ran."""
    yield chrome
    assert_not_pwned(chrome)


def assert_not_pwned(driver):
    from selenium.common.exceptions import NoAlertPresentException

    try:
        alert = driver.switch_to.alert
        text_ = alert.text
        alert.dismiss()
        pytest.fail(f"crawled text opened an alert: {text_!r}")
    except NoAlertPresentException:
        pass
    assert driver.execute_script("return window.__pwned === undefined"), "crawled text ran as script"


def by_css(driver, selector):
    from selenium.webdriver.common.by import By

    return driver.find_elements(By.CSS_SELECTOR, selector)


def click_and_wait(driver, element):
    """Click something that loads a new page and wait until the new page replaced the old one."""
    from selenium.webdriver.support.ui import WebDriverWait

    # a mark on the old window object: gone once a new document has loaded (staleness checks on DOM
    # nodes race with chromedriver while the old document is being torn down)
    driver.execute_script("window.__ndOldPage = true")
    element.click()
    WebDriverWait(driver, 10).until(
        lambda d: d.execute_script("return window.__ndOldPage === undefined && document.readyState === 'complete'"))


def open_page(driver, server, path):
    driver.get(server.url(path))
    assert "Error" not in driver.title, (path, driver.title)


def url_of(sample_sites, site, path):
    return sample_sites.base_urls[site] + path


def reprinted_story(expected):
    """The first expected article that reprints another (and so has another source)."""
    return next(a for a in expected["articles"] if a["duplicate_of"])


def stored_row(db, sample_sites, site, path):
    rows = query(db, "select * from articles where url = ?", (url_of(sample_sites, site, path),))
    assert rows, (site, path)
    return rows[0]


# --- in the browser ---------------------------------------------------------------------------


def test_article_page_shows_paragraphs_and_other_sources(browser, server, db, expected, sample_sites):
    truth = reprinted_story(expected)
    other_truth = truth["duplicate_of"]
    row = stored_row(db, sample_sites, truth["site"], truth["path"])
    other = stored_row(db, sample_sites, other_truth["site"], other_truth["path"])
    open_page(browser, server, f"/news/articles/{row['id']}")

    assert by_css(browser, "h1.nd-title")[0].text == truth["title"]
    shown = [p.text for p in by_css(browser, ".nd-body p")]
    assert shown == truth["paragraphs"]
    meta = by_css(browser, ".nd-article-meta")[0].text
    assert truth["site"] in meta and truth["language"] in meta
    links = by_css(browser, ".nd-others a")
    assert [a.get_attribute("href") for a in links] == [server.url(f"/news/articles/{other['id']}")]
    assert other_truth["site"] in links[0].text
    original = by_css(browser, ".nd-original a")[0]
    assert original.get_attribute("href") == row["url"]

    click_and_wait(browser, links[0])  # the other copy's page names this one
    back = by_css(browser, ".nd-others a")
    assert [a.get_attribute("href") for a in back] == [server.url(f"/news/articles/{row['id']}")]


def test_clicking_a_tag_lists_that_tags_articles(browser, server, db, expected, sample_sites):
    truth = reprinted_story(expected)
    row = stored_row(db, sample_sites, truth["site"], truth["path"])
    open_page(browser, server, f"/news/articles/{row['id']}")
    tag_links = by_css(browser, ".nd-tags a")
    assert [a.text for a in tag_links] == truth["tags"]
    tag = tag_links[0].text
    click_and_wait(browser, tag_links[0])

    assert "tags__arraycontains=" in browser.current_url
    listed = {int(td.text) for td in by_css(browser, "table.rows-and-columns td.col-id")}
    wanted = {r["id"] for r in query(db, "select id from articles where exists "
                                         "(select 1 from json_each(tags) where value = ?)", (tag,))}
    assert listed == wanted and row["id"] in listed
    # Datasette's own export links still work on the filtered list
    json_link = next(a for a in by_css(browser, "a") if a.text == "json")
    with urllib.request.urlopen(json_link.get_attribute("href")) as response:
        data = json.load(response)
    assert {(r["id"] if isinstance(r, dict) else r[0]) for r in data["rows"]} == wanted


def search_in_browser(browser, server, words, **filters):
    from selenium.webdriver.support.ui import Select

    open_page(browser, server, "/news/-/search")
    box = by_css(browser, "form.nd-search-form input[name=q]")[0]
    box.clear()
    box.send_keys(words)
    for name, value in filters.items():
        Select(by_css(browser, f"form.nd-search-form select[name={name}]")[0]).select_by_value(value)
    click_and_wait(browser, by_css(browser, "form.nd-search-form button")[0])
    return by_css(browser, ".nd-result")


def containing(db, words):
    return {r["id"] for r in query(db, "select id from articles where instr(lower(title), lower(?)) "
                                       "or instr(lower(body), lower(?))", (words, words))}


@pytest.mark.parametrize("words", ["hydrogen", "central bank", "经济", "春耕备耕"])
def test_search_shows_highlighted_snippets(browser, server, db, words):
    results = search_in_browser(browser, server, words)
    hrefs = {int(r.find_element("css selector", "a.nd-headline").get_attribute("href").rsplit("/", 1)[1])
             for r in results}
    assert hrefs == containing(db, words) and hrefs
    marks = [m.text.lower() for m in by_css(browser, ".nd-result .nd-snippet mark")]
    assert marks and all(m == words.lower() for m in marks), marks


def test_search_filters_by_source_and_language(browser, server, db):
    results = search_in_browser(browser, server, "the", source="globalnewshub", language="en")
    wanted = {r["id"] for r in query(db, "select id from articles where source = 'globalnewshub' and "
                                         "language = 'en' and (instr(lower(title), 'the') or instr(lower(body), 'the'))")}
    assert len(results) == len(wanted) > 0
    assert all("globalnewshub" in r.find_element("css selector", ".nd-meta").text for r in results)


def test_front_page_chart_has_one_series_per_source(browser, server, db):
    open_page(browser, server, "/news")
    sources = {r["source"] for r in query(db, "select distinct source from articles")}
    series = by_css(browser, "svg.nd-chart .nd-series")
    assert len(series) == len(sources)
    assert {s.get_attribute("data-source") for s in series} == sources
    assert len(by_css(browser, "svg.nd-chart .nd-legend-item")) == len(sources)
    # latest stories: originals only, each linking to its article page
    ids = [int(a.get_attribute("href").rsplit("/", 1)[1]) for a in by_css(browser, ".nd-story a.nd-headline")]
    originals = {r["id"] for r in query(db, "select id from articles where duplicate_of is null")}
    assert ids and set(ids) <= originals
    counts = {tr.find_elements("css selector", "td")[0].text: int(tr.find_elements("css selector", "td")[1].text)
              for tr in by_css(browser, ".nd-counts tbody tr")}
    assert counts == {r["source"]: r["n"] for r in query(db, "select source, count(*) n from articles group by 1")}
    # the search box on the front page leads to highlighted results
    box = by_css(browser, "form.nd-searchbox input[name=q]")[0]
    box.send_keys("lithium")
    click_and_wait(browser, by_css(browser, "form.nd-searchbox button")[0])
    assert by_css(browser, ".nd-result mark")


def test_story_clusters_expand_to_their_sources(browser, server, db, expected, sample_sites):
    open_page(browser, server, "/news/-/stories")
    clusters = by_css(browser, ".nd-cluster details")
    sizes = [int(re.match(r"(\d+) sources", d.find_element("css selector", ".nd-meta").text).group(1))
             for d in clusters]
    assert sizes == sorted(sizes, reverse=True) and min(sizes) >= 2
    truth = reprinted_story(expected)
    row = stored_row(db, sample_sites, truth["site"], truth["path"])
    root = row["duplicate_of"] or row["id"]
    target = next(d for d in clusters
                  if d.find_element("css selector", "a").get_attribute("href").endswith(f"/{root}"))
    assert not target.find_element("css selector", "ul").is_displayed()
    target.find_element("css selector", "summary").click()
    shown = target.find_elements("css selector", "li a")
    assert all(a.is_displayed() for a in shown)
    assert {a.text.split(":")[0] for a in shown} == {truth["site"], truth["duplicate_of"]["site"]}


def test_source_health_lists_every_source(browser, server, db):
    open_page(browser, server, "/news/-/health")
    names = [s.get_attribute("data-source") for s in by_css(browser, "section.nd-source")]
    assert set(names) == {r["source"] for r in query(db, "select distinct source from articles")}
    flagged = [s.get_attribute("class").count("nd-flagged") for s in by_css(browser, "section.nd-source")]
    assert flagged == sorted(flagged, reverse=True)  # flagged sources first
    # per-source "new" of the latest run (from the stats JSON) adds up to the run's own count
    latest = query(db, "select id, articles_new from crawl_runs order by id desc limit 1")[0]
    new = [int(tr.find_elements("css selector", "td")[3].text) for tr in by_css(browser, ".nd-runs tr")
           if tr.find_elements("css selector", "td") and tr.find_elements("css selector", "td")[0].text == str(latest["id"])]
    assert sum(new) == latest["articles_new"]


@pytest.mark.parametrize("page", [
    "/news", "/news/articles/90001", "/news/articles/90002", "/news/-/search?q=pwnedword",
    "/news/-/search?q=pw", "/news/-/stories", "/news/-/health", "/news/articles",
    "/news/articles?tags__arraycontains=pwnedtag", "/news/latest_stories", "/news/search?q=pwnedword",
])
def test_hostile_crawled_text_is_shown_not_run(browser, server, page):
    open_page(browser, server, page)
    assert_not_pwned(browser)
    for summary in by_css(browser, ".nd-cluster summary"):
        summary.click()  # expanded lists and hover handlers must stay inert too
    for bold in by_css(browser, "b"):
        assert "Hostile headline" not in bold.text
    body = by_css(browser, "body")[0].text
    assert "<script>" in body or page.endswith("/health") or page.endswith("/stories")


def test_hostile_article_shows_markup_as_text(browser, server):
    open_page(browser, server, "/news/articles/90001")
    assert by_css(browser, "h1.nd-title")[0].text.startswith(f"<script>{PWN}</script>")
    assert [p.text for p in by_css(browser, ".nd-body p")][0] == f"<script>{PWN}</script>"
    assert not by_css(browser, ".nd-original a")  # a javascript: URL never becomes a link
    assert not by_css(browser, ".nd-article img") and not by_css(browser, ".nd-article script")


# --- the Atom feed (live server, no browser needed) -------------------------------------------


def get_feed(server, **params):
    url = server.url("/news/feed.atom") + text.query_string(**params)
    with urllib.request.urlopen(url) as response:
        assert response.headers["content-type"].startswith("application/atom+xml")
        return feedparser.parse(response.read())


def alternate_links(entry):
    return [link["href"] for link in entry.get("links", []) if link.get("rel") == "alternate"]


def assert_valid_atom(feed):
    assert not feed.bozo, feed.get("bozo_exception")
    assert feed.version == "atom10"
    assert feed.feed.id and feed.feed.title and feed.feed.updated
    for entry in feed.entries:
        assert entry.id and entry.title and entry.updated, entry


def test_feed_is_valid_atom_of_latest_originals(server, db):
    feed = get_feed(server)
    assert_valid_atom(feed)
    originals = query(db, "select url, title from articles where duplicate_of is null "
                          "order by published desc, id desc limit 50")
    assert [e.id for e in feed.entries] == [r["url"] for r in originals]
    assert [e.title for e in feed.entries] == [r["title"] for r in originals]
    hostile = next(e for e in feed.entries if e.id == f"javascript:{PWN}")
    assert not alternate_links(hostile)  # only http(s) URLs become links
    assert all(alternate_links(e) == [e.id] for e in feed.entries if e is not hostile)


@pytest.mark.parametrize("params", [{"source": "zixun"}, {"q": "经济"}, {"q": "central bank"},
                                    {"source": "globalnewshub", "q": "the"}, {"source": "nobody"}])
def test_feed_filters(server, db, params):
    feed = get_feed(server, **params)
    assert_valid_atom(feed)
    sql, args = "select url from articles where duplicate_of is null", []
    if "source" in params:
        sql, args = sql + " and source = ?", args + [params["source"]]
    if "q" in params:
        sql += " and (instr(lower(title), lower(?)) or instr(lower(body), lower(?)))"
        args += [params["q"]] * 2
    assert {e.id for e in feed.entries} == {r["url"] for r in query(db, sql, args)}


# --- fast checks through Datasette's own client ------------------------------------------------


def fetch(db, *paths):
    ds = make_datasette(db)

    async def run():
        await ds.invoke_startup()
        return [await ds.client.get(path) for path in paths]

    responses = asyncio.run(run())
    for path, response in zip(paths, responses):
        assert response.status_code == 200, (path, response.status_code, response.text[:300])
    return responses[0] if len(paths) == 1 else responses


class Tags(HTMLParser):
    """Every start tag of a page with its attributes, as a browser would parse them."""

    def __init__(self, html):
        super().__init__()
        self.tags: list[tuple[str, dict]] = []
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, {k: v or "" for k, v in attrs}))


def assert_inert(html):
    assert "<script>window.__pwned" not in html
    for tag, attrs in Tags(html).tags:
        assert tag not in ("img", "svg") or "pwned" not in str(attrs), (tag, attrs)
        assert not [k for k in attrs if k.startswith("on")], (tag, attrs)
        for key in ("href", "src"):
            assert not attrs.get(key, "").strip().lower().startswith("javascript:"), (tag, attrs)


def test_pages_escape_hostile_rows(db):
    paths = ["/news", "/news/articles/90001", "/news/articles/90002", "/news/-/search?q=pwnedword",
             "/news/-/search?q=pw", "/news/-/stories", "/news/-/health", "/news/search?q=pwnedword"]
    for path, response in zip(paths, fetch(db, *paths)):
        assert_inert(response.text)
    html = fetch(db, "/news/articles/90001").text
    assert "&lt;script&gt;window.__pwned=1&lt;/script&gt;" in html


def test_search_canned_query_json(db):
    rows = fetch(db, "/news/search.json?_shape=array&q=" + urllib.parse.quote("经济")).json()
    assert {r["id"] for r in rows} == containing(db, "经济")
    assert all(text.MARK_OPEN + "经济" + text.MARK_CLOSE in r["snippet"] for r in rows)
    rows = fetch(db, "/news/search.json?_shape=array&q=Lithium").json()
    assert {r["id"] for r in rows} == containing(db, "lithium")
    rows = fetch(db, "/news/search.json?_shape=array&q=the&language=zh").json()
    assert all(r["language"] == "zh" for r in rows)
    day = query(db, "select date(max(published)) d from articles where duplicate_of is null")[0]["d"]
    rows = fetch(db, f"/news/search.json?_shape=array&q=the&since={day}&until={day}").json()
    assert rows and all(query(db, "select date(published) d from articles where id = ?", (r["id"],))[0]["d"] == day
                        for r in rows)
    for q in ("", '"', "a\"b", "AND", "*"):
        fetch(db, "/news/search.json?_shape=array&q=" + urllib.parse.quote(q))  # never an FTS syntax error


def test_every_new_query_page_keeps_json_and_csv_links(db):
    for name in ("search?q=the", "story_clusters", "source_coverage", "feed"):
        html = fetch(db, f"/news/{name}").text
        for fmt in ("json", "csv"):
            link = re.search(rf'href="(/news/{name.split("?")[0]}\.{fmt}[^"]*)"', html)
            assert link, (name, fmt)
            fetch(db, link.group(1).replace("&amp;", "&"))
    assert re.search(r'href="/news/feed\.atom', fetch(db, "/news/feed").text)  # the feed as a format
    html = fetch(db, "/news/articles/90001").text
    assert 'href="/news/articles/90001.json"' in html


def test_newsroom_pages_404_for_unknown_database(db):
    ds = make_datasette(db)

    async def run():
        await ds.invoke_startup()
        return [await ds.client.get(p) for p in ("/nope/-/search?q=x", "/nope/-/stories", "/nope/-/health")]

    assert [r.status_code for r in asyncio.run(run())] == [404, 404, 404]


def test_stylesheet_is_served_locally(db):
    response = fetch(db, "/-/newsdb/newsroom.css")
    assert response.headers["content-type"].startswith("text/css")
    html = fetch(db, "/news").text
    assert '<link rel="stylesheet" href="/-/newsdb/newsroom.css">' in html
    assets = [attrs.get("src") or attrs.get("href") for tag, attrs in Tags(html).tags
              if tag == "script" and attrs.get("src") or tag == "link" and attrs.get("rel") == "stylesheet"]
    assert assets and all(url.startswith("/") and not url.startswith("//") for url in assets)  # no CDN


# --- pure helpers ----------------------------------------------------------------------------


def test_highlight_escapes_then_marks():
    marked = f"a <b> {text.MARK_OPEN}x<i>{text.MARK_CLOSE} & {text.MARK_OPEN}"
    assert str(text.highlight(marked)) == "a &lt;b&gt; <mark>x&lt;i&gt;</mark> &amp; "


def test_chart_svg_one_series_per_source_escaped():
    days = chart.day_range("2025-02-14", 30)
    assert len(days) == 30 and days[0] == "2025-01-16" and days[-1] == "2025-02-14"
    svg = str(chart.chart_svg(days, {"a": {"2025-02-14": 3}, "<b>": {}, "c": {"2025-01-16": 1}}))
    assert svg.count('class="nd-series"') == 3 and svg.count('class="nd-legend-item"') == 3
    assert "<b>" not in svg and 'data-source="&lt;b&gt;"' in svg
    assert chart.nice_max(0) == 1 and chart.nice_max(7) == 10 and chart.nice_max(30) == 50


def run_row(run_id, sources, status="ok", **counters):
    stats = {f"newsdb/source/{k.replace('__', '/')}": v for k, v in counters.items()}
    return {"id": run_id, "started_at": f"2025-01-0{run_id}T00:00:00Z", "status": status,
            "sources": json.dumps(sources), "articles_new": sum(v for k, v in counters.items() if k.endswith("new")),
            "stats": json.dumps(stats)}


def full(source, **low):
    return {"source": source, "articles": 10, "title": 1.0, "published": 1.0, "author": 0.2, "body": 1.0, **low}


def test_health_flags_quiet_and_thin_sources_first():
    runs = [  # newest first
        run_row(3, ["a", "b", "c"], a__articles_new=4, a__http_errors__503=1, a__error__TimeoutError=1,
                a__entry_point_errors=1, b__max_pages_reached=1),
        run_row(2, ["a", "b", "c"], a__new=1, c__new=2),  # the older counter name
        run_row(1, ["a"], a__new=9),
    ]
    rows = health.health_rows(runs, [full("a"), full("b"), full("c", published=0.5)])
    assert [r["source"] for r in rows] == ["b", "c", "a"]
    by = {r["source"]: r for r in rows}
    assert by["b"]["reasons"] == ["no new article in the last 2 runs"]
    assert by["c"]["reasons"] == ["published in 50% of articles"]
    assert not by["a"]["flagged"] and by["a"]["runs"][0]["errors"] == 2 and by["a"]["runs"][0]["new"] == 4


def test_health_degrades_without_per_source_stats():
    old = {"id": 1, "status": "ok", "sources": json.dumps(["a", "b"]), "articles_new": 0, "stats": "{}"}
    alone = {"id": 2, "status": "ok", "sources": json.dumps(["a"]), "articles_new": 0, "stats": None}
    rows = health.health_rows([alone, old], [full("a"), full("b")])
    by = {r["source"]: r for r in rows}
    assert by["b"]["runs"][0]["new"] is None and not by["b"]["flagged"]  # unknown is not zero
    assert by["a"]["runs"][0]["new"] == 0 and by["a"]["runs"][1]["new"] is None and not by["a"]["flagged"]
    assert health.health_rows([], []) == []


def test_atom_feed_renderer_survives_bad_rows():
    rows = [
        {"atom_id": "x1", "atom_title": "bad \x01 <title>", "atom_updated": "2025-02-14T09:30:00",
         "atom_link": "javascript:alert(1)", "atom_content": "a\x00b <script>", "atom_author_name": None},
        {"atom_id": "x2", "atom_title": None, "atom_updated": None, "atom_link": "https://ok.example/a",
         "atom_content": None, "atom_author_name": "A & B"},
    ]
    feed = feedparser.parse(atom.atom_feed(rows, "t", "urn:feed", "http://localhost/feed.atom"))
    assert_valid_atom(feed)
    assert feed.entries[0].title == "bad  <title>" and not alternate_links(feed.entries[0])
    assert feed.entries[0].updated == "2025-02-14T09:30:00Z"
    assert alternate_links(feed.entries[1]) == ["https://ok.example/a"] and feed.entries[1].author == "A & B"
    assert_valid_atom(feedparser.parse(atom.atom_feed([], "empty", "urn:e", "http://localhost/e.atom")))
    assert atom.atom_date("2025-02-14T18:05:00+08:00") == "2025-02-14T10:05:00Z"
    assert atom.atom_date("yesterday") is None
    assert dt.datetime.fromisoformat(atom.EPOCH.replace("Z", "+00:00"))
