"""Tests for the Datasette side: newsdb/serve.py, metadata, and the render plugin."""
from __future__ import annotations

import asyncio
import csv
import io
import json
import re
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from newsdb import serve as serve_mod
from newsdb.serve import build_metadata, datasette_args, make_datasette, serve
from pipelines.schema import fill_bigrams, open_db
from tests.conftest import columns_off

XSS_BODY = (
    "<script>alert(1)</script>\n\n"
    "<img src=x onerror=alert(1)>\n\n"
    'Click <a href="javascript:alert(2)">here</a>'
)

ARTICLES = [
    {
        "id": 1,
        "url": "https://alpha.example/news/rates",
        "fetched_url": "https://alpha.example/news/rates?utm=x",
        "source": "alpha",
        "title": "Central bank raises interest rates",
        "body": "The central bank raised interest rates on Tuesday.\n\nMarkets reacted calmly.",
        "published": "2024-05-03T09:00:00+00:00",
        "category": "Economy",
        "tags": json.dumps(["World News", "economy"]),
        "language": "en",
        "content_hash": "h1",
    },
    {
        "id": 2,
        "url": "https://beta.example/a/2",
        "source": "beta",
        "title": "Central bank raises interest rates (reprint)",
        "body": "The central bank raised interest rates on Tuesday.\n\nMarkets reacted calmly.",
        "published": "2024-05-03T11:00:00+00:00",
        "category": "Economy",
        "tags": json.dumps(["economy"]),
        "language": "en",
        "duplicate_of": 1,
        "content_hash": "h1",
    },
    {
        "id": 3,
        "url": "https://gamma.example/x/3",
        "source": "gamma",
        "title": "Rates up at the central bank",
        "body": "The central bank raised interest rates on Tuesday.\n\nMarkets reacted calmly.",
        "published": "2024-05-04T08:00:00+00:00",
        "category": "Business",
        "language": "en",
        "duplicate_of": 1,
        "content_hash": "h1",
    },
    {
        "id": 4,
        "url": "https://beta.example/zh/4",
        "source": "beta",
        "title": "新华社报道经济形势",
        "body": "今天新华社报道了最新的经济消息。\n\n专家认为前景稳定。",
        "published": "2024-05-02T20:00:00+08:00",
        "category": "财经",
        "tags": json.dumps(["经济", "新华社"]),
        "language": "zh",
        "content_hash": "h4",
    },
    {
        "id": 5,
        "url": "javascript:alert(1)",
        "fetched_url": "javascript:alert(1)",
        "source": "alpha",
        "title": "<b>Bold</b> headline <script>alert(3)</script>",
        "body": XSS_BODY,
        "published": "2024-05-01T07:30:00+00:00",
        "category": "Tech",
        "tags": json.dumps(["<script>alert(4)</script>", "a&b"]),
        "language": "en",
        "content_hash": "h5",
    },
    {
        "id": 6,
        "url": "https://alpha.example/news/weather",
        "source": "alpha",
        "title": "Storm warning for the coast",
        "body": "A storm is expected tonight.",
        "published": "2024-04-30T12:00:00+00:00",
        "category": "Weather",
        "tags": json.dumps([]),
        "language": "en",
        "content_hash": "h6",
    },
]

CRAWL_RUNS = [
    {"id": 1, "started_at": "2024-05-01T00:00:00Z", "finished_at": "2024-05-01T00:05:00Z",
     "status": "ok", "sources": json.dumps(["alpha"]), "pages_fetched": 10, "articles_new": 3},
    {"id": 2, "started_at": "2024-05-02T00:00:00Z", "finished_at": None,
     "status": "running", "sources": json.dumps(["alpha", "beta"]), "pages_fetched": 4},
]


