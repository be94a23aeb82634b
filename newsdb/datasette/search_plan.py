"""Datasette's search of the articles table: the right full-text index, and no hit's row read needlessly.

Installed by the plugin ``plugins/newsdb_search.py``. Datasette searches the table's ``fts_table``
(articles_fts, trigrams) with ``where id in (select rowid from articles_fts where articles_fts match
escape_fts(:search))`` in the rows query, the count and each facet. At a million articles, each of
those took 0.2-0.9 s for a new name: every trigram of a name is shared by a large part of all
articles, and each hit's row (~6 KB with its body, a random read once the file outgrows the page
cache) was read to count, facet and sort it. So, for the searches Datasette escapes (not
``_searchmode=raw``):

- a search without Chinese or Japanese characters goes to the words index (articles_words,
  pipelines/schema.py), where a name's postings are its own articles; when each of its terms is one
  word, to the same index without positions (articles_word_ids: a common word's postings are
  ~0.7 MB at 1M articles instead of ~5); a Chinese word of two to four characters to the n-gram
  index (articles_bigrams: the trigram index cannot match two, and keeps every position of three or four);
- while the facet columns in memory (article_columns.py) are those of the file as it is, the first page,
  the count and the facets of a search, unfiltered or filtered by facet values, come from its hit list
  and those columns (column_answers.py, which also answers the unsearched table's); the rest of this
  plan is for when they are not;
- the match runs once per search (while the file is unchanged): with up to ``HITS_LISTED`` hits its
  queries read the hits' ids as a JSON list (``json_each``) instead of decoding the index again;
- the count and the facets of an unfiltered search read the hits' columns from the small
  ``(id, published, source, category, language, duplicate_of)`` index (``indexed by``: SQLite's
  planner prefers the rows);
- its rows query, in the default order (``published desc, id``): with up to ``MANY_HITS`` hits the
  page's ids are chosen from that index and only their rows are read; with more, ``+id`` keeps the
  IN from driving row lookups, so SQLite walks the ``(published desc, id)`` index newest first and
  stops at the page size (a common word's hits are never all read).

The answers are the same rows Datasette's queries would give from the same index.
"""
from __future__ import annotations

import re

from cachetools import LRUCache
from datasette.database import Database
from datasette.utils import escape_fts

from newsdb.datasette import article_columns, cache, column_answers, filtered_search, substring_hits
from pipelines import bigrams
from pipelines.schema import BIGRAMS_FTS, WORD_IDS_FTS, WORDS_FTS

MANY_HITS = 2000  # above this, reading the hits' dates to sort them costs more than walking the index
INDEX = article_columns.INDEXES[article_columns.ORDER]  # pipelines.schema: (published desc, id)
HITS_INDEX = article_columns.BY_ID  # (id, published, source, category, language, duplicate_of)
WORDS, WORD_IDS, BIGRAMS = WORDS_FTS, WORD_IDS_FTS, BIGRAMS_FTS
# the canned queries in metadata.yml test for the same characters with GLOB
IDEOGRAPHIC = re.compile(f"[{bigrams.IDEOGRAPHIC}]")
_QUOTED = re.compile(r'"([^"]*)"')

HITS_LISTED = 100_000  # up to this many hits are found once per search and handed to its queries as a list
MAX_LISTS = 16

_MATCH = "articles_fts where articles_fts match escape_fts(:search)"
_ORDER = column_answers.ORDER
_LIST = ("select count(*), json_group_array(rowid) from (select rowid from {fts} where {fts} match "
         "escape_fts(:search) limit :cap)")
_lists: LRUCache[tuple, tuple] = LRUCache(MAX_LISTS)  # (file, its state, index, search) -> hits

_inner_execute = Database.execute


def search_in(fts: str) -> str:
    return f"where id in (select rowid from {fts} where {fts} match escape_fts(:search))"


def rows_query(sql: str, fts: str = "articles_fts") -> re.Match | None:
    """The rows query of an unfiltered search of the articles table in its default order."""
    return re.match(r"^select (?P<columns>[\w, ]+) from articles " + re.escape(search_in(fts)) + " " + _ORDER
                    + r" limit (?P<limit>\d+)$", " ".join(sql.split()))


def is_rewritable(sql: str) -> bool:
    return rows_query(sql) is not None


