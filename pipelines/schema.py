"""The SQLite schema newsdb writes and Datasette reads: one place, created idempotently."""
from __future__ import annotations

import logging
from contextlib import contextmanager
from pathlib import Path

import sqlite_utils
from sqlite_utils.db import DescIndex

from pipelines.bigrams import article_text
from pipelines.vocabulary import (TOKENS_FTS, TOKENS_TOKENIZER, VOCABULARY, VOCABULARY_FTS, VOCABULARY_SQL,
                                 add_all_words, catch_up, mark_in_step)

logger = logging.getLogger(__name__)

ARTICLE_COLUMNS = {
    "id": int,
    "url": str,  # canonical URL: the row's identity
    "fetched_url": str,  # the URL the page was really served from (after redirects)
    "source": str,
    "title": str,
    "body": str,  # plain text, paragraphs separated by a blank line
    "published": str,  # ISO 8601, to the second, with offset when the page gives one
    "published_from": str,  # where the date came from: json-ld, meta, feed, sitemap, text, url
    "author": str,
    "original_source": str,  # the outlet the aggregator credits ("Source:" / "来源：")
    "category": str,
    "tags": str,  # JSON array of strings
    "language": str,  # ISO 639-1 code
    "site_name": str,
    "description": str,
    "comments": str,  # readers' comments shown on the page, kept apart from the body
    "first_seen_at": str,  # UTC ISO 8601
    "fetched_at": str,  # UTC ISO 8601, last time the content changed or was first stored
    "content_hash": str,  # sha1 of the normalised body
    "duplicate_of": int,  # id of the first stored copy of the same story, NULL for originals
}

RUN_COUNTERS = {
    "pages_fetched": int,
    "not_modified": int,  # conditional requests answered 304
    "skipped_seen": int,  # article links not fetched: already stored and past the re-check window
    "articles_new": int,
    "articles_updated": int,
    "articles_unchanged": int,
    "articles_duplicate": int,  # new articles that are reprints of a stored story
    "dropped_not_article": int,
    "dropped_empty": int,
    "http_errors": str,  # JSON object: status code or exception name -> count
}

CRAWL_RUN_COLUMNS = {
    "id": int,
    "started_at": str,
    "finished_at": str,
    "status": str,  # running, ok, source_errors, flagged, budget_spent, killed, failed
    "sources": str,  # JSON array of source names crawled
    **RUN_COUNTERS,
    "flagged": str,  # JSON array of flagged source names
    "stats": str,  # JSON object: every Scrapy and newsdb counter of the run
}

# One row per run and source: what happened to that source, and whether it looks broken.
RUN_SOURCE_COLUMNS = {
    "run_id": int,
    "source": str,
    "started_at": str,
    "finished_at": str,
    "status": str,  # ok, errors, flagged
    **RUN_COUNTERS,
    "coverage_title": float,  # share of this run's new/updated articles with the field filled
    "coverage_published": float,
    "coverage_author": float,
    "coverage_body": float,
    "flags": str,  # JSON array of reasons, empty when healthy
}

# Every non-article page newsdb reads (feeds, sitemaps, listings) and every stored article's URLs:
# the validators for conditional requests, the links a 304 stands for, and what is already stored.
PAGE_COLUMNS = {
    "url": str,  # canonical URL
    "source": str,
    "kind": str,  # feed, sitemap, listing, article
    "etag": str,
    "last_modified": str,
    "links": str,  # JSON array of [url, callback, date hint] found on the page last time
    "article_id": int,
    "first_seen_at": str,
    "last_fetched_at": str,
}

VERSION_COLUMNS = {
    "id": int,
    "article_id": int,
    "title": str,
    "body": str,
    "published": str,
    "author": str,
    "content_hash": str,
    "fetched_at": str,  # when this version was fetched
    "replaced_at": str,  # when a newer version replaced it
}

