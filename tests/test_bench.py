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
