"""Run the news spider in this process with newsdb's settings, and read back the run's summary."""
from __future__ import annotations

import json
import signal
from pathlib import Path

from scrapy.crawler import CrawlerProcess
from scrapy.settings import Settings

from crawler.sources import load_sources
from pipelines.schema import open_db

EXIT_OK, EXIT_SOURCE_ERRORS, EXIT_CANNOT_RUN = 0, 1, 2


def crawl_settings(db: Path, sources: Path, overrides: dict | None = None) -> Settings:
    settings = Settings()
    settings.setmodule("crawler.settings", priority="project")
    settings.set("NEWSDB_DB", str(db), priority="cmdline")
    settings.set("NEWSDB_SOURCES", str(sources), priority="cmdline")
    for key, value in (overrides or {}).items():
        settings.set(key, value, priority="cmdline")
    return settings


def run_crawl(db: Path, sources: Path, only: list[str] | None = None, overrides: dict | None = None) -> dict:
    """Crawl the sources into db; returns the crawl_runs row of this run."""
    load_sources(sources, only)  # fail on a bad file before Scrapy starts
    process = CrawlerProcess(crawl_settings(db, sources, overrides))
    process.crawl("news", sources=str(sources), source=only)
    process.start()
    # Scrapy's shutdown handlers outlive the crawl; give Ctrl-C back to Python (newsdb demo serves next)
    signal.signal(signal.SIGINT, signal.default_int_handler)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    return last_run(db)


def last_run(db: Path) -> dict:
    rows = list(open_db(db).query("select * from crawl_runs order by id desc limit 1"))
    return rows[0] if rows else {}


def summary_line(run: dict) -> str:
    errors = json.loads(run.get("http_errors") or "{}")
    return (f"newsdb run {run.get('id')}: {run.get('status')}; pages {run.get('pages_fetched')}, "
            f"new {run.get('articles_new')} (reprints {run.get('articles_duplicate')}), "
            f"updated {run.get('articles_updated')}, unchanged {run.get('articles_unchanged')}, "
            f"non-articles {run.get('dropped_not_article')}, empty {run.get('dropped_empty')}, "
            f"http errors {sum(errors.values())}")
