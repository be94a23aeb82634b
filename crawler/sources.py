"""Load and validate the sources file: every mistake is reported before any request is made."""
from __future__ import annotations

import codecs
import ipaddress
import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit


def _is_ip(host: str) -> bool:
    try:
        ipaddress.ip_address(host)
        return True
    except ValueError:
        return False


class SourcesError(ValueError):
    """The sources file is missing, unreadable or invalid; the message names source and key."""


@dataclass(frozen=True)
class Source:
    name: str
    allowed_domains: tuple[str, ...]
    start_urls: tuple[str, ...] = ()
    feeds: tuple[str, ...] = ()
    sitemaps: tuple[str, ...] = ()
    article_url_patterns: tuple[str, ...] = ()
    follow_url_patterns: tuple[str, ...] = ()
    deny_url_patterns: tuple[str, ...] = ()
    max_pages: int = 2000
    encoding: str | None = None
    boilerplate: tuple[str, ...] = ()
    prune_xpath: tuple[str, ...] = ()
    _compiled: dict = field(default_factory=dict, compare=False, repr=False)

    def allows_host(self, url: str) -> bool:
        """True when the URL's host is one of the source's domains or a subdomain of one."""
        host = (urlsplit(url).hostname or "").lower()
        if _is_ip(host):  # 10.0.0.1 is not a "subdomain" of 0.0.1
            return host in self.allowed_domains
        return any(host == d or host.endswith("." + d) for d in self.allowed_domains)

    def _matches(self, key: str, url: str) -> bool:
        patterns = self._compiled.setdefault(key, [re.compile(p) for p in getattr(self, key)])
        return any(p.search(url) for p in patterns)

    def is_denied(self, url: str) -> bool:
        return self._matches("deny_url_patterns", url)

    def may_follow(self, url: str) -> bool:
        """Whether a link may be followed for discovery (listing pages, pagination)."""
        if not self.allows_host(url) or self.is_denied(url):
            return False
        return not self.follow_url_patterns or self._matches("follow_url_patterns", url) or self.looks_like_article(url)

    def looks_like_article(self, url: str) -> bool | None:
        """True/False when article_url_patterns decide; None when the page itself must decide."""
        if not self.article_url_patterns:
            return None
        return self._matches("article_url_patterns", url)

    def to_dict(self) -> dict:
        """The picklable subset the extraction process needs."""
        return {"name": self.name, "boilerplate": list(self.boilerplate), "prune_xpath": list(self.prune_xpath),
                "article_url_patterns": list(self.article_url_patterns)}


LIST_KEYS = ("start_urls", "feeds", "sitemaps", "allowed_domains", "article_url_patterns",
             "follow_url_patterns", "deny_url_patterns", "boilerplate", "prune_xpath")
REGEX_KEYS = ("article_url_patterns", "follow_url_patterns", "deny_url_patterns", "boilerplate")
URL_KEYS = ("start_urls", "feeds", "sitemaps")
KNOWN_KEYS = {"name", "max_pages", "encoding", *LIST_KEYS}
NAME_RE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]*$")


def load_sources(path: str | Path, only: list[str] | None = None) -> list[Source]:
    """Read a sources.toml file and return its sources, optionally only the named ones."""
    path = Path(path)
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise SourcesError(f"{path}: sources file not found") from None
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as e:
        raise SourcesError(f"{path}: not valid TOML: {e}") from None
    return parse_sources(data, str(path), only)


def parse_sources(data: dict, origin: str = "sources", only: list[str] | None = None) -> list[Source]:
    extra = set(data) - {"source"}
    if extra:
        raise SourcesError(f"{origin}: unknown top-level key(s) {sorted(extra)}; expected [[source]] tables")
    tables = data.get("source")
    if not isinstance(tables, list) or not tables:
        raise SourcesError(f"{origin}: no [[source]] tables")
    sources = [_parse_one(t, origin, i) for i, t in enumerate(tables, 1)]
    names = [s.name for s in sources]
    dupes = {n for n in names if names.count(n) > 1}
    if dupes:
        raise SourcesError(f"{origin}: duplicate source name(s) {sorted(dupes)}")
    if only:
        missing = set(only) - set(names)
        if missing:
            raise SourcesError(f"{origin}: no source named {sorted(missing)} (have {names})")
        sources = [s for s in sources if s.name in only]
    return sources


def _parse_one(table: dict, origin: str, index: int) -> Source:
    if not isinstance(table, dict):
        raise SourcesError(f"{origin}: source #{index} is not a table ([[source]] with keys)")
    name = table.get("name")
    where = f"{origin}: source {name!r}" if name else f"{origin}: source #{index}"
    if not isinstance(name, str) or not NAME_RE.match(name):
        raise SourcesError(f"{where}: key 'name' must be a simple name (letters, digits, _ . -)")
    unknown = set(table) - KNOWN_KEYS
    if unknown:
        raise SourcesError(f"{where}: unknown key(s) {sorted(unknown)}; allowed: {sorted(KNOWN_KEYS)}")
    values = {"name": name}
    for key in LIST_KEYS:
        values[key] = tuple(_string_list(table.get(key, []), where, key))
    for key in REGEX_KEYS:
        for pattern in values[key]:
            try:
                re.compile(pattern)
            except re.error as e:
                raise SourcesError(f"{where}: key {key!r}: bad regex {pattern!r}: {e}") from None
    for key in URL_KEYS:
        for url in values[key]:
            if not _is_http_url(url):
                raise SourcesError(f"{where}: key {key!r}: not an http(s) URL: {url!r}")
    if not (values["start_urls"] or values["feeds"] or values["sitemaps"]):
        raise SourcesError(f"{where}: needs at least one of 'start_urls', 'feeds', 'sitemaps'")
    values["allowed_domains"] = tuple(d.lower().strip(".") for d in values["allowed_domains"]) or tuple(
        sorted({urlsplit(u).hostname for k in URL_KEYS for u in values[k]}))
    source = Source(**values, **_scalars(table, where))
    for key in URL_KEYS:
        for url in values[key]:
            if not source.allows_host(url):
                raise SourcesError(f"{where}: key {key!r}: {url!r} is outside allowed_domains")
    return source


def _is_http_url(url: str) -> bool:
    try:
        parts = urlsplit(url)
        parts.port  # noqa: B018 - raises on a port that is not a number in range
    except ValueError:  # an unbalanced IPv6 bracket, a bad port
        return False
    return parts.scheme in ("http", "https") and bool(parts.hostname)


def _scalars(table: dict, where: str) -> dict:
    out = {}
    if "max_pages" in table:
        value = table["max_pages"]
        if not isinstance(value, int) or isinstance(value, bool) or value < 1:
            raise SourcesError(f"{where}: key 'max_pages' must be a positive integer")
        out["max_pages"] = value
    if "encoding" in table:
        value = table["encoding"]
        try:
            codecs.lookup(value)
        except (LookupError, TypeError):
            raise SourcesError(f"{where}: key 'encoding': unknown encoding {value!r}") from None
        out["encoding"] = value
    return out


def _string_list(value, where: str, key: str) -> list[str]:
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise SourcesError(f"{where}: key {key!r} must be a list of non-empty strings")
    return [v.strip() for v in value]
