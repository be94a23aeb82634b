"""`make bench`: extraction ceiling (A), newsdb's crawl (B) and a naive Scrapy+trafilatura crawl (C)
over the same generated aggregator pages, measured in one run, side by side.

    python -m bench.run --articles 2000 [--seed 6] [--json data/bench/results.json]

A runs extract_page() over the pages read from disk with one process per core; B runs `newsdb crawl`
with the project's settings, politeness delays off; C runs the same spider with bench.naive's pipeline.
Each is a subprocess, measured as a process tree (bench.measure): pages/s, CPU utilisation (tree CPU
seconds / wall seconds / cores) and peak RSS. The sites are served by bench.serve in its own process.
"""
from __future__ import annotations

import argparse
import http.client
import json
import os
import sqlite3
import subprocess
import sys
import threading
import time
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from bench.generate import DEFAULT_OUT, generate
from bench.measure import become_subreaper, run_measured

ROOT = Path(__file__).resolve().parent.parent
PY = sys.executable
CORES = os.cpu_count() or 1
# The project's settings, politeness off: a benchmark of the machine, not of the delays.
FAST = {"AUTOTHROTTLE_ENABLED": "False", "DOWNLOAD_DELAY": "0", "CONCURRENT_REQUESTS": "48",
        "CONCURRENT_REQUESTS_PER_DOMAIN": "16", "ROBOTSTXT_OBEY": "True"}


class Server:
    """bench.serve in its own process."""

    def __init__(self, out: Path):
        self.out = out
        self.proc = None
        self.base_urls: dict[str, str] = {}
        self.sources = out / "sources.toml"

    def __enter__(self):
        self.proc = subprocess.Popen([PY, "-m", "bench.serve", "--root", str(self.out / "sites"),
                                      "--sources-out", str(self.sources)], cwd=ROOT, stdout=subprocess.PIPE)
        line = self.proc.stdout.readline()
        if not line:
            raise RuntimeError("bench server did not start")
        self.base_urls = json.loads(line)["base_urls"]
        return self

    def __exit__(self, *exc):
        self.proc.terminate()
        try:
            self.proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()

    def stats(self, since: float = 0.0) -> dict:
        url = next(iter(self.base_urls.values())) + f"/__bench__/stats?since={since}"
        with urllib.request.urlopen(url, timeout=10) as response:
            return json.loads(response.read())


def server_ceiling(server: Server, manifest: dict, threads: int = 8) -> dict:
    """How fast the server hands out the article pages to 8 keep-alive clients (a lower bound: the
    clients share the two cores with it)."""
    urls = [(server.base_urls[e["site"]], e["path"]) for e in manifest["articles"]]
    local = threading.local()

    def fetch(item):
        base, path = item
        host, port = base.split("//")[1].split(":")
        conn = getattr(local, "conns", {}).get(base)
        if conn is None:
            conn = http.client.HTTPConnection(host, int(port), timeout=30)
            local.__dict__.setdefault("conns", {})[base] = conn
        conn.request("GET", path)
        return len(conn.getresponse().read())

    before = server.stats()["cpu_seconds"]
    start = time.monotonic()
    with ThreadPoolExecutor(threads) as pool:
        total = sum(pool.map(fetch, urls))
    wall = time.monotonic() - start
    cpu = server.stats()["cpu_seconds"] - before
    return {"pages": len(urls), "wall": wall, "pages_per_s": len(urls) / wall, "mb_per_s": total / wall / 1e6,
            "server_cpu_per_page_ms": 1000 * cpu / len(urls)}


def crawl_cmd(db: Path, sources: Path, settings: dict) -> list[str]:
    cmd = [PY, "-m", "newsdb.cli", "crawl", "--sources", str(sources), "--db", str(db),
           "--log-dir", str(db.parent / "logs")]
    for key, value in settings.items():
        cmd += ["-s", f"{key}={value}"]
    return cmd


def fresh(db: Path) -> None:
    for suffix in ("", "-wal", "-shm", ".lock"):
        Path(f"{db}{suffix}").unlink(missing_ok=True)


