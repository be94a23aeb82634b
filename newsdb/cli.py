"""The `newsdb` command: a thin dispatcher over crawl, serve, extract and demo."""
from __future__ import annotations

import argparse
import sys
import urllib.request
from pathlib import Path

from crawler.sources import SourcesError, load_sources

USER_AGENT = "newsdb/0.1 (+https://github.com/newsdb/newsdb; news archiver)"


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        return args.func(args)
    except SourcesError as e:
        print(f"newsdb: {e}", file=sys.stderr)
        return 2


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="newsdb", description=__doc__)
    sub = parser.add_subparsers(required=True, metavar="COMMAND")

    p = sub.add_parser("crawl", help="crawl the sources into the database")
    p.add_argument("--sources", type=Path, default=Path("sources.toml"))
    p.add_argument("--db", type=Path, default=Path("data/news.db"))
    p.add_argument("--source", action="append", metavar="NAME", help="only this source (repeatable)")
    p.add_argument("--max-minutes", type=float, help="time budget: end the run cleanly after this long")
    p.add_argument("--log-dir", type=Path, help="where dated logs go (default: logs/ beside the database)")
    p.add_argument("--keep-logs", type=int, default=14, metavar="DAYS", help="remove older log files")
    p.add_argument("-s", "--set", action="append", default=[], metavar="NAME=VALUE", help="Scrapy setting")
    p.set_defaults(func=cmd_crawl)

    p = sub.add_parser("reset-seen", help="forget what was fetched, so the next crawl reads a source afresh")
    p.add_argument("--db", type=Path, default=Path("data/news.db"))
    p.add_argument("--source", action="append", metavar="NAME", required=True, help="source to reset (repeatable)")
    p.set_defaults(func=cmd_reset_seen)

    p = sub.add_parser("optimize", help="merge the search index and refresh the planner's statistics "
                                        "(weekly from cron keeps search fast as the database grows)")
    p.add_argument("--db", type=Path, default=Path("data/news.db"))
    p.set_defaults(func=cmd_optimize)

    p = sub.add_parser("export", help="write every matching article as CSV, JSON or NDJSON")
    p.add_argument("--db", type=Path, default=Path("data/news.db"))
    p.add_argument("--format", choices=["csv", "json", "ndjson"], default="csv")
    p.add_argument("--since", metavar="DATE", help="only articles first stored on or after DATE (YYYY-MM-DD)")
    p.add_argument("--source", action="append", metavar="NAME", help="only this source (repeatable)")
    p.add_argument("--no-duplicates", action="store_true", help="leave out reprints of stored stories")
    p.add_argument("--no-formula-escape", dest="escape_formulas", action="store_false",
                   help="CSV: keep cells starting with = + - @ as they are (default: prefix a ')")
    p.add_argument("-o", "--output", type=Path, help="file to write (default: standard output)")
    p.set_defaults(func=cmd_export)

    p = sub.add_parser("serve", help="browse the database in Datasette")
    p.add_argument("--db", type=Path, default=Path("data/news.db"))
    p.add_argument("--host", default="127.0.0.1")
    p.add_argument("--port", type=int, default=8001)
    p.add_argument("--public", action="store_true", help="serving on a public address is intended: no warning")
    p.set_defaults(func=cmd_serve)

    p = sub.add_parser("extract", help="print what would be stored for pages (files or URLs), one JSON per line")
    p.add_argument("pages", nargs="+", metavar="FILE|URL")
    p.add_argument("--url", help="the URL a FILE was fetched from")
    p.add_argument("--source", metavar="NAME", help="apply this source's rules from the sources file")
    p.add_argument("--sources", type=Path, default=Path("sources.toml"))
    p.set_defaults(func=cmd_extract)

    p = sub.add_parser("demo", help="crawl the bundled sample sites into data/demo.db and serve it")
    p.add_argument("--db", type=Path, default=Path("data/demo.db"))
    p.add_argument("--port", type=int, default=8001, help="Datasette port")
    p.add_argument("--sites-port", type=int, default=8780, help="port of the sample sites (127.0.0.2-4)")
    p.add_argument("--no-serve", action="store_true", help="crawl only")
    p.set_defaults(func=cmd_demo)
    return parser


