"""End to end: the real spider crawls the sample sites on 127.0.0.x into SQLite; checked against the truth."""
import csv
import io
import json
import sqlite3
import subprocess
import sys
import tomllib
from datetime import datetime, timedelta, timezone

import pytest

from tests.conftest import FAST, ROOT, run_newsdb


def rows(db, sql="select * from articles", params=()):
    conn = sqlite3.connect(db)
    conn.row_factory = sqlite3.Row
    try:
        return [dict(r) for r in conn.execute(sql, params)]
    finally:
        conn.close()


SITES_TZ = timezone(timedelta(hours=8))  # the sample sites' wall clock; expected.json is in it


def wall_clock(published: str | None) -> str | None:
    """A stored date as the sites' wall-clock time to the minute, comparable with the truth."""
    if not published:
        return None
    moment = datetime.fromisoformat(published)
    if moment.tzinfo:
        moment = moment.astimezone(SITES_TZ)
    return moment.strftime("%Y-%m-%d %H:%M")


def url_of(sample_sites, site, path):
    return sample_sites.base_urls[site] + path


@pytest.fixture(scope="module")
def stored(crawled, sample_sites):
    db, _ = crawled
    return {r["url"]: r for r in rows(db)}


def test_every_sample_article_is_stored_once(stored, expected, sample_sites):
    wanted = {url_of(sample_sites, a["site"], a["path"]) for a in expected["articles"]}
    assert sorted(set(stored) - wanted) == [], "stored pages that are not sample articles"
    assert sorted(wanted - set(stored)) == [], "sample articles missing"


@pytest.mark.parametrize("field", ["title", "published", "source", "tags", "language", "author", "original_source"])
def test_fields_match_the_truth(stored, expected, sample_sites, field):
    wrong = []
    for truth in expected["articles"]:
        row = stored.get(url_of(sample_sites, truth["site"], truth["path"]))
        if row is None:
            continue
        got, want = row[field], truth.get(field, truth["site"] if field == "source" else None)
        if field == "published":
            got = wall_clock(got)
        if field == "tags":
            got, want = sorted(json.loads(got)), sorted(want or [])
        if got != want:
            wrong.append((truth["path"], got, want))
    assert wrong == []


def test_bodies_are_the_article_and_nothing_else(stored, expected, sample_sites):
    for truth in expected["articles"]:
        row = stored[url_of(sample_sites, truth["site"], truth["path"])]
        assert row["body"].split("\n\n") == truth["paragraphs"], truth["path"]
        for sentence in truth["body_contains"]:
            assert sentence in row["body"], (truth["path"], sentence)
    leaks = [(url, s) for url, r in stored.items() for s in expected["boilerplate"] if s in r["body"]]
    assert leaks == []


def test_gbk_text_is_decoded(stored, expected):
    bodies = "\n".join(f"{r['title']}\n{r['body']}" for r in stored.values())
    for text in expected["gbk_check"]:
        assert text in bodies


def test_reprints_point_at_the_first_copy(stored, expected, sample_sites):
    by_id = {r["id"]: r for r in stored.values()}
    reprints = [a for a in expected["articles"] if a.get("duplicate_of")]
    assert reprints, "the sample sites should contain reprints"
    for truth in reprints:
        copy = stored[url_of(sample_sites, truth["site"], truth["path"])]
        original = stored[url_of(sample_sites, truth["duplicate_of"]["site"], truth["duplicate_of"]["path"])]
        # whichever was fetched first is the original; the other points at it
        assert copy["duplicate_of"] == original["id"] or original["duplicate_of"] == copy["id"], truth["path"]
    roots = [r for r in stored.values() if r["duplicate_of"] is None]
    assert len(roots) == len(stored) - len(reprints)
    assert all(by_id[r["duplicate_of"]]["duplicate_of"] is None for r in stored.values() if r["duplicate_of"])


def test_no_variant_or_non_article_stored(stored, expected, sample_sites):
    assert all("?" not in url and "#" not in url for url in stored)
    for page in expected["non_articles"]:
        assert url_of(sample_sites, page["site"], page["path"]) not in stored


def test_redirects_are_stored_under_their_final_url(stored, sample_sites):
    requested = {(site, path) for site, _, path, _ in sample_sites.requests}
    checked = 0
    for site, base in sample_sites.base_urls.items():
        config = tomllib.loads((ROOT / "tests" / "sites" / site / "site.toml").read_text(encoding="utf-8"))
        for redirect in config.get("redirect", []):
            target = redirect["to"].replace("__BASE__", base)
            target = base + target if target.startswith("/") else target
            if (site, redirect["from"]) in requested and target in stored:
                assert base + redirect["from"] not in stored
                checked += 1
    assert checked >= 2, "the crawl should have followed at least two redirects to articles"


def test_redirects_and_links_off_the_source_are_not_followed(crawled):
    db, _ = crawled
    stats = json.loads(rows(db, "select stats from crawl_runs order by id limit 1")[0]["stats"])
    # 127.0.0.9 (linked and redirected to by globalnewshub) has no server: any attempt would be an error
    # (the calendar's pages skipped as a trap are the one exception raised, by newsdb before any download)
    assert [k for k in stats if k.startswith("downloader/exception_type_count/")] \
        == ["downloader/exception_type_count/crawler.middlewares.SkippedTrap"]
    assert stats.get("offsite/filtered", 0) + stats.get("newsdb/link_offsite_or_denied", 0) > 0


