"""Datasette's pages of the articles table answered from the facet columns are the pages SQL gives."""
from __future__ import annotations

import asyncio
import sqlite3

import pytest

from newsdb.datasette import article_columns, column_answers, search_plan
from newsdb.serve import make_datasette
from pipelines.schema import open_db
from tests.conftest import columns_off
from tests.test_article_columns import add
from tests.test_search_plan import get


def clear() -> None:
    search_plan._lists.clear()
    column_answers._hits.clear()
    column_answers._matched.clear()
    column_answers._answers.clear()


def page(path, url: str, executed: list[str]) -> dict:
    found = get(path, url, executed)
    return {key: found[key] for key in ("rows", "filtered_table_rows_count", "facet_results")}


def loaded(path) -> None:
    """The file's columns, read now."""
    article_columns.forget()
    article_columns.fresh(str(path))
    article_columns.wait(str(path))


def sql_page(path, url: str, monkeypatch) -> dict:
    with monkeypatch.context() as m:
        columns_off(m)
        clear()
        return page(path, url, [])


FROM_COLUMNS = ["json_each(:newsdb_page)", "select :newsdb_count", "json_each(:newsdb_facet)"]


@pytest.mark.parametrize("search", ["text", "rare+word", "nothing", "text&source=s1", "text&language=zh&category=World",
                                    "rare+word&published__date=2024-03-02", "text&duplicate_of__isnull=1",
                                    "text&duplicate_of__notnull=1",
                                    "text&source=nowhere", "text&category=%E7%BB%8F%E6%B5%8E",
                                    "text&published__gte=2024-03-05", "rare+word&published__lt=2024-03-04T05",
                                    "text&published__gt=2030-01-01"])
def test_a_search_page_from_the_columns_is_the_page_sql_gives(faceted_news, monkeypatch, search):
    url = f"/news/articles.json?_search={search}&_size=20"
    loaded(faceted_news)
    executed: list[str] = []
    reads = []
    read_hits = column_answers._read_hits
    monkeypatch.setattr(column_answers, "_read_hits", lambda *args: reads.append(args) or read_hits(*args))
    clear()
    columns_page = page(faceted_news, url, executed)
    monkeypatch.undo()
    assert columns_page == sql_page(faceted_news, url, monkeypatch)
    assert all(any(shape in sql for sql in executed) for shape in FROM_COLUMNS)
    matched = [sql for sql in executed if "match escape_fts(:search)" in sql]
    assert len(matched) == 1 and matched[0].startswith("select group_concat(rowid)")  # the hits, nothing else
    assert len(reads) == 1  # the hits, read once for the page's six queries


@pytest.mark.parametrize("search", ["text", "rare+word", "nothing", "text&source=s1"])
def test_a_big_files_hits_are_read_in_two_halves_at_once_and_give_the_same_page(faceted_news, monkeypatch, search):
    url = f"/news/articles.json?_search={search}&_size=20"
    loaded(faceted_news)
    reads = []
    read_hits = column_answers._read_hits
    monkeypatch.setattr(column_answers, "SPLIT_FROM", 1)  # the fixture's 400 articles as if a million
    monkeypatch.setattr(column_answers, "_read_hits", lambda *args, **kwargs: reads.append(kwargs)
                        or read_hits(*args, **kwargs))
    clear()
    columns_page = page(faceted_news, url, [])
    monkeypatch.undo()
    assert columns_page == sql_page(faceted_news, url, monkeypatch)
    assert sorted(reads, key=str) == [{"below": 200}, {"since": 200}]  # the highest id is 400; in either order


@pytest.mark.parametrize("filters", ["", "source=s1", "language=zh&category=World", "duplicate_of__isnull=1",
                                     "duplicate_of__notnull=1", "duplicate_of__notnull=1&source=s2",
                                     "published__date=2024-03-02&source=s2", "source=nowhere",
                                     # ranges of published: the articles without a date never in one; ties
                                     "published__gte=2024-03-05T07:00:00%2B08:00",
                                     "published__gt=2024-03-05T07:00:00%2B08:00",
                                     "published__lte=2024-03-03&source=s1", "published__lt=2024-03-03T10",
                                     "published__gte=2024-03-02&published__lt=2024-03-04", "published__lt=2000",
                                     "published__gte=2024"])
def test_the_table_page_and_a_click_on_a_facet_value_from_the_columns_are_what_sql_gives(faceted_news, monkeypatch, filters):
    url = f"/news/articles.json?{filters}&_size=20"
    loaded(faceted_news)
    executed: list[str] = []
    passes = []
    matching = article_columns.Columns.matching
    monkeypatch.setattr(article_columns.Columns, "matching", lambda *args: passes.append(1) or matching(*args))
    clear()
    columns_page = page(faceted_news, url, executed)
    monkeypatch.undo()
    assert columns_page == sql_page(faceted_news, url, monkeypatch)
    assert len(passes) == 1  # the articles matching the filters, found once for the count, facets and rows
    assert all(any(shape in sql for sql in executed) for shape in FROM_COLUMNS[1:])
    # the newest of the whole table is an index walk in SQL; a filtered first page comes from the columns
    assert any(FROM_COLUMNS[0] in sql for sql in executed) == bool(filters)


@pytest.mark.parametrize("query", ["", "_search=text", "source=s1",
                                   "_search=text&language=zh&published__gte=2024-03-03"])
