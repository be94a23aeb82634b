"""Nightly crawls under cron: incremental, resumable, locked, observable. Real crawls of sites the test edits."""
import json
import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from datetime import datetime, timezone

import pytest

from newsdb.sample_sites import SampleSites
from tests.conftest import FAST, ROOT, SITES, run_newsdb
from tests.test_crawl import datasette_get

SITE = "globalnewshub"
EDITED = "/news/2025/0212/1016.html"
CONTENT = ["url", "source", "title", "body", "published", "author", "original_source", "category", "tags", "language"]


def new_article(title: str, paragraphs: list[str], path: str) -> str:
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    return (f'<!doctype html><html lang="en"><head><meta charset="utf-8"><title>{title} - Global News Hub</title>'
            f'<link rel="canonical" href="__BASE__{path}"><meta property="og:type" content="article">'
            f'<meta property="article:published_time" content="2025-02-20T08:00:00+08:00"></head><body>'
            f'<nav><a href="/">Home</a> <a href="/news/list_1.html">News</a></nav><article><h1>{title}</h1>'
            f'<div class="info">Local 2025-02-20 08:00:00 Source: Harbour Times</div>{body}</article>'
            f'<footer><p>Copyright @ 2007~2025 All Rights Reserved.</p></footer></body></html>')


STORIES = {
    "/news/2025/0220/2001.html": ("Harbour Ferry Timetable Extended Into Winter", [
        "The harbour authority said on Thursday that the evening ferry to the outer islands will keep running "
        "through the winter months for the first time, after a campaign by residents and shop owners.",
        "Operators had cut the service every November since 2009, arguing that too few passengers used it in "
        "the cold season. Ticket data from last year showed the opposite, the authority said.",
        "The extended timetable starts next month and will be reviewed in the spring."]),
    "/news/2025/0220/2002.html": ("Library Opens Repair Cafe for Broken Toasters and Bikes", [
        "Volunteers at the central library will fix small appliances, bicycles and clothes free of charge every "
        "second Saturday, in a scheme meant to keep usable goods out of the city's landfill.",
        "Organisers said more than forty people had signed up to help, among them retired electricians and a "
        "former watchmaker who will take on clocks and radios.",
        "Visitors are asked to bring the item, any spare parts they have, and patience."]),
}


def crawl(db, sources, *extra, timeout=240):
    result = run_newsdb("crawl", "--sources", str(sources), "--db", str(db), *FAST, *extra, timeout=timeout)
    assert result.returncode in (0, 4), result.stderr[-3000:]
    return result


def query(db, sql, params=()):
    conn = sqlite3.connect(db)
    conn.row_factory = sqlite3.Row
    try:
        return [dict(r) for r in conn.execute(sql, params)]
    finally:
        conn.close()


def content(db):
    """Every article's content by URL, and its story as the set of URLs in its duplicates cluster."""
    rows = query(db, "select * from articles")
    by_id = {r["id"]: r["url"] for r in rows}
    clusters = {}
    for r in rows:
        clusters.setdefault(by_id[r["duplicate_of"] or r["id"]], set()).add(r["url"])
    return {r["url"]: ({c: r[c] for c in CONTENT}, frozenset(clusters[by_id[r["duplicate_of"] or r["id"]]]))
            for r in rows}


@pytest.fixture
def editable_sites(tmp_path):
    """The sample sites copied where the test may change them."""
    root = tmp_path / "sites"
    shutil.copytree(SITES, root)
    with SampleSites(root=root) as sites:
        sites.root = root
        sites.sources = sites.write_sources(tmp_path / "sources.toml")
        yield sites


def edit_site(root, now: str):
    """One article corrected (and its sitemap lastmod bumped), two articles added to the sitemap."""
    public = root / SITE / "public"
    page = public / EDITED.lstrip("/")
    page.write_text(page.read_text(encoding="utf-8").replace(
        "The central bank left", "The central bank, in a closely watched decision, left"), encoding="utf-8")
    sitemap = public / "sitemaps" / "news-2025-02.xml"
    text = sitemap.read_text(encoding="utf-8").replace(
        f"{EDITED}</loc><lastmod>2025-02-12T10:05:00+08:00", f"{EDITED}</loc><lastmod>{now}")
    for path, (title, paragraphs) in STORIES.items():
        target = public / path.lstrip("/")
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(new_article(title, paragraphs, path), encoding="utf-8")
        text = text.replace("</urlset>", f"<url><loc>__BASE__{path}</loc><lastmod>{now}</lastmod></url></urlset>")
    sitemap.write_text(text, encoding="utf-8")


