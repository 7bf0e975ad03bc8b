"""Small charts drawn on the server as inline SVG (no script, no external font), e.g. 12 weekly bars.

Values are integers (minor units, points, counts); `format_value` turns one into the text a
reader sees (pass a locale-aware formatter, e.g. ``page.format_minor``). Every bar and point
carries a <title> (a tooltip, and what a screen reader says). The SVG takes its container's width
with a fixed height: positions across are percentages, so the text keeps its size (12 px) on a
phone instead of shrinking with a scaled drawing; each series' scale is written at the top (the
bars' on the left, a line's on the right, in its colour).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from html import escape

from markupsafe import Markup

PALETTE = ("#2f6fde", "#e0723b", "#2a9d6f", "#8b5cf6")
#: Text in a series' colour: each at least 4.5:1 on white (the line colours are for strokes, 3:1).
TEXT_PALETTE = ("#255fc4", "#b4501c", "#1f7a4f", "#6d3fd6")
_H = 240
#: Pixels above (legend, scale) and below (labels) the plot; percent at each side.
_TOP, _BOTTOM, _SIDE = 44, 30, 1.0
_FONT = 12


def _scale(values: Sequence[int]) -> tuple[int, int]:
    low, high = min(0, *values) if values else 0, max(0, *values) if values else 0
    return low, high if high > low else low + 1


def _top(values: Sequence[int]) -> int:
    """The highest value the scale shows (0 for no data: not the drawing's stand-in top of 1)."""
    return max(0, *values) if values else 0


def _frame(title: str, body: list[str], legend: list[tuple[str, str]]) -> Markup:
    keys = []
    x = 0
    for color, name in legend:
        keys.append(f'<rect x="{x}" y="4" width="12" height="12" rx="2" fill="{color}"/>'
                    f'<text x="{x + 16}" y="15" font-size="{_FONT}" fill="currentColor">{escape(name)}</text>')
        x += 28 + 7 * len(name) + (5 * sum(1 for ch in name if ord(ch) > 0x2E80))  # CJK glyphs are wider
    svg = (
        f'<svg class="chart" width="100%" height="{_H}" role="img" aria-label="{escape(title)}" '
        f'xmlns="http://www.w3.org/2000/svg">'
        f"<title>{escape(title)}</title>{''.join(keys)}{''.join(body)}</svg>"
    )
    return Markup(svg)


def _centers(count: int) -> tuple[float, list[float]]:
    """The width of one label's slot and each slot's centre, in percent of the chart's width."""
    slot = (100 - 2 * _SIDE) / max(1, count)
    return slot, [_SIDE + slot * (i + 0.5) for i in range(count)]


def _x_labels(labels: Sequence[str], centers: list[float]) -> list[str]:
    every = max(1, -(-len(labels) // 6))  # at most about 6 labels fit a phone's width
    return [
        f'<text x="{cx:.2f}%" y="{_H - 10}" font-size="{_FONT}" text-anchor="middle" fill="currentColor">{escape(label)}</text>'
        for index, (label, cx) in enumerate(zip(labels, centers, strict=True))
        if (len(labels) - 1 - index) % every == 0  # counted from the last (this week), always shown
    ]


def _scale_label(text: str, color: str, *, right: bool = False) -> str:
    """A series' highest value, written at the top of the plot (its scale)."""
    x, anchor = ("100%", "end") if right else ("0", "start")
    return f'<text class="scale" x="{x}" y="{_TOP - 8}" font-size="{_FONT}" text-anchor="{anchor}" fill="{color}">{escape(text)}</text>'


def _y(value: int, low: int, high: int) -> float:
    plot = _H - _TOP - _BOTTOM
    return _TOP + plot * (high - value) / (high - low)


def _zero_line(low: int, high: int) -> str:
    zero = _y(0, low, high)
    return f'<line x1="0" x2="100%" y1="{zero:.1f}" y2="{zero:.1f}" stroke="#8a94a3" stroke-width="1"/>'


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
    slot, centers = _centers(len(labels))
    zero = _y(0, low, high)
    body = [_zero_line(low, high), _scale_label(format_value(_top(values)), TEXT_PALETTE[0])]
    for label, value, cx in zip(labels, values, centers, strict=True):
        top, bottom = sorted((_y(value, low, high), zero))
        body.append(
            f'<rect x="{cx - slot * 0.35:.2f}%" y="{top:.1f}" width="{slot * 0.7:.2f}%" height="{max(bottom - top, 0.5):.1f}" '
            f'rx="2" fill="{PALETTE[0]}"><title>{escape(label)}: {escape(format_value(value))}</title></rect>'
        )
    legend = [(PALETTE[0], name)] if name else []
    if line is not None:
        line_low, line_high = _scale(line)
        body.append(_scale_label(format_line(_top(line)), TEXT_PALETTE[1], right=True))
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
    _, centers = _centers(len(labels))
    body = [_zero_line(low, high), _scale_label(format_value(_top([v for _, values in series for v in values])), "currentColor")]
    legend = []
    for index, (name, values) in enumerate(series):
        color = PALETTE[index % len(PALETTE)]
        body.append(_polyline(labels, values, centers, low, high, color, format_value))
        legend.append((color, name))
    body += _x_labels(labels, centers)
    return _frame(title, body, legend)


def _polyline(labels: Sequence[str], values: Sequence[int], centers: list[float], low: int, high: int,
              color: str, format_value: Callable[[int], str]) -> str:
    """The line in a drawing stretched to the chart's width (a polyline takes no percentages; its
    stroke keeps its width), its dots in the chart itself (stretched, they would be ellipses)."""
    points = [(cx, _y(v, low, high)) for cx, v in zip(centers, values, strict=True)]
    path = " ".join(f"{x * 10:.1f},{y:.1f}" for x, y in points)
    dots = "".join(
        f'<circle cx="{x:.2f}%" cy="{y:.1f}" r="3.5" fill="{color}"><title>{escape(label)}: {escape(format_value(v))}</title></circle>'
        for (x, y), label, v in zip(points, labels, values, strict=True)
    )
    return (f'<svg width="100%" height="{_H}" viewBox="0 0 1000 {_H}" preserveAspectRatio="none" aria-hidden="true">'
            f'<polyline points="{path}" fill="none" stroke="{color}" stroke-width="2.5" vector-effect="non-scaling-stroke"/>'
            f"</svg>{dots}")
