"""Articles and page visits into SQLite: batched upserts in transactions, and the run's record."""
from __future__ import annotations

import asyncio
import json
import logging
import sqlite3
import time
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from datetime import datetime, timezone

from scrapy import signals

from pipelines import maintenance, runs, vocabulary
from pipelines.schema import ARTICLE_COLUMNS, index_bigrams, open_db, unindex_bigrams
from pipelines.urls import canonical_url

logger = logging.getLogger(__name__)

# Columns a re-crawl may change; id, url, first_seen_at and duplicate_of keep the first decision.
UPDATABLE = [c for c in ARTICLE_COLUMNS if c not in ("id", "url", "first_seen_at", "duplicate_of")]
VERSIONED = ["title", "body", "published", "author", "content_hash", "fetched_at"]


def utc_now() -> str:
    return datetime.now(timezone.utc).replace(microsecond=0).isoformat()


def row_for(article: dict, now: str) -> dict:
    """The articles row for an extracted article (tags as a JSON array)."""
    row = {c: article.get(c) for c in ARTICLE_COLUMNS if c not in ("id", "duplicate_of")}
    row["tags"] = json.dumps(article.get("tags") or [], ensure_ascii=False)
    row["first_seen_at"] = row["fetched_at"] = now
    return row


def write_batch(db, records: list[dict]) -> Counter:
    """Write articles and page visits in one transaction, in order; returns what happened, counted."""
    counts: Counter = Counter()
    now = utc_now()
    written = []  # (title, body) of the articles added or changed
    with _write_transaction(db.conn):  # one transaction: all of the batch or none of it
        in_step = vocabulary.in_step(db.conn)  # else a later open catches up on what another tool wrote
        for record in records:
            if "links" in record:
                _upsert_page(db, record, now)
                continue
            status = _upsert_article(db, record, now)
            _count_article(counts, record, status)
            if status in ("new", "updated"):
                written.append((record.get("title"), record.get("body")))
        if written:
            vocabulary.add_words(db.conn, written)
        if in_step:
            vocabulary.mark_in_step(db.conn)
    return counts


@contextmanager
def _write_transaction(conn):
    """BEGIN IMMEDIATE ... COMMIT, or ROLLBACK on an error. It takes the write lock first, waiting for
    another writer (busy_timeout): a transaction that reads before it writes cannot wait, SQLite answers
    "database is locked" at its first write instead."""
    conn.execute("BEGIN IMMEDIATE")
    try:
        yield
    except BaseException:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        raise
    conn.execute("COMMIT")


def _count_article(counts: Counter, article: dict, status: str) -> None:
    source = article["source"]
    keys = [f"articles_{status}"]
    if status == "new" and article.get("duplicate_of_url"):
        keys.append("articles_duplicate")
    if status in ("new", "updated"):
        keys += [f"with_{field}" for field in runs.FIELDS if article.get(field)]
    for key in keys:
        counts[key] += 1
        counts[f"source/{source}/{key}"] += 1


def _upsert_article(db, article: dict, now: str) -> str:
    row = row_for(article, now)
    existing = db.execute("select id, content_hash from articles where url = ?", [row["url"]]).fetchone()
    if existing and existing[1] == row["content_hash"]:
        article_id, status = existing[0], "unchanged"
    elif existing:
        _keep_version(db, existing[0], now)
        # contentless, so no trigger: its n-grams out before the row changes, the new ones in after
        unindex_bigrams(db.conn, db.execute("select id, title, body from articles where id = ?", [existing[0]]))
        sets = ", ".join(f"[{c}] = :{c}" for c in UPDATABLE)
        db.execute(f"update articles set {sets} where id = :id", {**row, "id": existing[0]})
        article_id, status = existing[0], "updated"
        index_bigrams(db.conn, [(article_id, row["title"], row["body"])])
    else:
        columns = list(row) + ["duplicate_of"]
        placeholders = ", ".join(f":{c}" for c in row)
        db.execute(
            f"insert into articles ({', '.join(f'[{c}]' for c in columns)}) values ({placeholders}, "
            "(select id from articles where url = :duplicate_of_url))",
            {**row, "duplicate_of_url": article.get("duplicate_of_url")})
        article_id, status = db.execute("select last_insert_rowid()").fetchone()[0], "new"
        index_bigrams(db.conn, [(article_id, row["title"], row["body"])])
    if article.get("minhash") and status != "unchanged":
        db.execute("insert or replace into article_signatures (article_id, minhash) values (?, ?)",
                   [article_id, article["minhash"]])
    for url in {row["url"], *(canonical_url(u) for u in (article.get("fetched_url"), article.get("requested_url")) if u)}:
        _upsert_page(db, {"url": url, "source": row["source"], "kind": "article", "article_id": article_id}, now)
    return status


