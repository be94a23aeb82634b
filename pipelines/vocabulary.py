"""The stored articles' words as the unstemmed words index holds them, findable by any part of a word.

The search_text query looks for any text. A part of a Latin word ("elorant") was looked up in the trigram
index as all of its three-character pieces, each in a large share of the articles: at a million articles
megabytes of postings, seconds when read cold. Here the same text is looked up among the distinct words
instead (the vocabulary, with a trigram index of its own: small), and the few words that contain it in the
index of unstemmed words (articles_tokens: their articles' ids, no positions).

That is the same answer for text made only of ASCII letters and digits (``answers``, from four): such text never
spans two words, because every one of its characters is part of a word to the tokenizer. The vocabulary
holds the index's own terms (folded as the index folds them), so each is found in it as stored. Only words
with three ASCII letters or digits in a row are kept: no other word can contain such a text, and the
Chinese runs, which the tokenizer takes as one word each, stay out.

newsdb's store adds each batch's words as it writes the batch. The vocabulary records the newest article
and the count of edits (pipelines/schema.py's article_edits, kept by triggers for every writer) it holds
the words of: while they differ from the file's, rows another tool wrote may hold words it lacks, and
search_text reads the trigram index as before. The next open by newsdb (a crawl, `newsdb serve`,
`newsdb optimize`) catches up (``catch_up``).
"""
from __future__ import annotations

import re
from collections.abc import Iterable
from contextlib import contextmanager

TOKENS_FTS = "articles_tokens"
TOKENS_TOKENIZER = "unicode61 remove_diacritics 0"  # as the trigram index: case folded, accents kept
VOCABULARY = "vocabulary"
VOCABULARY_FTS = "vocabulary_fts"
KEPT = "term glob '*[0-9a-z][0-9a-z][0-9a-z]*'"  # folded terms: ASCII letters are lower case
# three characters are one token of the trigram index: read there as fast (a common one faster)
_ANSWERS = re.compile(r"[0-9A-Za-z]{4,}\Z")

VOCABULARY_STATE = "vocabulary_state"
_NEWEST, _EDITS = "(SELECT coalesce(max(id), 0) FROM articles)", "(SELECT edits FROM article_edits)"
_CURRENT = f"SELECT {_NEWEST}, {_EDITS}"

VOCABULARY_SQL = [
    f"CREATE TABLE {VOCABULARY} (id INTEGER PRIMARY KEY, word TEXT NOT NULL UNIQUE)",
    f"CREATE VIRTUAL TABLE {VOCABULARY_FTS} USING fts5(word, content='{VOCABULARY}', content_rowid='id', "
    "tokenize='trigram', columnsize=0)",  # with positions: a text of 4+ characters is a phrase of trigrams
    f"CREATE TRIGGER {VOCABULARY}_ai AFTER INSERT ON {VOCABULARY} BEGIN "
    f"INSERT INTO {VOCABULARY_FTS} (rowid, word) VALUES (new.id, new.word); END",
    f"CREATE TRIGGER {VOCABULARY}_ad AFTER DELETE ON {VOCABULARY} BEGIN "
    f"INSERT INTO {VOCABULARY_FTS} ({VOCABULARY_FTS}, rowid, word) VALUES ('delete', old.id, old.word); END",
    # the articles whose words it holds: up to this id, as of this count of edits
    f"CREATE TABLE {VOCABULARY_STATE} (newest INTEGER NOT NULL, edits INTEGER NOT NULL)",
    f"INSERT INTO {VOCABULARY_STATE} VALUES (-1, -1)",
]
# the words that contain a text, and the articles that hold any of them (search_text, substring_hits.py)
WORDS_WITH = f"select word from {VOCABULARY_FTS} where {VOCABULARY_FTS} match :match limit :cap"
ARTICLES_WITH = f"select count(*), json_group_array(rowid) from (select rowid from {TOKENS_FTS} " \
                f"where {TOKENS_FTS} match :match limit :cap)"
_BATCH = "newsdb_new_words"  # a scratch index in the connection's temp schema, tokenizing a batch as TOKENS_FTS does


