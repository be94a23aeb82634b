"""Crawler traps: listing pages of one URL shape that lead nowhere new (a calendar's days, an endless
archive), recognised during a run so the rest of that shape is not fetched.

A URL's shape is the URL with every run of digits as ``#``: the days of a calendar
(``/archive/2025-02-13.html``) share one, so do the pages of a pagination (``/news/list_2.html``).
A shape is a trap once ``after`` of its listing pages led to no new article link and none of its pages
did: a pagination whose first page brought new articles is never one. Depth and max_pages still bound
what this does not catch (shapes without digits, traps that link to new articles).
"""
from __future__ import annotations

import re
from collections import Counter

DIGITS = re.compile(r"\d+")


def url_shape(url: str) -> str:
    return DIGITS.sub("#", url)


class TrapWatch:
    """A run's verdicts on the URL shapes of each source's listing pages."""

    def __init__(self, after: int):
        self.after = after  # 0: nothing is ever a trap
        self.barren: Counter[tuple[str, str]] = Counter()
        self.fruitful: set[tuple[str, str]] = set()

    def record(self, source: str, url: str, found_new_articles: bool) -> bool:
        """What one listing page of `source` led to; True when that made its shape a trap."""
        key = (source, url_shape(url))
        if found_new_articles:
            self.fruitful.add(key)
            return False
        self.barren[key] += 1
        return self._is_trap(key) and self.barren[key] == self.after

    def is_trap(self, source: str, url: str) -> bool:
        return self._is_trap((source, url_shape(url)))

    def _is_trap(self, key: tuple[str, str]) -> bool:
        return self.after > 0 and key not in self.fruitful and self.barren[key] >= self.after
