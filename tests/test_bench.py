"""The benchmarks cannot rot: `make bench` at a tiny size, and the dedupe index as a crawl loads it."""
from __future__ import annotations

import json
import re
import subprocess

import numpy as np
import pytest

from pipelines.dedupe import NUM_PERM, load_index, signature, to_bytes
from pipelines.schema import open_db
from pipelines.store import write_batch
from tests.conftest import ROOT
from tests.test_dedupe import STORY, ZH_STORY


@pytest.mark.timeout(120)
def test_make_bench_runs_a_b_and_c_side_by_side(tmp_path):
    result = subprocess.run(["make", "--no-print-directory", "bench", "N=24", f"BENCH_OUT={tmp_path}"], cwd=ROOT,
                            capture_output=True, text=True, timeout=110, check=False)
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    out = result.stdout
    for label in ("A extraction ceiling", "B newsdb crawl", "C naive crawl"):
        row = next(line for line in out.splitlines() if line.startswith(f"| {label}"))
        pages = int(row.split("|")[2])
        assert pages >= 20, row  # every run extracted (nearly) every article page
    assert re.search(r"^B/A = \d+\.\d\d$", out, re.MULTILINE) and re.search(r"^B/C = \d+\.\d\d$", out, re.MULTILINE), out
    runs = json.loads((tmp_path / "results-24.json").read_text("utf-8"))["runs"]
    # the Scrapy process's own CPU is told apart: in B the extraction workers do most of the work
    assert 0 < runs["B"]["cpu_main"] < runs["B"]["cpu"] and 0 < runs["C"]["cpu_main"] <= runs["C"]["cpu"]


def test_index_loaded_from_the_database_finds_stored_originals(tmp_path):
    db = open_db(tmp_path / "news.db")
    other = " ".join(f"word{i}" for i in range(60))
    rows = [{"url": f"http://a/{i}", "source": "a", "title": "t", "body": body, "content_hash": str(i),
             "minhash": to_bytes(signature(body))} for i, body in enumerate([STORY, ZH_STORY, other])]
    rows.append({"url": "http://b/1", "source": "b", "title": "t", "body": STORY, "content_hash": "x",
                 "minhash": to_bytes(signature(STORY)), "duplicate_of_url": "http://a/0"})
    write_batch(db, rows)
    db.execute("insert into article_signatures values (99, ?)", [b"\x00" * 8])  # another size: ignored
    db.conn.commit()
    index = load_index(tmp_path / "news.db")
    assert len(index) == 3  # originals only
    assert "http://a/1" in index and "http://b/1" not in index
    assert index.find(signature(STORY.replace("on Tuesday", "late on Tuesday"))) == "http://a/0"
    assert index.find(signature(ZH_STORY.replace("专家表示", "有专家表示"))) == "http://a/1"
    assert index.find(signature(STORY), exclude="http://a/0") is None
    # a re-crawled original supersedes its loaded entry; a new story joins the loaded ones
    index.add("http://a/0", signature(STORY + " An update."))
    assert len(index) == 3 and index.find(signature(STORY)) == "http://a/0"
    index.add("http://c/1", np.arange(NUM_PERM, dtype=np.uint32))
    assert index.find(np.arange(NUM_PERM, dtype=np.uint32)) == "http://c/1"


def test_scale_build_makes_a_normal_newsdb_file_and_datasette_answers(tmp_path):
    """bench.scale at a tiny size: the bulk build leaves a regular newsdb database (WAL, every index, FTS in
    sync with its triggers back, FTS5 settings back to the defaults) that load_index and Datasette read."""
    import asyncio
    import sqlite3

    from bench import scale

    path = tmp_path / "scale-300.db"
    times = scale.build(300, path)
    assert set(times) == {"rows_s", "indexes_s", "fts_s", "optimize_s", "total_s"}
    conn = sqlite3.connect(path)
    assert conn.execute("select count(distinct segid) from articles_fts_idx").fetchone()[0] == 1
    assert conn.execute("select count(*) from sqlite_stat1 where tbl = 'articles'").fetchone()[0] > 0
    assert conn.execute("pragma journal_mode").fetchone()[0] == "wal"
    assert conn.execute("select count(*) from articles").fetchone()[0] == 300
    assert conn.execute("select k from articles_fts_config").fetchall() == [("version",)]  # no hashsize left
    conn.execute("insert into articles_fts(articles_fts) values('integrity-check')")
    word = conn.execute("select substr(title, 1, 6) from articles where language = 'en' limit 1").fetchone()[0]
    hits = conn.execute("select count(*) from articles_fts where articles_fts match ?", [f'"{word}"']).fetchone()[0]
    assert hits >= 1
    names = {name for (name,) in conn.execute("select name from sqlite_master where tbl_name = 'articles'")}
    from newsdb.serve import canned_sql

    totals = conn.execute(canned_sql("source_coverage")).fetchall()
    assert sum(row[1] for row in totals) == 300 and [row[:3] for row in totals] == conn.execute(
        "select source, count(*), sum(duplicate_of is null) from articles group by source order by source").fetchall()
    assert {"articles_ai", "articles_ad", "articles_au", "source_totals_ai", "idx_articles_url", "idx_articles_published_id",
            "idx_articles_published_date", "idx_articles_source_duplicate_of_published",
            "idx_articles_id_published_source_category_language_duplicate_of"} <= names
    conn.close()
    open_db(path).close()  # nothing left to add
    index = load_index(path)
    assert 250 <= len(index) < 300  # ~10 % reprints
    out = asyncio.run(scale._datasette_times(path, requests=2, sample_id=300, uncached=1))
    assert out.pop("facet columns")["load_s"] > 0
    after = out.pop("one source's articles, right after a commit of 50 articles")
    assert after["median_ms"] > 0 and after["requests"] >= 3 and not after["interrupted"]
    with sqlite3.connect(path) as conn:  # the rows it wrote for the measure are gone again
        assert conn.execute("select count(*) from articles where url like ?", [f"{scale.AFTER_COMMIT_URL}%"]).fetchone() == (0,)
    assert set(out) == {"articles table", "full-text search", "facet by source", "latest_stories", "article row",
                        "one source's articles",
                        "full-text search, a new name each time", "search canned query, a new name each time",
                        "full-text search, a new Chinese word each time",
                        "full-text search, a common English word each time", "story (a story and its reprints)",
                        "articles since a day, a new day each time", "the reprints alone",
                        "the table's next page, deep in it", "a common English word's search, its next page deep in it",
                        "search canned query, a common English word in one source",
                        "search canned query, a common English word in Chinese articles",
                        "search_text, a new name each time", "articles_per_source_per_day", "story_clusters",
                        "source_health", "source_coverage", "feed (Atom)", "feed of one source", "newsroom front page",
                        "newsroom stories page", "newsroom health page"}
    assert len({t["url"] for t in out.values()}) == len(out)
    assert all(t["median_ms"] > 0 and t["uncached_median_ms"] > 0 for t in out.values())
    assert not any(t["interrupted"] for t in out.values())
