"""The articles' facet columns in memory give what SQL gives: counts, facet values and the first page."""
from __future__ import annotations

import asyncio
import sqlite3
import time

import numpy as np
import pytest

from newsdb.datasette import article_columns, cache
from pipelines.schema import open_db

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


def read_once(faceted_news, monkeypatch, share: float, burst: float = 0.0) -> str:
    """The file's columns read once, loads then taking `share` of the time (LOAD_SHARE) in bursts of up
    to `burst` seconds (LOAD_BURST); its path."""
    monkeypatch.setattr(article_columns, "LOAD_SHARE", share)
    monkeypatch.setattr(article_columns, "LOAD_BURST", burst)
    path = str(faceted_news)
    article_columns.forget()
    article_columns.fresh(path)
    article_columns.wait(path)
    return path


def insert_new(faceted_news) -> None:
    """One new article, of a new source ("s9"), with the next id."""
    db = open_db(faceted_news)
    db["articles"].insert({"id": 401, "url": "https://a/401", "title": "New", "body": "text", "source": "s9"})
    db.close()


@pytest.mark.parametrize("ids", [range(1, 401), range(0, 450, 3), [5, 17, 300, 1000, -4, 0], []],
                         ids=["all", "every third, some past the end", "deleted and unknown ids", "none"])
def test_counts_facets_and_first_page_are_those_of_sql(faceted_news, ids):
    columns = article_columns.load(str(faceted_news))
    present = columns.present(np.array(list(ids), dtype=np.int64))
    expected = sql_first(faceted_news, list(ids), 10_000)
    assert sorted(present.tolist()) == sorted(expected)  # the count: the ids that are articles
    for facet in article_columns.FACETS:
        for limit in (3, 31):
            assert columns.facet(facet, present, limit) == sql_facet(faceted_news, facet, list(ids), limit), facet
    for limit in (1, 7, 51):
        assert columns.first(present, limit) == expected[:limit]


def test_a_file_without_newsdb_indexes_or_with_sparse_ids_is_left_to_sql(faceted_news, tmp_path):
    bare = tmp_path / "bare.db"
    conn = sqlite3.connect(bare)
    conn.execute("create table articles (id integer primary key, source, category, language, published)")
    conn.commit()
    conn.close()
    assert article_columns.load(str(bare)) is None
    db = open_db(faceted_news)
    db["articles"].insert({"id": 10**12, "url": "https://a/far", "title": "Far", "body": "text", "source": "s1"})
    db.close()
    assert article_columns.load(str(faceted_news)) is None  # arrays indexed by id would not fit


def test_columns_are_loaded_in_the_background_and_never_used_once_the_file_changes(faceted_news, monkeypatch):
    monkeypatch.setattr(article_columns, "LOAD_SHARE", 1.0)  # no pause between loads
    path = str(faceted_news)
    article_columns.forget()
    assert article_columns.fresh(path) is None  # not loaded yet: a load starts
    article_columns.wait(path)
    columns = article_columns.fresh(path)
    assert columns is not None and len(columns.by_rank) == 398
    insert_new(faceted_news)
    assert article_columns.fresh(path) is None  # outdated: SQL answers until the new state is read
    article_columns.wait(path)
    columns = article_columns.fresh(path)
    assert columns is not None and len(columns.by_rank) == 399 and "s9" in columns.values["source"]


def delete_one(faceted_news, id_: int) -> None:
    db = open_db(faceted_news)
    db["articles"].delete_where("id = ?", [id_])
    db.close()


def test_a_load_waits_a_multiple_of_the_last_one(faceted_news, monkeypatch):
    path = read_once(faceted_news, monkeypatch, share=1e-9)  # the next load waits ~forever
    delete_one(faceted_news, 1)
    assert article_columns.fresh(path) is None
    article_columns.wait(path)
    assert article_columns.fresh(path) is None  # no second load started


def test_loads_come_at_once_while_their_burst_lasts(faceted_news, monkeypatch):
    """A full load (a second at a million articles) does not hold back the new rows' loads after it."""
    path = read_once(faceted_news, monkeypatch, share=1e-9, burst=60.0)
    for id_ in (1, 2, 3):
        delete_one(faceted_news, id_)
        assert article_columns.fresh(path) is None
        article_columns.wait(path)
        columns = article_columns.fresh(path)
        assert columns is not None and len(columns.by_rank) == 398 - id_


def test_articles_per_source_per_day_is_what_its_canned_query_gives(faceted_news):
    import yaml

    from newsdb.serve import METADATA_TEMPLATE

    sql = yaml.safe_load(METADATA_TEMPLATE.read_text("utf-8"))["database"]["queries"]["articles_per_source_per_day"]["sql"]
    conn = sqlite3.connect(faceted_news)
    expected = conn.execute(sql).fetchall()
    conn.close()
    assert len(expected) >= 40 and any(day is None for _, day, _, _ in expected)  # days across offsets, no date
    assert article_columns.load(str(faceted_news)).per_source_per_day() == expected


def decoded(columns) -> tuple:
    """What the columns say of each article, whatever codes they gave its values."""
    ids = columns.by_rank
    return (ids.tolist(), {facet: [columns.values[facet][code] for code in columns.codes[facet][ids]]
                           for facet in article_columns.FACETS}, columns.originals[ids].tolist())