def make_db(path: Path, extra_rows: int = 0):
    db = open_db(path)
    db["articles"].insert_all(ARTICLES, pk="id")
    fill_bigrams(db, "select id, title, body from articles")  # what the crawler's store writes beside each row
    if extra_rows:
        db["articles"].insert_all(
            (
                {
                    "id": 100 + i,
                    "url": f"https://bulk.example/{i}",
                    "source": "bulk",
                    "title": f"Bulk article {i}",
                    "body": f"Bulk body number {i}",
                    "published": f"2024-03-{1 + i % 28:02d}T00:00:{i % 60:02d}+00:00",
                    "language": "en",
                }
                for i in range(extra_rows)
            ),
            pk="id",
        )
    db["crawl_runs"].insert_all(CRAWL_RUNS, pk="id")
    db["article_signatures"].insert({"article_id": 1, "minhash": b"\x00\x01"})
    return db


async def _get_all(ds, paths):
    await ds.invoke_startup()
    responses = []
    for path in paths:
        responses.append(await ds.client.get(path))
    return responses


def fetch(ds, *paths):
    """GET each path through the in-process client; returns one response or a list."""
    responses = asyncio.run(_get_all(ds, paths))
    for path, response in zip(paths, responses):
        assert response.status_code == 200, (path, response.status_code, response.text[:500])
    return responses[0] if len(responses) == 1 else responses


@pytest.fixture
def db_path(tmp_path):
    path = tmp_path / "news.db"
    make_db(path)
    return path


@pytest.fixture
def ds(db_path):
    return make_datasette(db_path)


def ids(rows):
    return [row["id"] for row in rows]


# --- search -----------------------------------------------------------------


def test_search_english_word(ds):
    rows = fetch(ds, "/news/articles.json?_search=interest&_shape=array").json()
    assert sorted(ids(rows)) == [1, 2, 3]
    # ordered by published desc (metadata sort_desc) even when searching
    assert ids(rows) == [3, 2, 1]
    rows = fetch(ds, "/news/articles.json?_search=storm&_shape=array").json()
    assert ids(rows) == [6]


def test_search_chinese_word(ds):
    rows = fetch(ds, "/news/articles.json?_search=新华社&_shape=array").json()
    assert ids(rows) == [4]
    rows = fetch(ds, "/news/articles.json?_search=%E7%BB%8F%E6%B5%8E%E6%B6%88%E6%81%AF&_shape=array").json()
    assert ids(rows) == [4]  # 经济消息


def test_two_chinese_characters_through_the_bigram_index_one_through_search_text(ds):
    # the trigram index cannot match 2 characters: the pair is in the bigram index
    assert ids(fetch(ds, "/news/articles.json?_search=经济&_shape=array").json()) == [4]
    assert fetch(ds, "/news/articles.json?_search=济&_shape=array").json() == []
    # ... the search_text canned query finds any text
    rows = fetch(ds, "/news/search_text.json?q=济&_shape=array").json()
    assert ids(rows) == [4]
    rows = fetch(ds, "/news/search_text.json?q=经济&_shape=array").json()
    assert ids(rows) == [4]
    assert "经济" in rows[0]["snippet"]
    rows = fetch(ds, "/news/search_text.json?q=CENTRAL+BANK&_shape=array").json()
    assert ids(rows) == [3, 2, 1]
    rows = fetch(ds, "/news/search_text.json?q=100%25&_shape=array").json()
    assert rows == []  # % is literal, not a wildcard
    assert fetch(ds, "/news/search_text.json?q=&_shape=array").json() == []
    assert fetch(ds, "/news/search_text.json?_shape=array").json() == []
    html = fetch(ds, "/news/search_text?q=alert").text
    assert_no_live_html(html)


def test_search_box_html(ds):
    html = fetch(ds, "/news/articles?_search=新华社").text
    assert 'name="_search"' in html
    assert "/news/articles/4" in html
    assert "/news/articles/1" not in html


# --- facets -----------------------------------------------------------------


def test_facet_counts_by_source(ds):
    data = fetch(ds, "/news/articles.json").json()
    facets = data["facet_results"]
    assert {"source", "category", "language", "published"} <= set(facets)
    counts = {r["value"]: r["count"] for r in facets["source"]["results"]}
    assert counts == {"alpha": 3, "beta": 2, "gamma": 1}
    langs = {r["value"]: r["count"] for r in facets["language"]["results"]}
    assert langs == {"en": 5, "zh": 1}
    assert facets["published"]["type"] == "date"
    days = {r["value"]: r["count"] for r in facets["published"]["results"]}
    assert days["2024-05-03"] == 2
    # the facet link filters the table
    rows = fetch(ds, "/news/articles.json?source=alpha&_shape=array").json()
    assert sorted(ids(rows)) == [1, 5, 6]
    rows = fetch(ds, "/news/articles.json?published__date=2024-05-03&_shape=array").json()
    assert sorted(ids(rows)) == [1, 2]


