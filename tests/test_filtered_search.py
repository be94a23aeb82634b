"""The search canned query with a filter, its newest 200 from the facet columns: the rows SQL gives."""
from __future__ import annotations

import pytest

from newsdb.datasette import filtered_search
from tests.conftest import columns_off
from tests.test_column_answers import clear, loaded
from tests.test_search_plan import get

FROM_COLUMNS = "json_each(:newsdb_newest)"


def rows(path, query: str, executed: list[str]) -> list:
    filtered_search._kept.clear()
    clear()
    return get(path, f"/news/search.json?{query}&_shape=arrays", executed)["rows"]


@pytest.mark.parametrize("query", [
    "q=text&source=s1", "q=text&language=zh", "q=rare+word&since=2024-03-05", "q=text&until=2024-03-03&source=s2",
    "q=text&since=2024-03-02&until=2024-03-04&language=en", "q=text&source=nowhere", "q=and+a&source=s3",
    "q=+text+&source=", "q=text&source=s1&language=zh&since=2024-03-01&until=2024-03-09"])
def test_a_filtered_search_from_the_columns_is_what_sql_gives(faceted_news, monkeypatch, query):
    loaded(faceted_news)
    executed: list[str] = []
    found = rows(faceted_news, query, executed)
    with monkeypatch.context() as m:
        columns_off(m)
        expected = rows(faceted_news, query, [])
    assert found == expected
    filtered = "source=&" not in query + "&"  # an empty filter is no filter
    assert any(FROM_COLUMNS in sql for sql in executed) == filtered
    if filtered and "nowhere" not in query:
        assert expected  # the cases compare rows, not two empty pages


@pytest.mark.parametrize("query", ["q=text", "q=%E7%BB%8F%E6%B5%8E&source=s1", "q=&source=s1"])
def test_no_filter_chinese_text_or_no_text_run_the_query_as_written(faceted_news, query):
    loaded(faceted_news)
    executed: list[str] = []
    rows(faceted_news, query, executed)
    assert not any(FROM_COLUMNS in sql for sql in executed)


def test_a_file_changed_since_its_columns_were_read_runs_the_query_as_written(faceted_news, monkeypatch):
    loaded(faceted_news)
    monkeypatch.setattr("newsdb.datasette.article_columns.fresh", lambda path: None)
    monkeypatch.setattr("newsdb.datasette.article_columns.WAIT_FOR_LOAD", 0)
    executed: list[str] = []
    assert rows(faceted_news, "q=text&source=s1", executed)
    assert not any(FROM_COLUMNS in sql for sql in executed)