def parse_overrides(pairs: list[str]) -> dict:
    out = {}
    for pair in pairs:
        if "=" not in pair:
            raise SystemExit(f"newsdb: -s expects NAME=VALUE, got {pair!r}")
        key, value = pair.split("=", 1)
        out[key] = value
    return out


def cmd_crawl(args) -> int:
    from newsdb.crawl import EXIT_LOCKED, CrawlLocked, exit_code, run_crawl, summary_line

    try:
        run = run_crawl(args.db, args.sources, args.source, parse_overrides(args.set), args.max_minutes,
                        args.log_dir or args.db.parent / "logs", args.keep_logs)
    except CrawlLocked as e:
        print(f"newsdb: {e}", file=sys.stderr)
        return EXIT_LOCKED
    print(summary_line(run))
    return exit_code(run)


def cmd_reset_seen(args) -> int:
    from pipelines.schema import open_db

    if not args.db.is_file():
        print(f"newsdb: no database at {args.db}", file=sys.stderr)
        return 2
    db = open_db(args.db)
    marks = ", ".join("?" for _ in args.source)
    with db.atomic():
        pages = db.execute(f"delete from pages where source in ({marks})", args.source).rowcount
    print(f"newsdb: forgot {pages} pages of {', '.join(args.source)}; the next crawl fetches them again")
    return 0


def cmd_optimize(args) -> int:
    import time

    from pipelines import maintenance
    from pipelines.schema import open_db

    if not args.db.is_file():
        print(f"newsdb: no database at {args.db}", file=sys.stderr)
        return 2
    db = open_db(args.db)
    started = time.monotonic()
    added = maintenance.index_missing_bigrams(db)
    before = maintenance.search_index_segments(db)
    steps = maintenance.merge_search_index(db)
    maintenance.refresh_statistics(db)
    db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    after = maintenance.search_index_segments(db)
    db.close()
    merged = ", ".join(f"{name} {before[name]} -> {after[name]}" for name in after)
    print(f"newsdb: {added} articles written by other tools added to the bigram index; search index segments "
          f"merged ({merged}) in {steps} steps; statistics refreshed; {time.monotonic() - started:.1f} s")
    return 0


def cmd_export(args) -> int:
    from newsdb.export import select_articles, write

    if not args.db.is_file():
        print(f"newsdb: no database at {args.db}", file=sys.stderr)
        return 2
    rows = select_articles(args.db, args.since, args.source, args.no_duplicates)
    newline = "" if args.format == "csv" else None  # the csv module writes its own line endings
    out = open(args.output, "w", encoding="utf-8", newline=newline) if args.output else sys.stdout
    try:
        count = write(rows, out, args.format, args.escape_formulas)
    finally:
        if args.output:
            out.close()
    print(f"newsdb: exported {count} articles", file=sys.stderr)
    return 0


def cmd_serve(args) -> int:
    from newsdb.serve import serve

    return serve(args.db, args.host, args.port, public=args.public)


def cmd_extract(args) -> int:
    from pipelines.extract import extract_page, to_json_line

    source = None
    if args.source:
        source = load_sources(args.sources, [args.source])[0].to_dict()
    status = 0
    for page in args.pages:
        try:
            html, url = read_page(page, args.url)
        except OSError as e:
            print(f"newsdb: cannot read {page}: {e}", file=sys.stderr)
            status = 1
            continue
        result = extract_page(html, url, source)
        if result["kind"] == "article":
            print(to_json_line(result["article"]))
        else:
            print(f"newsdb: {page}: not stored ({result['kind']}: {result.get('reason')})", file=sys.stderr)
    return status


def read_page(page: str, url: str | None) -> tuple[str, str]:
    """Decode a page as Scrapy would: HTTP header, BOM, <meta> charset, then detection."""
    from w3lib.encoding import html_to_unicode

    if page.startswith(("http://", "https://")):
        request = urllib.request.Request(page, headers={"User-Agent": USER_AGENT})
        with urllib.request.urlopen(request, timeout=30) as response:
            body, content_type, url = response.read(), response.headers.get("Content-Type"), response.geturl()
    else:
        body, content_type = Path(page).read_bytes(), None
        url = url or Path(page).resolve().as_uri()
    return html_to_unicode(content_type, body)[1], url


def cmd_demo(args) -> int:
    from newsdb.demo import run_demo

    return run_demo(args.db, args.port, args.sites_port, serve=not args.no_serve)


if __name__ == "__main__":
    sys.exit(main())
