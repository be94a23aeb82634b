"""The search_text canned query with its trigram match read by newsdb/datasette/substring_hits.py gives the
rows the query as written gives."""
from __future__ import annotations

import asyncio
import sqlite3
from urllib.parse import quote

import pytest
import yaml

from newsdb.datasette import substring_hits
from newsdb.serve import METADATA_TEMPLATE, make_datasette
from pipelines.schema import open_db
from tests.test_search_plan import get


def as_written(path, text: str) -> list[list]:
    """The canned query run by SQLite alone."""
    sql = yaml.safe_load(METADATA_TEMPLATE.read_text("utf-8"))["database"]["queries"]["search_text"]["sql"]
    conn = sqlite3.connect(path)
    try:
        return [list(row) for row in conn.execute(sql, {"q": text})]
    finally:
        conn.close()


@pytest.fixture
def texts(faceted_news):
    db = open_db(faceted_news)
    db["articles"].insert_all([
        {"id": 501, "url": "https://a/501", "title": "Velorant wins", "body": 'He said "Velorant" twice: Velorant.',
         "source": "s1", "published": "2024-03-09T10:00:00+00:00"},
        {"id": 502, "url": "https://a/502", "title": "Central bank", "body": "The central bank of 济南 met.",
         "source": "s2", "published": "2024-03-08T10:00:00+00:00"},
    ])
    db.close()
    return faceted_news


@pytest.mark.parametrize("text", ["elora", "Velorant", '"Velorant"', "central bank", "rare word", "text",
                                  "济南 met", "nothing like it"])
def test_search_text_with_its_match_read_apart_gives_the_rows_of_the_query_as_written(texts, text):
    substring_hits._kept.clear()
    executed: list[str] = []
    found = get(texts, f"/news/search_text.json?q={quote(text)}&_shape=arrays", executed)
    assert any("json_each(:newsdb_substring_hits)" in sql for sql in executed)
    assert found["rows"] == as_written(texts, text)


def test_a_read_past_its_time_limit_is_a_query_interrupted(texts, monkeypatch):
    substring_hits._kept.clear()
    monkeypatch.setattr(substring_hits, "TIME_LIMIT_MS", 0)
    response = asyncio.run(make_datasette(texts).client.get("/news/search_text?q=Velorant"))
    assert response.status_code == 400 and "SQL query took too long" in response.text


def test_a_part_of_a_word_is_read_through_the_vocabulary_when_it_is_in_step(texts, monkeypatch):
    """The rows the fixture wrote past the store are caught up when newsdb next opens the file (as
    `newsdb serve` does before it starts Datasette)."""
    open_db(texts).close()
    substring_hits._kept.clear()
    monkeypatch.setattr(substring_hits, "_READ", "select 0, '[]'")  # the trigram index would find nothing
    found = get(texts, "/news/search_text.json?q=elora&_shape=arrays", [])
    assert [row[0] for row in found["rows"]] == [501] == [row[0] for row in as_written(texts, "elora")]


@pytest.mark.parametrize("text", ["济南", "济南市", "经济新闻", "南市的", "中文", "济南市经济新闻"])
def test_chinese_text_of_two_to_four_characters_is_one_lookup_in_the_ngram_index(tmp_path, text):
    from pipelines.store import write_batch
    from tests.test_store import article

    bodies = ["山东省济南市的经济新闻。", "济南的天气。", "经济新闻：济南市发布。", "English only.",
              "中文 济 南市"]
    db = open_db(tmp_path / "news.db")
    write_batch(db, [article(f"https://a/{i}", body=body, title=f"第{i}条") for i, body in enumerate(bodies)])
    db.close()
    substring_hits._kept.clear()
    executed: list[str] = []
    found = get(tmp_path / "news.db", f"/news/search_text.json?q={quote(text)}&_shape=arrays", executed)
    holding = [f"https://a/{i}" for i, body in enumerate(bodies) if text in body]
    assert sorted(row[6] for row in found["rows"]) == holding
    read_apart = any("json_each(:newsdb_substring_hits)" in sql for sql in executed)
    assert read_apart == (len(text) > 4)  # 2-4 characters: the query as written, one token of the n-gram index
