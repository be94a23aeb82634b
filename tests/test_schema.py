"""The schema's indexes: created on new files, added to (and retired from) older ones on open, and the
query shapes of a big database they exist for."""
from __future__ import annotations

import sqlite3

import pytest

from newsdb.datasette import search_plan
from pipelines.schema import fill_bigrams, open_db


def plan(conn, sql: str) -> str:
    return " | ".join(row[3] for row in conn.execute("explain query plan " + sql))


def index_columns(conn, table: str = "articles") -> dict[str, tuple]:
    return {name: tuple(r[2] for r in conn.execute(f"pragma index_info([{name}])"))
            for (name,) in conn.execute("select name from sqlite_master where type = 'index' and tbl_name = ?", [table])}


def test_an_older_database_gains_the_new_indexes_and_loses_the_retired_one(tmp_path):
    path = tmp_path / "news.db"
    open_db(path).close()
    conn = sqlite3.connect(path)
    for name, cols in index_columns(conn).items():
        if cols in {("published", "id"), ("source", "duplicate_of", "published")}:
            conn.execute(f"drop index [{name}]")
    conn.execute("create index idx_articles_published on articles (published)")  # as newsdb made it before
    conn.commit()
    conn.close()
    open_db(path).close()
    conn = sqlite3.connect(path)
    columns = set(index_columns(conn).values())
    assert {("published", "id"), ("source", "duplicate_of", "published")} <= columns
    assert ("published",) not in columns
    desc = conn.execute("select sql from sqlite_master where sql like '%(\"published\" desc, \"id\")%'").fetchone()
    assert desc, "newest first, ties by id"


def test_query_shapes_of_a_big_table_read_indexes(tmp_path):
    db = open_db(tmp_path / "news.db")
    db["articles"].insert_all(({"id": i, "url": f"https://a/{i}", "source": f"s{i % 7}", "body": "x" * 5000,
                                "published": f"2024-01-{1 + i % 28:02d}T00:00:00+00:00",
                                "duplicate_of": None if i % 10 else i - 1} for i in range(1, 2001)))
    conn = db.conn
    # Datasette's table page (sort_desc published), at every page size including _size=0 and 1
    for limit in (1, 2, 51):
        sql = f"select * from articles order by published desc, id limit {limit}"
        assert plan(conn, sql) == "SCAN articles USING INDEX idx_articles_published_id", plan(conn, sql)
    # the front page's counts per source, from the index alone
    from newsdb.datasette.newsroom import data
    assert "COVERING INDEX idx_articles_source_duplicate_of_published" in plan(conn, data.SOURCE_COUNTS)
    # facet by source, count: covering index scans, never the rows
    assert "COVERING INDEX" in plan(conn, "select source as value, count(*) as count from (select * from articles) "
                                         "where source is not null group by source order by count desc, value limit 31")
    assert "COVERING INDEX" in plan(conn, "select count(*) from articles")
    # date facet and `published__date=` filter: date(published) from its index, not computed per row
    assert "idx_articles_published_date" in plan(conn, "select date(published) as value, count(*) as count from "
                                                 "(select * from articles) where date(published) is not null "
                                                 "group by date(published) order by count desc, value limit 31")
    assert "idx_articles_published_date (<expr>=?)" in plan(conn, "select id from articles where date(published) = '2024-01-03'")
    # the dedupe index's reads at start
    assert "COVERING INDEX" in plan(conn, "select id from articles where duplicate_of is null")
    assert plan(conn, "select id, url from articles order by url") == "SCAN articles USING COVERING INDEX idx_articles_url"
    db.close()


def canned_sql(name: str) -> str:
    from newsdb.serve import build_metadata

    return build_metadata("news")["databases"]["news"]["queries"][name]["sql"]