INDEXES = [
    ["source"],
    # newest first, ties by id: exactly Datasette's `order by published desc, id` (the table's sort_desc),
    # so any page size reads the index in order; with (published) alone SQLite must sort ties by id
    # and for `_size=0`/`_size=1` it chose to sort the whole table instead (seconds at 1M articles)
    [DescIndex("published"), "id"],
    ["language"],
    ["category"],
    ["content_hash"],
    ["source", "published"],
    # originals newest first (latest_stories, the feed) without a sort, and reprints of a story; its
    # prefix serves every duplicate_of lookup, so no index on duplicate_of alone
    ["duplicate_of", "published"],
    # per-source counts of articles and originals and the newest date (the front page), and one
    # source's latest originals, read from the index alone: the rows hold the bodies, and a column
    # stored after the body is only reached through its overflow pages
    ["source", "duplicate_of", "published"],
    # a search's hits by id: its count, its facets and its order (newest first) are read from this small
    # index instead of each hit's row (~6 KB with the body, a random read apiece once the file outgrows
    # the page cache: 20,000 hits took 3.6 s at 1M articles); newsdb/datasette/search_plan.py
    ["id", "published", "source", "category", "language", "duplicate_of"],
]
# indexes on expressions (name -> SQL expression); Datasette's date facet and `published__date=` filter
# are `date(published)`, otherwise computed for every row (date facet over 1M rows: ~0.46 s, from this index ~0.09 s)
EXPRESSION_INDEXES = {"articles": {"idx_articles_published_date": "date(published)"}}
# indexes an older newsdb created that a newer one replaced: dropped on open
RETIRED_INDEXES = {"articles": [("published",)]}

# Full-text indexes of title and body. articles_fts (trigram) finds any text of 3+ characters:
# Chinese, which has no spaces between words. articles_words (words, stemmed: "storms" finds "storm")
# answers searches without Chinese or Japanese characters: a name's postings there are its own
# articles, while each of its trigrams is shared with a large part of all articles (a new name took
# 0.2-0.9 s on a cold trigram index of 1M articles). newsdb/datasette/search_plan.py picks one per search.
WORDS_FTS = "articles_words"
WORDS_TOKENIZER = "porter unicode61 remove_diacritics 2"
# The same words again without their positions (detail=none): a word's postings are its articles' ids
# alone (330 MB at 1M articles against 2.1 GB). A common word in 600,000 of 1M articles is ~0.7 MB to
# read instead of ~5 MB, which cold took 0.3-0.8 s. Datasette's ?_search of words (each one token)
# reads its hits here (search_plan.py); phrases and snippets need articles_words' positions.
WORD_IDS_FTS = "articles_word_ids"
# and the words unstemmed, for the vocabulary's lookup of a part of a word (pipelines/vocabulary.py)
WORDS_INDEXES = {  # name -> its FTS5 options
    WORDS_FTS: f"tokenize='{WORDS_TOKENIZER}'",
    WORD_IDS_FTS: f"tokenize='{WORDS_TOKENIZER}', detail=none, columnsize=0",
    TOKENS_FTS: f"tokenize='{TOKENS_TOKENIZER}', detail=none, columnsize=0",
}


def _words_triggers(fts: str) -> dict[str, str]:
    add = f"INSERT INTO {fts} (rowid, title, body) VALUES (new.id, new.title, new.body);"
    remove = f"INSERT INTO {fts} ({fts}, rowid, title, body) VALUES ('delete', old.id, old.title, old.body);"
    return {f"{fts}_ai": f"AFTER INSERT ON articles BEGIN {add} END",
            f"{fts}_ad": f"AFTER DELETE ON articles BEGIN {remove} END",
            # only a changed title or body re-indexes a row (not a duplicate_of or fetched_at update)
            f"{fts}_au": f"AFTER UPDATE OF title, body ON articles BEGIN {remove} {add} END"}


# Chinese and Japanese runs of 2-4 characters (pipelines/bigrams.py), without positions: two-character
# words, which neither index above can find, and words of three or four, whose postings in the trigram
# index carry every position (a common one at 1M articles: megabytes, read cold). Contentless:
# pipelines/store.py writes each article's runs beside it. Until 2026-11-29 it held pairs with positions;
# such a file's index is made again on open.
BIGRAMS_FTS = "articles_bigrams"
BIGRAMS_SQL = f"CREATE VIRTUAL TABLE {BIGRAMS_FTS} USING fts5(text, content='', tokenize='unicode61', detail=none)"
# articles_fts: sqlite-utils' enable_fts names it. The vocabulary's index comes after the words it holds.
FTS_TABLES = ("articles_fts", WORDS_FTS, WORD_IDS_FTS, BIGRAMS_FTS, TOKENS_FTS, VOCABULARY_FTS)


