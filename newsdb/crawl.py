"""Run the news spider in this process: one crawl at a time per database, logged, summarised."""
from __future__ import annotations

import fcntl
import json
import os
import signal
import sqlite3
import time
from contextlib import contextmanager
from datetime import date
from pathlib import Path

from scrapy.crawler import CrawlerProcess
from scrapy.settings import Settings

from crawler.sources import load_sources
from pipelines.schema import open_db

# Exit codes, for cron and for scripts.
EXIT_OK = 0  # finished (or spent its time budget) and every source looked healthy
EXIT_SOURCE_ERRORS = 1  # finished, but a source's feeds, sitemaps or start pages failed
EXIT_CANNOT_RUN = 2  # bad sources file, unusable database, bad arguments
EXIT_LOCKED = 3  # another crawl of the same database is running
EXIT_FLAGGED = 4  # finished, but a source looks broken (no new articles for runs, layout changed)
EXIT_BY_STATUS = {"ok": EXIT_OK, "budget_spent": EXIT_OK, "source_errors": EXIT_SOURCE_ERRORS,
                  "flagged": EXIT_FLAGGED}


class CrawlLocked(RuntimeError):
    """Another crawl holds the database's lock."""


@contextmanager
def crawl_lock(db: Path):
    """An exclusive lock beside the database; the kernel frees it when the holder dies, even by SIGKILL."""
    path = Path(f"{db}.lock")
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "a+") as handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            handle.seek(0)
            raise CrawlLocked(f"another crawl of {db} is running (pid {handle.read().strip() or '?'})") from None
        handle.seek(0)
        handle.truncate()
        handle.write(str(os.getpid()))
        handle.flush()
        yield


def crawl_settings(db: Path, sources: Path, overrides: dict | None = None) -> Settings:
    settings = Settings()
    settings.setmodule("crawler.settings", priority="project")
    settings.set("NEWSDB_DB", str(db), priority="cmdline")
    settings.set("NEWSDB_SOURCES", str(sources), priority="cmdline")
    for key, value in (overrides or {}).items():
        settings.set(key, value, priority="cmdline")
    return settings


def run_crawl(db: Path, sources: Path, only: list[str] | None = None, overrides: dict | None = None,
              max_minutes: float | None = None, log_dir: Path | None = None, keep_logs_days: int = 14) -> dict:
    """Crawl the sources into db under the lock; returns the crawl_runs row of this run."""
    load_sources(sources, only)  # fail on a bad file before Scrapy starts
    overrides = dict(overrides or {})
    if max_minutes:
        overrides["CLOSESPIDER_TIMEOUT"] = max_minutes * 60
    if log_dir:
        overrides.setdefault("LOG_FILE", str(dated_log(log_dir, keep_logs_days)))
        overrides.setdefault("LOG_FILE_APPEND", True)
    with crawl_lock(db):
        before = newest_run_id(db)
        process = CrawlerProcess(crawl_settings(db, sources, overrides))
        process.crawl("news", sources=str(sources), source=only)
        process.start()
    # Scrapy's shutdown handlers outlive the crawl; give Ctrl-C back to Python (newsdb demo serves next)
    signal.signal(signal.SIGINT, signal.default_int_handler)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    run = last_run(db)
    if run.get("id", 0) <= before:  # not even the run's first row was written (a full disk?): not an older run's
        return {"status": "unrecorded"}
    if run.get("status") == "running":  # the crawl ended without writing its own record (a full disk?)
        run["status"] = "unrecorded"
    return run


def newest_run_id(db: Path) -> int:
    """The id of the newest run db records (0 for none), read without writing to the file."""
    if not db.is_file():
        return 0
    conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    try:
        return conn.execute("select coalesce(max(id), 0) from crawl_runs").fetchone()[0]
    except sqlite3.OperationalError:  # a file without the table yet
        return 0
    finally:
        conn.close()


def dated_log(log_dir: Path, keep_days: int) -> Path:
    """Today's log file; files older than keep_days are removed."""
    log_dir.mkdir(parents=True, exist_ok=True)
    cutoff = time.time() - keep_days * 86400
    for old in log_dir.glob("crawl-*.log"):
        if old.stat().st_mtime < cutoff:
            old.unlink()
    return log_dir / f"crawl-{date.today().isoformat()}.log"


def last_run(db: Path) -> dict:
    rows = list(open_db(db).query("select * from crawl_runs order by id desc limit 1"))
    return rows[0] if rows else {}


def exit_code(run: dict) -> int:
    return EXIT_BY_STATUS.get(run.get("status"), EXIT_SOURCE_ERRORS)


def summary_line(run: dict) -> str:
    if "id" not in run:
        return f"newsdb run: {run.get('status')}; the database recorded nothing of it (its log says why)"
    errors = json.loads(run.get("http_errors") or "{}")
    flagged = json.loads(run.get("flagged") or "[]")
    line = (f"newsdb run {run.get('id')}: {run.get('status')}; pages {run.get('pages_fetched')} "
            f"({run.get('not_modified')} unchanged 304), new {run.get('articles_new')} "
            f"(reprints {run.get('articles_duplicate')}), updated {run.get('articles_updated')}, "
            f"unchanged {run.get('articles_unchanged')}, already stored {run.get('skipped_seen')}, "
            f"non-articles {run.get('dropped_not_article')}, empty {run.get('dropped_empty')}, "
            f"errors {sum(errors.values())}")
    return line + (f"; FLAGGED: {', '.join(flagged)}" if flagged else "")
