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
