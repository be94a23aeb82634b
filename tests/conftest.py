"""Shared fixtures: the sample sites on 127.0.0.x and crawls of them with the real spider."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from newsdb.sample_sites import SampleSites

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
SITES = ROOT / "tests" / "sites"
# Local servers answer at once; politeness delays would only slow the tests.
FAST = ["-s", "AUTOTHROTTLE_START_DELAY=0", "-s", "DOWNLOAD_DELAY=0", "-s", "NEWSDB_EXTRACT_WORKERS=2"]


def columns_off(monkeypatch) -> None:
    """Datasette's pages of articles answered in SQL: the facet columns are never there."""
    from newsdb.datasette import article_columns

    async def never(path, budget=0.0):
        return None

    monkeypatch.setattr(article_columns, "fresh", lambda path: None)
    monkeypatch.setattr(article_columns, "fresh_soon", never)


def run_newsdb(*args: str, timeout: int = 240) -> subprocess.CompletedProcess:
    """Run the real `newsdb` command in a subprocess, from the repository root."""
    return subprocess.run([sys.executable, "-m", "newsdb.cli", *args], cwd=ROOT, capture_output=True,
                          text=True, timeout=timeout)


@pytest.fixture(scope="session")
def expected() -> dict:
    return json.loads((SITES / "expected.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="session")
def sample_sites():
    with SampleSites() as sites:
        yield sites


@pytest.fixture(scope="session")
def sources_file(sample_sites, tmp_path_factory) -> Path:
    return sample_sites.write_sources(tmp_path_factory.mktemp("sources") / "sources.toml")


@pytest.fixture(scope="session")
def crawled(sample_sites, sources_file, tmp_path_factory):
    """One crawl of every sample site; returns (db path, completed process)."""
    db = tmp_path_factory.mktemp("crawl") / "news.db"
    result = run_newsdb("crawl", "--sources", str(sources_file), "--db", str(db), *FAST)
    assert result.returncode == 0, result.stderr[-3000:]
    return db, result


@pytest.fixture
def shared_dir() -> Path:
    if not SHARED.is_dir():
        pytest.skip(f"{SHARED} is absent: the shared corpora come with the project's CI, not with a user's clone")
    return SHARED


OFFSETS = ["+00:00", "-05:00", "+08:00"]


@pytest.fixture
def faceted_news(tmp_path):
    """400 articles whose facet columns hold nulls, empty strings, case and Chinese variants, days across
    UTC offsets, reprints and gaps in the ids (test_article_columns.py, test_column_answers.py)."""
    from pipelines.schema import open_db

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
