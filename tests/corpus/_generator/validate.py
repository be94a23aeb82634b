"""Check tests/corpus/truth.json against the pages (does not use newsdb's extractor).

Run: .venv/bin/python tests/corpus/_generator/validate.py
"""
import html
import json
import re
import sys
from pathlib import Path

import lxml.html

ROOT = Path(__file__).resolve().parent.parent
GBK_META = re.compile(rb"<meta[^>]+charset=\"?(gbk|gb2312|gb18030)", re.I)
errors = []


def err(f, msg):
    errors.append(f"{f}: {msg}")


def visible_text(raw: bytes, enc: str) -> str:
    doc = lxml.html.document_fromstring(raw.decode(enc))
    for bad in doc.xpath("//script|//style|//noscript|//template|//comment()"):
        bad.drop_tree() if not isinstance(bad, lxml.html.HtmlComment) else bad.getparent().remove(bad)
    return " ".join(html.unescape("".join(doc.itertext())).split())


def main():
    truth = json.loads((ROOT / "truth.json").read_text(encoding="utf-8"))
    keys = {"file", "url", "template", "kind", "title", "published", "author", "original_source",
            "category", "tags", "language", "paragraphs", "boilerplate"}
    files = set()
    for t in truth:
        f = t["file"]
        files.add(f)
        p = ROOT / f
        if not p.exists():
            err(f, "missing")
            continue
        raw = p.read_bytes()
        m = GBK_META.search(raw[:2048])
        enc = "gb18030" if m else "utf-8"
        if m and not t["language"].startswith("zh"):
            err(f, "GBK page not zh")
        try:
            text = visible_text(raw, enc)
        except UnicodeDecodeError as e:
            err(f, f"decode {enc}: {e}")
            continue
        if t["kind"] == "not_article":
            continue
        if set(t) - {"utc_offset"} != keys:
            err(f, f"keys {set(t) ^ keys}")
        if not re.fullmatch(r"\d{4}-\d\d-\d\d( \d\d:\d\d)?", t["published"]):
            err(f, f"bad published {t['published']}")
        if not (3 <= len([x for x in t["paragraphs"]]) <= 40):
            err(f, f"{len(t['paragraphs'])} paragraphs")
        for para in t["paragraphs"]:
            if para not in text:
                err(f, f"paragraph not in page: {para[:60]!r}")
        body = "\n".join(t["paragraphs"])
        if not 5 <= len(t["boilerplate"]) <= 15:
            err(f, f"{len(t['boilerplate'])} boilerplate strings")
        for b in t["boilerplate"]:
            if b not in text:
                err(f, f"boilerplate not in page: {b!r}")
            if b in body:
                err(f, f"boilerplate inside body: {b!r}")
        if t["title"] not in text:
            err(f, "title not visible")
        page = html.unescape(raw.decode(enc))  # fields may be only in metadata (keywords, JSON-LD)
        for field in ("author", "original_source", "category"):
            if t[field] and t[field] not in page:
                err(f, f"{field} not in page: {t[field]!r}")
        for tag in t["tags"]:
            if tag.lstrip("#") not in page:
                err(f, f"tag not in page: {tag!r}")
    on_disk = {str(p.relative_to(ROOT)) for p in ROOT.glob("*/*.html")}
    for f in sorted(on_disk - files):
        err(f, "page without truth")
    arts = [t for t in truth if t["kind"] == "article"]
    tpl = {t["template"] for t in truth}
    gbk = {t["template"] for t in truth if GBK_META.search((ROOT / t["file"]).read_bytes()[:2048])}
    size = sum(p.stat().st_size for p in ROOT.rglob("*") if p.is_file())
    print(f"{len(tpl)} templates ({len(gbk)} GBK: {sorted(gbk)}), {len(arts)} articles, "
          f"{len(truth) - len(arts)} non-articles, {size / 1e6:.2f} MB")
    for e in errors:
        print("ERROR", e)
    print("OK" if not errors else f"{len(errors)} errors")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