def test_three_nights(editable_sites, tmp_path, expected):
    sites, db = editable_sites, tmp_path / "news.db"
    first = crawl(db, sites.sources)
    assert len(query(db, "select id from articles")) == len(expected["articles"])
    assert "newsdb run 1: ok" in first.stdout

    before = len(sites.requests)
    second = crawl(db, sites.sources)
    fetched = {(s, p) for s, _, p, _ in sites.requests[before:]}
    assert fetched & {(a["site"], a["path"]) for a in expected["articles"]} == set(), "run 2 fetched articles"
    run2 = query(db, "select * from crawl_runs where id = 2")[0]
    assert (run2["articles_new"], run2["articles_updated"]) == (0, 0)
    assert run2["not_modified"] > 0 and run2["skipped_seen"] >= len(expected["articles"])
    assert f"({run2['not_modified']} unchanged 304)" in second.stdout

    edit_site(sites.root, datetime.now(timezone.utc).replace(microsecond=0).isoformat())
    crawl(db, sites.sources)
    run3 = query(db, "select * from crawl_runs where id = 3")[0]
    assert (run3["articles_new"], run3["articles_updated"]) == (2, 1)
    base = sites.base_urls[SITE]
    assert {r["url"] for r in query(db, "select url from articles where first_seen_at >= ?", [run3["started_at"]])} \
        == {base + p for p in STORIES}
    (version,) = query(db, "select v.body, a.body as now from article_versions v join articles a on a.id = v.article_id")
    assert "The central bank left" in version["body"] and "closely watched decision" in version["now"]
    per_source = query(db, "select * from crawl_run_sources where run_id = 3 and source = ?", [SITE])[0]
    assert (per_source["articles_new"], per_source["coverage_title"], per_source["status"]) == (2, 1.0, "ok")


