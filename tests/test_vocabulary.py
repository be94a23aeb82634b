"""The vocabulary (pipelines/vocabulary.py): the words of the unstemmed words index, kept in step by the
store and caught up on open, and search_text's lookup of a part of a word through it."""
import json
import random
import sqlite3

import pytest

from newsdb.datasette import substring_hits
from pipelines import vocabulary
from pipelines.schema import open_db
from pipelines.store import write_batch
from tests.test_store import article

# words the tokenizer folds, joins or splits in ways a Python regex would not
TRICKY = ["Zürich's", "İstanbul", "hello😀world", "中国abc经济", "x²y", "ﬁne", "Ｆｕｌｌwidth",
          "Zu\u0308rich", "co-op", "1,000,000",
          "naïve", "e-mail@host.example", "ΑΘΗΝΑ", "under_score", "Ⅻ-th", "O'Brien"]
SYLLABLES = ["ve", "lo", "ran", "t", "an", "ost", "fel", "im", "qu", "zu", "bel", "dre", "ri", "no"]


def texts(n: int, seed: int = 1) -> list[tuple[str, str]]:
    """(title, body) pairs of made-up names, tricky words and Chinese, as in aggregated news."""
    rng = random.Random(seed)

    def word():
        if rng.random() < 0.15:
            return rng.choice(TRICKY)
        name = "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 4)))
        return name.capitalize() if rng.random() < 0.5 else name.upper() if rng.random() < 0.1 else name

    def words_(count):
        return " ".join(word() for _ in range(count))

    return [(words_(5), words_(rng.randint(20, 80)) + " 中国经济。") for _ in range(n)]


def index_terms(db) -> set[str]:
    db.execute("CREATE VIRTUAL TABLE IF NOT EXISTS temp.terms USING fts5vocab(main, articles_tokens, row)")
    return {term for (term,) in db.execute(f"select term from temp.terms where {vocabulary.KEPT}")}


def words(db) -> set[str]:
    return {word for (word,) in db.execute("select word from vocabulary")}


@pytest.fixture
def stored(tmp_path):
    """A database the store wrote 300 articles into, in three batches."""
    db = open_db(tmp_path / "news.db")
    pairs = texts(300)
    for start in range(0, 300, 100):
        write_batch(db, [article(f"http://a/{i}", body=body, title=title)
                         for i, (title, body) in enumerate(pairs[start:start + 100], start)])
    return db


def test_the_store_keeps_the_words_the_index_holds_and_no_others(stored):
    held = words(stored)
    assert held == index_terms(stored)
    assert {"zürich", "İstanbul", "中国abc经济", "ｆｕｌｌwidth"} <= held  # as the tokenizer folds them
    assert "co" not in held and "中国经济" not in held
    assert vocabulary.in_step(stored.conn)


def test_a_changed_article_adds_its_new_words(stored):
    write_batch(stored, [article("http://a/0", body="Now about Quorvantine.", title="Changed")])
    assert "quorvantine" in words(stored) and vocabulary.in_step(stored.conn)


def test_rows_another_tool_writes_are_caught_up_on_the_next_open(stored, tmp_path):
    stored["articles"].insert({"url": "http://b/1", "source": "s", "title": "Brandnewname", "body": "x"})
    assert not vocabulary.in_step(stored.conn)  # search_text reads the trigram index meanwhile
    stored.close()
    db = open_db(tmp_path / "news.db")
    assert "brandnewname" in words(db) and vocabulary.in_step(db.conn)
    # an edit of an older row: every word of the index is looked at again
    db.execute("update articles set body = 'Editedinplace' where url = 'http://a/3'")
    db.conn.commit()
    assert not vocabulary.in_step(db.conn)
    db.close()
    db = open_db(tmp_path / "news.db")
    assert "editedinplace" in words(db) and vocabulary.in_step(db.conn)


def test_an_older_file_gets_its_index_and_vocabulary_on_open(stored, tmp_path):
    held = words(stored)
    for table in ("vocabulary_fts", "vocabulary", "vocabulary_state", "articles_tokens"):
        stored.execute(f"drop table {table}")
    stored.execute("drop trigger articles_tokens_ai")
    stored.conn.commit()
    stored.close()
    db = open_db(tmp_path / "news.db")
    assert words(db) == held and vocabulary.in_step(db.conn)
    assert db.execute("select count(*) from vocabulary_fts where vocabulary_fts match '\"ürich\"'").fetchone()[0] == 1


def hits(conn, text: str) -> list[int]:
    return sorted(json.loads(substring_hits._read(conn, text)))


def test_a_part_of_a_word_finds_through_the_vocabulary_what_the_trigram_index_finds(stored):
    conn = stored.conn
    rng = random.Random(2)
    samples = [word[i:i + rng.randint(4, 8)] for word in rng.sample(sorted(words(stored)), 60)
               for i in [rng.randrange(len(word))]]
    samples = [s for s in samples if vocabulary.answers(s)] + ["Velo", "width", "nothinglikeit", "0000", "WIDTH"]
    assert len(samples) > 30
    assert substring_hits._words_with(conn, "width") == ["ｆｕｌｌwidth"]
    through_vocabulary = {text: hits(conn, text) for text in samples}
    conn.execute("update vocabulary_state set edits = -1")  # out of step: read the trigram index
    assert substring_hits._words_with(conn, "width") is None
    assert {text: hits(conn, text) for text in samples} == through_vocabulary
    assert sum(map(bool, through_vocabulary.values())) > 25


def test_the_vocabulary_answers_four_or_more_ascii_letters_and_digits():
    assert vocabulary.answers("Velo") and vocabulary.answers("2026")
    assert not any(map(vocabulary.answers, ["ran", "co-op", "zürich", "中国经济", "a b c d", "under_score"]))


def test_a_text_in_more_words_than_max_words_reads_the_trigram_index(stored, monkeypatch):
    assert substring_hits._words_with(stored.conn, "ostfel")
    monkeypatch.setattr(substring_hits, "MAX_WORDS", 0)
    assert substring_hits._words_with(stored.conn, "ostfel") is None
    assert substring_hits._words_with(stored.conn, "ürich") is None  # not ASCII: the trigram index
    assert substring_hits._words_with(stored.conn, "nothinglikeit") == []
    assert sqlite3.complete_statement(vocabulary.ARTICLES_WITH + ";")


def test_deletes_newsdb_makes_itself_keep_the_vocabulary_in_step(stored):
    with stored.conn, vocabulary.no_new_words(stored.conn):
        stored.conn.execute("delete from articles where id in (select id from articles order by id desc limit 5)")
    assert vocabulary.in_step(stored.conn)
    with stored.conn:  # the same by another tool: the next open reads every word again
        stored.conn.execute("delete from articles where id in (select id from articles order by id desc limit 5)")
    assert not vocabulary.in_step(stored.conn)
