"""`make bench-scale`: newsdb with a big database. Builds data/bench/scale-N.db with N synthetic stored
articles (10 sources, realistic lengths, ~10 % reprints, ~30 % Chinese; FTS, triggers and signatures in
place) once, then measures on it:

* an incremental crawl of the bench site (500 pages) into it: start to first request, wall time, peak RSS;
* the dedupe state in memory (tracemalloc around loading the NearDuplicateIndex, per article);
* DB size per article;
* Datasette response times (in-process client, 50 requests each after one warm-up, median and p95): the
  articles table page, a full-text search, a facet by source, the latest_stories canned query, one
  article row page; then 10 more of each with newsdb's aggregate cache emptied before each request
  (what the first view after a crawl's commit costs).

    python -m bench.scale --articles 1000000 [--rebuild]

Signatures: originals get random MinHash values (distinct texts give unrelated values, which is all
LSH sees), reprints share ~90 % of their original's values, so they are found as near-duplicates.
"""
from __future__ import annotations

import argparse
import asyncio
import gc
import itertools
import json
import os
import random
import sqlite3
import statistics
import sys
import time
import tracemalloc
from pathlib import Path

import numpy as np

from bench.generate import EN_WORDS, ZH_WORDS, en_sentence, generate, zh_sentence
from bench.measure import become_subreaper, run_measured
from bench.run import FAST, Server, crawl_cmd

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "data" / "bench"
SOURCES = [f"agg{i:02d}" for i in range(10)]
BATCH = 20_000
SEARCH_TERM = "Velorant"  # an entity in ~0.5 % of the articles
BARS = {"crawl_peak_rss_mb": 600, "dedupe_bytes_per_article": 1536, "startup_s": 10, "datasette_p95_ms": 200}


def _syllables(rng: random.Random, n: int) -> list[str]:
    parts = ["ka", "lo", "ven", "tor", "mi", "sa", "dre", "no", "bel", "qu", "ri", "an", "zu", "fel", "ost", "im"]
    return ["".join(rng.choice(parts) for _ in range(rng.randint(2, 4))).capitalize() for _ in range(n)]


class Corpus:
    """Fast synthetic articles: bodies are joined from pools of generated sentences, plus named entities
    drawn Zipf-like from 100k names, so a search term matches a realistic share of the articles."""

    def __init__(self, seed: int):
        rng = random.Random(seed)
        self.en = [en_sentence(rng) for _ in range(20_000)]
        self.zh = [zh_sentence(rng) for _ in range(20_000)]
        self.entities = _syllables(rng, 100_000)
        self.entities[199] = SEARCH_TERM
        weights = 1 / np.arange(1, len(self.entities) + 1) ** 0.9
        self.entity_cdf = np.cumsum(weights / weights.sum())
        self.entity_cdf[-1] = 1.0

    def body(self, rng: np.random.Generator, zh: bool) -> str:
        pool = self.zh if zh else self.en
        n = int(rng.integers(25, 90)) if zh else int(rng.integers(20, 75))
        picks = rng.integers(0, len(pool), n)
        # inverse-CDF sampling: same distribution as rng.choice(p=...), which costs ~1 ms a call
        names = [self.entities[i] for i in np.searchsorted(self.entity_cdf, rng.random(3), side="right")]
        sentences = [pool[i] for i in picks]
        for k, name in enumerate(names):
            sentences[min(k * 5, n - 1)] = f"{name} {sentences[min(k * 5, n - 1)]}"
        per = 4
        return "\n\n".join((" " if not zh else "").join(sentences[i:i + per]) for i in range(0, n, per))


