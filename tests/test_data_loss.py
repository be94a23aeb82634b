"""Nothing committed is lost and nothing is corrupted: a full disk, a locked database, Datasette reading
while a crawl writes. Real `newsdb crawl` subprocesses over the sample sites."""
import asyncio
import json
import os
import shutil
import socket
import sqlite3
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from contextlib import contextmanager

import pytest

from newsdb.sample_sites import SampleSites
from pipelines.schema import open_db
from tests.conftest import FAST, ROOT, run_newsdb


def query(db, sql):
    conn = sqlite3.connect(db)
    try:
        return conn.execute(sql).fetchall()
    finally:
        conn.close()


@pytest.fixture(scope="module")
def sites(tmp_path_factory):
    with SampleSites() as served:
        served.sources = served.write_sources(tmp_path_factory.mktemp("sources") / "sources.toml")
        yield served


@contextmanager
def small_disk(path, size="2M", free_kb=700, prepare=None):
    """A tmpfs at path with about free_kb KB left after `prepare()`: skipped where mounting is not allowed,
    except in CI as root, where it must work."""
    path.mkdir()
    mounted = subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(path)], capture_output=True,
                             text=True)
    if mounted.returncode != 0:
        if os.environ.get("CI") and os.geteuid() == 0:
            pytest.fail(f"cannot mount a tmpfs as root in CI: {mounted.stderr}")
        pytest.skip(f"cannot mount a tmpfs here (needs root or CAP_SYS_ADMIN): {mounted.stderr.strip()}")
    try:
        if prepare:
            prepare()
        filler = path / "filler"
        filler.write_bytes(b"\0" * max(0, shutil.disk_usage(path).free - free_kb * 1024))
        yield filler
    finally:
        subprocess.run(["umount", "-l", str(path)], check=False)


@pytest.mark.hard  # a whole crawl under a fault: `make test-hard`
def test_a_full_disk_stops_the_crawl_cleanly_and_loses_nothing_committed(sites, tmp_path):
    disk = tmp_path / "disk"
    db = disk / "news.db"
    # the schema first: the disk fills during the crawl, whatever the size of this version's empty schema
    with small_disk(disk, prepare=lambda: open_db(db).close()) as filler:
        logs = tmp_path / "logs"  # the log must not need the full disk to say what went wrong
        result = run_newsdb("crawl", "--sources", str(sites.sources), "--db", str(db), "--log-dir", str(logs), *FAST)
        print(result.stdout)
        # "unrecorded" when the disk was too full even for the run's own record (then only the log tells)
        ended = "store_failed" in result.stdout or "unrecorded" in result.stdout
        assert result.returncode == 1 and ended, result.stdout + result.stderr[-2000:]
        assert "database or disk is full" in "".join(p.read_text() for p in logs.glob("*.log"))
        assert query(db, "pragma integrity_check") == [("ok",)]
        committed = query(db, "select count(*) from articles")[0][0]
        run = query(db, "select status, stats from crawl_runs")[-1]
        assert run[0] in ("store_failed", "running")
        if run[0] == "store_failed":
            assert committed == json.loads(run[1]).get("newsdb/articles_new", 0)  # counted = committed
        assert query(db, "select count(*) from articles where body is null or body = ''") == [(0,)]

        filler.unlink()  # room again: the next run fetches what the failed one could not write
        again = run_newsdb("crawl", "--sources", str(sites.sources), "--db", str(db), "--log-dir", str(logs), *FAST)
        assert again.returncode in (0, 4), again.stderr[-2000:]
        total = query(db, "select count(*) from articles")[0][0]
        assert total > committed and query(db, "pragma integrity_check") == [("ok",)]
    reference = tmp_path / "reference.db"
    assert run_newsdb("crawl", "--sources", str(sites.sources), "--db", str(reference), *FAST).returncode == 0
    assert total == query(reference, "select count(*) from articles")[0][0]


def hold_write_lock(db, seconds: float, started: threading.Event):
    conn = sqlite3.connect(db, isolation_level=None)
    conn.execute("BEGIN IMMEDIATE")  # what another writer (sqlite3 CLI, a script) does
    conn.execute("insert into pages (url, source, kind) values ('http://lock.invalid/', 'x', 'listing')")
    started.set()
    time.sleep(seconds)
    conn.execute("ROLLBACK")
    conn.close()


@pytest.mark.hard  # a whole crawl under a fault: `make test-hard`
def test_a_locked_database_makes_the_crawl_wait_not_fail(sites, tmp_path):
    db = tmp_path / "news.db"
    open_db(db).close()
    reader = sqlite3.connect(db, isolation_level=None)
    reader.execute("BEGIN")  # a long read transaction (a report, Datasette) for the whole crawl
    reader.execute("select count(*) from articles").fetchall()
    started = threading.Event()
    holder = threading.Thread(target=hold_write_lock, args=(db, 6, started))
    holder.start()
    started.wait(10)
    began = time.monotonic()
    result = run_newsdb("crawl", "--sources", str(sites.sources), "--db", str(db), *FAST)
    holder.join()
    reader.execute("COMMIT")
    reader.close()
    assert result.returncode in (0, 4), result.stdout + result.stderr[-2000:]
    assert time.monotonic() - began >= 5  # it waited for the lock (busy_timeout) instead of failing
    assert query(db, "pragma integrity_check") == [("ok",)]
    assert query(db, "select status from crawl_runs") == [("ok",)]
    assert query(db, "select count(*) from pages where url = 'http://lock.invalid/'") == [(0,)]
    assert query(db, "select count(*) from articles")[0][0] >= 10


