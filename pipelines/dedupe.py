"""Near-duplicate stories across sources: MinHash signatures of body shingles, LSH to find reprints."""
from __future__ import annotations

import asyncio
import ctypes
import re
import sqlite3
import threading
from concurrent.futures import Future
from functools import lru_cache
from pathlib import Path

import numpy as np
from datasketch import MinHash

from pipelines.schema import open_db

NUM_PERM = 128
SEED = 1
SCHEME = "affine32"  # stored signatures are only comparable with the scheme that made them
MIN_TOKENS = 30  # shorter bodies are too small to call near-duplicates safely
# A token is one CJK character (Chinese has no spaces) or one run of letters/digits.
TOKEN = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]|[^\W_]+", re.UNICODE)


def shingles(text: str, size: int = 3) -> set[bytes]:
    """Overlapping runs of `size` tokens: word trigrams for English, character trigrams for Chinese."""
    tokens = TOKEN.findall(text.lower())
    return {" ".join(tokens[i:i + size]).encode() for i in range(max(len(tokens) - size + 1, 0))}


def signature(text: str) -> MinHash | None:
    """MinHash of the body's shingles, or None when the body is too short to compare."""
    grams = shingles(text)
    if len(grams) < MIN_TOKENS:
        return None
    mh = MinHash(num_perm=NUM_PERM, seed=SEED, scheme=SCHEME, permutations=_permutations())
    mh.update_batch(list(grams))
    return mh


@lru_cache(maxsize=1)
def _permutations() -> np.ndarray:
    """The permutations MinHash(seed=SEED) draws: drawn once, not for every page (0.1 ms each time)."""
    return MinHash(num_perm=NUM_PERM, seed=SEED, scheme=SCHEME).permutations


def to_bytes(mh: MinHash) -> bytes:
    return mh.hashvalues.astype(np.uint32).tobytes()


def from_bytes(blob: bytes) -> MinHash:
    values = np.frombuffer(blob, dtype=np.uint32)
    return MinHash(num_perm=len(values), seed=SEED, hashvalues=values, scheme=SCHEME)


# LSH banding for NUM_PERM values: BANDS bands of ROWS values. Two signatures become candidates when
# one band is equal; candidates are then checked against the threshold with all NUM_PERM values.
# 18 x 7 (datasketch's optimum for threshold 0.7 weighting false negatives 0.8) finds a reprint at
# Jaccard 0.75 with probability 0.92 and at 0.8 with 0.99 (the balanced 14 x 9 gave 0.67 and 0.87);
# the extra candidates cost one vectorised comparison each.
BANDS, ROWS = 18, 7
_FNV_OFFSET, _FNV_PRIME = np.uint64(0xCBF29CE484222325), np.uint64(0x100000001B3)


def _values(mh) -> np.ndarray:
    """A signature as a uint32 vector, from a MinHash, stored bytes or an array."""
    if isinstance(mh, MinHash):
        return mh.hashvalues.astype(np.uint32)
    if isinstance(mh, (bytes, bytearray, memoryview)):
        return np.frombuffer(mh, dtype=np.uint32)
    return np.asarray(mh, dtype=np.uint32)


def band_hashes(sigs: np.ndarray) -> np.ndarray:
    """(n, NUM_PERM) uint32 signatures -> (n, BANDS) uint64 hashes of their bands (FNV-1a over values),
    computed in place on contiguous arrays (a million rows at start-up take half the time)."""
    n = len(sigs)
    cols = np.ascontiguousarray(sigs[:, :BANDS * ROWS].reshape(n, BANDS, ROWS).transpose(2, 0, 1))
    h = np.full((n, BANDS), _FNV_OFFSET, dtype=np.uint64)
    with np.errstate(over="ignore"):
        for i in range(ROWS):
            np.bitwise_xor(h, cols[i], out=h, casting="unsafe")
            np.multiply(h, _FNV_PRIME, out=h)
    return h


