"""Scrapy extension: keep Python's cyclic garbage collector off the crawl's hot path.

The Scrapy process holds a large, long-lived heap (Scrapy, Twisted, lxml and trafilatura's modules,
the crawl's seen and stored state) and allocates many short-lived objects a page (requests, responses,
Deferreds, asyncio tasks). With CPython's default thresholds (700, 10, 10) the full collections walk
that whole heap again and again: ~1 ms of the main thread's time a page in `make bench`.

At engine start the heap built so far is frozen (`gc.freeze()`: never scanned again, never freed,
as it lives for the whole crawl anyway) and the youngest generation's threshold is raised, so
collections are fewer and only see what the crawl itself allocated. Both are undone when the
crawl ends, so a process that goes on after it (the demo, the tests) gets its collector back.

Settings: NEWSDB_GC_THRESHOLD, three integers as for `gc.set_threshold`; empty: leave the collector
as it is.
"""
from __future__ import annotations

import gc
import logging

from scrapy import signals
from scrapy.exceptions import NotConfigured

logger = logging.getLogger(__name__)


class GcTuning:
    def __init__(self, threshold: tuple[int, ...]):
        self.threshold = threshold
        self.before: tuple[int, ...] | None = None

    @classmethod
    def from_crawler(cls, crawler):
        value = crawler.settings.getlist("NEWSDB_GC_THRESHOLD")
        if not value:
            raise NotConfigured
        try:
            threshold = tuple(int(n) for n in value)
        except ValueError:
            threshold = ()
        if len(threshold) != 3:
            raise ValueError(f"NEWSDB_GC_THRESHOLD takes three integers, not {','.join(map(str, value))!r}")
        ext = cls(threshold)
        crawler.signals.connect(ext.engine_started, signal=signals.engine_started)
        crawler.signals.connect(ext.engine_stopped, signal=signals.engine_stopped)
        return ext

    def engine_started(self) -> None:
        self.before = gc.get_threshold()
        gc.collect()  # garbage of start-up is not frozen with the rest
        gc.freeze()
        gc.set_threshold(*self.threshold)
        logger.info("Garbage collector: %d start-up objects frozen, thresholds %s during the crawl",
                    gc.get_freeze_count(), self.threshold)

    def engine_stopped(self) -> None:
        if self.before is not None:
            gc.set_threshold(*self.before)
            gc.unfreeze()
            self.before = None