def test_table_sorted_by_published_desc(ds):
    rows = fetch(ds, "/news/articles.json?_shape=array").json()
    published = [r["published"] for r in rows]
    assert published == sorted(published, reverse=True)


# --- canned queries ----------------------------------------------------------


def test_latest_stories(ds):
    rows = fetch(ds, "/news/latest_stories.json?_shape=array").json()
    assert ids(rows) == [1, 4, 5, 6]  # originals only, newest first
    by_id = {r["id"]: r for r in rows}
    assert by_id[1]["reprints"] == 2
    assert by_id[4]["reprints"] == 0
    assert by_id[1]["snippet"].startswith("The central bank raised interest rates")
    assert len(by_id[1]["snippet"]) <= 200
    rows = fetch(ds, "/news/latest_stories.json?_shape=array&source=alpha").json()
    assert ids(rows) == [1, 5, 6]
    rows = fetch(ds, "/news/latest_stories.json?_shape=array&source=").json()
    assert ids(rows) == [1, 4, 5, 6]
    rows = fetch(ds, "/news/latest_stories.json?_shape=array&source=gamma").json()
    assert rows == []  # gamma only holds a reprint


def test_story(ds):
    for start in (1, 2, 3):
        rows = fetch(ds, f"/news/story.json?_shape=array&id={start}").json()
        assert ids(rows) == [1, 2, 3], start
        assert [r["role"] for r in rows] == ["original", "reprint", "reprint"]
    rows = fetch(ds, "/news/story.json?_shape=array&id=4").json()
    assert ids(rows) == [4]
    assert fetch(ds, "/news/story.json?_shape=array&id=999").json() == []
    assert fetch(ds, "/news/story.json?_shape=array").json() == []


def test_articles_per_source_per_day(ds, db_path):
    rows = fetch(ds, "/news/articles_per_source_per_day.json?_shape=array").json()
    db = open_db(db_path)
    expected = db.execute(
        "select source, date(published), count(*) from articles group by 1, 2"
    ).fetchall()
    assert sorted((r["source"], r["day"], r["articles"]) for r in rows) == sorted(expected)
    days = [r["day"] for r in rows]
    assert days == sorted(days, reverse=True)
    by_key = {(r["source"], r["day"]): r for r in rows}
    assert by_key[("alpha", "2024-05-03")]["originals"] == 1
    assert by_key[("beta", "2024-05-03")]["originals"] == 0
    # date() normalises to UTC: 2024-05-02T20:00+08:00 is 12:00 UTC
    assert by_key[("beta", "2024-05-02")]["articles"] == 1


def test_canned_query_html_pages(ds):
    for path in (
        "/news/latest_stories",
        "/news/latest_stories?source=alpha",
        "/news/story?id=2",
        "/news/articles_per_source_per_day",
    ):
        html = fetch(ds, path).text
        assert "<script>alert(" not in html
        assert not re.search(r"<[^>]*\sonerror\s*=", html, re.I)
        assert 'href="javascript:' not in html.lower()


def test_metadata_for_any_database_name(tmp_path):
    path = tmp_path / "demo.db"
    make_db(path)
    ds = make_datasette(path)
    rows = fetch(ds, "/demo/latest_stories.json?_shape=array").json()
    assert ids(rows) == [1, 4, 5, 6]
    data = fetch(ds, "/demo/articles.json").json()
    assert {r["value"]: r["count"] for r in data["facet_results"]["source"]["results"]} == {
        "alpha": 3, "beta": 2, "gamma": 1
    }
    meta = build_metadata("whatever")
    assert "articles" in meta["databases"]["whatever"]["tables"]
    assert meta["title"] == "newsdb"


# --- downloads ---------------------------------------------------------------


def parse_csv(text):
    return list(csv.DictReader(io.StringIO(text)))