def test_the_calendar_trap_is_left_after_a_few_barren_pages(crawled):
    """globalnewshub's endless /archive/ calendar: 153 of its pages were fetched before the trap watch
    (NEWSDB_TRAP_AFTER = 0), every sample article all the same (test_every_sample_article_is_stored_once)."""
    db, _ = crawled
    stats = json.loads(rows(db, "select stats from crawl_runs order by id limit 1")[0]["stats"])
    fetched = rows(db, "select count(*) as n from pages where url like '%/archive/%'")[0]["n"]
    # how many of its pages are in flight when a shape is judged varies with timing (55-60 in seven runs)
    assert stats["newsdb/source/globalnewshub/trap_pages_skipped"] > 50
    assert stats["newsdb/source/globalnewshub/trap_shapes"] >= 3  # days, months, a day's sections
    assert 0 < fetched < 100


def test_robots_txt_is_obeyed(crawled, sample_sites):
    paths = [path for _, _, path, _ in sample_sites.requests]
    assert any(p.startswith("/robots.txt") for p in paths)
    assert not any(p.startswith("/search") for p in paths)


def test_run_is_recorded(crawled, stored):
    db, result = crawled
    (run,) = rows(db, "select * from crawl_runs")
    assert run["status"] == "ok"
    assert run["articles_new"] == len(stored)
    assert run["dropped_not_article"] > 0
    assert f"new {len(stored)}" in result.stdout


def test_second_crawl_adds_no_rows_and_fetches_no_article(crawled, sources_file, stored, sample_sites, expected):
    db, _ = crawled
    before = len(sample_sites.requests)
    result = run_newsdb("crawl", "--sources", str(sources_file), "--db", str(db), *FAST)
    assert result.returncode == 0, result.stderr[-2000:]
    assert len(rows(db)) == len(stored)
    last = rows(db, "select * from crawl_runs order by id desc limit 1")[0]
    assert (last["articles_new"], last["articles_updated"], last["articles_unchanged"]) == (0, 0, 0)
    fetched = {(site, path) for site, _, path, _ in sample_sites.requests[before:]}
    assert fetched & {(a["site"], a["path"]) for a in expected["articles"]} == set()
    assert last["skipped_seen"] >= len(stored)


def test_scrapy_crawl_works_as_scrapy_users_expect(sample_sites, sources_file, tmp_path, expected):
    db = tmp_path / "scrapy.db"
    site = "globalnewshub"
    result = subprocess.run(
        [sys.executable, "-m", "scrapy", "crawl", "news", "-a", f"sources={sources_file}", "-a", f"source={site}",
         "-s", f"NEWSDB_DB={db}", *FAST], cwd=ROOT, capture_output=True, text=True, timeout=240)
    assert result.returncode == 0, result.stderr[-3000:]
    assert {r["source"] for r in rows(db)} == {site}
    assert len(rows(db)) == sum(1 for a in expected["articles"] if a["site"] == site)


def test_bad_sources_file_fails_before_any_request(tmp_path, sample_sites):
    bad = tmp_path / "bad.toml"
    bad.write_text('[[source]]\nname = "x"\nstart_urls = ["http://127.0.0.2/"]\nfollow = 1\n', encoding="utf-8")
    before = len(sample_sites.requests)
    result = run_newsdb("crawl", "--sources", str(bad), "--db", str(tmp_path / "x.db"))
    assert result.returncode == 2
    assert "'x'" in result.stderr and "follow" in result.stderr
    assert len(sample_sites.requests) == before


def datasette_get(db, *paths):
    """GET paths through Datasette's own test client, configured as `newsdb serve` configures it."""
    import asyncio

    from newsdb.serve import make_datasette

    async def get_all():
        ds = make_datasette(db)
        return [await ds.client.get(p) for p in paths]

    return asyncio.run(get_all())


def test_the_crawled_database_in_datasette(crawled, stored, expected):
    db, _ = crawled
    name = db.stem
    truth = next(a for a in expected["articles"] if a["language"] == "en" and not a["duplicate_of"])
    word = max(truth["body_contains"][0].split(), key=len).strip(".,;:\"'“”")
    search, facets, latest, table_csv, table_json, story = datasette_get(
        db,
        f"/{name}/articles.json?_search={word}&_shape=objects",
        f"/{name}/articles.json?_facet=source&_size=0",
        f"/{name}/latest_stories.json?_shape=array",
        f"/{name}/articles.csv?_stream=on&_size=max",
        f"/{name}/articles.json?_shape=array&_size=max",
        f"/{name}/story.json?_shape=array&id={next(r['id'] for r in stored.values() if r['duplicate_of'])}",
    )
    assert truth["title"] in [r["title"] for r in search.json()["rows"]]
    counts = {f["value"]: f["count"] for f in facets.json()["facet_results"]["source"]["results"]}
    per_site = {s: sum(a["site"] == s for a in expected["articles"]) for s in counts}
    assert counts == per_site
    assert {r["id"] for r in latest.json()} == {r["id"] for r in stored.values() if r["duplicate_of"] is None}
    assert len(story.json()) >= 2 and len({r["source"] for r in story.json()}) >= 2
    csv_rows = list(csv.DictReader(io.StringIO(table_csv.text)))
    assert sorted(int(r["id"]) for r in csv_rows) == sorted(r["id"] for r in stored.values())
    by_id = {r["id"]: r for r in table_json.json()}
    assert all(by_id[r["id"]]["body"] == r["body"] for r in stored.values())
