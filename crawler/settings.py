"""Scrapy settings for newsdb. Override any of them with `-s NAME=VALUE` (scrapy crawl or newsdb crawl)."""

BOT_NAME = "newsdb"
SPIDER_MODULES = ["crawler.spiders"]
NEWSPIDER_MODULE = "crawler.spiders"

# An honest User-Agent: say who we are and where to read about us.
USER_AGENT = "newsdb/0.1 (+https://github.com/newsdb/newsdb; news archiver)"

# Politeness
ROBOTSTXT_OBEY = True
CONCURRENT_REQUESTS = 16
CONCURRENT_REQUESTS_PER_DOMAIN = 4
DOWNLOAD_DELAY = 0.25
AUTOTHROTTLE_ENABLED = True
AUTOTHROTTLE_START_DELAY = 1.0
AUTOTHROTTLE_MAX_DELAY = 30.0
AUTOTHROTTLE_TARGET_CONCURRENCY = 2.0
RETRY_ENABLED = True
RETRY_TIMES = 2
RETRY_HTTP_CODES = [429, 500, 502, 503, 504, 522, 524, 408]
DOWNLOAD_TIMEOUT = 30
DOWNLOAD_MAXSIZE = 10 * 1024 * 1024  # bytes, after decompression: bounds gzip bombs too
DOWNLOAD_WARNSIZE = 4 * 1024 * 1024
REDIRECT_MAX_TIMES = 5
# Scrapy starts this many asyncio tasks for every response's output, however little it yields (a page
# yields one item and a few requests): at the default 100 that cost ~2 ms of CPU a page (make bench)
CONCURRENT_ITEMS = 8
DOWNLOAD_FAIL_ON_DATALOSS = True  # a body cut short (connection reset) is an error, not a short page

# Hostile pages and servers (SECURITY.md): no private addresses, no leaving a source's hosts,
# Retry-After obeyed. Offsite is Scrapy's (50), robots.txt 100, retry 550.
DOWNLOADER_MIDDLEWARES = {
    "crawler.middlewares.PrivateAddressMiddleware": 60,
    "crawler.middlewares.TrapMiddleware": 65,
    "crawler.middlewares.RetryAfterMiddleware": 560,
}

# Traps (calendars, endless archives): a listing page is skipped once this many of its URL shape led to
# no new article (crawler/traps.py; 0: never); the rest end at this depth, and at each source's max_pages.
NEWSDB_TRAP_AFTER = 5
DEPTH_LIMIT = 5
DEPTH_PRIORITY = 1  # breadth-first-ish: listings near the start are read before deep archive pages
SCHEDULER_DISK_QUEUE = "scrapy.squeues.PickleFifoDiskQueue"
SCHEDULER_MEMORY_QUEUE = "scrapy.squeues.FifoMemoryQueue"

# The collector's thresholds during a crawl, with the start-up heap frozen (crawler/gc_tuning.py)
EXTENSIONS = {"crawler.gc_tuning.GcTuning": 0}
NEWSDB_GC_THRESHOLD = "20000,20,20"

# Unattended runs: no local control ports.
TELNETCONSOLE_ENABLED = False
REMOTE_CONTROL_ENABLED = False
LOG_LEVEL = "INFO"

ITEM_PIPELINES = {
    "pipelines.extract.ExtractPipeline": 100,
    "pipelines.dedupe.DedupePipeline": 200,
    "pipelines.store.StorePipeline": 300,
}

# newsdb's own settings
NEWSDB_SOURCES = "sources.toml"
NEWSDB_DB = "data/news.db"
NEWSDB_EXTRACT_WORKERS = None  # None: one process per core; 0: extract inline (debugging)
NEWSDB_BATCH_SIZE = 100  # rows per write transaction
NEWSDB_BATCH_SECONDS = 5.0  # commit a partial batch at least this often
NEWSDB_NEAR_DUP_THRESHOLD = 0.7  # estimated Jaccard similarity of body shingles
NEWSDB_RECHECK_HOURS = 24.0  # stored articles younger than this (by publication date) are fetched again
NEWSDB_MAX_ENTRY_AGE_DAYS = 0  # feed/sitemap entries older than this are skipped; 0 keeps all
NEWSDB_FLAG_EMPTY_RUNS = 3  # flag a source after this many runs in a row without a new article
NEWSDB_EXTRACT_TIMEOUT = 20.0  # seconds per page; a page that takes longer is counted (extract_timeouts), not stored
NEWSDB_EXTRACT_MAX_MEMORY_MB = 1024  # per extraction worker (RLIMIT_DATA); 0: no cap
NEWSDB_RETRY_AFTER_MAX = 30.0  # seconds: a longer Retry-After is not retried in this run (retry_after_too_long)
