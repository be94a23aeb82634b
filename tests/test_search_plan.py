"""Datasette's search of a big articles table: the words or the trigram index, and hits read off indexes."""
from __future__ import annotations

import asyncio
import re

import pytest

from newsdb.datasette import column_answers, search_plan
from newsdb.serve import make_datasette
from pipelines.schema import fill_bigrams, open_db
from tests.conftest import columns_off

ROWS = ("select id, title, published from articles where id in (select rowid from articles_fts where articles_fts "
        "match escape_fts(:search)) order by published desc, id limit 51")


@pytest.fixture(autouse=True)
def sql_only(monkeypatch):
    """These tests are of the SQL plans: the in-memory columns (test_article_columns.py) stay unloaded."""
    columns_off(monkeypatch)


def test_only_the_unfiltered_rows_query_in_the_default_order_is_rewritable():
    assert search_plan.is_rewritable(ROWS)
    assert search_plan.is_rewritable(ROWS.replace(" from ", "\n  from ", 1))  # Datasette's line breaks
    assert not search_plan.is_rewritable(ROWS.replace("published desc, id", "title"))  # a user's _sort
    assert not search_plan.is_rewritable(ROWS.replace(") order", ") and source = :p0 order"))  # a filter
    assert not search_plan.is_rewritable("select count(*) from articles where id in (select rowid from articles_fts "
                                         "where articles_fts match escape_fts(:search))")


def get(path, url: str, executed: list[str]):
    """The page's JSON; each query it ran goes to `executed` (those under the hits' own limit too)."""
    ds = make_datasette(path)
    inner, within = search_plan._inner_execute, column_answers.fetch_one_within

    async def recording(db, sql, *args, **kwargs):
        executed.append(" ".join(sql.split()))
        return await inner(db, sql, *args, **kwargs)

    def recording_within(conn, sql, *args):
        executed.append(" ".join(sql.split()))
        return within(conn, sql, *args)

    search_plan._inner_execute, column_answers.fetch_one_within = recording, recording_within
    try:
        response = asyncio.run(ds.client.get(url))
    finally:
        search_plan._inner_execute, column_answers.fetch_one_within = inner, within
    assert response.status_code == 200, response.text
    return response.json()


def search(path, word: str, executed: list[str]) -> list[dict]:
    return get(path, f"/news/articles.json?_search={word}&_shape=array&_col=title&_col=published", executed)


@pytest.fixture
def news(tmp_path):
    path = tmp_path / "news.db"
    db = open_db(path)
    db["articles"].insert_all(({"id": i, "url": f"https://a/{i}", "source": f"s{i % 3}", "title": f"Story {i}",
                                "body": "common words in every story" + (" and a rare one" if i % 50 == 0 else "")
                                + (" 中国经济消息" if i % 30 == 0 else ""),
                                "published": f"2024-{1 + i % 12:02d}-{1 + i % 28:02d}T00:00:00+00:00"}
                               for i in range(1, 301)))
    fill_bigrams(db, "select id, title, body from articles")  # as the crawler's store does
    db.close()
    return path


def newest(path, where: str) -> list[int]:
    db = open_db(path)
    return [r[0] for r in db.execute(f"select id from articles where {where} order by published desc, id limit 50")]


def test_a_search_with_many_hits_walks_the_index_and_returns_the_same_rows(news, monkeypatch):
    monkeypatch.setattr(search_plan, "MANY_HITS", 20)
    executed: list[str] = []
    rows = search(news, "common", executed)
    assert [r["id"] for r in rows] == newest(news, "1")
    assert any("where +id in (select value from json_each(:newsdb_hits))" in sql for sql in executed)


def test_a_search_with_few_hits_sorts_them_off_the_hits_index_and_reads_only_the_page(news):
    executed: list[str] = []
    rows = search(news, "rare one", executed)  # 6 hits
    assert [r["id"] for r in rows] == newest(news, "id % 50 = 0")
    assert not any("+id" in sql for sql in executed)
    assert any(f"where id in (select id from articles indexed by {search_plan.HITS_INDEX} where id in "
               "(select value from json_each(:newsdb_hits))" in sql for sql in executed)