def add(path, first: int, last: int, **fields) -> None:
    db = open_db(path)
    db["articles"].insert_all({"id": i, "url": f"https://b/{i}", "title": f"New {i}", "body": "text",
                               "source": "s-new" if i % 2 else "s1", "category": "新",
                               "published": f"2031-0{1 + i % 3}-01T00:00:00+00:00", "duplicate_of": 1 if i % 4 == 0 else None,
                               **fields} for i in range(first, last + 1))
    db.close()


def test_after_new_rows_only_those_are_read(faceted_news, monkeypatch):
    path = str(faceted_news)
    previous = article_columns.load(path)
    add(faceted_news, 401, 420)
    monkeypatch.setattr(article_columns, "_grouped", lambda *a: pytest.fail("read all again"))
    appended = article_columns.load(path, previous)
    monkeypatch.undo()
    assert decoded(appended) == decoded(article_columns.load(path))
    assert len(appended.by_rank) == 418 and "s-new" in appended.values["source"]
    assert appended.grown_from == (previous.stamp,)  # what a search's hits may be kept from (column_answers)
    conn = sqlite3.connect(path)  # an INSERT OR REPLACE of the highest id is no counted edit: read again all the same
    with conn:
        conn.execute("insert or replace into articles (id, url, source, title, body) values (420, 'https://b/420', "
                     "'s-replaced', 'R', 'text')")
    conn.close()
    assert decoded(article_columns.load(path, appended)) == decoded(article_columns.load(path))


@pytest.mark.parametrize("edit", ["update articles set category = 'Changed' where id = 10",
                                  "update articles set duplicate_of = null where id = 12",
                                  "delete from articles where id = 3",
                                  "insert into articles (id, url, source, title, body) values (17, 'https://b/17', "
                                  "'s0', 'Back', 'text')"])
def test_after_an_edit_every_row_is_read_again(faceted_news, edit):
    path = str(faceted_news)
    previous = article_columns.load(path)
    add(faceted_news, 401, 405)
    conn = sqlite3.connect(path)
    with conn:
        conn.execute(edit)
    conn.close()
    again = article_columns.load(path, previous)
    assert again.edits == previous.edits + 1 and again.grown_from == ()
    assert decoded(again) == decoded(article_columns.load(path))


def test_a_page_waits_for_the_new_rows_of_a_file_whose_columns_were_read(faceted_news, monkeypatch):
    monkeypatch.setattr(article_columns, "LOAD_SHARE", 1.0)  # no pause between loads
    path = str(faceted_news)
    article_columns.forget()
    load = article_columns.load
    # a first load as long as a big file's (~1 s at a million), or it may end before fresh_soon looks again
    monkeypatch.setattr(article_columns, "load", lambda *args: time.sleep(0.5) or load(*args))
    assert asyncio.run(article_columns.fresh_soon(path)) is None  # never read: no wait, SQL answers
    article_columns.wait(path)
    monkeypatch.setattr(article_columns, "load", load)
    insert_new(faceted_news)
    columns = asyncio.run(article_columns.fresh_soon(path))  # the load it starts is waited for
    assert columns is not None and "s9" in columns.values["source"] and columns.stamp == cache.file_stamp(path)


def test_a_page_does_not_wait_for_a_load_that_cannot_start_in_time(faceted_news, monkeypatch):
    path = read_once(faceted_news, monkeypatch, share=1e-9)  # the next load waits ~forever
    insert_new(faceted_news)
    started = time.monotonic()
    assert asyncio.run(article_columns.fresh_soon(path, budget=5.0)) is None
    assert time.monotonic() - started < 1.0  # SQL answers at once instead


@pytest.mark.parametrize("published", [
    "2024-03-09T23:00:00+08:00",  # among the newest existing stories
    "2024-03-05T07:00:00+00:00",  # in the middle of the order, next to stories with the same date
    "2024-03-01T00:00:00-05:00",  # near the end, before the undated ones
])
def test_new_rows_are_placed_in_the_order_from_its_head_alone(faceted_news, monkeypatch, published):
    path = str(faceted_news)
    previous = article_columns.load(path)
    add(faceted_news, 401, 410, published=published)
    parsed = []
    parse_ids = article_columns.parse_ids
    monkeypatch.setattr(article_columns, "parse_ids", lambda listed: parsed.append(parse_ids(listed)) or parsed[-1])
    appended = article_columns.load(path, previous)
    monkeypatch.undo()
    assert decoded(appended) == decoded(article_columns.load(path))
    assert max(map(len, parsed)) < len(appended.by_rank)  # the whole order was not read again


def loaded_state(path: str):
    """The stamp of the columns read for `path`, without asking for them (which would start a load)."""
    columns = article_columns._loader._loaded.get(path)
    return columns and columns.stamp


def test_a_watched_file_has_its_new_rows_read_without_a_page_asking(faceted_news, monkeypatch):
    path = read_once(faceted_news, monkeypatch, share=1.0, burst=60.0)
    monkeypatch.setattr(article_columns, "_asked", {})
    article_columns.watch(path)
    insert_new(faceted_news)
    time.sleep(10 * article_columns.WATCH_EVERY)
    assert loaded_state(path) != cache.file_stamp(path)  # no page asked for the columns yet: not read
    assert asyncio.run(article_columns.fresh_soon(path)) is not None  # a page asks (and waits)
    add(faceted_news, 402, 402)
    deadline = time.monotonic() + 5
    while loaded_state(path) != cache.file_stamp(path) and time.monotonic() < deadline:
        time.sleep(article_columns.WATCH_EVERY)
    assert loaded_state(path) == cache.file_stamp(path)  # read with no page asking for this state