def test_the_search_query_reads_the_newest_hits_off_an_index_and_snips_only_those(tmp_path):
    db = open_db(tmp_path / "news.db")
    db["articles"].insert_all(({"id": i, "url": f"https://a/{i}", "source": f"s{i % 3}", "title": f"Story {i}",
                                "body": ("common words " * 50) + ("rare term here " if i % 100 == 0 else "")
                                + ("the EU said " if i % 2 == 0 else "") + ("经济消息 " if i % 7 == 0 else "") + "x" * 3000,
                                "published": f"2024-{1 + i % 12:02d}-{1 + i % 28:02d}T00:00:00+00:00"}
                               for i in range(1, 2401)))
    fill_bigrams(db, "select id, title, body from articles")  # as the crawler's store does for each article
    conn, sql = db.conn, canned_sql("search")
    params = {"q": "common", "source": "", "language": "", "since": "", "until": ""}
    # up to 2,000 hits are sorted off the small hits index; more are read off (published desc, id), newest first
    steps = plan(conn, sql.replace(":q", "'common'").replace(":source", "''").replace(":language", "''")
                 .replace(":since", "''").replace(":until", "''"))
    assert "SCAN a USING INDEX idx_articles_published_id" in steps
    assert f"SEARCH a USING COVERING INDEX {search_plan.HITS_INDEX}" in steps
    assert "MATERIALIZE matched" not in steps  # many hits, no filter: the newest looked up, the hits not all copied
    newest = "select id from articles where {} order by published desc, id limit 200"
    for q, where in (("common", "1"), ("EU", "id % 2 = 0")):  # 2,400 hits, then 1,200
        rows = conn.execute(sql, {**params, "q": q}).fetchall()
        assert [r[0] for r in rows] == [r[0] for r in conn.execute(newest.format(where))]
        assert all(f"\ue000{q}\ue001" in r[5] for r in rows)  # each one snipped where it matched
    filtered = conn.execute(sql, {**params, "q": "common", "source": "s2", "since": "2024-03-01"}).fetchall()
    assert [r[0] for r in filtered] == [r[0] for r in conn.execute(newest.format(  # many hits, filtered
        "source = 's2' and date(published) >= '2024-03-01'"))]
    rare = conn.execute(sql, {**params, "q": "rare term"}).fetchall()
    assert sorted(r[0] for r in rare) == list(range(100, 2401, 100))
    assert [r[0] for r in conn.execute(sql, {**params, "q": "rare term", "source": "s1"})] == [
        i for i in (r[0] for r in rare) if i % 3 == 1]
    assert conn.execute(sql, {**params, "q": "rare ter"}).fetchall() == []  # words, not parts of words
    chinese = [r[0] for r in conn.execute(newest.format("id % 7 = 0"))]
    for q in ("经济消息", "经济", "济"):  # 3+ characters: the trigram index; 2: the bigram index; 1: a scan
        rows = conn.execute(sql, {**params, "q": q}).fetchall()
        assert [r[0] for r in rows] == chinese and all(f"\ue000{q}" in r[5] for r in rows)
    db.close()


def search_plan_kind(conn, params: dict) -> int:
    """The kind the search query's `plan` picks: 0 list the hits and sort them off the small index, 1 look
    each newest up, 2 walk the newest against the list of hits."""
    sql = canned_sql("search")
    return conn.execute(sql[:sql.index("newest as materialized")].rstrip().rstrip(",") + " select kind from plan",
                        params).fetchone()[0]