# Per-source totals of the articles, kept by triggers (so for every writer): the source_coverage query
# and the health page read one row per source instead of every article's row (past 3 s at 1M articles).
SOURCE_TOTALS = "source_totals"
_COUNTED = {  # column -> what one article adds to it
    "articles": "1",
    "originals": "{row}.duplicate_of is null",
    "with_title": "trim(coalesce({row}.title, '')) != ''",
    "with_published": "trim(coalesce({row}.published, '')) != ''",
    "with_author": "trim(coalesce({row}.author, '')) != ''",
    "with_body": "trim(coalesce({row}.body, '')) != ''",
}


def _counted(row: str) -> list[str]:
    return [expression.format(row=row) for expression in _COUNTED.values()]


def _totals_triggers() -> dict[str, str]:
    columns = ", ".join(_COUNTED)
    add = (f"INSERT INTO {SOURCE_TOTALS} (source, {columns}) VALUES (new.source, {', '.join(_counted('new'))}) "
           f"ON CONFLICT (source) DO UPDATE SET " + ", ".join(f"{c} = {c} + excluded.{c}" for c in _COUNTED))
    remove = (f"UPDATE {SOURCE_TOTALS} SET " + ", ".join(f"{c} = {c} - ({e})" for c, e in zip(_COUNTED, _counted("old")))
              + " WHERE source = old.source")
    return {f"{SOURCE_TOTALS}_ai": f"AFTER INSERT ON articles BEGIN {add}; END",
            f"{SOURCE_TOTALS}_ad": f"AFTER DELETE ON articles BEGIN {remove}; END",
            f"{SOURCE_TOTALS}_au": "AFTER UPDATE OF source, title, published, author, body, duplicate_of ON articles "
                                   f"BEGIN {remove}; {add}; END"}


def _source_totals(db: sqlite_utils.Database) -> None:
    """The totals table and its triggers; counted from the stored articles when an older file lacks them
    (once: a read of every row, 12 s at a million articles with the file in the OS cache), in one
    transaction with the triggers."""
    if db[SOURCE_TOTALS].exists():
        return
    if db.execute("select exists (select 1 from articles)").fetchone()[0]:
        logger.warning("counting the articles per source once (10 s to a few minutes per million articles)")
    with db.conn:
        db.execute(f"CREATE TABLE {SOURCE_TOTALS} (source TEXT PRIMARY KEY, "
                   + ", ".join(f"{c} INTEGER NOT NULL DEFAULT 0" for c in _COUNTED) + ")")
        for name, body in _totals_triggers().items():
            db.execute(f"CREATE TRIGGER {name} {body}")
        count_source_totals(db.conn)


def count_source_totals(conn) -> None:
    """Count the per-source totals again from the stored articles (after a load with the triggers off),
    in the caller's transaction."""
    conn.execute(f"DELETE FROM {SOURCE_TOTALS}")
    conn.execute(f"INSERT INTO {SOURCE_TOTALS} (source, {', '.join(_COUNTED)}) SELECT source, "
                 + ", ".join(f"sum({e})" for e in _counted("articles")) + " FROM articles GROUP BY source")


# How many times articles changed other than by a new row with the highest id, counted by triggers (so for
# every writer): while it stays the same, `newsdb serve`'s facet columns (newsdb/datasette/article_columns.py)
# read only the new rows after a commit, and a search's hits only the new rows' (column_answers.py).
ARTICLE_EDITS = "article_edits"
_EDITS_TRIGGERS = {
    "article_edits_ad": "AFTER DELETE ON articles",
    "article_edits_au": "AFTER UPDATE OF id, source, category, language, published, duplicate_of, title, body "
                        "ON articles",
    "article_edits_ai": "AFTER INSERT ON articles WHEN new.id < (SELECT max(id) FROM articles)",
}