def _keep_version(db, article_id: int, now: str) -> None:
    """The row as it was, into article_versions, before a changed copy replaces it."""
    columns = ", ".join(VERSIONED)
    db.execute(f"insert into article_versions (article_id, {columns}, replaced_at) "
               f"select id, {columns}, ? from articles where id = ?", [now, article_id])


def _upsert_page(db, page: dict, now: str) -> None:
    """Record a page visit; a URL known as an article stays an article."""
    links = json.dumps(page["links"], ensure_ascii=False) if page.get("links") is not None else None
    db.execute(
        "insert into pages (url, source, kind, etag, last_modified, links, article_id, first_seen_at, last_fetched_at) "
        "values (:url, :source, :kind, :etag, :last_modified, :links, :article_id, :now, :now) "
        "on conflict(url) do update set last_fetched_at = :now, "
        "kind = case when pages.kind = 'article' then 'article' else excluded.kind end, "
        "article_id = coalesce(excluded.article_id, pages.article_id), "
        "etag = excluded.etag, last_modified = excluded.last_modified, "
        "links = coalesce(excluded.links, pages.links)",
        {"etag": None, "last_modified": None, "article_id": None, **page, "links": links, "now": now})


MAX_PENDING_BATCHES = 4  # batches handed to the writer thread and not yet written; beyond, items wait