def test_every_next_page_from_the_columns_is_what_sql_gives(faceted_news, monkeypatch, query):
    """Datasette's next pages (keyset pagination: the rows after the last one shown), through the articles
    without a date at the end of the order."""
    loaded(faceted_news)
    url, pages, nulls = f"/news/articles.json?{query}&_size=37", 0, 0
    while url:
        executed: list[str] = []
        clear()
        columns_page = get(faceted_news, url, executed)
        monkeypatch.setattr(article_columns, "fresh", lambda path: None)  # this page again, in SQL
        monkeypatch.setattr(article_columns, "fresh_soon", _never)
        clear()
        sql_page = get(faceted_news, url, [])
        monkeypatch.undo()
        for key in ("rows", "filtered_table_rows_count", "facet_results", "next"):
            assert columns_page[key] == sql_page[key], (url, key)
        if pages:
            assert any(FROM_COLUMNS[0] in sql for sql in executed)  # the page's rows came from the columns
        nulls += "$null" in (columns_page["next"] or "")
        url = columns_page["next_url"] and columns_page["next_url"].split("localhost", 1)[1]
        pages += 1
    assert pages >= 2 and (nulls or query)  # the unfiltered table's pages reach the articles without a date


async def _never(path, budget=0.0):
    return None


def test_other_filters_a_sorted_page_and_a_new_state_of_the_file_are_answered_by_sql(faceted_news, monkeypatch):
    loaded(faceted_news)
    for url, not_from_columns in [("/news/articles.json?_search=text&title__contains=Story+1", FROM_COLUMNS),
                                  ("/news/articles.json?_search=text&_sort=title", FROM_COLUMNS[:1])]:
        executed: list[str] = []
        assert page(faceted_news, url, executed) == sql_page(faceted_news, url, monkeypatch)
        assert not any(shape in sql for sql in executed for shape in not_from_columns)
    db = open_db(faceted_news)
    db["articles"].insert({"id": 500, "url": "https://a/500", "title": "New", "body": "text", "source": "s9",
                           "published": "2030-01-01T00:00:00+00:00"})
    db.close()
    found = page(faceted_news, "/news/articles.json?_search=text&_size=20", [])  # whichever answers, the file as it is now
    assert found["filtered_table_rows_count"] == 399 and found["rows"][0][0] == 500
    assert {"value": "s9", "label": "s9", "count": 1} in [
        {key: f[key] for key in ("value", "label", "count")} for f in found["facet_results"]["source"]["results"]]


def test_hits_read_past_their_time_limit_are_a_query_interrupted_not_a_server_error(faceted_news, monkeypatch):
    loaded(faceted_news)
    clear()
    monkeypatch.setattr(column_answers, "HITS_TIME_LIMIT_MS", 0)
    response = asyncio.run(make_datasette(faceted_news).client.get("/news/articles?_search=text"))
    assert response.status_code == 400 and "SQL query took too long" in response.text


def test_articles_per_source_per_day_from_the_columns_is_what_sql_gives(faceted_news, monkeypatch):
    loaded(faceted_news)
    url = "/news/articles_per_source_per_day.json?_shape=array&_size=max"
    executed: list[str] = []
    clear()
    assert get(faceted_news, url, executed) == sql_page_rows(faceted_news, url, monkeypatch)
    assert any("json_each(:newsdb_rows)" in sql for sql in executed)


def sql_page_rows(path, url: str, monkeypatch) -> list:
    with monkeypatch.context() as m:
        columns_off(m)
        clear()
        return get(path, url, [])


def hit_reads(monkeypatch) -> list[int]:
    """The `since` of each read of a search's hits from now on (0: all of them)."""
    reads: list[int] = []
    read_hits = column_answers._read_hits
    monkeypatch.setattr(column_answers, "_read_hits",
                        lambda conn, fts, search, since=0: reads.append(since) or read_hits(conn, fts, search, since))
    return reads


def test_after_new_rows_a_search_reads_only_their_hits(faceted_news, monkeypatch):
    url = "/news/articles.json?_search=rare+word&_size=20"
    loaded(faceted_news)
    clear()
    reads = hit_reads(monkeypatch)
    page(faceted_news, url, [])
    top = article_columns.fresh(str(faceted_news)).top
    add(faceted_news, 401, 415, body="a rare word, again")
    article_columns.fresh(str(faceted_news))
    article_columns.wait(str(faceted_news))  # the new rows' columns read (else SQL answers)
    found = page(faceted_news, url, [])
    monkeypatch.undo()
    assert reads == [0, top]
    assert found == sql_page(faceted_news, url, monkeypatch) and found["filtered_table_rows_count"] > 15


def test_after_an_edited_body_a_search_reads_all_its_hits_again(faceted_news, monkeypatch):
    url = "/news/articles.json?_search=rare+word&_size=20"
    loaded(faceted_news)
    clear()
    reads = hit_reads(monkeypatch)
    before = page(faceted_news, url, [])["filtered_table_rows_count"]
    conn = sqlite3.connect(faceted_news)  # another tool's edit of a text only, no facet value
    with conn:
        conn.execute("update articles set body = 'text' where id = 7")
    conn.close()
    article_columns.fresh(str(faceted_news))
    article_columns.wait(str(faceted_news))
    found = page(faceted_news, url, [])
    monkeypatch.undo()
    assert reads == [0, 0] and found["filtered_table_rows_count"] == before - 1
    assert found == sql_page(faceted_news, url, monkeypatch)
