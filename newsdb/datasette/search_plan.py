"""Datasette's search of the articles table, newest first, without fetching every hit.

Installed by the plugin ``plugins/newsdb_search.py``. Datasette searches a table with
``where id in (select rowid from articles_fts where articles_fts match escape_fts(:search))`` and
sorts by the table's sort, ``published desc, id``. SQLite then fetches every hit's row to sort it:
a word in most of a million articles reads hundreds of thousands of rows (seconds; past Datasette's
time limit the page is an HTTP 400). Written ``+id in (...)``, the IN no longer drives row lookups,
so SQLite walks the ``(published desc, id)`` index newest first and stops at the page size: ~20-50 ms
for a common word, but ~90 ms for a rare one (it reads the whole index), so the rewrite is made only
when the search has more than ``MANY_HITS`` hits (a capped count: a few ms). Only the rows query in
its default order and unfiltered is rewritten; its rows are the same either way. The count and the
facets are left alone: the same trick scans a whole index per query, no cheaper (measured at
1,000,000 articles).
"""
from __future__ import annotations

import re

from datasette.database import Database

MANY_HITS = 2000  # above this, reading the hits' rows to sort them costs more than walking the index
INDEX = "idx_articles_published_id"  # pipelines.schema: (published desc, id)

_SEARCH_IN = "where id in (select rowid from articles_fts where articles_fts match escape_fts(:search))"
_ROWS = re.compile(r"^select [\w, ]+ from articles " + re.escape(_SEARCH_IN) + r" order by published desc, id limit \d+$")
_CAPPED_COUNT = ("select count(*) from (select rowid from articles_fts where articles_fts match escape_fts(:search) "
                 "limit :cap)")

_inner_execute = Database.execute


def is_rewritable(sql: str) -> bool:
    """The rows query of an unfiltered search of the articles table in its default order."""
    return bool(_ROWS.match(" ".join(sql.split())))


async def plan_for(db: Database, sql: str, params) -> str:
    """`sql`, with the search's IN kept from driving row lookups when the search has many hits."""
    if not (isinstance(params, dict) and params.get("search") and _SEARCH_IN in " ".join(sql.split())
            and is_rewritable(sql)):
        return sql
    has_index = await _inner_execute(db, "select 1 from sqlite_master where type = 'index' and name = :name",
                                     {"name": INDEX})
    if not has_index.rows:  # an older file not opened by the crawler since: a walk could read the table
        return sql
    hits = await _inner_execute(db, _CAPPED_COUNT, {"search": params["search"], "cap": MANY_HITS + 1})
    if hits.rows[0][0] <= MANY_HITS:
        return sql
    return " ".join(sql.split()).replace(_SEARCH_IN, "where +id" + _SEARCH_IN[len("where id"):], 1)


async def _execute(self, sql, params=None, *args, **kwargs):
    return await _inner_execute(self, await plan_for(self, sql, params), params, *args, **kwargs)


def install() -> None:
    """Wrap Datasette's Database.execute (idempotent)."""
    global _inner_execute
    if Database.execute is not _execute:
        _inner_execute = Database.execute
        Database.execute = _execute