def test_table_csv_and_json_match_db(ds, db_path):
    db = open_db(db_path)
    expected = {r["id"]: r["title"] for r in db.query("select id, title from articles")}
    rows = parse_csv(fetch(ds, "/news/articles.csv").text)
    assert {int(r["id"]): r["title"] for r in rows} == expected
    body5 = next(r["body"] for r in rows if r["id"] == "5")
    assert body5 == XSS_BODY  # CSV carries the raw text, untouched
    rows = fetch(ds, "/news/articles.json?_shape=array").json()
    assert {r["id"]: r["title"] for r in rows} == expected
    # download links with labels (what the HTML page offers)
    rows = parse_csv(fetch(ds, "/news/articles.csv?_labels=on&_size=max&_dl=1").text)
    assert {int(r["id"]): r["title"] for r in rows} == expected
    # newline-delimited JSON
    text = fetch(ds, "/news/articles.json?_shape=array&_nl=on").text
    assert {json.loads(line)["id"] for line in text.splitlines()} == set(expected)


def test_canned_query_csv_and_json(ds):
    rows = parse_csv(fetch(ds, "/news/latest_stories.csv").text)
    assert [int(r["id"]) for r in rows] == [1, 4, 5, 6]
    assert rows[1]["title"] == "新华社报道经济形势"
    rows = parse_csv(fetch(ds, "/news/story.csv?id=3").text)
    assert [int(r["id"]) for r in rows] == [1, 2, 3]
    rows = fetch(ds, "/news/story.json?id=3&_shape=array").json()
    assert [r["title"] for r in rows][0] == "Central bank raises interest rates"
    rows = parse_csv(fetch(ds, "/news/articles_per_source_per_day.csv").text)
    assert sum(int(r["articles"]) for r in rows) == len(ARTICLES)


def test_streamed_csv_returns_all_rows(tmp_path):
    path = tmp_path / "news.db"
    make_db(path, extra_rows=250)
    ds = make_datasette(path)
    total = len(ARTICLES) + 250
    page = parse_csv(fetch(ds, "/news/articles.csv").text)
    assert len(page) < total  # one page only without streaming
    rows = parse_csv(fetch(ds, "/news/articles.csv?_stream=on").text)
    assert len(rows) == total
    assert len({r["id"] for r in rows}) == total
    rows = parse_csv(fetch(ds, "/news/articles.csv?_stream=on&source=bulk").text)
    assert len(rows) == 250
    # JSON pages through with _next
    seen, path_ = [], "/news/articles.json?_size=100"
    while path_:
        data = fetch(ds, path_).json()
        seen += [r[0] for r in data["rows"]]
        path_ = data["next_url"] and data["next_url"].split("localhost", 1)[-1]
    assert len(seen) == len(set(seen)) == total


def page_through(ds, path):
    seen = []
    while path:
        data = fetch(ds, path).json()
        seen += [row[0] for row in data["rows"]]
        path = data["next_url"] and data["next_url"].split("localhost", 1)[-1]
    return seen


@pytest.mark.parametrize(
    "query",
    ["", "&_sort=source", "&_sort_desc=category", "&_sort=published", "&_search=body"],
)
def test_pagination_with_ties_returns_every_row_once(tmp_path, query):
    """Sorting by a column with ties (and NULLs) must not repeat or drop rows across
    pages: Datasette 0.65.5 needs the plugin's primary-key tie-breaker for that."""
    path = tmp_path / "news.db"
    db = make_db(path)
    db["articles"].insert_all(
        (
            {
                "id": 200 + i,
                "url": f"https://tie.example/{i}",
                "source": ["s1", "s2", "s3"][i % 3],
                "title": f"Tie {i}",
                "body": f"Tie body {i}",
                "category": ["a", "b"][i % 2] if i % 5 else None,
                "published": None if i % 4 == 0 else f"2024-06-0{1 + i % 3}T00:00:00+00:00",
            }
            for i in range(60)
        ),
        pk="id",
    )
    ds = make_datasette(path)
    expected = {r["id"] for r in db.query("select id from articles")}
    if "_search" in query:
        expected = {r["id"] for r in db.query("select id from articles where body like '%body%'")}
    seen = page_through(ds, f"/news/articles.json?_size=4{query}")
    assert len(seen) == len(set(seen))
    assert set(seen) == expected
    rows = parse_csv(fetch(ds, f"/news/articles.csv?_stream=on&_size=7{query}").text)
    assert sorted(int(r["id"]) for r in rows) == sorted(expected)


