"""A: the extraction ceiling. newsdb's own extract_page() over the bench article pages read from disk,
decoded as Scrapy decodes them, in a forkserver pool of one process per core: no Scrapy, no network,
no database. Prints one JSON line: pages, articles, seconds (pool work only)."""
from __future__ import annotations

import argparse
import json
import multiprocessing
import os
import sys
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _load_source(bench_dir: Path, site: str, host: str) -> dict:
    import tomllib

    from crawler.sources import parse_sources

    text = (bench_dir / "sites" / site / "source.toml").read_text("utf-8")
    return parse_sources(tomllib.loads(text.replace("__BASE__", f"http://{host}")))[0].to_dict()


def extract_file(job: tuple[str, str, str, dict]) -> str:
    from w3lib.encoding import html_to_unicode

    from pipelines.extract import extract_page

    path, url, _site, source = job
    _, text = html_to_unicode("text/html", Path(path).read_bytes())
    return extract_page(text, url, source, None)["kind"]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--bench-dir", type=Path, default=ROOT / "data" / "bench")
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 1)
    args = parser.parse_args(argv)
    manifest = json.loads((args.bench_dir / "manifest.json").read_text("utf-8"))
    sources = {site: _load_source(args.bench_dir, site, host) for site, host in manifest["hosts"].items()}
    jobs = [(str(args.bench_dir / "sites" / e["site"] / "public" / e["path"].lstrip("/")),
             f"http://{manifest['hosts'][e['site']]}{e['path']}", e["site"], sources[e["site"]])
            for e in manifest["articles"]]
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload(["pipelines.extract"])
    with ProcessPoolExecutor(max_workers=args.workers, mp_context=context) as pool:
        start = time.monotonic()
        kinds = list(pool.map(extract_file, jobs, chunksize=4))
        seconds = time.monotonic() - start
    print(json.dumps({"pages": len(jobs), "articles": kinds.count("article"), "seconds": seconds}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
