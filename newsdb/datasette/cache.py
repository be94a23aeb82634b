"""Aggregates of a big newsdb database in Datasette, kept until the file changes.

Installed by the plugin ``plugins/newsdb_cache.py``. A table page runs ``select count(*)`` and one
``GROUP BY`` per facet over the whole filtered table on every request: with a million articles that
is most of the page's time, and the answer is the same until the crawler writes again. Datasette's
``Database.execute`` is wrapped so that the results of such queries (row counts, facet counts and
the front page's counts per source; never article rows) are kept when they took at least
``MIN_MS``, keyed by database, SQL and parameters and stamped with the state of the database file
and its WAL. Every commit changes the WAL (its size, its modification time, or its header's salts
when a checkpoint restarts it), so a stamp mismatch means the database may have changed and the
query runs again: answers are exactly what SQLite returns; only their cost changes.

``table_counts`` (database and index pages) no longer counts the hidden tables: ``count(*)`` is one
uninterruptible SQLite step that Datasette's 5-10 ms time limit cannot stop, and counting
``articles_fts_data`` walks the whole full-text index (~0.15 s at 100,000 articles, ~10x that at a
million).

While the facet columns in memory are those of the file as it is (``article_columns.py``), the
search plan answers the articles table's counts and facets from them before they reach this cache.

Each read connection also gets a 64 MB page cache and memory-mapped reads, so the rows behind
search hits (long bodies put the later columns on overflow pages) are read without a system call
per page.
"""
from __future__ import annotations

import hashlib
import os
import re
import sqlite3
import threading
import time

from cachetools import LRUCache
from datasette.database import Database, QueryInterrupted, Results

from newsdb.datasette.newsroom import data
from newsdb.serve import canned_sql

MIN_MS = 15  # cheaper queries are not worth remembering
MAX_ENTRIES = 512
MAX_ROWS = 1000  # aggregates are small; anything bigger is not kept
MMAP_BYTES = 64 * 2**30  # address space only: the pages are the OS's file cache
CACHE_KIB = 64 * 1024  # per read connection (Datasette keeps num_sql_threads of them)

# `select count(*) ...` (table and filtered counts) and `select <col> | date(<col>) | j.value as
# value, count(*) as count from (...)` (column, date and array facets)
_AGGREGATE = re.compile(
    r"^\s*select\s+(count\(\*\)\s+from\s|[\w\[\]\"().]+\s+as\s+value\s*,\s*count\(\*\)\s+as\s+count\s)",
    re.IGNORECASE,
)
# answers that change without a write
_VOLATILE = re.compile(r"random|'now'|\bcurrent_(date|time|timestamp)\b|changes\(|last_insert_rowid", re.IGNORECASE)
# whole-table aggregates: the newsroom front page's counts, and canned queries over every article
_NAMED = {" ".join(data.SOURCE_COUNTS.split()), canned_sql("story_clusters"), canned_sql("source_coverage")}

_cache: LRUCache = LRUCache(MAX_ENTRIES)
_lock = threading.Lock()
_original_execute = Database.execute
_original_table_counts = Database.table_counts


def file_stamp(path: str) -> tuple | None:
    """What changes whenever a transaction commits to the database at ``path`` (WAL or not)."""
    try:
        main = os.stat(path)
    except OSError:
        return None
    stamp: list = [main.st_ino, main.st_size, main.st_mtime_ns]
    try:
        with open(f"{path}-wal", "rb") as fp:
            wal = os.fstat(fp.fileno())
            stamp += [wal.st_ino, wal.st_size, wal.st_mtime_ns, fp.read(32)]
    except OSError:
        stamp.append(None)
    return tuple(stamp)


def cacheable(sql: str) -> bool:
    sql = sql or ""
    return (bool(_AGGREGATE.match(sql)) or " ".join(sql.split()) in _NAMED) and not _VOLATILE.search(sql)


def _frozen(value) -> str:
    """A parameter as part of a key: long ones (a search's list of hits) by their digest, not whole."""
    text = repr(value)
    return text if len(text) <= 256 else f"{len(text)}:{hashlib.sha1(text.encode()).hexdigest()}"


def _key(db: Database, sql: str, params, truncate: bool, page_size) -> tuple:
    if isinstance(params, dict):
        frozen = tuple(sorted((str(k), type(v).__name__, _frozen(v)) for k, v in params.items()))
    elif params is None:
        frozen = ()
    else:
        frozen = tuple((type(v).__name__, _frozen(v)) for v in params)
    return (db.name, db.path, sql, frozen, truncate, page_size)


async def _execute(self, sql, params=None, truncate=False, custom_time_limit=None, page_size=None,
                   log_sql_errors=True):
    path = None if getattr(self, "is_memory", False) else getattr(self, "path", None)
    if not path or not cacheable(sql):
        return await _original_execute(self, sql, params=params, truncate=truncate,
                                       custom_time_limit=custom_time_limit, page_size=page_size,
                                       log_sql_errors=log_sql_errors)
    key = _key(self, sql, params, truncate, page_size)
    stamp = file_stamp(path)  # before the query: a commit during it leaves an outdated stamp, never a hit
    with _lock:
        hit = _cache.get(key)
        if hit is not None and stamp is not None and hit[0] == stamp:
            rows, truncated, description = hit[1]
            return Results(list(rows), truncated, description)
    started = time.perf_counter()
    results = await _original_execute(self, sql, params=params, truncate=truncate,
                                      custom_time_limit=custom_time_limit, page_size=page_size,
                                      log_sql_errors=log_sql_errors)
    if stamp is not None and (time.perf_counter() - started) * 1000 >= MIN_MS and len(results.rows) <= MAX_ROWS:
        with _lock:
            _cache[key] = (stamp, (tuple(results.rows), results.truncated, results.description))
    return results


async def _table_counts(self, limit=10):
    """Datasette 0.65's Database.table_counts, with hidden tables (full-text index, signatures) left
    uncounted (None: shown as unknown)."""
    if not self.is_mutable and self.cached_table_counts is not None:
        return self.cached_table_counts
    hidden = set(await self.hidden_table_names())
    counts = {}
    for table in await self.table_names():
        if table in hidden:
            counts[table] = None
            continue
        try:
            result = await self.execute(f"select count(*) from [{table}]", custom_time_limit=limit)
            counts[table] = result.rows[0][0]
        except (QueryInterrupted, sqlite3.OperationalError, sqlite3.DatabaseError):
            counts[table] = None
    if not self.is_mutable:
        self._cached_table_counts = counts
    return counts


def install() -> None:
    """Wrap Datasette's Database.execute and table_counts (idempotent)."""
    Database.execute = _execute
    Database.table_counts = _table_counts


def clear() -> None:
    with _lock:
        _cache.clear()


def prepare_connection(conn) -> None:
    conn.execute(f"PRAGMA mmap_size={MMAP_BYTES}")
    conn.execute(f"PRAGMA cache_size=-{CACHE_KIB}")
