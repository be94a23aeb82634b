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
    p.add_argument("-s", "--set", action="append", default=[], metavar="NAME=VALUE", help="Scrapy setting")
    p.set_defaults(func=cmd_crawl)

    p = sub.add_parser("serve", help="browse the database in Datasette")
    p.add_argument("--db", type=Path, default=Path("data/news.db"))
    p.add_argument("--host", default="127.0.0.1")
    p.add_argument("--port", type=int, default=8001)
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
    from newsdb.crawl import EXIT_OK, run_crawl, summary_line

    run = run_crawl(args.db, args.sources, args.source, parse_overrides(args.set))
    print(summary_line(run))
    return EXIT_OK if run.get("status") == "ok" else 1


def cmd_serve(args) -> int:
    from newsdb.serve import serve

    return serve(args.db, args.host, args.port)


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