def reprint_accuracy(db: Path, manifest: dict, base_urls: dict) -> dict:
    """Reprint pages of the manifest found as duplicates of their original, and false duplicates."""
    from pipelines.urls import canonical_url

    conn = sqlite3.connect(db)
    rows = {url: (aid, dup) for aid, url, dup in conn.execute("select id, url, duplicate_of from articles")}
    ids = {aid: url for url, (aid, _) in rows.items()}
    conn.close()

    def url_of(site, path):
        return canonical_url(base_urls[site] + path)

    found = missed = 0
    for e in manifest["articles"]:
        if not e["reprint_of"]:
            continue
        site, path = e["reprint_of"].split(":", 1)
        mine, theirs = rows.get(url_of(e["site"], e["path"])), rows.get(url_of(site, path))
        if not mine or not theirs:
            continue
        # either copy may be stored first: the later one must point at the earlier
        if ids.get(mine[1]) == url_of(site, path) or ids.get(theirs[1]) == url_of(e["site"], e["path"]):
            found += 1
        else:
            missed += 1
    reprints = {url_of(e["site"], e["path"]) for e in manifest["articles"] if e["reprint_of"]} | {
        url_of(*e["reprint_of"].split(":", 1)) for e in manifest["articles"] if e["reprint_of"]}
    false = sum(1 for url, (_, dup) in rows.items() if dup and url not in reprints)
    return {"reprints_found": found, "reprints_missed": missed, "false_duplicates": false}


def run(n: int, seed: int, out: Path, only: str = "ABC") -> dict:
    become_subreaper()
    manifest = generate(n, seed, out)
    pages = len(manifest["articles"])
    results: dict = {"articles": pages, "cores": CORES, "seed": seed,
                     "html_kb_median": manifest["html_kb_median"], "html_mb": manifest["html_bytes"] / 1e6,
                     "reprints": sum(1 for e in manifest["articles"] if e["reprint_of"]),
                     "gbk_pages": sum(1 for e in manifest["articles"] if e["encoding"] == "gbk"), "runs": {}}
    print(f"bench: {pages} article pages ({results['reprints']} reprints, {results['gbk_pages']} GBK), "
          f"median {manifest['html_kb_median']} KB, {results['html_mb']:.0f} MB of HTML; {CORES} cores", flush=True)
    with Server(out) as server:
        sc = server_ceiling(server, manifest)
        results["server"] = sc
        print(f"server alone: {sc['pages_per_s']:.0f} pages/s ({sc['mb_per_s']:.0f} MB/s) to 8 clients, "
              f"{sc['server_cpu_per_page_ms']:.2f} ms server CPU per page", flush=True)

        if "A" in only:
            r = run_measured([PY, "-m", "bench.ceiling", "--bench-dir", str(out), "--workers", str(CORES)], cwd=ROOT)
            if r["returncode"] != 0:
                raise SystemExit(f"A failed:\n{r['output'][-3000:]}")
            inner = json.loads(r["output"].strip().splitlines()[-1])
            r.update(pages=inner["pages"], stored=inner["articles"], inner_seconds=inner["seconds"])
            results["runs"]["A"] = r
            print(f"A done in {r['wall']:.1f} s", flush=True)

        if "B" in only:
            db = out / "b.db"
            fresh(db)
            before = server.stats()["cpu_seconds"]
            r = run_measured(crawl_cmd(db, server.sources, FAST), cwd=ROOT)
            r["server_cpu"] = server.stats()["cpu_seconds"] - before
            if r["returncode"] not in (0, 1, 4):
                raise SystemExit(f"B failed ({r['returncode']}):\n{r['output'][-3000:]}")
            conn = sqlite3.connect(db)
            run_row = conn.execute("select pages_fetched, articles_new, dropped_empty, dropped_not_article, "
                                   "articles_duplicate, status from crawl_runs order by id desc limit 1").fetchone()
            conn.close()
            r.update(pages=run_row[1] + run_row[2] + run_row[3], stored=run_row[1], fetched=run_row[0],
                     duplicates=run_row[4], status=run_row[5], **reprint_accuracy(db, manifest, server.base_urls))
            results["runs"]["B"] = r
            print(f"B done in {r['wall']:.1f} s: {r['output'].strip().splitlines()[-1] if r['output'].strip() else ''}",
                  flush=True)

        if "C" in only:
            db, naive = out / "c.db", out / "c-naive.db"
            fresh(db)
            fresh(naive)
            settings = {**FAST, "ITEM_PIPELINES": json.dumps({"bench.naive.NaivePipeline": 100}),
                        "BENCH_NAIVE_DB": str(naive)}
            before = server.stats()["cpu_seconds"]
            r = run_measured(crawl_cmd(db, server.sources, settings), cwd=ROOT)
            r["server_cpu"] = server.stats()["cpu_seconds"] - before
            conn = sqlite3.connect(naive)
            stored = conn.execute("select count(*) from articles").fetchone()[0]
            conn.close()
            r.update(pages=stored, stored=stored)
            results["runs"]["C"] = r
            print(f"C done in {r['wall']:.1f} s", flush=True)
    for r in results["runs"].values():
        r["pages_per_s"] = r["pages"] / r["wall"]
        r["cpu_util"] = r["cpu"] / r["wall"] / CORES
        r.pop("output", None)
    return results