# --- rendering safety ----------------------------------------------------------


def assert_no_live_html(html):
    assert "<script>alert(" not in html
    assert "<img src=x" not in html
    assert not re.search(r"<[^>]*\sonerror\s*=", html, re.I)
    assert not re.search(r"""href\s*=\s*["']?\s*javascript:""", html, re.I)
    assert "<b>Bold</b>" not in html


def test_row_page_escapes_crawled_html(ds):
    html = fetch(ds, "/news/articles/5").text
    assert_no_live_html(html)
    assert "<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>" in html
    assert "&lt;img src=x onerror=alert(1)&gt;" in html
    assert "&lt;b&gt;Bold&lt;/b&gt;" in html
    # the javascript: url shows as text, not as a link
    assert "javascript:alert(1)" in html
    assert not re.search(r"<a [^>]*>\s*javascript:alert\(1\)", html)
    # tags are escaped even inside the links
    assert "tags__arraycontains=%3Cscript%3Ealert%284%29%3C%2Fscript%3E" in html
    assert "&lt;script&gt;alert(4)&lt;/script&gt;</a>" in html
    assert "tags__arraycontains=a%26b" in html


def test_table_page_escapes_crawled_html(ds):
    html = fetch(ds, "/news/articles").text
    assert_no_live_html(html)
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    html = fetch(ds, "/news/articles?_search=alert").text
    assert_no_live_html(html)


def test_row_page_body_paragraphs_and_links(ds):
    html = fetch(ds, "/news/articles/1").text
    assert "<p>The central bank raised interest rates on Tuesday.</p>" in html
    assert "<p>Markets reacted calmly.</p>" in html
    assert (
        '<a href="https://alpha.example/news/rates" rel="nofollow noopener noreferrer">'
        in html
    )
    assert 'href="https://alpha.example/news/rates?utm=x" rel="nofollow noopener noreferrer"' in html
    assert '<a href="/news/articles?tags__arraycontains=World%20News">World News</a>' in html
    # the tag link filters the table
    rows = fetch(ds, "/news/articles.json?tags__arraycontains=World%20News&_shape=array").json()
    assert ids(rows) == [1]
    rows = fetch(ds, "/news/articles.json?tags__arraycontains=economy&_shape=array").json()
    assert sorted(ids(rows)) == [1, 2]
    # the row page shows the reprints pointing here
    assert "/news/articles?duplicate_of=1" in html


def test_table_page_keeps_truncation_and_fk_links(ds):
    html = fetch(ds, "/news/articles").text
    assert '<div class="newsdb-body">' not in html  # default rendering on the table
    assert 'rel="nofollow noopener noreferrer"' in html
    # duplicate_of keeps Datasette's foreign-key link (labelled by title)
    assert '<a href="/news/articles/1">Central bank raises interest rates</a>' in html
    # the row page (plain id in 0.65) links to the original too
    row2 = fetch(ds, "/news/articles/2").text
    assert 'href="/news/articles/1"' in row2


def test_long_body_truncated_on_table_page(tmp_path):
    path = tmp_path / "news.db"
    db = make_db(path)
    db["articles"].insert({"id": 50, "url": "https://x.example/50", "source": "x",
                           "title": "Long", "body": "word " * 400,
                           "published": "2030-01-01T00:00:00+00:00"})
    ds = make_datasette(path)
    html = fetch(ds, "/news/articles").text
    assert "word " * 100 not in html
    assert "\u2026" in html
    assert ("word " * 399) in fetch(ds, "/news/articles/50").text


# --- other tables --------------------------------------------------------------


def test_crawl_runs_page(ds):
    html = fetch(ds, "/news/crawl_runs").text
    assert "running" in html
    rows = fetch(ds, "/news/crawl_runs.json?_shape=array").json()
    assert ids(rows) == [2, 1]