def _article_edits(db: sqlite_utils.Database) -> None:
    """The count and its triggers; a trigger an older newsdb made differently is made again."""
    with db.conn:
        if not db[ARTICLE_EDITS].exists():
            db.execute(f"CREATE TABLE {ARTICLE_EDITS} (edits INTEGER NOT NULL)")
            db.execute(f"INSERT INTO {ARTICLE_EDITS} (edits) VALUES (0)")
        for name, event in _EDITS_TRIGGERS.items():
            sql = f"CREATE TRIGGER {name} {event} BEGIN UPDATE {ARTICLE_EDITS} SET edits = edits + 1; END"
            made = db.execute("SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = ?", [name]).fetchone()
            if made is None or made[0] != sql:
                db.execute(f"DROP TRIGGER IF EXISTS {name}")
                db.execute(sql)


def open_db(path: str | Path) -> sqlite_utils.Database:
    """Open (creating if needed) a newsdb database in WAL mode with the full schema."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    db = sqlite_utils.Database(path)
    db.enable_wal()
    db.execute("PRAGMA synchronous=NORMAL")
    db.execute("PRAGMA busy_timeout=30000")
    ensure_schema(db)
    return db


def ensure_schema(db: sqlite_utils.Database) -> None:
    if _create(db, "articles", ARTICLE_COLUMNS, pk="id", not_null={"url", "source"},
               foreign_keys=[("duplicate_of", "articles", "id")], indexes=INDEXES):
        db.table("articles").create_index(["url"], unique=True)
        db.table("articles").enable_fts(["title", "body"], create_triggers=True, tokenize="trigram")
    for fts in WORDS_INDEXES:
        _words_index(db, fts)
    _bigrams_index(db)
    _source_totals(db)
    _article_edits(db)
    _vocabulary(db)
    _create(db, "article_signatures", {"article_id": int, "minhash": bytes}, pk="article_id",
            foreign_keys=[("article_id", "articles", "id")])
    _create(db, "article_versions", VERSION_COLUMNS, pk="id", foreign_keys=[("article_id", "articles", "id")],
            indexes=[["article_id"]])
    _create(db, "crawl_runs", CRAWL_RUN_COLUMNS, pk="id")
    _create(db, "crawl_run_sources", RUN_SOURCE_COLUMNS, pk=("run_id", "source"),
            foreign_keys=[("run_id", "crawl_runs", "id")], indexes=[["source", "run_id"]])
    _create(db, "pages", PAGE_COLUMNS, pk="url", indexes=[["source", "kind"], ["article_id"]])


def _create(db: sqlite_utils.Database, name: str, columns: dict, pk, not_null=(), foreign_keys=(),
            indexes=()) -> bool:
    """Create a table with its indexes (True), or add the columns an older newsdb lacked (False)."""
    table = db.table(name)
    if table.exists():
        for column, kind in columns.items():
            if column not in table.columns_dict:
                table.add_column(column, kind)
        have = {tuple(index.columns) for index in table.indexes}
        for index in indexes:  # an index a newer newsdb added: built once, on the first open
            if tuple(index) not in have:
                table.create_index(index, if_not_exists=True)
        _expression_indexes(db, name)
        retired = set(RETIRED_INDEXES.get(name, ()))
        for index in table.indexes:
            if tuple(index.columns) in retired and not index.unique and not index.name.startswith("sqlite_"):
                db.execute(f"DROP INDEX IF EXISTS [{index.name}]")
        return False
    table.create(columns, pk=pk, not_null=set(not_null), foreign_keys=list(foreign_keys))
    for index in indexes:
        table.create_index(index)
    _expression_indexes(db, name)
    return True


def _expression_indexes(db: sqlite_utils.Database, table: str) -> None:
    for index, expression in EXPRESSION_INDEXES.get(table, {}).items():
        db.execute(f"CREATE INDEX IF NOT EXISTS [{index}] ON [{table}] ({expression})")


def _words_index(db: sqlite_utils.Database, fts: str) -> None:
    """A words index and its triggers; built from the stored articles when an older file lacks it
    (once: 3-5 minutes per million articles)."""
    if not db[fts].exists():
        if db.execute("select exists (select 1 from articles)").fetchone()[0]:
            logger.warning("building the search index %s once (about 3 minutes per million articles)", fts)
        with db.conn:
            db.execute(f"CREATE VIRTUAL TABLE {fts} USING fts5(title, body, {WORDS_INDEXES[fts]}, "
                       "content='articles', content_rowid='id')")
            rebuild_fts(db.conn, fts)
    for name, body in _words_triggers(fts).items():
        db.execute(f"CREATE TRIGGER IF NOT EXISTS {name} {body}")


def rebuild_fts(conn, fts: str) -> None:
    """Index every stored article again, in the caller's transaction (the contentless n-gram index from
    Python, as the store writes it; the vocabulary's index by adding the words it lacks; the others by
    FTS5's own rebuild from their content table)."""
    with large_segments(conn, fts):
        if fts == BIGRAMS_FTS:
            index_bigrams(conn, conn.execute("select id, title, body from articles"))
        elif fts == VOCABULARY_FTS:  # the words, which the vocabulary's own triggers index as they are added
            add_all_words(conn)
            mark_in_step(conn)
        else:
            conn.execute(f"INSERT INTO {fts}({fts}) VALUES('rebuild')")


