"""Datasette's search of a big articles table: many hits are read off the (published desc, id) index."""
from __future__ import annotations

import asyncio

from newsdb.datasette import search_plan
from newsdb.serve import make_datasette
from pipelines.schema import open_db

ROWS = ("select id, title, published from articles where id in (select rowid from articles_fts where articles_fts "
        "match escape_fts(:search)) order by published desc, id limit 51")


def test_only_the_unfiltered_rows_query_in_the_default_order_is_rewritable():
    assert search_plan.is_rewritable(ROWS)
    assert search_plan.is_rewritable(ROWS.replace(" from ", "\n  from ", 1))  # Datasette's line breaks
    assert not search_plan.is_rewritable(ROWS.replace("published desc, id", "title"))  # a user's _sort
    assert not search_plan.is_rewritable(ROWS.replace(") order", ") and source = :p0 order"))  # a filter
    assert not search_plan.is_rewritable("select count(*) from articles where id in (select rowid from articles_fts "
                                         "where articles_fts match escape_fts(:search))")


def search(path, word: str, executed: list[str]) -> list[dict]:
    ds = make_datasette(path)
    inner = search_plan._inner_execute

    async def recording(db, sql, *args, **kwargs):
        executed.append(" ".join(sql.split()))
        return await inner(db, sql, *args, **kwargs)

    search_plan._inner_execute = recording
    try:
        response = asyncio.run(ds.client.get(f"/news/articles.json?_search={word}&_shape=array&_col=title&_col=published"))
    finally:
        search_plan._inner_execute = inner
    assert response.status_code == 200, response.text
    return response.json()


def test_a_search_with_many_hits_walks_the_index_and_returns_the_same_rows(tmp_path, monkeypatch):
    path = tmp_path / "news.db"
    db = open_db(path)
    db["articles"].insert_all(({"id": i, "url": f"https://a/{i}", "source": "s", "title": f"Story {i}",
                                "body": "common words in every story" + (" and a rare one" if i % 50 == 0 else ""),
                                "published": f"2024-{1 + i % 12:02d}-{1 + i % 28:02d}T00:00:00+00:00"}
                               for i in range(1, 301)))
    newest = [r[0] for r in db.conn.execute(
        "select id from articles where body like '%common%' order by published desc, id limit 50")]
    db.close()
    monkeypatch.setattr(search_plan, "MANY_HITS", 20)
    executed: list[str] = []
    rows = search(path, "common", executed)
    assert [r["id"] for r in rows] == newest
    assert any("where +id in (select rowid from articles_fts" in sql for sql in executed)
    executed.clear()
    rare = search(path, "rare one", executed)  # 6 hits: fetching them is cheaper than walking the index
    assert sorted(r["id"] for r in rare) == [50, 100, 150, 200, 250, 300]
    assert not any("+id" in sql for sql in executed)