def test_article_signatures_hidden(ds):
    data = fetch(ds, "/news.json").json()
    tables = {t["name"]: t for t in data["tables"]}
    assert tables["article_signatures"]["hidden"] is True
    assert tables["articles_fts"]["hidden"] is True
    assert tables["articles"]["hidden"] is False
    assert tables["crawl_runs"]["hidden"] is False
    html = fetch(ds, "/news").text
    assert "latest_stories" in html
    assert 'href="/news/article_signatures"' not in html


# --- serve.py ----------------------------------------------------------------


def test_datasette_args(db_path):
    args = datasette_args(db_path, "127.0.0.1", 8123)
    assert args[0] == str(db_path)
    assert "-i" not in args and "--immutable" not in args
    metadata_file = Path(args[args.index("--metadata") + 1])
    metadata = json.loads(metadata_file.read_text(encoding="utf-8"))
    articles = metadata["databases"]["news"]["tables"]["articles"]
    assert articles["fts_table"] == "articles_fts"
    assert {"latest_stories", "story", "articles_per_source_per_day"} <= set(
        metadata["databases"]["news"]["queries"]
    )
    assert Path(args[args.index("--template-dir") + 1]).is_dir()
    assert Path(args[args.index("--plugins-dir") + 1]).is_dir()
    assert args[args.index("--host") + 1] == "127.0.0.1"
    assert args[args.index("--port") + 1] == "8123"
    settings = {args[i + 1]: args[i + 2] for i, a in enumerate(args) if a == "--setting"}
    assert settings["allow_csv_stream"] == "on"
    assert settings["max_csv_mb"] == "0"
    assert {"sql_time_limit_ms", "facet_time_limit_ms", "truncate_cells_html",
            "default_page_size"} <= set(settings)


def test_datasette_cli_accepts_args(db_path):
    """The real `datasette serve` CLI parses the arguments (via --get, no server)."""
    args = datasette_args(db_path)
    out = subprocess.run(
        [sys.executable, "-m", "datasette", "serve", *args,
         "--get", "/news/story.json?id=2&_shape=array"],
        capture_output=True, text=True, timeout=120,
    )
    assert out.returncode == 0, out.stderr
    assert ids(json.loads(out.stdout)) == [1, 2, 3]
    out = subprocess.run(
        [sys.executable, "-m", "datasette", "serve", *args, "--get", "/news/articles/5"],
        capture_output=True, text=True, timeout=120,
    )
    assert out.returncode == 0, out.stderr
    assert_no_live_html(out.stdout)
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in out.stdout


def test_serve_missing_file(tmp_path, capsys):
    code = serve(tmp_path / "missing.db", "127.0.0.1", 8001)
    assert code != 0
    err = capsys.readouterr().err
    assert "not found" in err and "missing.db" in err
    assert "Traceback" not in err


def test_serve_warns_on_public_host(db_path, capsys, monkeypatch):
    calls = []

    class FakeProcess:
        def __init__(self, command):
            calls.append(command)

        def wait(self, timeout=None):
            return 0

    monkeypatch.setattr(serve_mod.subprocess, "Popen", FakeProcess)
    assert serve(db_path, "0.0.0.0", 8001) == 0
    captured = capsys.readouterr()
    assert "http://0.0.0.0:8001/news" in captured.out
    assert "WARNING" in captured.err
    assert calls[0][1:4] == ["-m", "datasette", "serve"]
    assert serve(db_path, "127.0.0.1", 8001) == 0
    captured = capsys.readouterr()
    assert "http://127.0.0.1:8001/news" in captured.out
    assert "WARNING" not in captured.err


@pytest.mark.parametrize(
    "host,expected",
    [("127.0.0.1", True), ("127.0.0.5", True), ("localhost", True), ("::1", True),
     ("0.0.0.0", False), ("192.168.1.10", False), ("::", False), ("example.org", False)],
)
def test_is_loopback(host, expected):
    assert serve_mod.is_loopback(host) is expected


# --- newsroom pages (front, article, search, stories, health, feed) ----------------------------
# The browser tests and the crawled-database checks are in tests/test_pages.py.