def test_words_for_latin_text_n_grams_for_chinese_words_the_trigram_index_for_longer_text(news):
    executed: list[str] = []
    everything = newest(news, "1")
    assert [r["id"] for r in search(news, "stories", executed)] == everything  # stemmed: "stories" finds "story"
    assert [r["id"] for r in search(news, "STORY", executed)] == everything
    assert search(news, "stor", executed) == []  # words, not parts of words
    assert all("articles_fts" not in sql for sql in executed if "match" in sql)
    chinese = newest(news, "id % 30 = 0")
    for words in ("中国经济消息", "国经济消", "经济消息 中国"):  # 5+ characters: trigrams, as 4 and less do not
        executed.clear()
        assert [r["id"] for r in search(news, words, executed)] == chinese
        assert matched_in(executed) == ({"articles_fts"} if words == "中国经济消息" else {"articles_bigrams"})
    executed.clear()
    for words in ("经济", "国经济", "中国 经济", "经济消息"):  # 2-4 characters each: one token of the n-gram index
        assert [r["id"] for r in search(news, words, executed)] == chinese
    assert search(news, "济中", executed) == search(news, "消息中国", executed) == []  # not in that order
    assert matched_in(executed) == {"articles_bigrams"}
    raw = get(news, "/news/articles.json?_search=stor*&_searchmode=raw&_shape=array", executed)
    assert [r["id"] for r in raw] == newest(news, "1")  # raw FTS syntax goes to the table's own (trigram) index


@pytest.mark.parametrize("listed", [100_000, 3])
def test_a_search_matches_once_and_its_count_and_facets_read_the_hits_index(news, monkeypatch, listed):
    monkeypatch.setattr(search_plan, "HITS_LISTED", listed)  # 3: more hits than listed, each query matches
    search_plan._lists.clear()
    executed: list[str] = []
    page = get(news, "/news/articles.json?_search=rare+one&_facet=source&_facet_date=published&_shape=objects", executed)
    assert page["filtered_table_rows_count"] == 6
    assert {f["value"]: f["count"] for f in page["facet_results"]["source"]["results"]} == {"s0": 2, "s1": 2, "s2": 2}
    assert sum(f["count"] for f in page["facet_results"]["published"]["results"]) == 6
    assert [r["id"] for r in page["rows"]] == newest(news, "id % 50 = 0")
    counting = [sql for sql in executed if sql.startswith(("select count(*) from articles", "select source as value",
                                                             "select date(published) as value"))]
    assert len(counting) >= 3 and all(f"from articles indexed by {search_plan.HITS_INDEX}" in sql for sql in counting)
    matching = [sql for sql in executed if "match escape_fts(:search)" in sql]
    if listed > 6:
        assert len(matching) == 1  # the list; the rows, the count and the four facets read it
    else:
        assert len(matching) >= 7 and not any("json_each" in sql for sql in executed)


def test_a_search_after_a_commit_is_matched_again(news):
    search_plan._lists.clear()
    assert len(search(news, "rare one", [])) == 6
    db = open_db(news)
    db["articles"].insert({"id": 999, "url": "https://a/999", "source": "s1", "title": "New", "body": "a rare one",
                           "published": "2025-01-01T00:00:00+00:00"})
    db.close()
    assert [r["id"] for r in search(news, "rare one", [])][0] == 999


def test_the_hits_are_read_under_their_own_time_limit_not_datasettes(news, monkeypatch):
    search_plan._lists.clear()
    monkeypatch.setattr(column_answers, "HITS_TIME_LIMIT_MS", 0)  # the list read stops at once
    response = asyncio.run(make_datasette(news).client.get("/news/articles?_search=common"))
    assert response.status_code == 400 and "SQL query took too long" in response.text


def matched_in(executed: list[str]) -> set[str]:
    """The full-text indexes the queries matched in."""
    return {m for sql in executed for m in re.findall(r"from (\w+) where \1 match", sql)}


@pytest.mark.parametrize("search, one_word_each", [
    ("storm", True), ("storm ahead", True), ("Ölpreis 2024", True), ("café", True),
    ('"climate change"', False), ("start-up", False), ("x_y", False), ('""', False), ("  ", False),
])
def test_a_search_is_one_word_each_when_the_tokenizer_splits_no_term(search, one_word_each):
    assert search_plan.one_word_each(search) is one_word_each


def test_single_words_are_matched_without_positions_and_phrases_with_them(news, monkeypatch):
    executed: list[str] = []
    assert [r["id"] for r in search(news, "rare one", executed)] == newest(news, "id % 50 = 0")
    assert matched_in(executed) == {"articles_word_ids"}
    executed.clear()
    assert [r["id"] for r in search(news, '"a rare one"', executed)] == newest(news, "id % 50 = 0")
    assert [r["id"] for r in search(news, '"every story"', executed)] == newest(news, "1")
    assert search(news, '"story every"', executed) == []  # the words, but not in that order
    assert matched_in(executed) == {"articles_words"}
    monkeypatch.setattr(search_plan, "MANY_HITS", 20)  # many hits: the other plan, the same index
    executed.clear()
    assert [r["id"] for r in search(news, "common", executed)] == newest(news, "1")
    assert matched_in(executed) == {"articles_word_ids"}
