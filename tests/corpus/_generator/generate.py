"""Regenerate tests/corpus/<template>/*.html and tests/corpus/truth.json.

Run: .venv/bin/python tests/corpus/_generator/generate.py
It deletes and rewrites every template folder listed in TEMPLATES and truth.json. The truth is
written from the article data (what each page is meant to contain), never from an extractor.
templates.json and README.md are hand-written.
"""
import json
import shutil
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from common import esc, norm  # noqa: E402
import importlib
TEMPLATE_MODULES = ["t_tablewire", "t_brieflyhub", "t_wpreprint", "t_feedstream", "t_dedecms", "t_discuz", "t_mobile", "t_appshare"]

TEMPLATES = [importlib.import_module(m) for m in TEMPLATE_MODULES if (Path(__file__).parent / f"{m}.py").exists()]
ROOT = Path(__file__).resolve().parent.parent


def _window(html, paragraphs):
    """Character range of the article body in the raw HTML (first paragraph .. last paragraph + 1500)."""
    start = html.find(esc(paragraphs[0][:12]))
    end = html.rfind(esc(paragraphs[-1][-12:]))
    return (start, end + 1500) if 0 <= start <= end else (0, 0)


def pick_boilerplate(bp, paragraphs, title, html):
    """5-15 boilerplate strings: everything found inside/just after the body first (reprint notices,
    credits, captions, editors...), then page furniture spread over the whole page."""
    body = "\n".join(paragraphs)
    lo, hi = _window(html, paragraphs)
    seen, near, far = set(), [], []
    for s in bp:
        s = norm(s)
        if len(s) < 4 or s in seen or s in body or s == title:
            continue
        seen.add(s)
        pos = html.find(esc(s))
        (near if lo <= pos <= hi else far).append(s)
    near = near[:10]
    room = 15 - len(near)
    if len(far) > room:
        step = len(far) / room
        far = [far[int(k * step)] for k in range(room)]
    keep = set(near + far)
    return [s for s in dict.fromkeys(norm(x) for x in bp) if s in keep]


def main():
    truth = []
    for t in TEMPLATES:
        folder = ROOT / t.NAME
        shutil.rmtree(folder, ignore_errors=True)
        folder.mkdir(parents=True)
        for i, a in enumerate(t.ARTICLES):
            html, bp = t.render(a, i, t.ARTICLES)
            enc = a.opt.get("enc", t.ENC)
            (folder / f"{a.name}.html").write_bytes(html.encode(enc))  # strict
            paras = a.paragraphs()
            boiler = pick_boilerplate(bp, paras, a.title, html)
            if len(boiler) < 5:
                raise SystemExit(f"{t.NAME}/{a.name}: only {len(boiler)} boilerplate strings")
            truth.append(dict(
                file=f"{t.NAME}/{a.name}.html", url=f"http://{t.HOST}{a.path}", template=t.NAME,
                kind="article", title=a.title, published=a.date, author=a.author,
                original_source=a.source, category=t.truth_category(a, i) if hasattr(t, "truth_category") else a.cat, tags=list(a.tags) if getattr(t, "SHOWS_TAGS", True) else [], language=a.lang,
                paragraphs=paras, boilerplate=boiler))
            off = t.utc_offset(a) if hasattr(t, "utc_offset") else None
            if off:
                truth[-1]["utc_offset"] = off
        for name, path, html in t.nonarticles(t.ARTICLES):
            (folder / f"{name}.html").write_bytes(html.encode(t.ENC))
            truth.append(dict(file=f"{t.NAME}/{name}.html", url=f"http://{t.HOST}{path}",
                              template=t.NAME, kind="not_article", language=t.LANG))
    (ROOT / "truth.json").write_text(json.dumps(truth, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    arts = sum(1 for x in truth if x["kind"] == "article")
    print(f"{len(TEMPLATES)} templates, {arts} articles, {len(truth) - arts} non-articles")


if __name__ == "__main__":
    main()