@contextmanager
def large_segments(conn, fts: str):
    """While filling a whole index: FTS5 writes a segment each `hashsize` bytes of postings (1 MB by
    default); 256 MB makes far fewer to merge (a trigram rebuild ~2x faster). The default is back
    afterwards, for a crawl's small transactions."""
    conn.execute(f"INSERT INTO {fts}({fts}, rank) VALUES('hashsize', 268435456)")
    yield
    conn.execute(f"DELETE FROM {fts}_config WHERE k = 'hashsize'")


def _bigrams_index(db: sqlite_utils.Database) -> None:
    """The n-gram index; made and filled from the stored articles when an older file lacks it or has it
    made otherwise (once: 22 minutes at a million articles, 30 % of them Chinese)."""
    made = db.execute("SELECT sql FROM sqlite_master WHERE name = ?", [BIGRAMS_FTS]).fetchone()
    if made is not None and made[0] == BIGRAMS_SQL:
        return
    if db.execute("select exists (select 1 from articles)").fetchone()[0]:
        logger.warning("building the Chinese and Japanese search index once (about 20 minutes per million articles)")
    with db.conn:  # made and filled in one transaction: an interrupted build is started again on the next open
        db.execute(f"DROP TABLE IF EXISTS {BIGRAMS_FTS}")
        db.execute(BIGRAMS_SQL)
        rebuild_fts(db.conn, BIGRAMS_FTS)


def _vocabulary(db: sqlite_utils.Database) -> None:
    """The vocabulary and its index, filled from the index of unstemmed words when an older file lacks them
    (once: 10-20 s per million articles); else the words of rows other tools wrote added."""
    with db.conn:
        if db[VOCABULARY].exists():
            catch_up(db.conn)
            return
        for sql in VOCABULARY_SQL:
            db.execute(sql)
        rebuild_fts(db.conn, VOCABULARY_FTS)


def fill_bigrams(db: sqlite_utils.Database, select_articles: str, params=()) -> int:
    """Index the n-grams of the articles `select_articles` returns (id, title, body), in a transaction of
    its own; returns how many had any."""
    with db.conn:  # committed here: sqlite-utils would not commit a transaction it did not open
        return index_bigrams(db.conn, db.conn.execute(select_articles, params))


def index_bigrams(conn, articles) -> int:
    """Add the n-grams of each (id, title, body) to the n-gram index, in the caller's transaction."""
    return _bigrams_command(conn, f"INSERT INTO {BIGRAMS_FTS} (rowid, text) VALUES (?, ?)", articles)


def unindex_bigrams(conn, articles) -> int:
    """Remove the n-grams of each (id, title, body) as stored: a contentless index removes exactly what it is given."""
    return _bigrams_command(conn, f"INSERT INTO {BIGRAMS_FTS} ({BIGRAMS_FTS}, rowid, text) VALUES ('delete', ?, ?)",
                            articles)


def _bigrams_command(conn, sql: str, articles) -> int:
    pairs = ((article_id, article_text(title, body)) for article_id, title, body in articles)
    return conn.executemany(sql, ((article_id, text) for article_id, text in pairs if text)).rowcount
