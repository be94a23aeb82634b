"""Shared helpers for the corpus generator: article model, inline markup, dates, page recorder."""
from __future__ import annotations

import html
import re
import zlib
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone

MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December"]


def esc(s: str) -> str:
    return html.escape(s, quote=False)


def attr(s: str) -> str:
    return html.escape(s, quote=True)


# Inline markup used in the content texts: [[text|href]] link, **bold**, __italic__.
INLINE = re.compile(r"\[\[(.+?)\|(.+?)\]\]|\*\*(.+?)\*\*|__(.+?)__")


def inline(s: str, strong="strong", em="em") -> str:
    out, pos = [], 0
    for m in INLINE.finditer(s):
        out.append(esc(s[pos:m.start()]))
        if m.group(1):
            out.append(f'<a href="{attr(m.group(2))}" target="_blank">{esc(m.group(1))}</a>')
        elif m.group(3):
            out.append(f"<{strong}>{esc(m.group(3))}</{strong}>")
        else:
            out.append(f"<{em}>{esc(m.group(4))}</{em}>")
        pos = m.end()
    out.append(esc(s[pos:]))
    return "".join(out)


def plain(s: str) -> str:
    return INLINE.sub(lambda m: m.group(1) or m.group(3) or m.group(4), s)


def norm(s: str) -> str:
    return " ".join(s.split())


@dataclass
class Art:
    name: str                 # file stem inside the template folder
    path: str                 # URL path (+query) on the template's host
    title: str
    date: str                 # "YYYY-MM-DD HH:MM" or "YYYY-MM-DD" (page shows no time)
    author: str | None
    source: str | None
    cat: str | None
    tags: list
    body: list                # str | ("h", str) | ("ul", [str]) | ("q", str)
    lang: str = "en"
    summary: str | None = None
    opt: dict = field(default_factory=dict)

    @property
    def has_time(self) -> bool:
        return len(self.date) > 10

    @property
    def dt(self) -> datetime:
        return datetime.strptime(self.date, "%Y-%m-%d %H:%M" if self.has_time else "%Y-%m-%d")

    @property
    def sec(self) -> int:
        return zlib.crc32(self.name.encode()) % 60

    def paragraphs(self) -> list[str]:
        out = []
        for item in self.body:
            if isinstance(item, str):
                out.append(norm(plain(item)))
            elif item[0] in ("h", "q"):
                out.append(norm(plain(item[1])))
            elif item[0] in ("ul", "ol"):
                out.extend(norm(plain(x)) for x in item[1])
            else:
                raise ValueError(item)
        return out

    def first_text(self) -> str:
        return next(plain(x) for x in self.body if isinstance(x, str))


class Page:
    """Collects visible boilerplate strings while a page is rendered."""

    def __init__(self):
        self.bp: list[str] = []

    def b(self, s: str) -> str:
        """Register `s` as boilerplate and return it escaped for HTML text."""
        self.bp.append(norm(s))
        return esc(s)

    def reg(self, s: str) -> None:
        self.bp.append(norm(s))


# ---------------------------------------------------------------- dates

def d_iso_sec(a: Art) -> str:          # 2025-02-14 14:34:43
    return a.dt.strftime("%Y-%m-%d %H:%M") + f":{a.sec:02d}"


def d_iso_min(a: Art) -> str:          # 2025-02-14 14:34
    return a.dt.strftime("%Y-%m-%d %H:%M")


def d_us_long(a: Art) -> str:          # February 14, 2025 2:34 PM
    d = a.dt
    s = f"{MONTHS[d.month - 1]} {d.day}, {d.year}"
    if a.has_time:
        h = d.hour % 12 or 12
        s += f" {h}:{d.minute:02d} {'AM' if d.hour < 12 else 'PM'}"
    return s


def d_us_short(a: Art) -> str:         # Feb 14, 2025, 2:34 PM
    d = a.dt
    s = f"{MONTHS[d.month - 1][:3]} {d.day}, {d.year}"
    if a.has_time:
        h = d.hour % 12 or 12
        s += f", {h}:{d.minute:02d} {'a.m.' if d.hour < 12 else 'p.m.'}"
    return s


def d_dmy(a: Art) -> str:              # 14 Feb 2025 (date only)
    d = a.dt
    return f"{d.day} {MONTHS[d.month - 1][:3]} {d.year}"


def d_zh(a: Art) -> str:               # 2025年02月14日 14:34
    s = a.dt.strftime("%Y年%m月%d日")
    return s + (a.dt.strftime(" %H:%M") if a.has_time else "")


def d_slash(a: Art) -> str:            # 2025/02/14 14:34
    s = a.dt.strftime("%Y/%m/%d")
    return s + (a.dt.strftime(" %H:%M") if a.has_time else "")


def d_discuz(a: Art) -> str:           # 2025-2-14 14:34 (Discuz drops leading zeros)
    d = a.dt
    s = f"{d.year}-{d.month}-{d.day}"
    return s + (f" {d.hour:02d}:{d.minute:02d}" if a.has_time else "")


def iso_offset(a: Art, hours: float) -> str:
    tz = timezone(timedelta(hours=hours))
    d = a.dt.replace(tzinfo=tz, second=a.sec if a.has_time else 0)
    return d.isoformat()


def iso_z(a: Art, hours: float) -> str:
    """The page's local wall time (UTC+hours) expressed in UTC with a Z."""
    d = a.dt.replace(tzinfo=timezone(timedelta(hours=hours)), second=a.sec)
    return d.astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


def shift(a: Art, **kw) -> datetime:
    return a.dt + timedelta(**kw)


def hits(a: Art, base=300) -> int:
    return base + zlib.crc32((a.name + "h").encode()) % 9000
