"""The articles' facet columns in memory give what SQL gives: counts, facet values and the first page."""
from __future__ import annotations

import asyncio
import sqlite3

import numpy as np
import pytest

from newsdb.datasette import article_columns, search_plan
from newsdb.serve import make_datasette
from pipelines.schema import open_db

OFFSETS = ["+00:00", "-05:00", "+08:00"]


@pytest.fixture
def news(tmp_path):
    path = tmp_path / "news.db"
    db = open_db(path)
    db["articles"].insert_all(({
        "id": i, "url": f"https://a/{i}", "title": f"Story {i}", "body": "text" + (" and a rare word" if i % 7 == 0 else ""),
        "source": "" if i % 11 == 0 else f"s{i % 4}",  # source is NOT NULL: empty is a value
        "category": None if i % 2 else ["World", "world", "经济"][i % 3],  # case and Chinese kept apart
        "language": "zh" if i % 5 == 0 else "en",
        "duplicate_of": 1 if i % 6 == 0 else None,
        # the same second in three offsets: date() is the UTC day; some articles have no date
        "published": None if i % 13 == 0 else f"2024-03-{1 + i % 9:02d}T{(i * 7) % 24:02d}:00:00{OFFSETS[i % 3]}",
    } for i in range(1, 401)))
    db["articles"].delete_where("id in (17, 300)")  # gaps in the ids, as deletions leave
    db.close()
    return path


def sql_facet(path, facet: str, ids: list[int], limit: int) -> list[tuple]:
    conn = sqlite3.connect(path)
    marks = ",".join("?" * len(ids)) or "null"
    found = conn.execute(f"select {facet} as value, count(*) as count from (select * from articles where id in "
                         f"({marks})) where {facet} is not null group by {facet} order by count desc, value "
                         f"limit {limit}", ids).fetchall()
    conn.close()
    return found


def sql_first(path, ids: list[int], limit: int) -> list[int]:
    conn = sqlite3.connect(path)
    found = [i for (i,) in conn.execute(f"select id from articles where id in ({','.join('?' * len(ids))}) "
                                        f"order by published desc, id limit {limit}", ids)]
    conn.close()
    return found


@pytest.mark.parametrize("ids", [range(1, 401), range(0, 450, 3), [5, 17, 300, 1000, -4, 0], []],
                         ids=["all", "every third, some past the end", "deleted and unknown ids", "none"])
def test_counts_facets_and_first_page_are_those_of_sql(news, ids):
    columns = article_columns.load(str(news))
    present = columns.present(np.array(list(ids), dtype=np.int64))
    expected = sql_first(news, list(ids), 10_000)
    assert sorted(present.tolist()) == sorted(expected)  # the count: the ids that are articles
    for facet in article_columns.FACETS:
        for limit in (3, 31):
            assert columns.facet(facet, present, limit) == sql_facet(news, facet, list(ids), limit), facet
    for limit in (1, 7, 51):
        assert columns.first(present, limit) == expected[:limit]


def test_a_file_without_newsdb_indexes_or_with_sparse_ids_is_left_to_sql(news, tmp_path):
    bare = tmp_path / "bare.db"
    conn = sqlite3.connect(bare)
    conn.execute("create table articles (id integer primary key, source, category, language, published)")
    conn.commit()
    conn.close()
    assert article_columns.load(str(bare)) is None
    db = open_db(news)
    db["articles"].insert({"id": 10**12, "url": "https://a/far", "title": "Far", "body": "text", "source": "s1"})
    db.close()
    assert article_columns.load(str(news)) is None  # arrays indexed by id would not fit


def test_columns_are_loaded_in_the_background_and_never_used_once_the_file_changes(news, monkeypatch):
    monkeypatch.setattr(article_columns, "LOAD_SHARE", 1.0)  # no pause between loads
    path = str(news)
    article_columns.forget()
    assert article_columns.fresh(path) is None  # not loaded yet: a load starts
    article_columns.wait(path)
    columns = article_columns.fresh(path)
    assert columns is not None and len(columns.by_rank) == 398
    db = open_db(news)
    db["articles"].insert({"id": 401, "url": "https://a/401", "title": "New", "body": "text", "source": "s9"})
    db.close()
    assert article_columns.fresh(path) is None  # outdated: SQL answers until the new state is read
    article_columns.wait(path)
    columns = article_columns.fresh(path)
    assert columns is not None and len(columns.by_rank) == 399 and "s9" in columns.values["source"]


def test_a_load_waits_a_multiple_of_the_last_one(news, monkeypatch):
    monkeypatch.setattr(article_columns, "LOAD_SHARE", 1e-9)  # the next load waits ~forever
    path = str(news)
    article_columns.forget()
    article_columns.fresh(path)
    article_columns.wait(path)
    db = open_db(news)
    db["articles"].delete_where("id = 1")
    db.close()
    assert article_columns.fresh(path) is None
    article_columns.wait(path)
    assert article_columns.fresh(path) is None  # no second load started