def test_the_search_query_lists_many_hits_when_they_are_rare_among_the_articles(tmp_path):
    """Looked up one by one, the newest articles of a name in 1 of 20 would be ~4,000 lookups for 200 rows."""
    db = open_db(tmp_path / "news.db")
    db["articles"].insert_all(({"id": i, "url": f"https://a/{i}", "source": "s", "title": f"Story {i}",
                                "body": "sparse name" + (" dense word" if i <= 40_000 else ""),
                                "published": f"2024-{1 + i % 12:02d}-{1 + i % 28:02d}T00:00:00+00:00"}
                               for i in range(20, 42_001, 20)))  # 2,100 articles, ids 20 apart
    db["articles"].insert_all(({"id": i, "url": f"https://a/{i}", "source": "t" if i % 97 == 0 else "s",
                                "title": f"Story {i}", "body": "dense word", "published": "2023-01-01T00:00:00+00:00"}
                               for i in range(1, 2201) if i % 20))
    conn, sql = db.conn, canned_sql("search")
    params = {"q": "", "source": "", "language": "", "since": "", "until": ""}
    # the 2,001st hit at id 40,020: hits in 1 article of 20 or fewer
    assert search_plan_kind(conn, {**params, "q": "sparse"}) == 2
    assert search_plan_kind(conn, {**params, "q": "dense"}) == 1  # 2,001st hit at id ~2,100: common
    assert search_plan_kind(conn, {**params, "q": "dense", "source": "s"}) == 2  # a filter most hits pass: walked
    # a filter few of the first 2,001 hits pass (22 in source t), or an end date: the hits listed
    assert search_plan_kind(conn, {**params, "q": "dense", "source": "t"}) == 0
    assert search_plan_kind(conn, {**params, "q": "dense", "until": "2024-06-01"}) == 0
    assert search_plan_kind(conn, {**params, "q": "story 40"}) == 0
    newest = "select id from articles where body like ? and {} order by published desc, id limit 200"
    for q, filters, where in (("sparse", {}, "1"), ("dense", {}, "1"), ("dense", {"source": "s"}, "source = 's'"),
                              ("dense", {"source": "t"}, "source = 't'"),
                              ("dense", {"until": "2024-06-01"}, "date(published) <= '2024-06-01'")):
        assert [r[0] for r in conn.execute(sql, {**params, "q": q, **filters})] == [
            r[0] for r in conn.execute(newest.format(where), [f"%{q}%"])]
    db.close()


# what the source_coverage query computed from every row before source_totals (the shares, not last_new_at)
FULL_SCAN_COVERAGE = """
select source, count(*) as articles, sum(duplicate_of is null) as originals,
  round(avg(trim(coalesce(title, '')) != ''), 3) as title,
  round(avg(trim(coalesce(published, '')) != ''), 3) as published,
  round(avg(trim(coalesce(author, '')) != ''), 3) as author,
  round(avg(trim(coalesce(body, '')) != ''), 3) as body,
  max(first_seen_at) as last_new_at
from articles group by source order by source
"""


def coverage(path) -> list[tuple]:
    from newsdb.serve import canned_sql

    conn = sqlite3.connect(path)
    found = conn.execute(canned_sql("source_coverage")).fetchall(), conn.execute(FULL_SCAN_COVERAGE).fetchall()
    conn.close()
    return found


def test_source_totals_follow_every_writer(tmp_path):
    path = tmp_path / "news.db"
    db = open_db(path)
    db["articles"].insert_all({"id": i, "url": f"https://a/{i}", "source": f"s{i % 3}",
                               "title": "" if i % 4 == 0 else f"T{i}", "body": "  " if i % 5 == 0 else "text",
                               "author": "A" if i % 2 else None, "published": "2024-01-01" if i % 3 else None,
                               "duplicate_of": 1 if i % 7 == 0 else None,
                               "first_seen_at": f"2024-01-01T00:00:{i:02d}+00:00"} for i in range(1, 41))
    db.close()
    conn = sqlite3.connect(path)  # another tool: plain SQL
    with conn:
        conn.execute("update articles set source = 's9', title = 'Moved' where id in (4, 8)")
        conn.execute("update articles set duplicate_of = 2, author = 'B' where id = 3")
        conn.execute("delete from articles where id in (5, 6)")
    conn.close()
    from_totals, from_rows = coverage(path)
    assert from_totals == from_rows and {row[0] for row in from_totals} == {"s0", "s1", "s2", "s9"}


def test_an_older_file_gets_its_source_totals_counted_on_open(tmp_path):
    path = tmp_path / "news.db"
    db = open_db(path)
    db["articles"].insert_all({"id": i, "url": f"https://a/{i}", "source": f"s{i % 2}", "title": f"T{i}",
                               "body": "text", "first_seen_at": f"2024-01-01T00:00:{i:02d}+00:00"}
                              for i in range(1, 11))
    for name in ("source_totals_ai", "source_totals_ad", "source_totals_au"):
        db.execute(f"drop trigger {name}")
    db.execute("drop table source_totals")  # as a file written before source_totals
    db["articles"].insert({"id": 11, "url": "https://a/11", "source": "s1", "title": "Late", "body": "text",
                           "first_seen_at": "2024-01-02T00:00:00+00:00"})
    db.close()
    open_db(path).close()
    from_totals, from_rows = coverage(path)
    assert from_totals == from_rows and from_totals[1][1] == 6


