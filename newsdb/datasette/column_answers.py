"""Datasette's queries of the articles table answered from the facet columns in memory.

Used by the search plan (search_plan.py) for every query Datasette runs. The first page, the count and
the facets of the articles table, searched or not, unfiltered or filtered by facet values (source,
category, language, day, ``duplicate_of__isnull``), are computed from the columns (article_columns.py)
and, for a search, its hits (read once per search and state of the file, under their own time limit).
Each answer goes back to Datasette as a small SQL query over JSON (the page's ids, a count, a facet's
values and counts), so that it renders it as usual; answers are kept per state of the file. Any other
query, or any query while the columns are outdated, is left as it is.
"""
from __future__ import annotations

import asyncio
import json
import re
import sqlite3
import time

import numpy as np
from cachetools import LRUCache
from datasette.database import Database, QueryInterrupted
from datasette.utils import sqlite_timelimit

from newsdb.datasette import article_columns
from newsdb.serve import canned_sql

ORDER = f"order by {article_columns.ORDER}"  # the table's default order (metadata.yml: sort_desc published)
AFTER = "after"  # a filter: the articles after the one a page showed last (Datasette's next page)
# a common word's postings (600,000 articles, 3-6 MB) read cold take 0.1-0.4 s here, seconds when the disk
# is busy: past Datasette's limit for a query, which would fail the page
HITS_TIME_LIMIT_MS = 15_000
MAX_HITS = 16  # searches whose hits are kept
MAX_MATCHED = 8  # pages (search and facet filters) whose articles are kept for their other queries
MAX_ANSWERS = 512

_IDS = "select group_concat(rowid) from {fts} where {fts} match escape_fts(:search)"
_IDS_SINCE = _IDS + " and rowid >= :since"  # not for all hits: the constraint costs ~10 % of a full read
_IDS_BELOW = _IDS + " and rowid < :below"
# all hits are read in two halves of the ids at once, on two connections: SQLite lets go of the GIL, so a
# common word's 600,000 hits at a million articles took 44-55 ms instead of 52-84 on two cores
SPLIT_FROM = 100_000  # highest id
# the canned query of that name in metadata.yml, on one line (it ends with "limit N")
_PER_SOURCE_PER_DAY = canned_sql("articles_per_source_per_day")
# the queries the columns answer, with facet filters (`_filters`) and a search's condition in `where`
_SHAPES = {
    "rows": re.compile(r"^select (?P<columns>[\w, ]+) from articles(?P<where>(?: where .+)?) " + ORDER
                       + r" limit (?P<limit>\d+)$"),
    "count": re.compile(r"^select count\(\*\) from articles(?P<where>(?: where .+)?)$"),
    "facet": re.compile(r"^select (?P<facet>[\w()]+) as value, count\(\*\) as count from \( select [\w, ]+ from "
                        r"articles(?P<where>(?: where .+)?) \) where (?P=facet) is not null group by (?P=facet) "
                        r"order by count desc, value limit (?P<limit>\d+)$"),
}
_CONDITION = re.compile(r'^(?:(?:"(?P<column>source|category|language)"|date\("published"\)) = :(?P<param>p\d+)'
                        r'|"published" (?P<op>>=|>|<=|<) :(?P<bound>p\d+)'
                        r'|"duplicate_of" is (?P<null>not )?null)$')
# a range of "published" (published__gte, __gt, __lte, __lt) is a range of places in the order (published desc,
# id), which puts null last: its ends are the first article past the bound and the first without a date
_PAST_BOUND = {">=": "published < :bound", ">": "published <= :bound", "<=": "published <= :bound",
               "<": "published < :bound"}
# Datasette's next page in the order (published desc, id) (its keyset pagination, views/table.py): the rows
# after the last one shown, (published, id) = (:a, :b), or (null, :b); always the last condition
_AFTER = re.compile(r'(?:^ where | and )(?:\(published < :(?P<a>p\d+) or published is null or \(published = :(?P=a) '
                    r'and \(\(id > :(?P<b>p\d+)\)\)\)\)|\(published is null and \(\(id > :(?P<null_b>p\d+)\)\)\))$')
_AFTER_SHOWN = ("published = :a and id > :b", "published < :a", "published is null")
_FIRST = f"select id from articles indexed by {article_columns.INDEXES[article_columns.ORDER]} where {{}} " \
         f"order by {article_columns.ORDER} limit 1"
_answers: LRUCache[tuple, tuple[str, dict] | None] = LRUCache(MAX_ANSWERS)  # by query and state of the file
# by (file, its state, index, search): the hits, and the highest id of that state
_hits: LRUCache[tuple, tuple[np.ndarray, int]] = LRUCache(MAX_HITS)
_matched: LRUCache[tuple, np.ndarray] = LRUCache(MAX_MATCHED)  # by (file, its state, index, search, filters)


