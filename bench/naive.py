"""C: the naive baseline, as most Scrapy + trafilatura projects write it. One pipeline: trafilatura
called inline in the Scrapy process (blocking the reactor while it runs), then one INSERT and one
COMMIT per item into SQLite with Python's defaults (rollback journal, synchronous=FULL). No dedupe,
no process pool, no batching.

    newsdb crawl ... -s 'ITEM_PIPELINES={"bench.naive.NaivePipeline": 100}' -s BENCH_NAIVE_DB=data/bench/c.db
"""
from __future__ import annotations

import json
import sqlite3

import trafilatura

from crawler.items import PageItem


class NaivePipeline:
    def __init__(self, path: str):
        self.path = path
        self.conn: sqlite3.Connection | None = None

    @classmethod
    def from_crawler(cls, crawler):
        return cls(crawler.settings.get("BENCH_NAIVE_DB", "data/bench/naive.db"))

    def open_spider(self, spider=None):
        self.conn = sqlite3.connect(self.path)
        self.conn.execute("create table if not exists articles (id integer primary key, url text unique, source text, "
                          "title text, body text, published text, author text, tags text)")
        self.conn.commit()

    def close_spider(self, spider=None):
        self.conn.close()

    def process_item(self, item):
        if not isinstance(item, PageItem):  # feeds, sitemaps, listings: nothing to store
            return item
        doc = trafilatura.bare_extraction(item["html"], url=item["url"], with_metadata=True)
        if doc is None or not doc.text:
            return item
        self.conn.execute("insert or replace into articles (url, source, title, body, published, author, tags) "
                          "values (?, ?, ?, ?, ?, ?, ?)",
                          [item["url"], item["source"], doc.title, doc.text, doc.date, doc.author,
                           json.dumps(doc.tags or [], ensure_ascii=False)])
        self.conn.commit()
        return item