class NearDuplicateIndex:
    """The stories seen so far (originals only), keyed by canonical URL.

    Two parts, so a million stored stories fit in a few hundred MB:

    * the stored originals, bulk-loaded at start (`load_index`): per story only its LSH band hashes
      (sorted uint64 arrays searched by bisection, BANDS * 12 bytes), a 64-bit hash of its URL and its
      article id; a candidate's URL and signature are read from the database when a band matches,
      which happens for near-duplicates (and rare chance collisions) only;
    * the stories added during the run (`add`): full signatures in a uint32 matrix, bands in dicts.

    A key added again (a re-crawled original) supersedes its earlier entry, which lookups then skip.
    """

    def __init__(self, threshold: float = 0.7):
        self.threshold = threshold
        # added this run
        self._keys: list[str] = []  # row -> key
        self._rows: dict[str, int] = {}  # key -> its current row
        self._sigs = np.empty((0, NUM_PERM), dtype=np.uint32)
        self._count = 0  # rows used in self._sigs
        self._dynamic: list[dict[int, list[int]]] = [{} for _ in range(BANDS)]
        # loaded at start
        self._ids = np.empty(0, dtype=np.int64)  # static row -> article id
        self._url_hashes = np.empty(0, dtype=np.int64)  # sorted hash(url) of the static rows
        self._url_rows = np.empty(0, dtype=np.uint32)
        self._static: list[tuple[np.ndarray, np.ndarray]] = []  # per band: sorted hashes, their static rows
        self._superseded: set[int] = set()  # static rows whose key was added again
        self._fetch = None  # article ids -> {id: (url, signature bytes)}

    def __contains__(self, key: str) -> bool:
        return key in self._rows or self._static_row(key) is not None

    def __len__(self) -> int:
        return len(self._rows) + len(self._ids) - len(self._superseded)

    def load(self, ids: np.ndarray, url_hashes: np.ndarray, bands: np.ndarray, fetch) -> None:
        """Bulk-load stored stories (at start): their article ids, hash(url)s, band hashes (BANDS rows
        of n, `band_hashes(sigs).T`) and a function reading (url, signature) of article ids from the
        database. Sorts the bands one at a time, in place, so loading needs little more than the result."""
        self._ids = np.asarray(ids, dtype=np.int64)
        order = np.argsort(url_hashes, kind="stable")
        self._url_hashes, self._url_rows = np.asarray(url_hashes, dtype=np.int64)[order], order.astype(np.uint32)
        del order
        self._fetch = fetch
        self._static = []
        for band in range(BANDS):
            column = bands[band]
            rows = np.argsort(column, kind="stable").astype(np.uint32)
            column[:] = column[rows]
            self._static.append((column, rows))

    def _static_row(self, key: str) -> int | None:
        if not len(self._url_hashes):
            return None
        h = hash(key)
        i = int(np.searchsorted(self._url_hashes, h))
        while i < len(self._url_hashes) and self._url_hashes[i] == h:
            row = int(self._url_rows[i])
            if row not in self._superseded:
                return row
            i += 1
        return None

    def add(self, key: str, mh) -> None:
        values = _values(mh)
        old = self._static_row(key)
        if old is not None:
            self._superseded.add(old)
        if self._count == len(self._sigs):
            grown = np.empty((max(256, 2 * len(self._sigs)), NUM_PERM), dtype=np.uint32)
            grown[:self._count] = self._sigs[:self._count]
            self._sigs = grown
        row = self._count
        self._sigs[row] = values
        self._count += 1
        self._keys.append(key)
        self._rows[key] = row
        for band, h in enumerate(band_hashes(values[None, :])[0].tolist()):
            self._dynamic[band].setdefault(h, []).append(row)

    def find(self, mh, exclude: str | None = None) -> str | None:
        """The most similar stored story at or above the threshold, if any (the earliest on a tie)."""
        values = _values(mh)
        hashes = band_hashes(values[None, :])[0]
        static: set[int] = set()
        dynamic: set[int] = set()
        for band, h in enumerate(hashes):
            if self._static:
                column, rows = self._static[band]
                lo, hi = np.searchsorted(column, h, "left"), np.searchsorted(column, h, "right")
                static.update(rows[lo:hi].tolist())
            dynamic.update(self._dynamic[band].get(int(h), ()))
        candidates: list[tuple[str, np.ndarray]] = []  # stored stories first, then this run's, in order
        static -= self._superseded
        if static and self._fetch:
            found = self._fetch(sorted(int(self._ids[r]) for r in static))
            candidates += [(url, np.frombuffer(sig, dtype=np.uint32)) for _, (url, sig) in sorted(found.items())
                           if len(sig) == NUM_PERM * 4]
        candidates += [(self._keys[r], self._sigs[r]) for r in sorted(dynamic) if self._rows.get(self._keys[r]) == r]
        best, best_score = None, self.threshold
        for key, sig in candidates:
            score = np.count_nonzero(sig == values) / NUM_PERM
            if key != exclude and (score > best_score or (best is None and score >= best_score)):
                best, best_score = key, score
        return best


