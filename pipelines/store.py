"""Articles into SQLite: batched upserts in transactions, and one crawl_runs row per run."""
from __future__ import annotations

import asyncio
import json
import time
from collections import Counter
from datetime import datetime, timezone

from scrapy import signals

from pipelines.schema import ARTICLE_COLUMNS, open_db

# Columns a re-crawl may change; id, url, first_seen_at and duplicate_of keep the first decision.
UPDATABLE = [c for c in ARTICLE_COLUMNS if c not in ("id", "url", "first_seen_at", "duplicate_of")]


def utc_now() -> str:
    return datetime.now(timezone.utc).replace(microsecond=0).isoformat()


def row_for(article: dict, now: str) -> dict:
    """The articles row for an extracted article (tags as a JSON array)."""
    row = {c: article.get(c) for c in ARTICLE_COLUMNS if c not in ("id", "duplicate_of")}
    row["tags"] = json.dumps(article.get("tags") or [], ensure_ascii=False)
    row["first_seen_at"] = row["fetched_at"] = now
    return row


def write_batch(db, articles: list[dict]) -> Counter:
    """Upsert articles in one transaction, in order; returns counts of new/updated/unchanged/duplicate."""
    counts: Counter = Counter()
    now = utc_now()
    with db.atomic():  # one transaction: all of the batch or none of it
        for article in articles:
            status = _upsert(db, article, now)
            counts[status] += 1
            counts[f"source/{article['source']}/{status}"] += 1
            if status == "new" and article.get("duplicate_of_url"):
                counts["duplicate"] += 1
                counts[f"source/{article['source']}/duplicate"] += 1
    return counts


def _upsert(db, article: dict, now: str) -> str:
    row = row_for(article, now)
    existing = db.execute("select id, content_hash from articles where url = ?", [row["url"]]).fetchone()
    if existing and existing[1] == row["content_hash"]:
        return "unchanged"
    if existing:
        sets = ", ".join(f"[{c}] = :{c}" for c in UPDATABLE)
        db.execute(f"update articles set {sets} where id = :id", {**row, "id": existing[0]})
        article_id, status = existing[0], "updated"
    else:
        columns = list(row) + ["duplicate_of"]
        placeholders = ", ".join(f":{c}" for c in row)
        db.execute(
            f"insert into articles ({', '.join(f'[{c}]' for c in columns)}) values ({placeholders}, "
            "(select id from articles where url = :duplicate_of_url))",
            {**row, "duplicate_of_url": article.get("duplicate_of_url")})
        article_id, status = db.execute("select last_insert_rowid()").fetchone()[0], "new"
    if article.get("minhash"):
        db.execute("insert or replace into article_signatures (article_id, minhash) values (?, ?)",
                   [article_id, article["minhash"]])
    return status


class StorePipeline:
    """Buffers articles and writes them in transactions of NEWSDB_BATCH_SIZE rows or every few seconds."""

    def __init__(self, crawler):
        self.crawler = crawler
        self.batch_size = crawler.settings.getint("NEWSDB_BATCH_SIZE", 100)
        self.batch_seconds = crawler.settings.getfloat("NEWSDB_BATCH_SECONDS", 5.0)
        self.buffer: list[dict] = []
        self.last_flush = time.monotonic()
        self.db = None
        self.run_id = None
        self.ticker = None

    @classmethod
    def from_crawler(cls, crawler):
        pipeline = cls(crawler)
        # spider_closed comes after every pipeline closed and carries the reason the run ended
        crawler.signals.connect(pipeline.spider_closed, signal=signals.spider_closed)
        return pipeline

    async def open_spider(self, spider=None):
        self.db = open_db(self.crawler.settings.get("NEWSDB_DB"))
        sources = sorted(self.crawler.spider.sources)
        with self.db.atomic():
            self.run_id = self.db.table("crawl_runs").insert(
                {"started_at": utc_now(), "status": "running", "sources": json.dumps(sources)}).last_pk
        self.ticker = asyncio.get_running_loop().create_task(self._tick())

    async def _tick(self):
        while True:  # commit a slow trickle of articles without waiting for a full batch
            await asyncio.sleep(self.batch_seconds)
            if self.buffer:
                self.flush()

    async def process_item(self, item):
        self.buffer.append(item["article"])
        if len(self.buffer) >= self.batch_size or time.monotonic() - self.last_flush > self.batch_seconds:
            self.flush()
        return item

    def flush(self) -> None:
        batch, self.buffer = self.buffer, []
        self.last_flush = time.monotonic()
        if not batch:
            return
        for key, value in write_batch(self.db, batch).items():
            self.crawler.stats.inc_value(f"newsdb/articles_{key}" if "/" not in key else f"newsdb/{key}", value)

    async def close_spider(self, spider=None):
        if self.ticker:
            self.ticker.cancel()
        self.flush()

    def spider_closed(self, spider, reason):
        self.record_run(self.crawler.stats.get_stats(), reason)
        self.db.close()

    def record_run(self, stats: dict, reason: str | None) -> None:
        row = run_row(stats)
        row.update(finished_at=utc_now(), status="ok" if reason == "finished" else reason)
        with self.db.atomic():
            self.db.table("crawl_runs").update(self.run_id, row)


def run_row(stats: dict) -> dict:
    """crawl_runs columns from the Scrapy stats of a run."""
    errors = {k.rsplit("/", 1)[1]: v for k, v in stats.items()
              if k.startswith("downloader/response_status_count/") and not k.endswith(("/200", "/301", "/302"))}
    return {
        "pages_fetched": stats.get("downloader/response_count", 0),
        "articles_new": stats.get("newsdb/articles_new", 0),
        "articles_updated": stats.get("newsdb/articles_updated", 0),
        "articles_unchanged": stats.get("newsdb/articles_unchanged", 0),
        "articles_duplicate": stats.get("newsdb/articles_duplicate", 0),
        "dropped_not_article": stats.get("newsdb/dropped_not_article", 0),
        "dropped_empty": stats.get("newsdb/dropped_empty", 0),
        "http_errors": json.dumps(errors),
        "stats": json.dumps(stats, default=str, sort_keys=True),
    }