LABELS = {"A": "A extraction ceiling (extract_page, pool, from disk)",
          "B": "B newsdb crawl (HTTP, real pipelines)",
          "C": "C naive crawl (inline trafilatura, commit per item)"}


def table(results: dict) -> str:
    lines = [(f"| run | pages | wall s | pages/s | CPU s | CPU use ({results['cores']} cores) | CPU ms/page | "
              "main process CPU ms/page | peak RSS tree MB | peak PSS tree MB | peak RSS main MB |"),
             "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"]
    for key, r in results["runs"].items():
        lines.append(f"| {LABELS[key]} | {r['pages']} | {r['wall']:.1f} | {r['pages_per_s']:.1f} | {r['cpu']:.1f} | "
                     f"{100 * r['cpu_util']:.0f} % | {1000 * r['cpu'] / r['pages']:.1f} | "
                     f"{1000 * r.get('cpu_main', 0) / r['pages']:.1f} | {r['peak_rss_tree'] / 2**20:.0f} | "
                     f"{r['peak_pss_tree'] / 2**20:.0f} | {r['peak_rss_main'] / 2**20:.0f} |")
    return "\n".join(lines)


def report(results: dict) -> str:
    runs = results["runs"]
    out = [table(results)]
    if "B" in runs:
        b = runs["B"]
        out.append(f"B: fetched {b['fetched']} pages, stored {b['stored']} articles ({b['duplicates']} as reprints); "
                   f"reprints found {b['reprints_found']}/{b['reprints_found'] + b['reprints_missed']}, "
                   f"false duplicates {b['false_duplicates']}; server CPU during B {b['server_cpu']:.1f} s; "
                   f"status {b['status']}")
    if "A" in runs and "B" in runs:
        out.append(f"B/A = {runs['B']['pages_per_s'] / runs['A']['pages_per_s']:.2f}")
    if "B" in runs and "C" in runs:
        out.append(f"B/C = {runs['B']['pages_per_s'] / runs['C']['pages_per_s']:.2f}")
    return "\n".join(out)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", "-n", type=int, default=2000)
    parser.add_argument("--seed", type=int, default=6)
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    parser.add_argument("--only", default="ABC", help="which runs (default ABC)")
    parser.add_argument("--json", type=Path, help="write every number here (default OUT/results-N.json)")
    args = parser.parse_args(argv)
    results = run(args.articles, args.seed, args.out, args.only.upper())
    print(report(results))
    target = args.json or args.out / f"results-{args.articles}.json"
    target.write_text(json.dumps(results, indent=1, default=str), "utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