def test_front_page_latest_counts_and_chart(ds):
    html = fetch(ds, "/news").text
    assert_no_live_html(html)
    latest = re.findall(r'<a class="nd-headline" href="/news/articles/(\d+)">', html)
    assert [int(i) for i in latest] == [1, 4, 5, 6]  # originals only, newest first
    assert html.count('class="nd-series"') == 3  # alpha, beta, gamma
    assert 'action="/news/-/search"' in html
    assert '<a href="/news/articles?source=alpha">alpha</a></td><td>3</td>' in html
    assert "latest_stories" in html and 'href="/news/articles"' in html  # Datasette's lists stay


def test_article_page_lists_the_other_sources(ds):
    html = fetch(ds, "/news/articles/2").text
    assert '<h1 class="nd-title">Central bank raises interest rates (reprint)</h1>' in html
    others = re.findall(r'<li><a href="/news/articles/(\d+)"><strong>(\w+)</strong>', html)
    assert others == [("1", "alpha"), ("3", "gamma")]
    assert "<p>The central bank raised interest rates on Tuesday.</p>" in html
    assert 'href="/news/articles/2.json"' in html  # Datasette's export link stays
    html = fetch(ds, "/news/articles/6").text
    assert "No other source carried this story." in html


def test_search_page_highlights_english_and_chinese(ds):
    html = fetch(ds, "/news/-/search?q=interest").text
    assert html.count("<mark>interest</mark>") == 3
    html = fetch(ds, "/news/-/search?q=" + "经济").text  # 2 characters: the scan, not the index
    assert "<mark>经济</mark>" in html and "/news/articles/4" in html
    html = fetch(ds, "/news/-/search?q=interest&source=beta").text
    assert re.findall(r'href="/news/articles/(\d+)"', html.split("nd-results")[1])[:1] == ["2"]
    html = fetch(ds, "/news/-/search?q=alert").text
    assert_no_live_html(html)
    html = fetch(ds, "/news/search?q=interest").text  # the canned query page marks matches too
    assert "<mark>interest</mark>" in html


def test_stories_and_health_pages(ds):
    html = fetch(ds, "/news/-/stories").text
    assert html.count('<li class="nd-cluster">') == 1 and "3 sources" in html
    html = fetch(ds, "/news/-/health").text
    sections = re.findall(r'<section class="nd-source( nd-flagged)?" data-source="(\w+)"', html)
    assert {name for _, name in sections} == {"alpha", "beta", "gamma"}
    assert "not recorded for this run" in html  # the runs here keep no per-source stats


def test_feed_of_synthetic_rows(ds):
    import feedparser

    feed = feedparser.parse(fetch(ds, "/news/feed.atom").content)
    assert not feed.bozo and feed.version == "atom10"
    assert [e.title for e in feed.entries][0] == "Central bank raises interest rates"
    assert len(feed.entries) == 4
    feed = feedparser.parse(fetch(ds, "/news/feed.atom?source=gamma").content)
    assert not feed.bozo and feed.entries == []


# --- big databases: aggregate cache, uncounted hidden tables ------------------


def test_aggregate_cache_follows_every_commit(ds, db_path, monkeypatch):
    from newsdb.datasette import cache

    monkeypatch.setattr(cache, "MIN_MS", 0)  # keep every aggregate, however cheap
    columns_off(monkeypatch)  # counted in SQL, not from the columns
    cache.clear()

    def source_counts():
        data = fetch(ds, "/news/articles.json?_facet=source&_size=0").json()
        return data["filtered_table_rows_count"], {
            r["value"]: r["count"] for r in data["facet_results"]["source"]["results"]}

    assert source_counts() == (6, {"alpha": 3, "beta": 2, "gamma": 1})
    kept = len(cache._cache)
    assert kept >= 2  # the count and the facets
    assert source_counts() == (6, {"alpha": 3, "beta": 2, "gamma": 1})  # served from the cache
    assert len(cache._cache) == kept
    # another connection commits (as the crawler does): the next page sees it
    db = open_db(db_path)
    db["articles"].insert({"id": 50, "url": "https://delta.example/1", "source": "delta", "title": "New",
                           "body": "A new story", "published": "2024-05-05T00:00:00+00:00"})
    db.close()
    assert source_counts() == (7, {"alpha": 3, "beta": 2, "gamma": 1, "delta": 1})
    db = sqlite3.connect(db_path)
    with db:
        db.execute("update articles set source = 'alpha' where id = 50")  # same size of file and rows
    db.close()
    assert source_counts() == (7, {"alpha": 4, "beta": 2, "gamma": 1})
    cache.clear()