class StorePipeline:
    """Buffers records and writes them in transactions of NEWSDB_BATCH_SIZE rows or every few seconds.

    The writes run in one thread of their own, which owns the connection: a batch of a hundred articles
    takes 0.2-0.4 s to index, and on the reactor thread that stalled downloads and left the extraction
    workers idle. Batches are written in order; after a failed one, none is."""

    def __init__(self, crawler):
        self.crawler = crawler
        self.batch_size = crawler.settings.getint("NEWSDB_BATCH_SIZE", 100)
        self.batch_seconds = crawler.settings.getfloat("NEWSDB_BATCH_SECONDS", 5.0)
        self.buffer: list[dict] = []
        self.last_flush = time.monotonic()
        self.writer = ThreadPoolExecutor(max_workers=1, thread_name_prefix="newsdb-store")
        self.pending: list[asyncio.Future] = []
        self.db = None  # opened, used and closed in the writer thread only
        self.run_id = None
        self.started_at = None
        self.ticker = None
        self.failed = False  # a write failed: the crawl is stopping, nothing more is written
        self.closing = False

    @classmethod
    def from_crawler(cls, crawler):
        pipeline = cls(crawler)
        # spider_closed comes after every pipeline closed and carries the reason the run ended
        crawler.signals.connect(pipeline.spider_closed, signal=signals.spider_closed)
        return pipeline

    async def open_spider(self, spider=None):
        self.started_at = utc_now()
        await asyncio.get_running_loop().run_in_executor(self.writer, self._start_run)
        self.ticker = asyncio.get_running_loop().create_task(self._tick())

    def _start_run(self) -> None:
        self.db = open_db(self.crawler.settings.get("NEWSDB_DB"))
        sources = sorted(self.crawler.spider.sources)
        with self.db.atomic():
            # a run still "running" here was killed: this process holds the crawl lock
            self.db.execute("update crawl_runs set status = 'killed' where status = 'running'")
            self.run_id = self.db.table("crawl_runs").insert(
                {"started_at": self.started_at, "status": "running", "sources": json.dumps(sources)}).last_pk

    async def _tick(self):
        while True:  # commit a slow trickle of articles without waiting for a full batch
            await asyncio.sleep(self.batch_seconds)
            if self.buffer:
                self.flush()

    async def process_item(self, item):
        self.buffer.append(item["article"] if "article" in item.fields else dict(item))
        if len(self.buffer) >= self.batch_size or time.monotonic() - self.last_flush > self.batch_seconds:
            self.flush()
        if len(self.pending) > MAX_PENDING_BATCHES:  # the disk is slower than the crawl: let it catch up
            await asyncio.wait([self.pending[0]])
        return item

    def flush(self) -> None:
        """Hand the buffered records to the writer thread; counters and errors come back to this thread."""
        batch, self.buffer = self.buffer, []
        self.last_flush = time.monotonic()
        if not batch or self.failed:
            return
        future = asyncio.wrap_future(self.writer.submit(self._write, batch))
        self.pending.append(future)
        future.add_done_callback(lambda done: self._written(done, len(batch)))

    def _write(self, batch: list[dict]) -> Counter | None:
        """In the writer thread: the batch in one transaction; None when an earlier batch failed."""
        if self.failed:
            return None
        try:
            return write_batch(self.db, batch)
        except Exception:  # disk full, locked past busy_timeout, or worse: the batch rolled back
            self.failed = True  # set here, so the batches queued behind this one are not written either
            raise

    def _written(self, future: asyncio.Future, size: int) -> None:
        self.pending.remove(future)
        error = future.exception()
        if error is not None:
            self._stop(error, size)
        elif future.result() is None:
            logger.error("%d more records not written (an earlier batch failed)", size)
        else:
            for key, value in future.result().items():
                self.crawler.stats.inc_value(f"newsdb/{key}", value)

    def _stop(self, error: BaseException, lost: int) -> None:
        """Stop the crawl cleanly: what is committed stays, the pages of the failed batch are not recorded
        as fetched, so the next run fetches them again."""
        self.crawler.stats.inc_value("newsdb/store_errors")
        logger.error("cannot write to %s: %s; stopping the crawl (%d records not written; the next run "
                     "fetches them again)", self.crawler.settings.get("NEWSDB_DB"), error, lost)
        if not self.closing:
            asyncio.get_running_loop().create_task(self.crawler.engine.close_spider_async(reason="store_failed"))

    async def close_spider(self, spider=None):
        self.closing = True
        if self.ticker:
            self.ticker.cancel()
        self.flush()
        if self.pending:
            await asyncio.wait(list(self.pending))

    def spider_closed(self, spider, reason):
        """The run's record, statistics and closing, in the writer thread (every batch is written by now)."""
        try:
            self.writer.submit(self._finish_run, reason).result()
        finally:
            self.writer.shutdown()

    def _finish_run(self, reason: str) -> None:
        try:
            self.record_run(self.crawler.stats.get_stats(), "store_failed" if self.failed else reason)
        except sqlite3.OperationalError as e:  # still full: the run stays "running", the next one marks it killed
            logger.error("cannot record the run in %s: %s", self.crawler.settings.get("NEWSDB_DB"), e)
        self._refresh_statistics()
        self.db.close()

    def _refresh_statistics(self) -> None:
        try:
            if maintenance.statistics_stale(self.db):
                started = time.monotonic()
                maintenance.refresh_statistics(self.db)
                logger.info("planner statistics refreshed in %.2f s", time.monotonic() - started)
        except sqlite3.OperationalError as e:  # the run is recorded; the next one tries again
            logger.warning("cannot refresh the planner statistics of %s: %s", self.crawler.settings.get("NEWSDB_DB"), e)

    def record_run(self, stats: dict, reason: str) -> None:
        settings = self.crawler.settings
        now = utc_now()
        rows = [self._source_row(stats, name, now, settings) for name in sorted(self.crawler.spider.sources)]
        flagged = [r["source"] for r in rows if r["status"] == "flagged"]
        run = {**runs.source_counters(stats, None), "finished_at": now, "status": runs.run_status(reason, rows),
               "flagged": json.dumps(flagged), "stats": json.dumps(stats, default=str, sort_keys=True)}
        with self.db.atomic():
            self.db.table("crawl_run_sources").insert_all(rows)
            self.db.table("crawl_runs").update(self.run_id, run)

    def _source_row(self, stats: dict, source: str, now: str, settings) -> dict:
        row = {"run_id": self.run_id, "source": source, "started_at": self.started_at, "finished_at": now,
               **runs.source_counters(stats, source), **runs.coverage(stats, source)}
        history = list(self.db.query(
            "select * from crawl_run_sources where source = ? and run_id < ? order by run_id desc limit 5",
            [source, self.run_id]))
        flags = runs.health_flags(row, history, settings.getint("NEWSDB_FLAG_EMPTY_RUNS", 3))
        row["flags"] = json.dumps(flags, ensure_ascii=False)
        row["status"] = runs.source_status(row, stats, source)
        return row