def load_index(db_path, threshold: float = 0.7, create_schema: bool = True) -> NearDuplicateIndex:
    """The index of the stored originals; keeps a read-only connection to look candidates up.

    Three sequential reads in one snapshot, none of which touches the articles' rows (a row holds the
    body, so a column stored after it is reached through the body's overflow pages, and a row lookup
    per original is a random read of the biggest table): the originals' ids from the
    (duplicate_of, published) index, every (url, id) from the url index, and the signatures table in
    article_id order, banded chunk by chunk (no list of a million blobs). ~4 s for 900,000 originals
    with the file in the OS cache; `DedupePipeline` runs it in a thread so the crawl starts at once."""
    index = NearDuplicateIndex(threshold)
    if create_schema:
        open_db(db_path).close()  # the first run creates the schema
    conn = sqlite3.connect(f"file:{Path(db_path).resolve()}?mode=ro", uri=True, check_same_thread=False,
                           isolation_level=None)
    conn.execute("PRAGMA busy_timeout=30000")
    size = NUM_PERM * 4  # other sizes cannot be compared
    conn.execute("BEGIN")  # one snapshot for the three reads, even while a crawl writes
    try:
        originals = _column(conn, "select id from articles where duplicate_of is null")
        originals.sort()
        url_ids, url_hashes = _url_hashes(conn)
        total = conn.execute("select count(*) from article_signatures").fetchone()[0]
        bands = np.empty((BANDS, min(total, len(originals))), dtype=np.uint64)  # band-major
        ids = np.empty(bands.shape[1], dtype=np.int64)
        n = 0
        cursor = conn.execute("select article_id, minhash from article_signatures where length(minhash) = ?", [size])
        while True:
            chunk = cursor.fetchmany(5_000)
            if not chunk:
                break
            chunk_ids = np.fromiter((row[0] for row in chunk), dtype=np.int64, count=len(chunk))
            pos = np.searchsorted(originals, chunk_ids).clip(0, max(len(originals) - 1, 0))
            keep = originals[pos] == chunk_ids if len(originals) else np.zeros(len(chunk), dtype=bool)
            if not keep.any():
                continue
            sigs = np.frombuffer(b"".join(row[1] for row, k in zip(chunk, keep) if k),
                                 dtype=np.uint32).reshape(-1, NUM_PERM)
            m = len(sigs)
            bands[:, n:n + m] = band_hashes(sigs).T
            ids[n:n + m] = chunk_ids[keep]
            n += m
        cursor.close()
    finally:
        conn.execute("COMMIT")
    # hash(url) of each loaded id: url_ids is sorted, every signature's article has a url
    where = np.searchsorted(url_ids, ids[:n]).clip(0, max(len(url_ids) - 1, 0))
    found = url_ids[where] == ids[:n] if len(url_ids) else np.zeros(n, dtype=bool)
    hashes = url_hashes[where]
    del url_ids, url_hashes
    if not found.all():  # a signature without its article: not an original any more, skip it
        ids, hashes, bands = ids[:n][found], hashes[found], bands[:, :n][:, found]
        n = len(ids)

    def fetch(article_ids: list[int]) -> dict[int, tuple[str, bytes]]:
        marks = ", ".join("?" * len(article_ids))
        return {aid: (url, sig) for aid, url, sig in conn.execute(
            f"select a.id, a.url, s.minhash from articles a join article_signatures s on s.article_id = a.id "
            f"where a.id in ({marks})", article_ids)}

    index.load(ids[:n], hashes[:n], bands[:, :n], fetch)
    return index


