"""The SQLite schema newsdb writes and Datasette reads: one place, created idempotently."""
from __future__ import annotations

from pathlib import Path

import sqlite_utils

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

CRAWL_RUN_COLUMNS = {
    "id": int,
    "started_at": str,
    "finished_at": str,
    "status": str,  # running, ok, source_errors, failed
    "sources": str,  # JSON array of source names crawled
    "pages_fetched": int,
    "articles_new": int,
    "articles_updated": int,
    "articles_unchanged": int,
    "articles_duplicate": int,  # new articles that are reprints of a stored story
    "dropped_not_article": int,
    "dropped_empty": int,
    "http_errors": str,  # JSON object: status code -> count
    "stats": str,  # JSON object: every Scrapy and newsdb counter of the run
}

INDEXES = [
    ["source"],
    ["published"],
    ["language"],
    ["category"],
    ["duplicate_of"],
    ["content_hash"],
    ["source", "published"],
]


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
    articles = db.table("articles")
    if articles.exists():  # a database from an older newsdb gains the new columns
        missing = {c: t for c, t in ARTICLE_COLUMNS.items() if c not in articles.columns_dict}
        for column, kind in missing.items():
            articles.add_column(column, kind)
    else:
        articles.create(
            ARTICLE_COLUMNS,
            pk="id",
            not_null={"url", "source"},
            foreign_keys=[("duplicate_of", "articles", "id")],
        )
        articles.create_index(["url"], unique=True)
        for columns in INDEXES:
            articles.create_index(columns)
        articles.enable_fts(["title", "body"], create_triggers=True, tokenize="trigram")
    signatures = db.table("article_signatures")
    if not signatures.exists():
        signatures.create(
            {"article_id": int, "minhash": bytes},
            pk="article_id",
            foreign_keys=[("article_id", "articles", "id")],
        )
    runs = db.table("crawl_runs")
    if not runs.exists():
        runs.create(CRAWL_RUN_COLUMNS, pk="id")