def answers(text: str) -> bool:
    """Whether `text` is looked up through the vocabulary: four or more ASCII letters and digits (the words
    containing such a text hold exactly the articles containing it)."""
    return bool(_ANSWERS.match(text))


def phrase(text: str) -> str:
    """`text` as one FTS5 string (quoted, its quotes doubled)."""
    return '"' + text.replace('"', '""') + '"'


def any_of(words: Iterable[str]) -> str:
    """An FTS5 query for articles holding any of the words."""
    return " OR ".join(phrase(word) for word in words)


def add_words(conn, texts: Iterable[tuple[str | None, str | None]]) -> None:
    """Add the words of each (title, body) to the vocabulary, in the caller's transaction."""
    _scratch(conn)
    conn.executemany(f"INSERT INTO temp.{_BATCH} (rowid, text) VALUES (?, ?)",  # contentless: rowids given
                     ((n, f"{title or ''}\n{body or ''}") for n, (title, body) in enumerate(texts, 1)))
    conn.execute(f"INSERT OR IGNORE INTO {VOCABULARY} (word) SELECT term FROM temp.{_BATCH}_terms WHERE {KEPT}")
    conn.execute(f"INSERT INTO temp.{_BATCH} ({_BATCH}) VALUES ('delete-all')")


def in_step(conn) -> bool:
    """Whether the vocabulary holds the words of every stored article, as far as newsdb can tell (False
    for a file without one: an older newsdb's, until newsdb opens it for writing)."""
    if conn.execute(f"SELECT 1 FROM sqlite_master WHERE name = '{VOCABULARY_STATE}'").fetchone() is None:
        return False
    recorded = conn.execute(f"SELECT * FROM {VOCABULARY_STATE}").fetchone()
    return tuple(recorded) == tuple(conn.execute(_CURRENT).fetchone())  # tuples: Datasette's rows are sqlite3.Row


def mark_in_step(conn) -> None:
    """Record that the vocabulary holds the words of every article stored now (caller's transaction)."""
    conn.execute(f"UPDATE {VOCABULARY_STATE} SET newest = {_NEWEST}, edits = {_EDITS}")


@contextmanager
def no_new_words(conn):
    """Around changes of articles that add no word (deletes, columns other than title and body), in the
    caller's transaction: a vocabulary in step before stays in step, instead of the next open reading
    every word of the index again (10 s at a million articles)."""
    was_in_step = in_step(conn)
    yield
    if was_in_step:
        mark_in_step(conn)


def catch_up(conn) -> None:
    """Add the words of the articles written since the vocabulary was last in step: rows added after its
    newest alone, or, after other edits, every word of the index (caller's transaction)."""
    newest, edits = conn.execute(f"SELECT * FROM {VOCABULARY_STATE}").fetchone()
    now_newest, now_edits = conn.execute(_CURRENT).fetchone()
    if (newest, edits) == (now_newest, now_edits):
        return
    if edits == now_edits and newest >= 0:
        add_words(conn, conn.execute("SELECT title, body FROM articles WHERE id > ?", [newest]))
    else:
        add_all_words(conn)
    mark_in_step(conn)


def add_all_words(conn) -> int:
    """Add every word of the index of unstemmed words that the vocabulary lacks (a read of the whole
    index: 10 s at a million articles); returns how many were added."""
    conn.execute(f"CREATE VIRTUAL TABLE IF NOT EXISTS temp.{TOKENS_FTS}_terms USING fts5vocab(main, {TOKENS_FTS}, row)")
    return conn.execute(f"INSERT OR IGNORE INTO {VOCABULARY} (word) "
                        f"SELECT term FROM temp.{TOKENS_FTS}_terms WHERE {KEPT}").rowcount


def _scratch(conn) -> None:
    conn.execute(f"CREATE VIRTUAL TABLE IF NOT EXISTS temp.{_BATCH} USING fts5(text, content='', "
                 f"tokenize='{TOKENS_TOKENIZER}', detail=none, columnsize=0)")
    conn.execute(f"CREATE VIRTUAL TABLE IF NOT EXISTS temp.{_BATCH}_terms USING fts5vocab(temp, {_BATCH}, row)")