async def answer(db: Database, flat: str, params: dict,
                 searched: tuple[str, str, str] | None = None) -> tuple[str, dict] | None:
    """`flat` (Datasette's SQL on one line) as one small query and its parameters, when it is the first page,
    the count or a facet of the articles (those matching a search: ``(index, search, its condition)``, or
    all), or the ``articles_per_source_per_day`` query, and the columns in memory are those of the file as
    it is; else None."""
    if not db.path:
        return None
    if flat == _PER_SOURCE_PER_DAY and searched is None:
        return await _per_source_per_day(db.path, int(flat.rsplit(" ", 1)[1]))
    shape = next(((kind, found) for kind, pattern in _SHAPES.items() if (found := pattern.match(flat))), None)
    if shape is None:
        return None
    kind, found = shape
    fts, search, condition = searched or (None, None, None)
    filters = _filters(found["where"], condition, params)
    if filters is None or (kind == "facet" and found["facet"] not in article_columns.FACETS) \
            or (kind == "rows" and fts is None and not filters):  # the newest of all: an index walk in SQL
        return None
    columns = await article_columns.fresh_soon(db.path)
    if columns is None:
        return None
    key = (db.path, columns.stamp, fts, search, flat, tuple(map(repr, filters)))
    if key not in _answers:
        try:
            _answers[key] = _answer(kind, found, columns, await _matching(db, columns, fts, search, filters))
        except _Outdated:
            return None
    return _answers[key]


class _Outdated(Exception):
    """The file changed under the columns between their check and a read: SQL answers."""


def _answer(kind: str, found: re.Match, columns: article_columns.Columns, ids) -> tuple[str, dict] | None:
    if kind == "rows":
        limit = found["limit"]
        return (f"select {found['columns']} from articles where id in (select value from json_each(:newsdb_page)) "
                f"{ORDER} limit {limit}", {"newsdb_page": json.dumps(columns.first(ids, int(limit)))})
    if kind == "count":
        return "select :newsdb_count", {"newsdb_count": len(ids)}
    try:
        counts = json.dumps(columns.facet(found["facet"], ids, int(found["limit"])))
    except TypeError:  # a blob among the values: counted by SQL
        return None
    return ("select json_extract(value, '$[0]') as value, json_extract(value, '$[1]') as count "
            "from json_each(:newsdb_facet)", {"newsdb_facet": counts})


def _filters(where: str, search: str | None, params: dict) -> list[tuple[str, object]] | None:
    """The facet filters of Datasette's where clause (`` where a and b``, then the `search` condition when
    given) as ``(facet, value)``; None when it has any other condition or lacks the search."""
    after = _AFTER.search(where)
    if after:
        where = where[:after.start()]
        if any(after[name] not in params for name in ("a", "b", "null_b") if after[name]):
            return None
    conditions = where.removeprefix(" where ").split(" and ") if where else []
    if search is not None:
        if not conditions or conditions[-1] != search:
            return None
        conditions.pop()
    found = []
    for condition in conditions:
        match = _CONDITION.match(condition)
        if not match or any(match[name] and match[name] not in params for name in ("param", "bound")):
            return None
        if match["bound"] is None and match["param"] is None:
            found.append((article_columns.REPRINTS if match["null"] else article_columns.ORIGINALS, None))
        elif match["op"]:
            found.append((match["op"], params[match["bound"]]))
        else:
            found.append((match["column"] or "date(published)", params[match["param"]]))
    if after:
        shown = (params[after["a"]], params[after["b"]]) if after["a"] else (None, params[after["null_b"]])
        found.append((AFTER, shown))
    return found


async def _matching(db: Database, columns: article_columns.Columns, fts: str | None, search: str | None,
                    filters: list[tuple[str, object]]) -> np.ndarray:
    """The articles of the search (or all of them) with these facet values: a page's count, facets and
    rows all ask (each a pass over a million ids: 6 ms)."""
    key = (db.path, columns.stamp, fts, search, tuple(map(repr, filters)))
    if key not in _matched:
        ids = columns.by_rank if fts is None else await hit_ids(db, fts, search, columns)
        _matched[key] = columns.matching(ids, [await _as_columns_take_it(db, columns, *f) for f in filters])
    return _matched[key]


async def _as_columns_take_it(db: Database, columns: article_columns.Columns, name: str, value) -> tuple:
    """A filter as Columns.matching takes it: a range of dates, or a next page, as places in the order."""
    if name in _PAST_BOUND:
        return article_columns.RANKS, await _places(db, columns, name, value)
    if name == AFTER:
        return article_columns.RANKS, await _after(db, columns, *value)
    return name, value


async def _places(db: Database, columns: article_columns.Columns, op: str, bound) -> tuple[int, int]:
    """The places in the order (published desc, id) of the articles whose published is `op` `bound`: two
    lookups in the order's index, as SQLite compares (a number bound with a TEXT column's values)."""
    def read(conn: sqlite3.Connection) -> tuple[int, int]:
        past = _first_place(conn, columns, _PAST_BOUND[op], {"bound": bound})
        undated = _first_place(conn, columns, "published is null", {})
        return (0, min(past, undated)) if op.startswith(">") else (past, undated)

    return await db.execute_fn(read)