def build(n: int, path: Path, seed: int = 6) -> dict:
    """Write n synthetic articles (and their pages rows and signatures) into a fresh newsdb file."""
    from pipelines import maintenance
    from pipelines.schema import FTS_TABLES, count_source_totals, open_db, rebuild_fts

    for suffix in ("", "-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)
    started = time.monotonic()
    db = open_db(path)
    conn = db.conn
    # bulk load: secondary indexes and FTS triggers off, rebuilt once at the end
    saved = conn.execute("select name, sql from sqlite_master where (type = 'index' and tbl_name = 'articles' "
                         "and sql is not null) or (type = 'trigger' and tbl_name = 'articles')").fetchall()
    for name, sql in saved:
        conn.execute(f"drop {'trigger' if sql.upper().startswith('CREATE TRIGGER') else 'index'} [{name}]")
    # no journal while loading (a failed build is simply built again): the single FTS rebuild
    # transaction would otherwise go through a WAL as big as the index and be copied once more
    conn.execute("PRAGMA journal_mode=OFF")
    conn.execute("PRAGMA synchronous=OFF")
    conn.execute("PRAGMA cache_size=-1000000")
    corpus = Corpus(seed)
    rng = np.random.default_rng(seed)
    perm = 128
    base = 1_735_689_600  # 2025-01-01
    sigs_by_id: dict[int, np.ndarray] = {}
    cols = ("id, url, fetched_url, source, title, body, published, published_from, author, original_source, "
            "category, tags, language, site_name, description, first_seen_at, fetched_at, content_hash, duplicate_of")
    marks = ", ".join("?" * 19)
    recent_originals: list[int] = []
    for start in range(1, n + 1, BATCH):
        rows, pages, sigs = [], [], []
        for i in range(start, min(start + BATCH, n + 1)):
            source = SOURCES[int(rng.integers(0, 10))]
            zh = rng.random() < 0.3
            stamp = base - int(rng.integers(0, 3 * 365 * 86400))
            published = time.strftime("%Y-%m-%dT%H:%M:%S+00:00", time.gmtime(stamp))
            dup = None
            if recent_originals and rng.random() < 0.10:
                dup = recent_originals[int(rng.integers(0, len(recent_originals)))]
            if dup is not None and dup in sigs_by_id:
                sig = sigs_by_id[dup].copy()
                change = rng.integers(0, perm, 12)
                sig[change] = rng.integers(0, 2**32 // 500, 12, dtype=np.uint32)
            else:
                dup = None
                sig = rng.integers(0, 2**32 // 500, perm, dtype=np.uint32)
                recent_originals.append(i)
                sigs_by_id[i] = sig
                if len(recent_originals) > 5000:
                    sigs_by_id.pop(recent_originals.pop(0), None)
            body = corpus.body(rng, zh)
            title_pool = ZH_WORDS if zh else EN_WORDS
            title = ("" if zh else " ").join(title_pool[int(j)] for j in rng.integers(0, len(title_pool), 8))
            url = f"https://{source}.example.com/news/{stamp // 86400}/{i}.html"
            now = time.strftime("%Y-%m-%dT%H:%M:%S+00:00", time.gmtime(stamp + 3600))
            rows.append((i, url, url, source, title, body, published, "json-ld", "Reporter", "Wire", "world",
                         '["news"]', "zh" if zh else "en", source, body[:150], now, now, f"{i:040x}", dup))
            pages.append((url, source, "article", i, now, now))
            sigs.append((i, sig.tobytes()))
        with conn:
            conn.executemany(f"insert into articles ({cols}) values ({marks})", rows)
            conn.executemany("insert into pages (url, source, kind, article_id, first_seen_at, last_fetched_at) "
                             "values (?, ?, ?, ?, ?, ?)", pages)
            conn.executemany("insert into article_signatures (article_id, minhash) values (?, ?)", sigs)
        print(f"  {min(start + BATCH - 1, n)} rows, {time.monotonic() - started:.0f} s", flush=True)
    loaded = time.monotonic()
    with conn:
        for name, sql in saved:
            if not sql.upper().startswith("CREATE TRIGGER"):
                conn.execute(sql)
    indexed = time.monotonic()
    with conn:
        for fts in FTS_TABLES:
            rebuild_fts(conn, fts)
        count_source_totals(conn)  # its triggers were off too
        for name, sql in saved:
            if sql.upper().startswith("CREATE TRIGGER"):
                conn.execute(sql)
    # as `newsdb optimize` leaves a file: the rebuild's ~150 segments (one per hashsize of postings)
    # merged into one, and the planner's statistics taken
    merged = time.monotonic()
    maintenance.merge_search_index(db, pages=50_000)
    maintenance.refresh_statistics(db)
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("PRAGMA synchronous=NORMAL")
    db.close()
    done = time.monotonic()
    return {"rows_s": loaded - started, "indexes_s": indexed - loaded, "fts_s": merged - indexed,
            "optimize_s": done - merged, "total_s": done - started}


def clear_bench_rows(path: Path, sources: list[str]) -> None:
    """Forget what an earlier incremental crawl of the bench site stored, so every run measures the same."""
    from pipelines import vocabulary
    from pipelines.schema import unindex_bigrams

    conn = sqlite3.connect(path)
    marks = ", ".join("?" * len(sources))
    stored = conn.execute(f"select id, title, body from articles where source in ({marks})", sources).fetchall()
    with conn, vocabulary.no_new_words(conn):
        unindex_bigrams(conn, stored)  # contentless: no trigger forgets them with the rows
        conn.execute(f"delete from article_signatures where article_id in (select id from articles where source in ({marks}))", sources)
        conn.execute(f"delete from article_versions where article_id in (select id from articles where source in ({marks}))", sources)
        conn.execute(f"update articles set duplicate_of = null where duplicate_of in (select id from articles where source in ({marks}))", sources)
        conn.execute(f"delete from articles where source in ({marks})", sources)
        conn.execute(f"delete from pages where source in ({marks})", sources)
    conn.close()


def dedupe_memory(path: Path) -> dict:
    """tracemalloc around loading the dedupe index the way DedupePipeline.open_spider does."""
    from pipelines import dedupe

    start = time.monotonic()
    untraced = len(dedupe.load_index(path))  # the time a crawl's loader thread takes (tracemalloc slows it ~3x)
    untraced_s = time.monotonic() - start
    gc.collect()
    tracemalloc.start()
    base = tracemalloc.get_traced_memory()[0]
    start = time.monotonic()
    index = dedupe.load_index(path)
    seconds = time.monotonic() - start
    gc.collect()
    used = tracemalloc.get_traced_memory()[0] - base
    peak = tracemalloc.get_traced_memory()[1] - base
    tracemalloc.stop()
    n = len(index)
    assert n == untraced
    return {"entries": n, "bytes": used, "bytes_per_entry": used / max(n, 1), "peak_bytes": peak,
            "load_s": untraced_s, "load_traced_s": seconds}


async def _datasette_times(path: Path, requests: int, sample_id: int, uncached: int = 10, seed: int = 6) -> dict:
    from newsdb.datasette import article_columns, cache
    from newsdb.serve import database_name, make_datasette

    ds = make_datasette(path)
    name = database_name(path)
    rng = random.Random(1)
    entities = Corpus(seed).entities  # the names the build drew from
    names = iter([entities[i] for i in random.Random(2).sample(range(20, 5000), 4 * (requests + uncached + 2))])
    words = [w for w in ZH_WORDS if len(w) >= 3]  # 410 of them
    chinese = iter(random.Random(3).sample(words, min(len(words), requests + uncached + 2)) * 2)
    sources = itertools.cycle(SOURCES)
    common = sorted(set(EN_WORDS[EN_WORDS.index("report"):]))  # past the function words: still in most articles
    def drawn(seed: int, words: list[str]):
        return iter(random.Random(seed).sample(words, min(len(words), requests + uncached + 2)) * 2)

    english, english_in_source, english_in_zh = drawn(4, common), drawn(5, common), drawn(6, common)
    english_paged = drawn(7, common)
    ordered = sqlite3.connect(f"file:{path}?mode=ro", uri=True)

    def deep() -> str:
        """Datasette's next-page token of a row picked at random in the table's order: the rows after it."""
        from datasette.utils import tilde_encode

        published, shown = ordered.execute("select published, id from articles order by published desc, id "
                                           "limit 1 offset ?", [rng.randrange(sample_id)]).fetchone()
        return f"_next={'$null' if published is None else tilde_encode(published)},{shown}&_sort_desc=published"
    pages = {
        "articles table": lambda: f"/{name}/articles",
        "full-text search": lambda: f"/{name}/articles?_search={SEARCH_TERM}",
        "facet by source": lambda: f"/{name}/articles?_facet=source",
        "latest_stories": lambda: f"/{name}/latest_stories",
        # a click on a facet value: the source's articles, with the other facets counted over them
        "one source's articles": lambda: f"/{name}/articles?source={next(sources)}",
        # a new name each time, as users search: no cached count, no warm doclist (ranks 20-5,000 of
        # the Zipf-drawn names: from ~10,000 hits down to ~50)
        "full-text search, a new name each time": lambda: f"/{name}/articles?_search={next(names)}",
        "search canned query, a new name each time": lambda: f"/{name}/search?q={next(names)}",
        # Chinese goes to the trigram index; the generated Chinese has a 735-word vocabulary, so each
        # of these words is in thousands of articles: a search with many hits
        "full-text search, a new Chinese word each time": lambda: f"/{name}/articles?_search={next(chinese)}",
        # the generated English has a 400-word vocabulary: each of these words is in most English articles
        "full-text search, a common English word each time": lambda: f"/{name}/articles?_search={next(english)}",
        "article row": lambda: f"/{name}/articles/{rng.randint(1, sample_id)}",
        # filters Datasette's own form writes: a range of dates (the build's dates: 2022 to early 2025), reprints
        "articles since a day, a new day each time":
            lambda: f"/{name}/articles?published__gte=2024-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}",
        "the reprints alone": lambda: f"/{name}/articles?duplicate_of__notnull=1",
        # Datasette's "next page" link, somewhere deep in the table and in a common word's search
        "the table's next page, deep in it": lambda: f"/{name}/articles?{deep()}",
        "a common English word's search, its next page deep in it":
            lambda: f"/{name}/articles?_search={next(english_paged)}&{deep()}",
        # the search query filtered: a filter a tenth of the hits pass (walked), and one none passes (listed)
        "search canned query, a common English word in one source":
            lambda: f"/{name}/search?q={next(english_in_source)}&source={next(sources)}",
        "search canned query, a common English word in Chinese articles":
            lambda: f"/{name}/search?q={next(english_in_zh)}&language=zh",
        # the other canned queries, and the newsroom's pages built on them
        "story (a story and its reprints)": lambda: f"/{name}/story?id={rng.randint(1, sample_id)}",
        "search_text, a new name each time": lambda: f"/{name}/search_text?q={next(names)}",
        "articles_per_source_per_day": lambda: f"/{name}/articles_per_source_per_day",
        "story_clusters": lambda: f"/{name}/story_clusters",
        "source_health": lambda: f"/{name}/source_health",
        "source_coverage": lambda: f"/{name}/source_coverage",
        "feed (Atom)": lambda: f"/{name}/feed.atom",
        "feed of one source": lambda: f"/{name}/feed?source={next(sources)}",
        "newsroom front page": lambda: f"/{name}",
        "newsroom stories page": lambda: f"/{name}/-/stories",
        "newsroom health page": lambda: f"/{name}/-/health",
    }
    started = time.perf_counter()
    article_columns.fresh(str(path))  # what `newsdb serve` starts reading at startup
    article_columns.wait(str(path))
    out: dict = {"facet columns": {"load_s": time.perf_counter() - started}}
    for label, make in pages.items():
        first = None
        times = []
        interrupted = 0
        for k in range(requests + 1):
            url = make()
            t = time.perf_counter()
            response = await ds.client.get(url)
            elapsed = (time.perf_counter() - t) * 1000
            interrupted += _interrupted(url, response)
            if k == 0:
                first = elapsed  # the first request warms caches: reported apart
            else:
                times.append(elapsed)
        times.sort()
        out[label] = {"first_ms": first, "median_ms": statistics.median(times),
                      "p95_ms": p95(times), "url": make(),
                      "interrupted": interrupted}
        # the same with newsdb's aggregate cache and facet columns emptied before each request: what the
        # first view after a crawl commit costs (the columns are read again in the background meanwhile)
        cold = []
        for k in range(uncached):
            url = make()
            cache.clear()
            article_columns.forget()
            t = time.perf_counter()
            response = await ds.client.get(url)
            cold.append((time.perf_counter() - t) * 1000)
            out[label]["interrupted"] += _interrupted(url, response)
        if cold:
            cold.sort()
            out[label].update(uncached_median_ms=statistics.median(cold),
                              uncached_p95_ms=p95(cold), uncached_requests=len(cold))
    ordered.close()
    out["one source's articles, right after a commit of 50 articles"] = await _after_commits(
        ds, path, name, max(3, requests // 2), sources)
    return out


AFTER_COMMIT_URL = "https://bench-after-commit.invalid/"


async def _after_commits(ds, path: Path, name: str, rounds: int, sources) -> dict:
    """A click on a facet value right after a crawl's commit (the columns then read the new rows, or
    SQL answers): 50 articles written as the crawl's store writes them, then the click, each round."""
    from newsdb.datasette import article_columns
    from pipelines import vocabulary
    from pipelines.schema import open_db
    from pipelines.store import write_batch

    # the columns a running server has: the uncached series before this one forgot them (which only a
    # server's start does), and a click with none answers in SQL however recent the commit
    article_columns.fresh(str(path))
    article_columns.wait(str(path))
    db = open_db(path)
    times = []
    try:
        for k in range(rounds):
            await asyncio.sleep(2 * article_columns.WAIT_FOR_LOAD)  # a crawl commits every few seconds
            write_batch(db, [{"url": f"{AFTER_COMMIT_URL}{k}/{i}", "fetched_url": f"{AFTER_COMMIT_URL}{k}/{i}",
                              "source": SOURCES[k % len(SOURCES)], "title": f"After commit {k} {i}",
                              "body": "A story written while the table is browsed. " * 20, "language": "en",
                              "published": "2031-01-01T00:00:00+00:00", "content_hash": f"after-{k}-{i}"}
                             for i in range(50)])
            url = f"/{name}/articles?source={next(sources)}"
            t = time.perf_counter()
            _interrupted(url, await ds.client.get(url))
            times.append((time.perf_counter() - t) * 1000)
            article_columns.wait(str(path))
    finally:
        with db.conn, vocabulary.no_new_words(db.conn):
            db.execute("delete from pages where url like ?", [f"{AFTER_COMMIT_URL}%"])
            db.execute("delete from articles where url like ?", [f"{AFTER_COMMIT_URL}%"])
        db.close()
    first, times = times[0], sorted(times)
    return {"first_ms": first, "median_ms": statistics.median(times),
            "p95_ms": p95(times), "url": f"/{name}/articles?source=...",
            "interrupted": 0, "requests": len(times)}


def p95(ordered: list[float]) -> float:
    """The 95th percentile of sorted timings (nearest rank)."""
    return ordered[max(0, round(0.95 * len(ordered)) - 1)]


def _interrupted(url: str, response) -> int:
    """1 for a query past Datasette's time limit (its "SQL Interrupted" page: counted, and timed as it
    is), 0 for a page; anything else is a failure of the bench."""
    if response.status_code == 200:
        return 0
    if response.status_code == 400 and "SQL Interrupted" in response.text:
        return 1
    raise RuntimeError(f"{url}: HTTP {response.status_code}: {' '.join(response.text.split())[:800]}")


def measure(n: int, seed: int, rebuild: bool, requests: int, crawl_pages: int) -> dict:
    become_subreaper()
    path = OUT / f"scale-{n}.db"
    results: dict = {"articles": n, "cores": os.cpu_count(), "crawl_pages": crawl_pages}
    previous = OUT / f"scale-results-{n}.json"
    if rebuild or not path.exists():
        print(f"building {path} with {n} articles", flush=True)
        results["build"] = build(n, path, seed)
    elif previous.exists():  # the file was built by an earlier run: keep its build times in the results
        earlier = json.loads(previous.read_text("utf-8")).get("build")
        if earlier:
            results["build"] = {**earlier, "earlier_run": True}
    from pipelines.schema import open_db

    started = time.monotonic()
    open_db(path).close()  # indexes a newer newsdb added to an older file are built here, not inside a measure
    results["schema_upgrade_s"] = time.monotonic() - started
    site_dir = OUT / "scale-site"
    generate(crawl_pages, seed + 1, site_dir)
    site_sources = ["wire", "zixun", "digest"]
    clear_bench_rows(path, site_sources)
    size = sum(Path(f"{path}{s}").stat().st_size for s in ("", "-wal") if Path(f"{path}{s}").exists())
    conn = sqlite3.connect(path)
    free = conn.execute("pragma freelist_count").fetchone()[0] * conn.execute("pragma page_size").fetchone()[0]
    stored = conn.execute("select count(*) from articles").fetchone()[0]
    originals = conn.execute("select count(*) from articles where duplicate_of is null").fetchone()[0]
    conn.close()
    # free pages (FTS merges, deleted rows) are reused by later writes: counted apart
    results.update(stored=stored, originals=originals, db_bytes=size, db_bytes_per_article=size / stored,
                   db_free_bytes=free, db_used_bytes_per_article=(size - free) / stored)

    results["dedupe"] = dedupe_memory(path)
    print(f"dedupe index: {results['dedupe']['entries']} entries, "
          f"{results['dedupe']['bytes_per_entry']:.0f} B each, loaded in {results['dedupe']['load_s']:.1f} s", flush=True)

    with Server(site_dir) as server:
        r = run_measured(crawl_cmd(path, server.sources, FAST), cwd=ROOT)
        first = server.stats(r["started_at"])["first_after"]
        r["startup_s"] = (first - r["started_at"]) if first else None
        results["crawl"] = {k: v for k, v in r.items() if k != "output"}
        results["crawl"]["summary"] = r["output"].strip().splitlines()[-1] if r["output"].strip() else ""
    print(f"crawl: {results['crawl']['summary']}", flush=True)

    results["datasette"] = asyncio.run(_datasette_times(path, requests, n, seed=seed))
    return results


def report(results: dict) -> str:
    c, d = results["crawl"], results["dedupe"]
    lines = [(f"scale: {results['stored']} articles in the database ({results['originals']} originals), "
              f"{results['cores']} cores")]
    if "build" in results:
        b = results["build"]
        lines.append(f"build{' (earlier run)' if b.get('earlier_run') else ''}: rows {b['rows_s']:.0f} s, "
                     f"indexes {b['indexes_s']:.0f} s, FTS {b['fts_s']:.0f} s, "
                     f"optimize {b.get('optimize_s', 0):.0f} s, total {b['total_s']:.0f} s")
    lines += ["| measure | value | bar at 1,000,000 |", "|---|---:|---:|",
              f"| crawl of {results.get('crawl_pages', 500)} pages: start to first request | {c['startup_s']:.1f} s | < {BARS['startup_s']} s |",
              f"| crawl: wall | {c['wall']:.1f} s | |",
              f"| crawl: peak RSS, Scrapy process | {c['peak_rss_main'] / 2**20:.0f} MB | ≤ {BARS['crawl_peak_rss_mb']} MB |",
              f"| crawl: peak RSS / PSS, process tree | {c['peak_rss_tree'] / 2**20:.0f} / {c['peak_pss_tree'] / 2**20:.0f} MB | |",
              (f"| dedupe state in memory | {d['bytes_per_entry']:.0f} B/article ({d['bytes'] / 2**20:.0f} MB for "
               f"{d['entries']}) | ≤ {BARS['dedupe_bytes_per_article']} B |"),
              (f"| dedupe index load (in a thread: the crawl does not wait for it) | {d['load_s']:.2f} s"
               f"{' (' + format(d['load_traced_s'], '.1f') + ' s under tracemalloc)' if 'load_traced_s' in d else ''} | |"),
              (f"| DB size | {results['db_bytes_per_article'] / 1024:.1f} KB/article ({results['db_bytes'] / 2**30:.2f} GB"
               f"{'; in use ' + format(results['db_used_bytes_per_article'] / 1024, '.1f') + ' KB/article' if 'db_used_bytes_per_article' in results else ''}) | |")]
    for label, t in results["datasette"].items():
        if "load_s" in t:
            lines.append(f"| Datasette {label}: read at startup or after a change, in a thread | {t['load_s']:.1f} s | |")
            continue
        bar = f"p95 ≤ {BARS['datasette_p95_ms']} ms" if label != "article row" and label != "articles table" else ""
        cold = (f"; uncached {t['uncached_median_ms']:.0f} / {t['uncached_p95_ms']:.0f} ms"
                if "uncached_median_ms" in t else "")
        stopped = f"; {t['interrupted']} past the time limit" if t.get("interrupted") else ""
        lines.append(f"| Datasette {label}: median / p95 (first{'; uncached median / p95' if cold else ''}) | {t['median_ms']:.0f} / {t['p95_ms']:.0f} ms "
                     f"({t['first_ms']:.0f}{cold}{stopped}) | {bar} |")
    lines.append(f"crawl: {c['summary']}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", "-n", type=int, default=1_000_000)
    parser.add_argument("--seed", type=int, default=6)
    parser.add_argument("--rebuild", action="store_true", help="build the database again even if it exists")
    parser.add_argument("--requests", type=int, default=50)
    parser.add_argument("--crawl-pages", type=int, default=500)
    parser.add_argument("--json", type=Path)
    args = parser.parse_args(argv)
    results = measure(args.articles, args.seed, args.rebuild, args.requests, args.crawl_pages)
    print(report(results))
    target = args.json or OUT / f"scale-results-{args.articles}.json"
    target.write_text(json.dumps(results, indent=1, default=str), "utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
