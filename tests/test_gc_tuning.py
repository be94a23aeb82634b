"""The collector's thresholds during a crawl (crawler/gc_tuning.py), on a real Scrapy crawler."""
from __future__ import annotations

import gc
import re

import pytest
from scrapy.exceptions import NotConfigured
from scrapy.utils.test import get_crawler

from crawler.gc_tuning import GcTuning


@pytest.fixture
def collector():
    """Whatever a test does, the collector is given back as it was."""
    before = gc.get_threshold()
    yield before
    gc.unfreeze()
    gc.set_threshold(*before)


def test_the_heap_is_frozen_and_thresholds_raised_while_the_engine_runs(collector):
    crawler = get_crawler(settings_dict={"NEWSDB_GC_THRESHOLD": "20000,20,20"})
    tuning = GcTuning.from_crawler(crawler)
    assert gc.get_freeze_count() == 0

    tuning.engine_started()
    assert gc.get_threshold() == (20000, 20, 20)
    assert gc.get_freeze_count() > 1000  # the modules loaded so far

    tuning.engine_stopped()
    assert gc.get_threshold() == collector
    assert gc.get_freeze_count() == 0


def test_a_real_crawl_runs_with_it(crawled):
    """The sample sites' crawl (conftest) ran with the project's settings, so with the extension on:
    it started, froze and gave back the collector without an error in the log."""
    db, _ = crawled
    log = "".join(path.read_text("utf-8") for path in (db.parent / "logs").glob("*.log"))
    assert "crawler.gc_tuning.GcTuning" in log  # Scrapy's list of enabled extensions
    assert re.search(r"Garbage collector: \d{4,} start-up objects frozen, thresholds \(20000, 20, 20\)", log)
    assert "Traceback" not in log


def test_the_project_settings_turn_it_on():
    from scrapy.utils.project import get_project_settings

    settings = get_project_settings()
    assert "crawler.gc_tuning.GcTuning" in settings.getdict("EXTENSIONS")
    assert len(settings.getlist("NEWSDB_GC_THRESHOLD")) == 3


def test_an_empty_setting_leaves_the_collector_alone(collector):
    crawler = get_crawler(settings_dict={"NEWSDB_GC_THRESHOLD": ""})
    with pytest.raises(NotConfigured):
        GcTuning.from_crawler(crawler)


@pytest.mark.parametrize("value", ["20000,20", "a,b,c"])
def test_a_bad_setting_is_a_clear_error(collector, value):
    crawler = get_crawler(settings_dict={"NEWSDB_GC_THRESHOLD": value})
    with pytest.raises(ValueError, match="NEWSDB_GC_THRESHOLD takes three integers"):
        GcTuning.from_crawler(crawler)