def _column(conn: sqlite3.Connection, sql: str) -> np.ndarray:
    cursor = conn.execute(sql)
    parts = []
    while rows := cursor.fetchmany(5_000):
        parts.append(np.fromiter((row[0] for row in rows), dtype=np.int64, count=len(rows)))
    return np.concatenate(parts) if parts else np.empty(0, dtype=np.int64)


def _url_hashes(conn: sqlite3.Connection) -> tuple[np.ndarray, np.ndarray]:
    """(article ids sorted, hash(url) of each), from a scan of the url index (never the rows)."""
    cursor = conn.execute("select id, url from articles order by url")
    id_parts, hash_parts = [], []
    while rows := cursor.fetchmany(5_000):
        id_parts.append(np.fromiter((row[0] for row in rows), dtype=np.int64, count=len(rows)))
        hash_parts.append(np.fromiter((hash(row[1]) for row in rows), dtype=np.int64, count=len(rows)))
    if not id_parts:
        return np.empty(0, dtype=np.int64), np.empty(0, dtype=np.int64)
    article_ids, hashes = np.concatenate(id_parts), np.concatenate(hash_parts)
    order = np.argsort(article_ids)
    return article_ids[order], hashes[order]


def _release_free_memory() -> None:
    """Give the loader's freed scratch memory back to the OS: glibc keeps what a thread freed in that
    thread's malloc arena (and raises its mmap threshold after big frees), so without a trim the
    crawl's peak RSS carries it (~50 MB at a million articles)."""
    try:
        ctypes.CDLL("libc.so.6").malloc_trim(0)
    except (OSError, AttributeError):  # not glibc
        pass


class DedupePipeline:
    """Marks reprints: sets article["duplicate_of_url"] and article["minhash"] (the signature's bytes, or
    None for a body too short to compare) for the store; uses article["minhash"] when the extraction
    worker computed it already."""

    def __init__(self, crawler):
        self.crawler = crawler
        self.index = NearDuplicateIndex(crawler.settings.getfloat("NEWSDB_NEAR_DUP_THRESHOLD", 0.7))
        self._loading: Future | None = None  # the index being loaded (open_spider)

    @classmethod
    def from_crawler(cls, crawler):
        return cls(crawler)

    def open_spider(self, spider=None):
        """Start loading the index of the stored originals in a thread: the crawl's first requests do
        not wait for it (~4 s at a million stored articles, more on a cold file cache); the first
        article to compare does (`process_item`)."""
        path, threshold = self.crawler.settings.get("NEWSDB_DB"), self.index.threshold
        open_db(path).close()  # the schema first, here: never concurrently with the store's open_db
        future: Future = Future()
        self._loading = future

        def load():
            try:
                index = load_index(path, threshold, create_schema=False)
                _release_free_memory()
                future.set_result(index)
            except BaseException as exc:  # noqa: BLE001 - handed to the first item that needs the index
                future.set_exception(exc)

        threading.Thread(target=load, name="newsdb-dedupe-load", daemon=True).start()

    async def _loaded(self) -> None:
        if self._loading is not None:
            index = await asyncio.wrap_future(self._loading)
            if self._loading is not None:  # one of several waiting items installs it
                self.index, self._loading = index, None
                self.crawler.stats.set_value("newsdb/dedupe_index_loaded", len(index))

    async def process_item(self, item):
        if "article" not in item.fields:  # page visits carry no article
            return item
        await self._loaded()
        article = item["article"]
        if "minhash" in article:  # computed by the extraction worker (extract.extract_and_sign)
            mh = article["minhash"]
        else:
            mh = signature(article["body"])
            article["minhash"] = to_bytes(mh) if mh else None
        article["duplicate_of_url"] = None
        if mh is None:
            return item
        key = article["url"]
        if key in self.index:  # a re-crawl of a stored original: refresh its signature, keep its role
            self.index.add(key, mh)
            return item
        match = self.index.find(mh, exclude=key)
        if match:
            article["duplicate_of_url"] = match
        else:
            self.index.add(key, mh)
        return item
