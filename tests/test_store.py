import json
import sqlite3

import pytest

from pipelines.schema import open_db
from pipelines.store import write_batch


def article(url, body="A body long enough.", source="en", **extra):
    return {"url": url, "fetched_url": url, "source": source, "title": f"Title {url}", "body": body,
            "tags": ["a", "b"], "content_hash": str(hash(body)), "minhash": b"\x00" * 8, **extra}


@pytest.fixture
def db(tmp_path):
    return open_db(tmp_path / "news.db")


def store_pipeline(path, **settings) -> tuple:
    """A StorePipeline for `path` outside a crawl, and the counter its stats go to."""
    from collections import Counter
    from types import SimpleNamespace

    from scrapy.settings import Settings

    from pipelines.store import StorePipeline

    stats: Counter = Counter()
    crawler = SimpleNamespace(settings=Settings({"NEWSDB_DB": str(path), **settings}),
                              stats=SimpleNamespace(inc_value=lambda k, v=1: stats.update({k: v})))
    return StorePipeline(crawler), stats


async def in_writer(pipeline, func) -> None:
    """`func` run in the pipeline's writer thread, which owns the connection as in a crawl."""
    import asyncio

    await asyncio.get_running_loop().run_in_executor(pipeline.writer, func)


def test_new_unchanged_updated(db):
    assert write_batch(db, [article("http://a/1")])["articles_new"] == 1
    assert write_batch(db, [article("http://a/1")])["articles_unchanged"] == 1
    counts = write_batch(db, [article("http://a/1", body="A corrected body.")])
    assert counts["articles_updated"] == 1
    rows = list(db["articles"].rows)
    assert len(rows) == 1
    assert rows[0]["body"] == "A corrected body."
    assert json.loads(rows[0]["tags"]) == ["a", "b"]
    (version,) = db["article_versions"].rows
    assert (version["article_id"], version["body"]) == (rows[0]["id"], "A body long enough.")


def test_counts_per_source_and_field_coverage(db):
    counts = write_batch(db, [article("http://a/1", author="Ann"), article("http://a/2", source="zh")])
    assert counts["source/en/articles_new"] == counts["source/zh/articles_new"] == 1
    assert counts["with_author"] == 1 and counts["with_body"] == 2


def test_page_visits_and_article_urls_are_recorded(db):
    visit = {"url": "http://a/list", "source": "en", "kind": "listing", "etag": '"x"', "links": [["http://a/1", "page", None, None]]}
    write_batch(db, [visit, article("http://a/1", requested_url="http://a/go/1")])
    pages = {r["url"]: r for r in db["pages"].rows}
    assert pages["http://a/list"]["etag"] == '"x"'
    assert json.loads(pages["http://a/list"]["links"]) == [["http://a/1", "page", None, None]]
    assert pages["http://a/1"]["kind"] == pages["http://a/go/1"]["kind"] == "article"
    # a later visit of the article page as a listing does not make it forget it is an article
    write_batch(db, [{**visit, "url": "http://a/1", "links": []}])
    assert db["pages"].get("http://a/1")["kind"] == "article"


def test_duplicate_of_resolves_within_and_across_batches(db):
    write_batch(db, [article("http://a/1"), article("http://b/1", source="zh", duplicate_of_url="http://a/1")])
    write_batch(db, [article("http://c/1", duplicate_of_url="http://a/1")])
    ids = {r["url"]: r for r in db["articles"].rows}
    assert ids["http://b/1"]["duplicate_of"] == ids["http://a/1"]["id"]
    assert ids["http://c/1"]["duplicate_of"] == ids["http://a/1"]["id"]
    assert ids["http://a/1"]["duplicate_of"] is None


def test_update_keeps_first_decisions(db):
    write_batch(db, [article("http://a/1"), article("http://b/1", duplicate_of_url="http://a/1")])
    before = db["articles"].get(2)
    write_batch(db, [article("http://b/1", body="changed text")])
    after = db["articles"].get(2)
    assert after["duplicate_of"] == before["duplicate_of"] == 1
    assert after["first_seen_at"] == before["first_seen_at"]