async def _after(db: Database, columns: article_columns.Columns, published, shown_id) -> tuple[int, int]:
    """The places after the row shown last, (published, id), in the order: the first article after it is
    one of the same date with a higher id, else the first older one, else the first without a date."""
    def read(conn: sqlite3.Connection) -> tuple[int, int]:
        params = {"a": published, "b": shown_id}
        if published is None:
            return _first_place(conn, columns, "published is null and id > :b", params), len(columns.by_rank)
        return min(_first_place(conn, columns, where, params) for where in _AFTER_SHOWN), len(columns.by_rank)

    return await db.execute_fn(read)


def _first_place(conn: sqlite3.Connection, columns: article_columns.Columns, where: str, params: dict) -> int:
    """The place of the first article in the order that satisfies `where`; past the last when none does."""
    row = conn.execute(_FIRST.format(where), params).fetchone()
    if row is None:
        return len(columns.by_rank)
    if row[0] >= len(columns.rank) or columns.rank[row[0]] < 0:
        raise _Outdated  # a row written since the columns were read
    return int(columns.rank[row[0]])


async def hit_ids(db: Database, fts: str, search: str, columns: article_columns.Columns) -> np.ndarray:
    """The ids of the articles that match, kept for the next query of the same search in the same state.
    After a crawl's commits (articles only gained rows, as the columns tell), only the new rows' hits are
    read and added to the earlier state's: a common word's hits are 0.07-0.4 s to read at a million."""
    key = (db.path, columns.stamp, fts, search)
    if key not in _hits:
        ids, since = _earlier_hits(db.path, fts, search, columns)
        if since == 0 and columns.top >= SPLIT_FROM:
            half = columns.top // 2
            parts = await asyncio.gather(db.execute_fn(lambda conn: _read_hits(conn, fts, search, below=half)),
                                         db.execute_fn(lambda conn: _read_hits(conn, fts, search, since=half)))
        else:
            parts = [await db.execute_fn(lambda conn: _read_hits(conn, fts, search, since))]
        listed = [article_columns.parse_ids(part) for part in parts]
        ids = np.concatenate([ids[ids != since], *listed])  # the top row read again
        _hits[key] = (columns.present(ids), columns.top)
    return _hits[key][0]


def _earlier_hits(path: str, fts: str, search: str, columns: article_columns.Columns) -> tuple[np.ndarray, int]:
    """The hits of the newest earlier state that `columns` only added rows to (``grown_from``), and its
    highest id (read again: an INSERT OR REPLACE of it is no counted edit); else no hits, and 0."""
    earlier = [_hits[key] for key in list(_hits)  # the keys alone: only a kept state that serves is "used"
               if (key[0], key[2], key[3]) == (path, fts, search) and key[1] in columns.grown_from]
    return max(earlier, key=lambda hits: hits[1], default=(np.zeros(0, np.int64), 0))


def _read_hits(conn: sqlite3.Connection, fts: str, search: str, since: int = 0, below: int = 0) -> str:
    """The ids from `since` on (or below `below`) matching `search`, comma-separated, under
    HITS_TIME_LIMIT_MS instead of Datasette's limit."""
    sql = _IDS_BELOW if below else _IDS_SINCE if since else _IDS
    params = {"search": search, "since": since, "below": below}
    return fetch_one_within(conn, sql.format(fts=fts), params, HITS_TIME_LIMIT_MS)[0] or ""


def fetch_one_within(conn: sqlite3.Connection, sql: str, params: dict, limit_ms: int) -> tuple:
    """The first row of `sql`, under `limit_ms` instead of Datasette's limit; past it, QueryInterrupted
    (Datasette's "SQL query took too long" page)."""
    started = time.perf_counter()
    try:
        with sqlite_timelimit(conn, limit_ms):
            return conn.execute(sql, params).fetchone()
    except sqlite3.OperationalError as e:
        # the limit stops the statement ("interrupted"), or the full-text table's constructor when this
        # connection opens it first ("vtable constructor failed")
        if "interrupted" in str(e) or (time.perf_counter() - started) * 1000 >= limit_ms:
            raise QueryInterrupted(e, sql, params) from e
        raise


async def _per_source_per_day(path: str, limit: int) -> tuple[str, dict] | None:
    columns = await article_columns.fresh_soon(path)
    if columns is None:
        return None
    key = (path, columns.stamp, _PER_SOURCE_PER_DAY)
    if key not in _answers:
        rows = json.dumps(columns.per_source_per_day()[:limit])
        _answers[key] = ("select json_extract(value, '$[0]') as source, json_extract(value, '$[1]') as day, "
                         "json_extract(value, '$[2]') as articles, json_extract(value, '$[3]') as originals "
                         "from json_each(:newsdb_rows)", {"newsdb_rows": rows})
    return _answers[key]