def test_cache_keeps_only_aggregates():
    from newsdb.datasette import cache

    assert cache.cacheable("select count(*) from articles where source = :p0")
    assert cache.cacheable("select source as value, count(*) as count from (select * from articles) "
                           "where source is not null group by source order by count desc, value limit 31")
    assert cache.cacheable("select date(published) as value, count(*) as count from (select 1)")
    from newsdb.serve import canned_sql

    assert cache.cacheable(canned_sql("story_clusters")) and not cache.cacheable(canned_sql("search"))
    assert not cache.cacheable("select id, title from articles order by published desc, id limit 51")
    assert not cache.cacheable("select * from articles where id = :id")
    assert not cache.cacheable("select count(*) as n, title from articles")  # not a bare count
    assert not cache.cacheable("select count(*) from articles where published > date('now', '-1 day')")
    assert not cache.cacheable("select count(*) from articles where random() > 0")


def test_database_page_does_not_count_hidden_tables(ds):
    data = fetch(ds, "/news.json").json()
    counts = {t["name"]: t["count"] for t in data["tables"]}
    assert counts["articles"] == 6 and counts["crawl_runs"] == 2
    assert counts["articles_fts_data"] is None and counts["article_signatures"] is None
    fetch(ds, "/news", "/")  # the HTML pages still render


def test_serving_a_file_from_an_older_newsdb_gives_it_the_words_index_first(tmp_path):
    path = tmp_path / "old.db"
    db = open_db(path)
    db["articles"].insert({"id": 1, "url": "https://a/1", "source": "s", "title": "Storm ahead",
                           "body": "Harbour closed by the storm."})
    for fts in ("articles_words", "articles_word_ids"):  # as a file written before the words indexes existed
        for trigger in ("ai", "ad", "au"):
            db.execute(f"drop trigger {fts}_{trigger}")
        db.execute(f"drop table {fts}")
    db.close()
    assert fetch(make_datasette(path), "/old/articles.json?_search=storms&_shape=array").json() == []
    serve_mod.upgrade_schema(path)
    rows = fetch(make_datasette(path), "/old/articles.json?_search=storms&_shape=array").json()
    assert [r["id"] for r in rows] == [1]  # stemmed words: the trigram index alone finds no "storms"


def test_cache_keys_hold_a_digest_of_long_parameters_not_the_parameter():
    from newsdb.datasette import cache

    class Db:
        name, path = "news", "/tmp/news.db"

    hits = "[" + ",".join(map(str, range(50_000))) + "]"
    key = cache._key(Db(), "select count(*) from articles", {"newsdb_hits": hits, "p0": "s1"}, False, None)
    assert len(repr(key)) < 1000 and "'s1'" in repr(key)
    other = cache._key(Db(), "select count(*) from articles", {"newsdb_hits": hits[:-2] + "8]", "p0": "s1"}, False, None)
    assert key != other


def test_a_search_past_the_time_limit_says_so_and_how_to_narrow_it(tmp_path):
    path = tmp_path / "big.db"
    db = open_db(path)
    db["articles"].insert_all({"id": i, "url": f"https://a/{i}", "source": "s", "title": f"标题 {i}",
                               "body": "新闻内容" * 2000 + ("经济" if i % 3 == 0 else ""),
                               "published": "2025-01-01T00:00:00+00:00"} for i in range(1, 3001))
    db.close()
    ds = make_datasette(path)
    ds.sql_time_limit_ms = 50  # a 1-character search reads 3,000 bodies of 8,000 characters (~0.2 s)
    html = fetch(ds, "/big/-/search?q=济").text
    assert "more than the time limit allows" in html and "Nothing found" not in html
