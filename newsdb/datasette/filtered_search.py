"""The ``search`` canned query with a filter (source, language, since, until), its 200 newest answered from
the facet columns in memory.

In SQL, a filter on a common word's hits costs either a walk of the newest articles that reads each hit's
row to check it, or a check of every hit on the small ``(id, published, ...)`` index: at a million articles
0.3-0.9 s in a ``make bench-scale`` run, for a word filtered to one source or to Chinese articles. The
columns (article_columns.py) hold each article's source, language, day and place in the order
(``published desc, id``): with the hits' ids, the 200 newest that pass are a few numpy passes.

Installed by ``search_plan.plan_for``, for a text the query sends to its words index (no Chinese or
Japanese characters) while the columns are those of the file as it is. The hits are read once per text
and state of the file, with the query's own match (the text as one phrase; one word from the index
without positions, as column_answers reads a table search's); the query's ``newest`` is replaced by the
200's ids (``json_each``), and its snippets and rows are read as written.
"""
from __future__ import annotations

import json
import re

import numpy as np
from cachetools import LRUCache
from datasette.database import Database
from datasette.utils import escape_fts

from newsdb.datasette import article_columns, column_answers
from newsdb.serve import canned_sql
from pipelines import bigrams
from pipelines.schema import WORD_IDS_FTS

SEARCH = canned_sql("search")  # on one line, as search_plan compares queries
PAGE = 200  # the query's "limit 200"
MAX_KEPT = 16
# the query's newest CTE, in the query as written (line breaks and comments)
_NEWEST = re.compile(r"newest as materialized \(.*?\),\s*snippets as \(", re.S)
IDEOGRAPHIC = re.compile(f"[{bigrams.IDEOGRAPHIC}]")  # the query's GLOB sends these to other indexes
_HITS = "select group_concat(rowid) from articles_words where articles_words match :phrase"
_kept: LRUCache[tuple, np.ndarray] = LRUCache(MAX_KEPT)  # (file, its state, phrase) -> hits


async def planned(db: Database, sql: str, params: dict, have: set[str]) -> tuple[str, dict] | None:
    """The search query with its newest 200 found from the columns, or None to run it as it is (`have`:
    the file's indexes, as search_plan finds them)."""
    text = params.get("q")
    filters = _filters(params)
    if not db.path or not filters or not isinstance(text, str) or not text.strip(" ") or IDEOGRAPHIC.search(text) \
            or not _NEWEST.search(sql):
        return None
    columns = await article_columns.fresh_soon(db.path)
    if columns is None:
        return None
    newest = columns.first(_passing(columns, await _hits(db, columns, text.strip(" "), have), filters), PAGE)
    rewritten = _NEWEST.sub("newest as materialized (select value as id from json_each(:newsdb_newest)), "
                            "snippets as (", sql, count=1)
    return rewritten, {**params, "newsdb_newest": json.dumps(newest)}


async def _hits(db: Database, columns: article_columns.Columns, text: str, have: set[str]) -> np.ndarray:
    """The articles the query's words arm matches: `text` as one phrase. One word is the table search's
    match too: its hits are read (on both cores, from the index without positions) and kept with those."""
    if text.isalnum() and WORD_IDS_FTS in have:
        return await column_answers.hit_ids(db, WORD_IDS_FTS, escape_fts(text), columns)
    phrase = '"' + text.replace('"', '""') + '"'  # as the query builds it from trim(:q)
    key = (db.path, columns.stamp, phrase)
    if key not in _kept:
        listed = await db.execute_fn(lambda conn: column_answers.fetch_one_within(
            conn, _HITS, {"phrase": phrase}, column_answers.HITS_TIME_LIMIT_MS)[0])
        _kept[key] = columns.present(article_columns.parse_ids(listed))
    return _kept[key]


def _filters(params: dict) -> dict[str, str]:
    """The query's filters that are set (coalesce(:name, '') != '')."""
    return {name: value for name in ("source", "language", "since", "until")
            if (value := params.get(name)) is not None and value != ""}


def _passing(columns: article_columns.Columns, ids: np.ndarray, filters: dict[str, str]) -> np.ndarray:
    """The articles `ids` that pass the filters, compared as the query compares them (text)."""
    ids = columns.matching(ids, [(name, filters[name]) for name in ("source", "language") if name in filters])
    days = columns.values["date(published)"]
    since, until = filters.get("since"), filters.get("until")
    if since is None and until is None:
        return ids
    kept = np.array([day is not None and (since is None or day >= since) and (until is None or day <= until)
                     for day in days], dtype=bool)
    return ids[kept[columns.codes["date(published)"][ids]]]
