"""Each article's facet columns in memory: counts, facets and first pages of the articles table.

Used by the search plan (search_plan.py). At a million articles Datasette's count and each of its four
facets read every matching row from an index: a common word ("government", a Chinese word in most
Chinese articles) matches 200,000-600,000 articles (0.1-1 s a query), and a click on a facet value
(``?source=...``) ran three facets past their 1 s limit. So the values the articles table is faceted
by (source, category, language, the day of ``published``), whether each article is a reprint, and its
place in the table's default order (``published desc, id``) are kept in numpy arrays indexed by id
(about 15 MB at a million articles). A page's count, facet counts and first page, over a search's hits
or the whole table, filtered by facet values or not, are then computed in a few milliseconds and handed
to Datasette as the results of small SQL queries over JSON.

The arrays are a snapshot of one state of the file (``cache.file_stamp``). When the file has changed
they are read again in a background thread (at most one load per file at a time, and no more than
``LOAD_SHARE`` of the time on average): only the new rows when articles merely gained rows with higher
ids, as a crawl's commits do, and the head of the table's order down to the last of them (0.04-0.07 s at
a million articles), else everything (0.8-1.2 s). A file that pages use is watched (``watch``), so the
new rows are read when a commit lands; a page asked for meanwhile waits up to ``WAIT_FOR_LOAD`` for them
(a click on a facet value answered in SQL takes 1-3 s at a million); after that, or when everything must
be read, it runs in SQL as before: answers are always those of the file as it is.
"""
from __future__ import annotations

import asyncio
import logging
import sqlite3
import threading
import time
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from newsdb.datasette import cache
from pipelines.schema import ARTICLE_EDITS

log = logging.getLogger(__name__)

# the articles table's facets (metadata.yml), as Datasette's facet queries spell them
FACETS = ("source", "category", "language", "date(published)")
ORIGINALS = "duplicate_of is null"
REPRINTS = "duplicate_of is not null"
RANKS = "places"  # a filter on places in the order: (first, past the last)
ORDER = "published desc, id"
# what each column is read off (pipelines.schema): an index scan each, ~0.1 s at a million articles
INDEXES = {
    "source": "idx_articles_source",
    "category": "idx_articles_category",
    "language": "idx_articles_language",
    "date(published)": "idx_articles_published_date",
    ORIGINALS: "idx_articles_duplicate_of_published",
    ORDER: "idx_articles_published_id",
}
# (id, published, source, category, language, duplicate_of): new rows' columns without reading the rows,
# whose bodies come before `published` (overflow pages: 20-40 ms for 50 rows at a million articles)
BY_ID = "idx_articles_id_published_source_category_language_duplicate_of"
SPARSE = 4  # ids spread wider than this many slots per article are not worth arrays indexed by id
LOAD_SHARE = 0.2  # loads take at most this share of the time on average,
LOAD_BURST = 2.0  # in bursts of up to this many seconds (the first full load, then new rows at once)
WAIT_FOR_LOAD = 1.0  # seconds a page waits for the columns of a file whose columns were read before
POLL = 0.005  # a check is two stat() calls: waking often costs little, and the page gets its answer sooner
WATCH_EVERY = 0.1  # seconds between the watcher's looks at a watched file (two stat() calls)
WATCH_FOR = 600.0  # a file is watched while a page asked for its columns this recently


