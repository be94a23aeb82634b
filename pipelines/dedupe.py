"""Near-duplicate stories across sources: MinHash signatures of body shingles, LSH to find reprints."""
from __future__ import annotations

import re

import numpy as np
from datasketch import MinHash, MinHashLSH

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
    mh = MinHash(num_perm=NUM_PERM, seed=SEED, scheme=SCHEME)
    mh.update_batch(list(grams))
    return mh


def to_bytes(mh: MinHash) -> bytes:
    return mh.hashvalues.astype(np.uint32).tobytes()


def from_bytes(blob: bytes) -> MinHash:
    values = np.frombuffer(blob, dtype=np.uint32)
    return MinHash(num_perm=len(values), seed=SEED, hashvalues=values, scheme=SCHEME)


class NearDuplicateIndex:
    """The stories seen so far (originals only), keyed by canonical URL."""

    def __init__(self, threshold: float = 0.7):
        self.threshold = threshold
        self.lsh = MinHashLSH(threshold=threshold, num_perm=NUM_PERM)
        self.signatures: dict[str, MinHash] = {}

    def __contains__(self, key: str) -> bool:
        return key in self.signatures

    def __len__(self) -> int:
        return len(self.signatures)

    def add(self, key: str, mh: MinHash) -> None:
        if key in self.signatures:
            self.lsh.remove(key)
        self.lsh.insert(key, mh)
        self.signatures[key] = mh

    def find(self, mh: MinHash, exclude: str | None = None) -> str | None:
        """The most similar stored story at or above the threshold, if any."""
        best, best_score = None, self.threshold
        for key in self.lsh.query(mh):
            score = mh.jaccard(self.signatures[key])
            if key != exclude and score >= best_score:
                best, best_score = key, score
        return best


class DedupePipeline:
    """Marks reprints: sets article["duplicate_of_url"] and article["minhash"] for the store."""

    def __init__(self, crawler):
        self.crawler = crawler
        self.index = NearDuplicateIndex(crawler.settings.getfloat("NEWSDB_NEAR_DUP_THRESHOLD", 0.7))

    @classmethod
    def from_crawler(cls, crawler):
        return cls(crawler)

    def open_spider(self, spider=None):
        db = open_db(self.crawler.settings.get("NEWSDB_DB"))
        rows = db.query("select a.url, s.minhash from article_signatures s join articles a on a.id = s.article_id "
                        "where a.duplicate_of is null")
        for row in rows:
            self.index.add(row["url"], from_bytes(row["minhash"]))
        db.close()
        self.crawler.stats.set_value("newsdb/dedupe_index_loaded", len(self.index))

    async def process_item(self, item):
        if "article" not in item.fields:  # page visits carry no article
            return item
        article = item["article"]
        mh = signature(article["body"])
        article["duplicate_of_url"] = None
        article["minhash"] = to_bytes(mh) if mh else None
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