def page(path, url: str, executed: list[str]) -> dict:
    ds = make_datasette(path)
    inner = search_plan._inner_execute

    async def recording(db, sql, *args, **kwargs):
        executed.append(" ".join(sql.split()))
        return await inner(db, sql, *args, **kwargs)

    search_plan._inner_execute = recording
    try:
        response = asyncio.run(ds.client.get(url))
    finally:
        search_plan._inner_execute = inner
    assert response.status_code == 200, response.text
    found = response.json()
    return {key: found[key] for key in ("rows", "filtered_table_rows_count", "facet_results")}


def sql_page(path, url: str, monkeypatch) -> dict:
    with monkeypatch.context() as m:
        m.setattr(article_columns, "fresh", lambda path: None)
        search_plan._lists.clear()
        return page(path, url, [])


FROM_COLUMNS = ["json_each(:newsdb_page)", "select :newsdb_count", "json_each(:newsdb_facet)"]


@pytest.mark.parametrize("search", ["text", "rare+word", "nothing", "text&source=s1", "text&language=zh&category=World",
                                    "rare+word&published__date=2024-03-02", "text&duplicate_of__isnull=1",
                                    "text&source=nowhere", "text&category=%E7%BB%8F%E6%B5%8E"])
def test_a_search_page_from_the_columns_is_the_page_sql_gives(news, monkeypatch, search):
    url = f"/news/articles.json?_search={search}&_size=20"
    article_columns.forget()
    article_columns.fresh(str(news))
    article_columns.wait(str(news))
    executed: list[str] = []
    reads = []
    read_hits = search_plan._read_hits
    monkeypatch.setattr(search_plan, "_read_hits", lambda *args: reads.append(args) or read_hits(*args))
    search_plan._lists.clear()
    columns_page = page(news, url, executed)
    monkeypatch.undo()
    assert columns_page == sql_page(news, url, monkeypatch)
    assert all(any(shape in sql for sql in executed) for shape in FROM_COLUMNS)
    assert not any("match escape_fts(:search)" in sql for sql in executed)
    assert len(reads) == 1  # the hits, read once for the page's six queries


@pytest.mark.parametrize("filters", ["", "source=s1", "language=zh&category=World", "duplicate_of__isnull=1",
                                     "published__date=2024-03-02&source=s2", "source=nowhere"])
def test_the_table_page_and_a_click_on_a_facet_value_from_the_columns_are_what_sql_gives(news, monkeypatch, filters):
    url = f"/news/articles.json?{filters}&_size=20"
    article_columns.forget()
    article_columns.fresh(str(news))
    article_columns.wait(str(news))
    executed: list[str] = []
    assert page(news, url, executed) == sql_page(news, url, monkeypatch)
    assert all(any(shape in sql for sql in executed) for shape in FROM_COLUMNS[1:])
    # the newest of the whole table is an index walk in SQL; a filtered first page comes from the columns
    assert any(FROM_COLUMNS[0] in sql for sql in executed) == bool(filters)


def test_other_filters_a_sorted_page_and_a_new_state_of_the_file_are_answered_by_sql(news, monkeypatch):
    article_columns.forget()
    article_columns.fresh(str(news))
    article_columns.wait(str(news))
    for url, not_from_columns in [("/news/articles.json?_search=text&title__contains=Story+1", FROM_COLUMNS),
                                  ("/news/articles.json?_search=text&_sort=title", FROM_COLUMNS[:1])]:
        executed: list[str] = []
        assert page(news, url, executed) == sql_page(news, url, monkeypatch)
        assert not any(shape in sql for sql in executed for shape in not_from_columns)
    db = open_db(news)
    db["articles"].insert({"id": 500, "url": "https://a/500", "title": "New", "body": "text", "source": "s9",
                           "published": "2030-01-01T00:00:00+00:00"})
    db.close()
    found = page(news, "/news/articles.json?_search=text&_size=20", [])  # whichever answers, the file as it is now
    assert found["filtered_table_rows_count"] == 399 and found["rows"][0][0] == 500
    assert {"value": "s9", "label": "s9", "count": 1} in [
        {key: f[key] for key in ("value", "label", "count")} for f in found["facet_results"]["source"]["results"]]


def test_hits_read_past_their_time_limit_are_a_query_interrupted_not_a_server_error(news, monkeypatch):
    article_columns.forget()
    article_columns.fresh(str(news))
    article_columns.wait(str(news))
    search_plan._lists.clear()
    monkeypatch.setattr(search_plan, "HITS_TIME_LIMIT_MS", 0)
    response = asyncio.run(make_datasette(news).client.get("/news/articles?_search=text"))
    assert response.status_code == 400 and "SQL query took too long" in response.text
