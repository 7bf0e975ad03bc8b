"""The server-rendered SVG charts."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import pytest

from relay.pages.charts import bar_chart, line_chart

SVG = "{http://www.w3.org/2000/svg}"


def test_a_bar_chart_of_twelve_weeks_with_a_line_is_valid_svg_with_a_tooltip_per_value():
    labels = [f"W{n}" for n in range(1, 13)]
    earnings = [0, 1200, 800, -300, 0, 5000, 100, 0, 0, 2500, 700, 900]
    clicks = [3, 10, 8, 2, 0, 40, 4, 1, 0, 20, 9, 11]
    svg = bar_chart(labels, earnings, title="Earnings <& clicks>", name="Earnings", format_value=lambda v: f"¥{v / 100}",
                    line=clicks, line_name="Clicks")
    root = ET.fromstring(str(svg))
    assert root.tag == f"{SVG}svg" and root.get("role") == "img"
    assert root.get("aria-label") == "Earnings <& clicks>"  # escaped in the markup, intact when parsed
    bars = root.findall(f"{SVG}rect[{SVG}title]")
    assert [bar.find(f"{SVG}title").text for bar in bars][1] == "W2: ¥12.0"
    assert len(bars) == 12 and len(root.findall(f"{SVG}circle")) == 12
    assert "<script" not in str(svg)


def test_a_line_chart_of_several_series_and_an_empty_chart():
    svg = line_chart(["a", "b"], [("one", [1, 2]), ("two", [0, 0])], title="t")
    assert len(list(ET.fromstring(str(svg)).iter(f"{SVG}polyline"))) == 2
    ET.fromstring(str(bar_chart([], [], title="nothing yet")))
    with pytest.raises(ValueError):
        bar_chart(["a"], [1, 2], title="t")


def test_each_series_writes_its_highest_value_as_its_scale_and_no_data_shows_zero():
    svg = bar_chart(["a", "b"], [0, 0], title="t", format_value=lambda v: f"¥{v}", line=[3, 17], line_name="Clicks")
    scales = [text.text for text in ET.fromstring(str(svg)).findall(f"{SVG}text") if text.get("class") == "scale"]
    assert scales == ["¥0", "17"]  # not ¥1, the drawing's stand-in top when every bar is 0
