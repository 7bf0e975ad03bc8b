"""Small charts drawn on the server as inline SVG (no script, no external font), e.g. 12 weekly bars.

Values are integers (minor units, points, counts); `format_value` turns one into the text a
reader sees (pass a locale-aware formatter, e.g. ``page.format_minor``). Every bar and point
carries a <title> (a tooltip, and what a screen reader says). The SVG scales to its container.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from html import escape

from markupsafe import Markup

PALETTE = ("#2f6fde", "#e0723b", "#2a9d6f", "#8b5cf6")
_W, _H = 640, 240
_LEFT, _RIGHT, _TOP, _BOTTOM = 8, 8, 28, 34


def _scale(values: Sequence[int]) -> tuple[int, int]:
    low, high = min(0, *values) if values else 0, max(0, *values) if values else 0
    return low, high if high > low else low + 1


def _frame(title: str, body: list[str], legend: list[tuple[str, str]]) -> Markup:
    keys = []
    x = _LEFT
    for color, name in legend:
        keys.append(f'<rect x="{x}" y="6" width="10" height="10" rx="2" fill="{color}"/>'
                    f'<text x="{x + 14}" y="15" font-size="12" fill="currentColor">{escape(name)}</text>')
        x += 24 + 7 * len(name) + (6 * sum(1 for ch in name if ord(ch) > 0x2E80))  # CJK glyphs are wider
    svg = (
        f'<svg class="chart" viewBox="0 0 {_W} {_H}" role="img" aria-label="{escape(title)}" '
        f'xmlns="http://www.w3.org/2000/svg" preserveAspectRatio="xMidYMid meet">'
        f"<title>{escape(title)}</title>{''.join(keys)}{''.join(body)}</svg>"
    )
    return Markup(svg)


def _x_labels(labels: Sequence[str], centers: list[float]) -> list[str]:
    every = max(1, -(-len(labels) // 7))  # at most about 7 labels fit a phone's width
    return [
        f'<text x="{cx:.1f}" y="{_H - 12}" font-size="12" text-anchor="middle" fill="currentColor">{escape(label)}</text>'
        for index, (label, cx) in enumerate(zip(labels, centers, strict=True))
        if index % every == 0 or index == len(labels) - 1
    ]


def _y(value: int, low: int, high: int) -> float:
    plot = _H - _TOP - _BOTTOM
    return _TOP + plot * (high - value) / (high - low)


def bar_chart(
    labels: Sequence[str],
    values: Sequence[int],
    *,
    title: str,
    name: str = "",
    format_value: Callable[[int], str] = str,
    line: Sequence[int] | None = None,
    line_name: str = "",
    format_line: Callable[[int], str] = str,
) -> Markup:
    """Bars (e.g. weekly earnings), optionally with a line on its own scale (e.g. weekly clicks)."""
    if len(values) != len(labels) or (line is not None and len(line) != len(labels)):
        raise ValueError("one value per label")
    low, high = _scale(values)
    slot = (_W - _LEFT - _RIGHT) / max(1, len(labels))
    centers = [_LEFT + slot * (i + 0.5) for i in range(len(labels))]
    zero = _y(0, low, high)
    body = [f'<line x1="{_LEFT}" x2="{_W - _RIGHT}" y1="{zero:.1f}" y2="{zero:.1f}" stroke="#999" stroke-width="1"/>']
    body.append(f'<text x="{_LEFT}" y="{_TOP - 2}" font-size="11" fill="#666">{escape(format_value(high))}</text>')
    for label, value, cx in zip(labels, values, centers, strict=True):
        top, bottom = sorted((_y(value, low, high), zero))
        body.append(
            f'<rect x="{cx - slot * 0.35:.1f}" y="{top:.1f}" width="{slot * 0.7:.1f}" height="{max(bottom - top, 0.5):.1f}" '
            f'rx="2" fill="{PALETTE[0]}"><title>{escape(label)}: {escape(format_value(value))}</title></rect>'
        )
    legend = [(PALETTE[0], name)] if name else []
    if line is not None:
        line_low, line_high = _scale(line)
        body.append(_polyline(labels, line, centers, line_low, line_high, PALETTE[1], format_line))
        legend.append((PALETTE[1], line_name))
    body += _x_labels(labels, centers)
    return _frame(title, body, legend)


def line_chart(
    labels: Sequence[str],
    series: Sequence[tuple[str, Sequence[int]]],
    *,
    title: str,
    format_value: Callable[[int], str] = str,
) -> Markup:
    """One or more lines on a shared scale: ``series`` is [(name, values), ...]."""
    if any(len(values) != len(labels) for _, values in series):
        raise ValueError("one value per label")
    low, high = _scale([v for _, values in series for v in values])
    slot = (_W - _LEFT - _RIGHT) / max(1, len(labels))
    centers = [_LEFT + slot * (i + 0.5) for i in range(len(labels))]
    zero = _y(0, low, high)
    body = [f'<line x1="{_LEFT}" x2="{_W - _RIGHT}" y1="{zero:.1f}" y2="{zero:.1f}" stroke="#999" stroke-width="1"/>',
            f'<text x="{_LEFT}" y="{_TOP - 2}" font-size="11" fill="#666">{escape(format_value(high))}</text>']
    legend = []
    for index, (name, values) in enumerate(series):
        color = PALETTE[index % len(PALETTE)]
        body.append(_polyline(labels, values, centers, low, high, color, format_value))
        legend.append((color, name))
    body += _x_labels(labels, centers)
    return _frame(title, body, legend)


def _polyline(labels: Sequence[str], values: Sequence[int], centers: list[float], low: int, high: int,
              color: str, format_value: Callable[[int], str]) -> str:
    points = [(cx, _y(v, low, high)) for cx, v in zip(centers, values, strict=True)]
    path = " ".join(f"{x:.1f},{y:.1f}" for x, y in points)
    dots = "".join(
        f'<circle cx="{x:.1f}" cy="{y:.1f}" r="3.5" fill="{color}"><title>{escape(label)}: {escape(format_value(v))}</title></circle>'
        for (x, y), label, v in zip(points, labels, values, strict=True)
    )
    return f'<polyline points="{path}" fill="none" stroke="{color}" stroke-width="2.5"/>{dots}'