def test_a_write_failure_stops_the_store_without_losing_committed_rows(tmp_path):
    """Locked past busy_timeout (shortened here): the batch rolls back, the pipeline stops writing,
    and a batch queued behind the failed one is not written either."""
    from tests.test_store import in_writer, store_pipeline

    db = tmp_path / "news.db"
    pipeline, stats = store_pipeline(db)
    page = {"url": "http://127.0.0.2/a", "source": "s", "kind": "listing", "links": []}

    def open_db_briefly_waiting():
        pipeline.db = open_db(db)
        pipeline.db.execute("PRAGMA busy_timeout=100")

    async def scenario():
        pipeline.closing = True
        await in_writer(pipeline, open_db_briefly_waiting)
        pipeline.buffer = [page]
        pipeline.flush()
        await asyncio.wait(pipeline.pending)
        assert query(db, "select url from pages") == [("http://127.0.0.2/a",)] and not pipeline.failed
        other = sqlite3.connect(db, isolation_level=None)
        other.execute("BEGIN IMMEDIATE")
        pipeline.buffer = [{**page, "url": "http://127.0.0.2/b"}]
        pipeline.flush()
        pipeline.buffer = [{**page, "url": "http://127.0.0.2/c"}]
        pipeline.flush()
        await asyncio.wait(list(pipeline.pending))
        other.execute("ROLLBACK")
        await in_writer(pipeline, pipeline.db.close)

    asyncio.run(scenario())
    pipeline.writer.shutdown()
    assert pipeline.failed and stats["newsdb/store_errors"] == 1 and not pipeline.pending
    assert query(db, "select url from pages") == [("http://127.0.0.2/a",)]
    assert query(db, "pragma integrity_check") == [("ok",)]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.mark.hard  # a whole crawl under a fault: `make test-hard`
def test_datasette_reads_without_errors_while_a_crawl_writes(sites, tmp_path):
    db = tmp_path / "news.db"
    open_db(db).close()
    port = free_port()
    server = subprocess.Popen([sys.executable, "-m", "newsdb.cli", "serve", "--db", str(db), "--port", str(port)],
                              cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                urllib.request.urlopen(base + "/-/versions.json", timeout=2).read()
                break
            except OSError:
                assert time.monotonic() < deadline and server.poll() is None, "newsdb serve did not start"
                time.sleep(0.2)
        crawl = subprocess.Popen([sys.executable, "-m", "newsdb.cli", "crawl", "--sources", str(sites.sources),
                                  "--db", str(db), *FAST, "-s", "NEWSDB_BATCH_SIZE=2"], cwd=ROOT,
                                 stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        paths = ["/news/articles.json?_shape=array", "/news/articles?_sort_desc=published", "/news/crawl_runs.json",
                 "/news/articles.csv?_stream=on", "/news/pages.json", "/news/articles.json?_search=the"]
        statuses, requests = {}, 0
        while crawl.poll() is None and requests < 3000:  # bounded: a hung crawl cannot hang the test
            for path in paths:
                try:
                    status = urllib.request.urlopen(base + path, timeout=30).status
                except urllib.error.HTTPError as e:
                    status = e.code
                statuses[status] = statuses.get(status, 0) + 1
                requests += 1
        crawl.wait(timeout=240)
        print(f"{requests} requests while the crawl wrote: {statuses}")
        assert crawl.returncode in (0, 4)
        assert not [s for s in statuses if s >= 500], statuses
        assert requests >= len(paths)
        table = json.loads(urllib.request.urlopen(base + "/news/articles.json?_size=1").read())
        assert table["filtered_table_rows_count"] == query(db, "select count(*) from articles")[0][0] > 0
    finally:
        server.terminate()
        server.wait(timeout=10)


def test_a_run_that_cannot_record_itself_says_so_and_is_not_taken_for_an_older_run(sites, tmp_path):
    db = tmp_path / "news.db"
    conn = open_db(db).conn
    with conn:
        conn.execute("insert into crawl_runs (started_at, status) values ('2026-01-01T00:00:00+00:00', 'ok')")
        # what a full disk does to the run's first row
        conn.execute("create trigger full before insert on crawl_runs begin "
                     "select raise(abort, 'database or disk is full'); end")
    conn.close()
    result = run_newsdb("crawl", "--sources", str(sites.sources), "--db", str(db), *FAST)
    assert result.returncode == 1, result.stderr[-2000:]
    assert result.stdout.startswith("newsdb run: unrecorded;"), result.stdout
    assert "database or disk is full" in result.stderr
    assert query(db, "select id, status from crawl_runs") == [(1, "ok")]
    assert query(db, "select count(*) from articles") == [(0,)]