@dataclass(frozen=True)
class Columns:
    """One state of a file's articles: facet values as codes, and places in the default order, by id."""

    stamp: tuple
    rank: np.ndarray  # by id: place in the order (published desc, id); -1 where there is no article
    by_rank: np.ndarray  # the ids in that order
    codes: dict[str, np.ndarray]  # by facet: each article's value as a code, 0 for null
    values: dict[str, list]  # by facet: the value of each code
    originals: np.ndarray  # by id: duplicate_of is null
    edits: int | None = None  # schema.ARTICLE_EDITS when read (None: the file has no such count)
    top: int = 0  # the highest id when read
    grown_from: tuple = ()  # the stamps of the earlier states these columns only added rows to (the last 64)

    def matching(self, ids: np.ndarray, filters: list[tuple[str, object]]) -> np.ndarray:
        """The articles `ids` whose facets have these values (``(facet, value)``; ``(ORIGINALS, None)``:
        not a reprint, ``(REPRINTS, None)``: a reprint; ``(RANKS, (first, end))``: places in the order).
        Values compare as SQLite compares them with a TEXT column's."""
        for facet, value in filters:
            if facet in (ORIGINALS, REPRINTS):
                ids = ids[self.originals[ids] == (facet == ORIGINALS)]
                continue
            if facet == RANKS:
                places = self.rank[ids]
                ids = ids[(places >= value[0]) & (places < value[1])]
                continue
            try:
                code = self.values[facet].index(str(value), 1)
            except ValueError:
                return ids[:0]
            ids = ids[self.codes[facet][ids] == code]
        return ids

    def present(self, ids: np.ndarray) -> np.ndarray:
        """The ids (from a full-text index) that are articles of this state (as int32 where they fit:
        a search's hits are kept for its next queries)."""
        ids = ids[(ids >= 0) & (ids < len(self.rank))]
        ids = ids[self.rank[ids] >= 0]
        return ids.astype(np.int32) if len(self.rank) < 2**31 else ids

    def facet(self, facet: str, ids: np.ndarray, limit: int) -> list[tuple]:
        """(value, count) of the articles `ids`, as ``group by ... order by count desc, value limit``."""
        counts = np.bincount(self.codes[facet][ids], minlength=len(self.values[facet]))
        found = [(self.values[facet][code], int(counts[code])) for code in np.flatnonzero(counts) if code]
        found.sort(key=lambda pair: (-pair[1], *_sqlite_order(pair[0])))
        return found[:limit]

    def per_source_per_day(self) -> list[tuple]:
        """(source, day, articles, originals) of every source and day, as the ``articles_per_source_per_day``
        query gives them: ``group by source, date(published) order by day desc, source``."""
        ids = self.by_rank
        days = self.values["date(published)"]
        keys = self.codes["source"][ids].astype(np.int64) * len(days) + self.codes["date(published)"][ids]
        counts = np.bincount(keys)
        originals = np.bincount(keys, weights=self.originals[ids], minlength=len(counts))
        found = [(self.values["source"][key // len(days)], days[key % len(days)], int(counts[key]),
                  int(originals[key])) for key in np.flatnonzero(counts)]
        found.sort(key=lambda row: _sqlite_order(row[0]))
        found.sort(key=lambda row: _sqlite_order(row[1]), reverse=True)  # stable: sources stay in order
        return found

    def first(self, ids: np.ndarray, limit: int) -> list[int]:
        """The first `limit` of the articles `ids` in the order (published desc, id)."""
        ranks = self.rank[ids]
        if len(ranks) > limit:
            ranks = np.partition(ranks, limit - 1)[:limit]
        return [int(i) for i in self.by_rank[np.sort(ranks)]]


def _sqlite_order(value) -> tuple:
    """SQLite's order of values of different types: null, numbers, text (by code point), blobs."""
    if value is None:
        return (0, 0)
    if isinstance(value, (int, float)):
        return (1, value)
    return (2, value) if isinstance(value, str) else (3, value)


def load(path: str, previous: Columns | None = None) -> Columns | None:
    """The columns of the file's articles as it is now; None where the file lacks newsdb's indexes or its
    ids are too sparse for arrays. From `previous` (an earlier state of the same file) and the new rows
    only, when articles only gained rows with higher ids since (schema.ARTICLE_EDITS)."""
    conn = sqlite3.connect(f"{Path(path).resolve().as_uri()}?mode=ro", uri=True)
    try:
        conn.execute("select count(*) from sqlite_master").fetchone()  # may create the WAL: a new stamp
        stamp = cache.file_stamp(path)  # before the snapshot: a commit after it leaves an outdated stamp
        conn.execute("begin")  # one snapshot for every read
        have = {name for (name,) in conn.execute("select name from sqlite_master where type in ('index', 'table')")}
        if not {*INDEXES.values(), BY_ID} <= have:
            return None
        # each alone reads one end of the table; min() and max() in one select read every row (0.09 s at 1M)
        count, low, top = (conn.execute(f"select {f} from articles").fetchone()[0]
                           for f in ("count(*)", "min(id)", "max(id)"))
        if count and (low < 0 or top > SPARSE * count + 1_000_000):
            log.warning("%s: article ids %d to %d for %d articles; pages facet in SQL", path, low, top, count)
            return None
        edits = conn.execute(f"select edits from {ARTICLE_EDITS}").fetchone()[0] if ARTICLE_EDITS in have else None
        size = (top or 0) + 1
        appended = by_rank = None
        if previous is not None and edits is not None and previous.edits == edits and count and top >= previous.top:
            appended = _appended(conn, previous, size, count)
        if appended:
            codes, values, originals, fresh = appended
            by_rank = _merged_order(conn, previous, fresh, count)
        else:
            codes, values, originals = _read(conn, size)
        if by_rank is None:
            by_rank = parse_ids(conn.execute(f"select group_concat(id) from (select id from articles indexed by "
                                             f"{INDEXES[ORDER]} order by {ORDER})").fetchone()[0])
    finally:
        conn.close()
    rank = np.full(size, -1, np.int64)
    rank[by_rank] = np.arange(len(by_rank))
    grown_from = (*previous.grown_from, previous.stamp)[-64:] if appended else ()
    return Columns(stamp, rank, by_rank, codes, values, originals, edits, top or 0, grown_from)


def _read(conn: sqlite3.Connection, size: int) -> tuple[dict, dict, np.ndarray]:
    codes, values = {}, {}
    for facet in FACETS:
        codes[facet], values[facet] = _grouped(conn, facet, INDEXES[facet], size)
    originals = np.zeros(size, bool)
    originals[parse_ids(conn.execute(f"select group_concat(id) from articles indexed by {INDEXES[ORIGINALS]} "
                                f"where {ORIGINALS}").fetchone()[0])] = True
    return codes, values, originals


def _appended(conn: sqlite3.Connection, previous: Columns, size: int, count: int) -> tuple | None:
    """`previous` grown to `size`, with the rows from its highest id on read again (that one too: an
    INSERT OR REPLACE of the highest id edits it without counting as an edit); None when the articles
    are not its articles and the new ones (`count` says otherwise)."""
    rows = conn.execute(f"select id, {ORIGINALS}, {', '.join(FACETS)} from articles indexed by {BY_ID} "
                        "where id >= ?", (previous.top,)).fetchall()
    ids = np.fromiter((row[0] for row in rows), np.int64, len(rows))
    if len(previous.by_rank) + int((ids > previous.top).sum()) != count:
        return None
    originals = np.zeros(size, bool)
    originals[:len(previous.originals)] = previous.originals
    originals[ids] = np.fromiter((row[1] for row in rows), bool, len(rows))
    codes, values = {}, {}
    for k, facet in enumerate(FACETS, 2):
        values[facet] = list(previous.values[facet])
        book = {value: code for code, value in enumerate(values[facet])}
        codes[facet] = np.zeros(size, np.int32)
        codes[facet][:len(previous.codes[facet])] = previous.codes[facet]
        for id_, row in zip(ids.tolist(), rows):
            if row[k] not in book:
                book[row[k]] = len(values[facet])
                values[facet].append(row[k])
            codes[facet][id_] = book[row[k]]
    return codes, values, originals, ids


def _merged_order(conn: sqlite3.Connection, previous: Columns, fresh: np.ndarray, count: int) -> np.ndarray | None:
    """The table's order with the `fresh` rows (the new ones and the previous highest id, read again)
    placed among `previous`'s: only the head of the order index down to the last of them is read, and
    the rest is `previous`'s order. A crawl's new stories are recent, so the head is short (reading the
    whole index was most of an incremental load, and seconds when cold). None when the last one has no
    date (it sorts at the very end) or the head is not `previous`'s head plus them."""
    published, last = conn.execute(f"select published, id from articles indexed by {BY_ID} where id >= ? "
                                    "order by published asc, id desc limit 1", (previous.top,)).fetchone()
    if published is None:
        return None
    head = conn.execute(f"select count(*) from articles indexed by {INDEXES[ORDER]} "
                        "where published >= ? and (published > ? or id <= ?)", (published, published, last)).fetchone()[0]
    top = parse_ids(conn.execute(f"select group_concat(id) from (select id from articles indexed by {INDEXES[ORDER]} "
                                 f"order by {ORDER} limit ?)", (head,)).fetchone()[0])
    rest = previous.by_rank[previous.by_rank != previous.top]  # the previous highest id is among the fresh
    old = top[~np.isin(top, fresh)]
    if len(top) != head or not np.array_equal(old, rest[:len(old)]) or len(top) + len(rest) - len(old) != count:
        return None
    return np.concatenate([top, rest[len(old):]])


def _grouped(conn: sqlite3.Connection, facet: str, index: str, size: int) -> tuple[np.ndarray, list]:
    """Each article's value of `facet` as a code, read in groups off the facet's index (SQLite's C code
    does the work: the page server's threads keep the GIL), and the value of each code."""
    codes, values = np.zeros(size, np.int32), [None]
    for value, listed in conn.execute(f"select {facet}, group_concat(id) from articles indexed by {index} "
                                      f"group by {facet}"):
        if value is not None:
            codes[parse_ids(listed)] = len(values)
            values.append(value)
    return codes, values


def parse_ids(listed: str | None) -> np.ndarray:
    """Ids as SQLite's group_concat lists them ("3,1,2"), as an array."""
    return np.fromstring(listed or "", dtype=np.int64, sep=",")


class _Loader:
    """Loads each file's columns in a background thread when asked for a state it does not have."""

    def __init__(self):
        self._lock = threading.Lock()
        self._loaded: dict[str, Columns] = {}
        self._threads: dict[str, threading.Thread] = {}
        self._credit: dict[str, tuple[float, float]] = {}  # path -> (seconds of loading left, as of when)
        self._unusable: dict[str, tuple] = {}  # path -> the stamp load() returned None or failed for

    def fresh(self, path: str) -> Columns | None:
        """The columns of the file as it is now, or None (and a load started, if none runs and it may)."""
        stamp = cache.file_stamp(path)
        if stamp is None:
            return None
        with self._lock:
            columns = self._loaded.get(path)
            if columns is not None and columns.stamp == stamp:
                return columns
            running = self._threads.get(path)
            if (running and running.is_alive()) or self._unusable.get(path) == stamp \
                    or self._credit_at(path, time.monotonic()) < 0:
                return None
            thread = threading.Thread(target=self._load, args=(path,), name="newsdb-columns", daemon=True)
            self._threads[path] = thread
        thread.start()
        return None

    def _load(self, path: str) -> None:
        started = time.monotonic()
        stamp = cache.file_stamp(path)
        try:
            columns = load(path, self._loaded.get(path))
        except (sqlite3.Error, OSError, ValueError) as e:
            log.warning("%s: facet columns not loaded (%s); searches facet in SQL", path, e)
            columns = None
        took = time.monotonic() - started
        with self._lock:
            now = time.monotonic()
            self._credit[path] = (self._credit_at(path, now) - took, now)
            if columns is None:
                self._unusable[path] = stamp
            else:
                self._loaded[path] = columns
                log.info("%s: facet columns of %d articles loaded in %.1f s", path, len(columns.by_rank), took)

    def coming(self, path: str, by: float) -> bool:
        """Whether new columns of `path` may be there by monotonic time `by`: it had columns (so the new
        state is most likely new rows, read in a fraction of a second), and a load runs or may start."""
        stamp = cache.file_stamp(path)
        with self._lock:
            if path not in self._loaded or stamp is None or self._unusable.get(path) == stamp:
                return False
            running = self._threads.get(path)
            return bool(running and running.is_alive()) or self._credit_at(path, by) >= 0

    def _credit_at(self, path: str, moment: float) -> float:
        """Seconds of loading `path` may take at `moment`: LOAD_SHARE of the time since, up to LOAD_BURST;
        a load may start while it is not negative."""
        credit, since = self._credit.get(path, (LOAD_BURST, moment))
        return min(LOAD_BURST, credit + LOAD_SHARE * max(0.0, moment - since))

    def wait(self, path: str) -> None:
        """Until the running load of `path` (if any) is done."""
        with self._lock:
            thread = self._threads.get(path)
        if thread is not None:
            thread.join()

    def forget(self) -> None:
        with self._lock:
            self._loaded.clear()
            self._credit.clear()
            self._unusable.clear()


_loader = _Loader()
fresh = _loader.fresh
wait = _loader.wait
forget = _loader.forget


async def fresh_soon(path: str, budget: float | None = None) -> Columns | None:
    """fresh(path), waiting up to `budget` seconds (WAIT_FOR_LOAD; without blocking the event loop)
    while a load that may bring them runs or may start; None when they do not come in time."""
    _asked[path] = time.monotonic()
    by = time.monotonic() + (WAIT_FOR_LOAD if budget is None else budget)
    while True:
        columns = fresh(path)
        if columns is not None or time.monotonic() >= by or not _loader.coming(path, by):
            return columns
        await asyncio.sleep(POLL)


_asked: dict[str, float] = {}  # path -> when a page last asked for its columns (fresh_soon)
_watched: set[str] = set()
_watching = threading.Lock()


def watch(path: str) -> None:
    """Read the new state of `path` within WATCH_EVERY of each commit, not when a page first asks for it,
    while pages use its columns (WATCH_FOR): a click a moment after a crawl's commit then finds them read
    or being read. Nobody browsing, nothing is read."""
    with _watching:
        if not _watched:
            threading.Thread(target=_watch_loop, name="newsdb-columns-watch", daemon=True).start()
        _watched.add(path)


def _watch_loop() -> None:
    while True:
        time.sleep(WATCH_EVERY)
        now = time.monotonic()
        for path in list(_watched):
            if now - _asked.get(path, -WATCH_FOR) < WATCH_FOR:
                try:
                    fresh(path)
                except Exception:  # the watcher must outlive any one look; the pages load as before
                    log.exception("%s: facet columns watcher", path)
