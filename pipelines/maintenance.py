"""Keeping a growing database fast: the query planner's statistics and compact search indexes.

A crawl refreshes the statistics when they are missing or the articles table has grown by a quarter
(``refresh_statistics``); ``newsdb optimize`` also merges each full-text index into one segment
(``merge_search_index``): FTS5 adds a segment per transaction and merges them only by levels, and
a search reads every segment (one merged index cut a cold search at 1M articles by about half).
"""
from __future__ import annotations

import time

import sqlite_utils

from pipelines.schema import BIGRAMS_FTS, FTS_TABLES, fill_bigrams

# newsdb's own tables: ANALYZE of the FTS shadow tables would read the whole search index (2 min at 1M
# articles) for statistics no query uses; these take ~2 s at 1M
TABLES = ("articles", "pages", "article_signatures", "article_versions", "crawl_runs", "crawl_run_sources")
STALE_GROWTH = 1.25
MERGE_PAGES = 4000  # FTS5 leaf pages merged per transaction (~16 MB): a bounded WAL, readers never wait long


def statistics_stale(db: sqlite_utils.Database) -> bool:
    """Whether the articles table has no planner statistics, or has grown by a quarter since they were taken."""
    if not db["sqlite_stat1"].exists():
        return True
    row = db.execute("select stat from sqlite_stat1 where tbl = 'articles' and idx is not null limit 1").fetchone()
    if row is None:
        return True
    counted = int(row[0].split()[0])
    newest = db.execute("select coalesce(max(id), 0) from articles").fetchone()[0]
    return newest > STALE_GROWTH * counted


def refresh_statistics(db: sqlite_utils.Database) -> None:
    """ANALYZE newsdb's tables, so the query planner knows their sizes and how selective each index is."""
    with db.conn:
        for table in TABLES:
            if db[table].exists():
                db.execute(f"ANALYZE [{table}]")


def index_missing_bigrams(db: sqlite_utils.Database) -> int:
    """Give the bigram index the articles it lacks: rows another tool wrote into `articles` (newsdb's store
    writes each article's n-grams itself). Reads every article without any (English ones too: ~1 min at 1M)."""
    if not db[BIGRAMS_FTS].exists():
        return 0
    return fill_bigrams(db, f"select id, title, body from articles where id not in (select id from {BIGRAMS_FTS}_docsize)")


def search_index_segments(db: sqlite_utils.Database) -> dict[str, int]:
    """How many segments each full-text index has: each is looked up for every term of every search."""
    return {fts: db.execute(f"select count(distinct segid) from [{fts}_idx]").fetchone()[0]
            for fts in FTS_TABLES if db[fts].exists()}


def merge_search_index(db: sqlite_utils.Database, pages: int = MERGE_PAGES, on_step=None) -> int:
    """Merge each full-text index into one segment (what FTS5's 'optimize' does in one go), a bounded
    step per transaction so the WAL stays small and a crawl or Datasette can use the file meanwhile.
    Returns the number of steps; `on_step(steps, seconds)` is called after each."""
    started = time.monotonic()
    steps = 0
    for fts in FTS_TABLES:
        if db[fts].exists():
            steps = _merge(db, fts, pages, steps, started, on_step)
    return steps


def _merge(db: sqlite_utils.Database, fts: str, pages: int, steps: int, started: float, on_step) -> int:
    command = f"insert into [{fts}]([{fts}], rank) values('merge', ?)"
    size = -pages  # a negative size starts merging every segment into one; positive ones go on
    while True:
        before = db.conn.total_changes
        with db.conn:
            db.execute(command, [size])
        steps, size = steps + 1, pages
        if on_step:
            on_step(steps, time.monotonic() - started)
        if db.conn.total_changes - before <= 1:  # the command's own row: nothing was left to merge
            return steps
