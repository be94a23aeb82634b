"""`make screenshots`: crawl the sample sites, serve the result, and save PNGs of every newsroom
page at desktop (1366x900) and phone (390x844) widths in data/screenshots/.

    .venv/bin/python tests/screenshots.py [--out data/screenshots] [--db FILE]

Without --db the sample sites are crawled into a temporary database first (as `make demo` does).
"""
from __future__ import annotations

import argparse
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import urllib.parse
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from browser import DESKTOP, PHONE, DatasetteServer, full_page_png, missing_browser_reason, set_viewport, start_chrome, stop_chrome  # noqa: E402

from newsdb.datasette.newsroom.text import parse_tags  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
LOCAL = {"AUTOTHROTTLE_START_DELAY": 0, "DOWNLOAD_DELAY": 0, "LOG_LEVEL": "WARNING"}


def crawl_demo(directory: Path) -> Path:
    from newsdb.crawl import run_crawl, summary_line
    from newsdb.sample_sites import SampleSites

    db = directory / "news.db"
    with SampleSites() as sites:
        sources = sites.write_sources(directory / "sources.toml")
        print(summary_line(run_crawl(db, sources, overrides=LOCAL)))
    return db


def pages(db: Path) -> dict[str, str]:
    """{name: path} of the pages to shoot, picking a reprinted story and a tag from the data."""
    name = db.stem
    with sqlite3.connect(db) as conn:
        reprint = conn.execute("select duplicate_of from articles where duplicate_of is not null "
                               "order by id limit 1").fetchone()
        article_id = reprint[0] if reprint else 1
        tags = conn.execute("select tags from articles where id = ?", (article_id,)).fetchone()
    tag = ((parse_tags(tags[0]) if tags else []) or [""])[0]
    return {
        "front": f"/{name}",
        "article": f"/{name}/articles/{article_id}",
        "tag": f"/{name}/articles?tags__arraycontains={urllib.parse.quote(tag)}",
        "search-en": f"/{name}/-/search?q=central+bank",
        "search-zh": f"/{name}/-/search?q={urllib.parse.quote('经济')}",
        "stories": f"/{name}/-/stories",
        "health": f"/{name}/-/health",
    }


def shoot(db: Path, out: Path) -> list[Path]:
    out.mkdir(parents=True, exist_ok=True)
    saved = []
    driver = start_chrome(DESKTOP)
    try:
        with DatasetteServer(db) as server:
            for label, size, mobile in (("desktop", DESKTOP, False), ("phone", PHONE, True)):
                set_viewport(driver, size, mobile)
                for page, path in pages(db).items():
                    driver.get(server.url(path))
                    if page == "stories":  # show one story's sources
                        driver.execute_script("var d = document.querySelector('details'); if (d) d.open = true;")
                    target = out / f"{page}-{label}.png"
                    full_page_png(driver, target)
                    saved.append(target)
    finally:
        stop_chrome(driver)
    return saved


def warn_without_cjk_font() -> None:
    fc_list = shutil.which("fc-list")
    found = fc_list and subprocess.run([fc_list, ":lang=zh"], capture_output=True, text=True).stdout.strip()
    if not found:
        print("screenshots: no Chinese font installed, Chinese text will show as boxes "
              "(apt-get install fonts-wqy-zenhei)", file=sys.stderr)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "data" / "screenshots")
    parser.add_argument("--db", type=Path, help="an existing newsdb database (default: crawl the samples)")
    args = parser.parse_args(argv)
    reason = missing_browser_reason()
    if reason:
        print(f"screenshots: {reason}", file=sys.stderr)
        return 2
    warn_without_cjk_font()
    with tempfile.TemporaryDirectory(prefix="newsdb-screenshots-") as tmp:
        db = args.db or crawl_demo(Path(tmp))
        for path in shoot(db, args.out):
            print(path)
    return 0


if __name__ == "__main__":  # the crawl uses a forkserver process pool: keep it under this guard
    sys.exit(main())