def test_a_failing_batch_is_rolled_back_whole(db):
    write_batch(db, [article("http://a/1")])
    with pytest.raises(sqlite3.IntegrityError):
        write_batch(db, [article("http://a/2"), article("http://a/3", source=None)])
    assert [r["url"] for r in db["articles"].rows] == ["http://a/1"]


def test_search_finds_english_and_chinese(db):
    write_batch(db, [article("http://a/1", body="The tramway expansion was approved."),
                     article("http://a/2", body="国家统计局今天发布数据显示工业增长。")])
    hits = lambda q: [r["rowid"] for r in db.query("select rowid from articles_fts where articles_fts match ?", [q])]
    assert hits("tramway") == [1]
    assert hits("统计局") == [2]


def test_the_bigram_index_follows_new_and_changed_articles(db):
    pairs = lambda q: [r["rowid"] for r in db.query("select rowid from articles_bigrams where articles_bigrams match ?",
                                                     [f'"{q}"'])]
    write_batch(db, [article("http://a/1", body="国家统计局今天发布数据。"), article("http://a/2", body="No Chinese.")])
    assert pairs("统计") == [1] and pairs("数据") == [1] and pairs("今天") == [1]
    write_batch(db, [article("http://a/1", body="国家统计局明天发布报告。")])  # a corrected copy
    assert pairs("统计") == [1] and pairs("明天") == [1] and pairs("报告") == [1]
    assert pairs("今天") == [] and pairs("数据") == []  # the old text's pairs are gone
    db.execute("insert into articles_bigrams(articles_bigrams) values('integrity-check')")
    assert db.execute("select count(*) from articles_bigrams_docsize").fetchone()[0] == 1  # English: no row


def test_writer_thread_keeps_order_and_makes_items_wait_when_behind(tmp_path):
    """Batches are written in order by the writer thread; with more than MAX_PENDING_BATCHES waiting
    (here: the file locked by another writer), the next item waits instead of piling up more."""
    import asyncio
    from crawler.items import PageVisit
    from pipelines.store import MAX_PENDING_BATCHES

    path = tmp_path / "news.db"
    open_db(path).close()
    pipeline, _ = store_pipeline(path, NEWSDB_BATCH_SIZE=1)
    visits = [PageVisit(url=f"http://127.0.0.2/{i}", source="s", kind="listing", links=[])
              for i in range(MAX_PENDING_BATCHES + 2)]

    async def scenario():
        await in_writer(pipeline, lambda: setattr(pipeline, "db", open_db(path)))
        other = sqlite3.connect(path, isolation_level=None)
        other.execute("BEGIN IMMEDIATE")  # the writer waits on the lock (busy_timeout)
        tasks = [asyncio.ensure_future(pipeline.process_item(v)) for v in visits]
        await asyncio.sleep(0.5)
        waiting = [t.done() for t in tasks]
        other.execute("ROLLBACK")
        await asyncio.gather(*tasks)
        await pipeline.close_spider()
        await in_writer(pipeline, pipeline.db.close)
        return waiting

    waiting = asyncio.run(scenario())
    pipeline.writer.shutdown()
    assert waiting == [True] * MAX_PENDING_BATCHES + [False] * 2  # the fifth and sixth wait for the first
    rows = sqlite3.connect(path).execute("select url from pages order by rowid").fetchall()
    assert [r[0] for r in rows] == [v["url"] for v in visits] and not pipeline.pending and not pipeline.failed


def test_a_batch_waits_for_another_writer_instead_of_failing(tmp_path):
    """A batch reads before it writes (is the URL stored?); begun deferred, its first write could not wait
    for the lock (SQLite answers "database is locked" at once). It begins IMMEDIATE: it waits (busy_timeout)."""
    import threading

    path = tmp_path / "news.db"
    db = open_db(path)
    other = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
    other.execute("BEGIN IMMEDIATE")
    threading.Timer(0.5, lambda: other.execute("ROLLBACK")).start()
    assert write_batch(db, [article("http://a/1")])["articles_new"] == 1
    assert db.execute("select count(*) from articles").fetchone()[0] == 1