def test_killed_crawl_resumes_to_the_same_database(editable_sites, tmp_path):
    sites = editable_sites
    whole, killed = tmp_path / "whole.db", tmp_path / "killed.db"
    crawl(whole, sites.sources)
    command = [sys.executable, "-m", "newsdb.cli", "crawl", "--sources", str(sites.sources), "--db", str(killed),
               *FAST, "-s", "NEWSDB_BATCH_SIZE=2", "-s", "DOWNLOAD_DELAY=0.05"]
    proc = subprocess.Popen(command, cwd=ROOT, start_new_session=True, stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and proc.poll() is None:
        try:
            if killed.exists() and query(killed, "select count(*) as n from articles")[0]["n"] >= 4:
                break
        except sqlite3.OperationalError:  # the crawl is still creating the tables
            pass
        time.sleep(0.1)
    assert proc.poll() is None, "the crawl ended before it could be killed"
    os.killpg(proc.pid, signal.SIGKILL)  # the crawl and its extraction workers, mid-run
    proc.wait()
    partial = len(query(killed, "select id from articles"))
    assert 4 <= partial < len(query(whole, "select id from articles"))
    assert query(killed, "pragma integrity_check")[0]["integrity_check"] == "ok"

    crawl(killed, sites.sources)
    assert content(killed) == content(whole)
    statuses = [r["status"] for r in query(killed, "select status from crawl_runs order by id")]
    assert statuses == ["killed", "ok"]


def test_second_crawl_started_meanwhile_exits_at_once_with_the_lock_code(editable_sites, tmp_path):
    db = tmp_path / "news.db"
    slow = [*FAST, "-s", "DOWNLOAD_DELAY=0.3", "-s", "AUTOTHROTTLE_ENABLED=False", "--source", "worldbrief"]
    first = subprocess.Popen([sys.executable, "-m", "newsdb.cli", "crawl", "--sources", str(editable_sites.sources),
                              "--db", str(db), *slow], cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
                             text=True)
    try:
        while not (tmp_path / "news.db.lock").exists() or not (tmp_path / "news.db.lock").read_text():
            assert first.poll() is None
            time.sleep(0.05)
        started = time.monotonic()
        second = run_newsdb("crawl", "--sources", str(editable_sites.sources), "--db", str(db), timeout=60)
        assert second.returncode == 3
        assert "another crawl" in second.stderr and str(first.pid) in second.stderr
        assert time.monotonic() - started < 15
        assert first.poll() is None, "the first crawl should still be running"
    finally:
        out = first.communicate(timeout=240)[0]
    assert first.returncode == 0 and "newsdb run 1: ok" in out
    # the lock died with its holder: the next crawl runs
    assert crawl(db, editable_sites.sources, "--source", "worldbrief").returncode == 0


def test_source_whose_articles_lose_their_markup_is_flagged(editable_sites, tmp_path):
    db, root = tmp_path / "news.db", editable_sites.root
    crawl(db, editable_sites.sources)
    public = root / SITE / "public"
    shell = ('<!doctype html><html><head><title>Loading...</title></head><body><div id="app"></div>'
             '<script src="/static/app.js"></script></body></html>')
    sitemap = public / "sitemaps" / "news-2025-02.xml"
    text = sitemap.read_text(encoding="utf-8")
    for path in STORIES:  # the site now serves new articles as an empty JavaScript shell
        (public / path.lstrip("/")).parent.mkdir(parents=True, exist_ok=True)
        (public / path.lstrip("/")).write_text(shell, encoding="utf-8")
        text = text.replace("</urlset>", f"<url><loc>__BASE__{path}</loc></url></urlset>")
    sitemap.write_text(text, encoding="utf-8")

    result = run_newsdb("crawl", "--sources", str(editable_sites.sources), "--db", str(db), *FAST)
    assert result.returncode == 4, result.stdout + result.stderr[-2000:]
    assert f"FLAGGED: {SITE}" in result.stdout
    row = query(db, "select * from crawl_run_sources where run_id = 2 and source = ?", [SITE])[0]
    assert row["status"] == "flagged" and "layout" in json.loads(row["flags"])[0]
    healthy = query(db, "select status from crawl_run_sources where run_id = 2 and source != ?", [SITE])
    assert {r["status"] for r in healthy} == {"ok"}
    (health,) = datasette_get(db, f"/{db.stem}/source_health.json?_shape=array")
    assert [(r["source"], r["status"]) for r in health.json()][0] == (SITE, "flagged")


def test_logs_go_to_a_dated_file_and_old_ones_are_removed(editable_sites, tmp_path):
    db, logs = tmp_path / "news.db", tmp_path / "logs"
    logs.mkdir()
    old = logs / "crawl-2020-01-01.log"
    old.write_text("old")
    os.utime(old, (time.time() - 30 * 86400,) * 2)
    result = crawl(db, editable_sites.sources, "--source", "worldbrief", "--keep-logs", "14")
    assert not old.exists()
    (log,) = logs.glob("crawl-*.log")
    assert log.name == f"crawl-{datetime.now().date().isoformat()}.log"
    assert "Spider closed (finished)" in log.read_text()
    assert result.stdout.count("\n") == 1 and result.stdout.startswith("newsdb run 1: ok")


def test_feed_and_sitemap_entries_older_than_the_limit_are_skipped(editable_sites, tmp_path):
    base = editable_sites.base_urls[SITE]
    sources = tmp_path / "sitemap-only.toml"
    sources.write_text(f'[[source]]\nname = "{SITE}"\nsitemaps = ["{base}/sitemap_index.xml"]\n'
                       f'feeds = ["{base}/rss.xml"]\nallowed_domains = ["127.0.0.2"]\n', encoding="utf-8")
    old, fresh = tmp_path / "old.db", tmp_path / "fresh.db"
    crawl(old, sources, "-s", "NEWSDB_MAX_ENTRY_AGE_DAYS=30")  # the sample entries are from February 2025
    crawl(fresh, sources)
    skipped = [json.loads(query(db, "select stats from crawl_runs")[0]["stats"]).get("newsdb/skipped_old_entry", 0)
               for db in (old, fresh)]
    # every dated article entry of the news sitemap (8) and the feed (6) is skipped; undated ones are not
    assert skipped == [8 + 6, 0]
