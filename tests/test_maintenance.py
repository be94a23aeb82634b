"""Planner statistics and the merged search index: what keeps a big file fast."""
from __future__ import annotations

from pipelines import maintenance, vocabulary
from pipelines.schema import FTS_TABLES, fill_bigrams, open_db
from tests.conftest import run_newsdb

WORDS = ["harbour", "election", "typhoon", "budget", "railway", "festival", "drought", "summit"]


def fill(db, batches: int, per_batch: int = 20, start: int = 1) -> None:
    """Articles written as a crawl writes them: one transaction per batch, one index segment each."""
    for b in range(batches):
        rows = [{"id": i, "url": f"https://a.example/{i}", "source": f"s{i % 3}", "title": f"Story {i} of batch{b}",
                 "body": " ".join(WORDS[(i * k) % len(WORDS)] for k in range(1, 40)) + f" 中国经济{i % 7}",
                 "published": f"2025-01-{1 + i % 28:02d}T00:00:00+00:00", "language": "en"}
                for i in range(start + b * per_batch, start + (b + 1) * per_batch)]
        with db.conn:
            db["articles"].insert_all(rows)
            fill_bigrams(db, f"select id, title, body from articles where id >= {rows[0]['id']}")
            vocabulary.add_words(db.conn, [(row["title"], row["body"]) for row in rows])


def hits(db, word: str) -> tuple[list[int], ...]:
    """The word's hits in each full-text index (FTS_TABLES: trigram, words, word ids, bigrams, ...)."""
    return tuple([r[0] for r in db.execute(f"select rowid from {fts} where {fts} match ? order by rowid", [f'"{word}"'])]
                 for fts in FTS_TABLES)


def test_merging_the_search_index_leaves_one_segment_and_the_same_hits(tmp_path):
    db = open_db(tmp_path / "news.db")
    fill(db, batches=12)
    assert all(n > 1 for n in maintenance.search_index_segments(db).values())
    before = {word: hits(db, word) for word in WORDS + ["ought", "arbo", "经济"]}
    assert all(before[word][1] and before[word][2] == before[word][1] for word in WORDS)
    assert all(before[word][0] for word in ["ought", "arbo"])
    assert len(before["经济"][3]) == 240
    steps = []
    maintenance.merge_search_index(db, pages=2, on_step=lambda n, seconds: steps.append(n))
    assert maintenance.search_index_segments(db) == dict.fromkeys(FTS_TABLES, 1)
    assert len(steps) > 2  # bounded steps, each its own transaction
    assert {word: hits(db, word) for word in before} == before
    for fts in FTS_TABLES:
        db.execute(f"insert into {fts}({fts}) values('integrity-check')")  # raises on a damaged index
    assert maintenance.merge_search_index(db) == len(FTS_TABLES)  # nothing left to merge: one step each that does nothing


def test_statistics_are_stale_until_taken_and_again_after_the_table_grows_by_a_quarter(tmp_path):
    db = open_db(tmp_path / "news.db")
    fill(db, batches=4)
    assert maintenance.statistics_stale(db)
    maintenance.refresh_statistics(db)
    assert not maintenance.statistics_stale(db)
    fill(db, batches=1, start=81)  # 100 rows, 80 when counted: exactly a quarter more is not yet stale
    assert not maintenance.statistics_stale(db)
    fill(db, batches=1, start=101)
    assert maintenance.statistics_stale(db)


def test_a_crawl_takes_statistics_of_a_new_database(crawled):
    db = open_db(crawled[0])
    assert db["sqlite_stat1"].exists()
    assert not maintenance.statistics_stale(db)


def test_optimize_command(tmp_path):
    path = tmp_path / "news.db"
    db = open_db(path)
    fill(db, batches=6)
    db["articles"].insert({"id": 121, "url": "https://b/1", "source": "s", "title": "导入", "body": "另一工具写入的新闻 Quorvantine"})
    assert hits(db, "导入")[3] == []  # another tool's row: no pairs yet
    db.close()
    result = run_newsdb("optimize", "--db", str(path))
    assert result.returncode == 0, result.stderr
    assert ("(articles_fts 7 -> 1, articles_words 7 -> 1, articles_word_ids 7 -> 1, articles_bigrams 7 -> 1, "
            "articles_tokens 7 -> 1, vocabulary_fts 7 -> 1)") in result.stdout  # the vocabulary caught up on open
    assert result.stdout.startswith("newsdb: 1 articles written by other tools added to the bigram index")
    db = open_db(path)
    assert set(maintenance.search_index_segments(db).values()) == {1} and not maintenance.statistics_stale(db)
    assert hits(db, "导入")[3] == [121] and hits(db, "工具")[3] == [121]
    assert db.execute("select count(*) from vocabulary where word = 'quorvantine'").fetchone()[0] == 1
    missing = run_newsdb("optimize", "--db", str(tmp_path / "nope.db"))
    assert missing.returncode == 2 and "no database" in missing.stderr
