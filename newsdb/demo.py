"""`newsdb demo`: serve the bundled sample sites on 127.0.0.x, crawl them, then open Datasette."""
from __future__ import annotations

from pathlib import Path

from newsdb.crawl import run_crawl, summary_line
from newsdb.sample_sites import SampleSites

# The sample sites answer in microseconds: no politeness delay is needed to spare them.
LOCAL_SETTINGS = {"AUTOTHROTTLE_START_DELAY": 0, "DOWNLOAD_DELAY": 0, "LOG_LEVEL": "WARNING"}


def run_demo(db: Path, port: int = 8001, sites_port: int = 8780, serve: bool = True) -> int:
    with SampleSites(port=sites_port) as sites:
        sources = sites.write_sources(db.parent / "demo-sources.toml")
        for name, url in sites.base_urls.items():
            print(f"sample site {name}: {url}/")
        run = run_crawl(db, sources, overrides=LOCAL_SETTINGS)
        print(summary_line(run))
        if not serve:
            return 0
        from newsdb.serve import serve as serve_db

        return serve_db(db, "127.0.0.1", port)