def test_an_older_files_edit_trigger_is_made_again_to_count_text_edits(tmp_path):
    path = tmp_path / "old.db"
    open_db(path).close()
    conn = sqlite3.connect(path)
    with conn:  # the trigger as a newsdb before text edits counted made it
        conn.execute("drop trigger article_edits_au")
        conn.execute("create trigger article_edits_au after update of id, source, category, language, published, "
                     "duplicate_of on articles begin update article_edits set edits = edits + 1; end")
    conn.close()
    db = open_db(path)
    db["articles"].insert({"id": 1, "url": "https://a/1", "title": "T", "body": "text", "source": "s"})
    db.execute("update articles set body = 'other text' where id = 1")
    db.conn.commit()
    assert db.execute("select edits from article_edits").fetchone()[0] == 1
    db.close()


def word_hits(conn, fts: str, word: str) -> list[int]:
    return [r[0] for r in conn.execute(f"select rowid from {fts} where {fts} match ? order by rowid", [f'"{word}"'])]


def test_an_older_file_gets_the_word_ids_index_built_on_open_and_kept_by_every_writer(tmp_path):
    path = tmp_path / "old.db"
    db = open_db(path)
    db["articles"].insert_all({"id": i, "url": f"https://a/{i}", "source": "s", "title": f"Report {i}",
                               "body": "storms closed the harbour" if i % 2 else "a calm day"} for i in range(1, 21))
    for trigger in ("ai", "ad", "au"):
        db.execute(f"drop trigger articles_word_ids_{trigger}")
    db.execute("drop table articles_word_ids")  # as a file written before the word ids index
    db.close()
    open_db(path).close()
    conn = sqlite3.connect(path)
    with conn:  # another tool: plain SQL, through the triggers
        conn.execute("insert into articles (id, url, source, title, body) values (21, 'https://a/21', 's', 'Late', "
                     "'a storm at night')")
        conn.execute("update articles set body = 'the storm passed' where id = 2")
        conn.execute("update articles set body = 'sunny' where id = 3")
        conn.execute("delete from articles where id = 5")
    for word in ("storm", "harbour", "calm", "report", "sunny"):
        assert word_hits(conn, "articles_word_ids", word) == word_hits(conn, "articles_words", word)
    assert word_hits(conn, "articles_word_ids", "storm") == [1, 2, 7, 9, 11, 13, 15, 17, 19, 21]
    with pytest.raises(sqlite3.OperationalError, match="phrase queries are not supported"):
        word_hits(conn, "articles_word_ids", "the storm")  # no positions: phrases stay with articles_words
    conn.execute("insert into articles_word_ids(articles_word_ids) values('integrity-check')")
    conn.close()


def test_an_older_files_pair_index_is_made_again_with_runs_of_two_to_four_and_no_positions(tmp_path):
    path = tmp_path / "old.db"
    db = open_db(path)
    db["articles"].insert_all({"id": i, "url": f"https://a/{i}", "source": "s", "title": f"标题{i}",
                               "body": "今年经济增长" if i % 2 else "市场消息"} for i in range(1, 11))
    db.execute("drop table articles_bigrams")  # as a newsdb before 2026-11-29 made it: pairs, with positions
    db.execute("create virtual table articles_bigrams using fts5(text, content='', tokenize='unicode61')")
    db.execute("insert into articles_bigrams (rowid, text) select id, '经济 市场' from articles where id = 1")
    db.conn.commit()
    db.close()
    conn = open_db(path).conn
    assert "detail=none" in conn.execute("select sql from sqlite_master where name = 'articles_bigrams'").fetchone()[0]
    for word in ("经济增长", "年经济", "市场消息"):  # what the trigram index finds, without its positions
        assert word_hits(conn, "articles_bigrams", word) == word_hits(conn, "articles_fts", word) != []
    assert word_hits(conn, "articles_bigrams", "经济") == list(range(1, 11, 2))
    assert word_hits(conn, "articles_bigrams", "市场") == list(range(2, 11, 2))  # the old index's row 1 is gone
    assert word_hits(conn, "articles_bigrams", "标题") == list(range(1, 11))
    conn.close()
