"""The ``search_text`` canned query's trigram match, read once per text and state of the file under its own
time limit, so a cold read answers slowly instead of failing the page.

At a million articles a part of a word (a new name's 5-7 trigrams, each in a large share of the
articles) read cold took 0.1-6 s: past Datasette's 3 s limit for one search in four in a
``make bench-scale`` run. Installed by ``search_plan.plan_for``: the query's trigram arm is replaced by
the ids read here (``json_each``); the rest of the query (the newest 200 off the small index, the
snippets) runs as written, under Datasette's limit. Up to ``MAX_LISTED`` hits; a text with more is left to
the query as written.

A part of a word in ASCII letters and digits is read through the vocabulary instead (pipelines/vocabulary.py):
the few stored words that contain it, then their articles in the index of unstemmed words. Same ids,
without reading the trigram index's large postings.
"""
from __future__ import annotations

import re
import sqlite3

from cachetools import LRUCache
from datasette.database import Database

from newsdb.datasette import cache
from newsdb.datasette.column_answers import fetch_one_within
from newsdb.serve import canned_sql
from pipelines import bigrams, vocabulary

SEARCH_TEXT = canned_sql("search_text")  # on one line, as search_plan compares queries
TIME_LIMIT_MS = 15_000  # as column_answers.HITS_TIME_LIMIT_MS: a cold read on a busy disk
MAX_LISTED = 100_000
MAX_KEPT = 16
# words containing a text looked up in the words index; a text in more reads the trigram index. At 1M
# articles a name's 4 letters were in 300-370 words: their postings read cold in 40 ms, its trigrams' in 240-420
MAX_WORDS = 1000
# the query's trigram arm (metadata.yml), whatever its line breaks
ARM = re.compile(r"""select rowid from articles_fts\s+where length\(:q\) >= 3 and \(length\(:q\) > 4 or :q glob '[^']*'\)"""
                 r"""\s+and articles_fts match '"' \|\| replace\(:q, '"', '""'\) \|\| '"'""")
_READ = ("""select count(*), json_group_array(rowid) from (select rowid from articles_fts where articles_fts """
         """match '"' || replace(:q, '"', '""') || '"' limit :cap)""")
_kept: LRUCache[tuple, str | None] = LRUCache(MAX_KEPT)  # (file, its state, text) -> JSON ids, or None: too many


async def planned(db: Database, sql: str, params: dict) -> tuple[str, dict] | None:
    """`sql` (the search_text query) with its trigram arm read here, or None to run it as it is."""
    text = params.get("q")
    if not db.path or not isinstance(text, str) or len(text) < 3 or bigrams.NGRAM.fullmatch(text) or not ARM.search(sql):
        return None  # an n-gram's lookup is one token: nothing to read apart
    stamp = cache.file_stamp(db.path)
    if stamp is None:
        return None
    key = (db.path, stamp, text)
    if key not in _kept:
        _kept[key] = await db.execute_fn(lambda conn: _read(conn, text))
    listed = _kept[key]
    return None if listed is None else _rewritten(sql, params, listed)


def _rewritten(sql: str, params: dict, listed: str) -> tuple[str, dict]:
    arm = "select value from json_each(:newsdb_substring_hits) where length(:q) >= 3"
    return ARM.sub(lambda _: arm, sql, count=1), {**params, "newsdb_substring_hits": listed}


def _read(conn: sqlite3.Connection, text: str) -> str | None:
    """The ids of the articles holding `text`, as a JSON list; None past MAX_LISTED."""
    words = _words_with(conn, text)
    if words == []:
        return "[]"
    if words:
        sql, params = vocabulary.ARTICLES_WITH, {"match": vocabulary.any_of(words)}
    else:
        sql, params = _READ, {"q": text}
    count, listed = fetch_one_within(conn, sql, {**params, "cap": MAX_LISTED + 1}, TIME_LIMIT_MS)
    return listed if count <= MAX_LISTED else None


def _words_with(conn: sqlite3.Connection, text: str) -> list[str] | None:
    """The stored words containing `text`, or None when the trigram index must be read instead: text
    the vocabulary does not answer, more than MAX_WORDS words, a file without a vocabulary or with rows
    another tool wrote since newsdb last had it (pipelines/vocabulary.py)."""
    if not (vocabulary.answers(text) and vocabulary.in_step(conn)):
        return None
    words = [word for (word,) in conn.execute(vocabulary.WORDS_WITH, {"match": vocabulary.phrase(text),
                                                                      "cap": MAX_WORDS + 1})]
    return words if len(words) <= MAX_WORDS else None