async def plan_for(db: Database, sql: str, params) -> tuple[str, dict]:
    """`sql` and `params` on the index that suits the search, reading as few rows as it can."""
    search = params.get("search") if isinstance(params, dict) else None
    flat = " ".join(sql.split())
    if flat == substring_hits.SEARCH_TEXT and isinstance(params, dict):
        return await substring_hits.planned(db, sql, params) or (sql, params)
    if flat == filtered_search.SEARCH and isinstance(params, dict):
        return await filtered_search.planned(db, sql, params, await _schema(db)) or (sql, params)
    if not search or _MATCH not in flat:  # the table's count and facets, or a filtered first page
        planned = await column_answers.answer(db, flat, params if isinstance(params, dict) else {})
        return (planned[0], {**(params or {}), **planned[1]}) if planned else (sql, params)
    have = await _schema(db)  # an older file not yet opened by a newer crawler lacks some
    fts = index_for(search, have)
    flat = flat.replace(search_in("articles_fts"), search_in(fts)).replace(_MATCH, f"{fts} where {fts} match escape_fts(:search)")
    planned = await column_answers.answer(db, flat, params, (fts, search, search_in(fts).removeprefix("where ")))
    if planned:
        return planned[0], {**params, **planned[1]}
    count, listed = await _hits(db, fts, search)
    rows = rows_query(flat, fts)
    if rows:
        flat = _rows_plan(flat, rows, fts, count, have)
    elif HITS_INDEX in have:  # the count and the facets
        flat = flat.replace(f"from articles {search_in(fts)}", f"from articles indexed by {HITS_INDEX} {search_in(fts)}")
    if listed is None:
        return flat, params
    # the match ran once for this search: its queries read the list instead of matching again
    found = f"select rowid from {fts} where {fts} match escape_fts(:search)"
    return flat.replace(found, "select value from json_each(:newsdb_hits)"), {**params, "newsdb_hits": listed}


def index_for(search: str, have: set[str]) -> str:
    """Words for text without Chinese or Japanese characters (their ids alone when each term is one word);
    for two to four such characters (each word of the search), the n-gram index; else the trigram index."""
    if not IDEOGRAPHIC.search(search):
        if WORD_IDS in have and one_word_each(search):
            return WORD_IDS
        return WORDS if WORDS in have else "articles_fts"
    if BIGRAMS in have and all(bigrams.NGRAM.fullmatch(word) for word in search.split()):
        return BIGRAMS
    return "articles_fts"


def one_word_each(search: str) -> bool:
    """Whether each term of the search as Datasette escapes it is one word to the words tokenizer: an index
    without positions rejects a phrase of more ("start-up", or "climate change" in quotes)."""
    escaped = escape_fts(search)
    terms = _QUOTED.findall(escaped)
    # letters and digits only: unicode61 splits words on everything else
    return bool(terms) and not _QUOTED.sub("", escaped).strip() and all(term.isalnum() for term in terms)


def _rows_plan(flat: str, rows: re.Match, fts: str, count: int, have: set[str]) -> str:
    if count > MANY_HITS and INDEX in have:
        return flat.replace(search_in(fts), "where +id" + search_in(fts)[len("where id"):], 1)
    if HITS_INDEX in have:  # the page's ids from the small index, then only their rows
        limit = rows.group("limit")
        return (f"select {rows.group('columns')} from articles where id in (select id from articles indexed by "
                f"{HITS_INDEX} {search_in(fts)} {_ORDER} limit {limit}) {_ORDER} limit {limit}")
    return flat


async def _hits(db: Database, fts: str, search: str) -> tuple[int, str | None]:
    """How many articles match (counted up to HITS_LISTED + 1), and their ids as a JSON list when there
    are no more than HITS_LISTED; kept for the next query of the same search while the file is unchanged."""
    stamp = cache.file_stamp(db.path) if db.path else None
    key = (db.path, stamp, fts, search)
    if stamp is not None and key in _lists:
        return _lists[key]
    sql, params = _LIST.format(fts=fts), {"search": search, "cap": HITS_LISTED + 1}
    # a common word's postings read cold can take longer than Datasette's limit for one query
    count, listed = await db.execute_fn(lambda conn: column_answers.fetch_one_within(
        conn, sql, params, column_answers.HITS_TIME_LIMIT_MS))
    hits = (count, listed if count <= HITS_LISTED and stamp is not None else None)
    if stamp is not None:
        _lists[key] = hits
    return hits


async def _schema(db: Database) -> set[str]:
    found = await _inner_execute(db, "select name from sqlite_master where name in (:a, :b, :c, :d, :e)",
                                 {"a": INDEX, "b": HITS_INDEX, "c": WORDS, "d": WORD_IDS, "e": BIGRAMS})
    return {name for (name,) in found.rows}


async def _execute(self, sql, params=None, *args, **kwargs):
    sql, params = await plan_for(self, sql, params)
    return await _inner_execute(self, sql, params, *args, **kwargs)


def install() -> None:
    """Wrap Datasette's Database.execute (idempotent)."""
    global _inner_execute
    if Database.execute is not _execute:
        _inner_execute = Database.execute
        Database.execute = _execute
