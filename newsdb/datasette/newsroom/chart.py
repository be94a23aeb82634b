"""Articles per day per source as an inline SVG line chart: one series per source, a legend.

Server-side and self-contained (no script, no external file), so it works offline and in
feed readers alike. Source names are crawled configuration, not trusted markup: every
text and attribute value is escaped by ``Markup.format``.
"""
from __future__ import annotations

import datetime as dt
import math

from markupsafe import Markup

PALETTE = ["#1f77b4", "#d62728", "#2ca02c", "#ff7f0e", "#9467bd",
           "#8c564b", "#e377c2", "#17becf", "#7f7f7f", "#bcbd22"]
WIDTH, PLOT_HEIGHT = 480, 180
LEFT, RIGHT, TOP, AXIS = 40, 24, 10, 24
LEGEND_ROW, LEGEND_COLUMNS = 20, 3


def day_range(last_day: str, days: int = 30) -> list[str]:
    """The ``days`` ISO dates ending with ``last_day`` (inclusive), oldest first."""
    end = dt.date.fromisoformat(last_day)
    return [(end - dt.timedelta(days=days - 1 - i)).isoformat() for i in range(days)]


def nice_max(value: int) -> int:
    """A round axis maximum >= value: 1, 2, 5, 10, 20, 50, ..."""
    if value <= 1:
        return 1
    power = 10 ** int(math.floor(math.log10(value)))
    for step in (1, 2, 5, 10):
        if value <= step * power:
            return step * power
    return 10 * power


def chart_svg(days: list[str], series: dict[str, dict[str, int]]) -> Markup:
    """An SVG chart of ``series`` ({source: {day: count}}) over ``days``."""
    names = sorted(series)
    ymax = nice_max(max((n for counts in series.values() for n in counts.values()), default=0))
    legend_rows = math.ceil(len(names) / LEGEND_COLUMNS)
    height = TOP + PLOT_HEIGHT + AXIS + legend_rows * LEGEND_ROW + 6
    parts = [Markup(
        '<svg class="nd-chart" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {w} {h}" '
        'role="img" aria-labelledby="nd-chart-title"><title id="nd-chart-title">{t}</title>'
    ).format(w=WIDTH, h=height, t=f"Articles per day per source, {days[0]} to {days[-1]}")]
    parts += _axes(days, ymax)
    for i, name in enumerate(names):
        parts.append(_series(name, PALETTE[i % len(PALETTE)], days, series[name], ymax))
    parts += _legend(names, TOP + PLOT_HEIGHT + AXIS)
    parts.append(Markup("</svg>"))
    return Markup("\n").join(parts)


def _x(i: int, n: int) -> float:
    span = WIDTH - LEFT - RIGHT
    return LEFT + (span * i / (n - 1) if n > 1 else span / 2)


def _y(value: int, ymax: int) -> float:
    return TOP + PLOT_HEIGHT * (1 - value / ymax)


def _axes(days: list[str], ymax: int) -> list[Markup]:
    out = []
    for value in sorted({0, ymax // 2, ymax}):
        y = _y(value, ymax)
        out.append(Markup(
            '<line class="nd-grid" x1="{x1}" x2="{x2}" y1="{y:.1f}" y2="{y:.1f}"/>'
            '<text class="nd-axis" x="{tx}" y="{ty:.1f}" text-anchor="end">{v}</text>'
        ).format(x1=LEFT, x2=WIDTH - RIGHT, y=y, tx=LEFT - 6, ty=y + 4, v=value))
    for i in sorted({0, len(days) // 2, len(days) - 1}):
        out.append(Markup(
            '<text class="nd-axis" x="{x:.1f}" y="{y}" text-anchor="middle">{label}</text>'
        ).format(x=_x(i, len(days)), y=TOP + PLOT_HEIGHT + 16, label=days[i][5:]))
    return out


def _series(name: str, color: str, days: list[str], counts: dict[str, int], ymax: int) -> Markup:
    n = len(days)
    points = " ".join(f"{_x(i, n):.1f},{_y(counts.get(day, 0), ymax):.1f}" for i, day in enumerate(days))
    dots = [
        Markup('<circle cx="{x:.1f}" cy="{y:.1f}" r="3"><title>{t}</title></circle>').format(
            x=_x(i, n), y=_y(counts[day], ymax), t=f"{name}, {day}: {counts[day]}")
        for i, day in enumerate(days) if counts.get(day)
    ]
    total = sum(counts.get(day, 0) for day in days)
    return Markup(
        '<g class="nd-series" data-source="{name}" stroke="{c}" fill="{c}"><title>{t}</title>'
        '<polyline fill="none" stroke-width="2" points="{p}"/>{dots}</g>'
    ).format(name=name, c=color, t=f"{name}: {total} articles", p=points, dots=Markup("").join(dots))


def _legend(names: list[str], top: int) -> list[Markup]:
    out, column_width = [], (WIDTH - LEFT) / LEGEND_COLUMNS
    for i, name in enumerate(names):
        x = LEFT + (i % LEGEND_COLUMNS) * column_width
        y = top + (i // LEGEND_COLUMNS) * LEGEND_ROW + 12
        label = name if len(name) <= 24 else name[:23] + "\u2026"
        out.append(Markup(
            '<g class="nd-legend-item"><rect x="{x:.1f}" y="{ry}" width="12" height="12" fill="{c}"/>'
            '<text x="{tx:.1f}" y="{y}">{label}<title>{name}</title></text></g>'
        ).format(x=x, ry=y - 10, c=PALETTE[i % len(PALETTE)], tx=x + 17, y=y, label=label, name=name))
    return out
