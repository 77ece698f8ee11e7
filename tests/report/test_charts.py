"""Inline SVG charts: well-formed, escaped, deterministic, and drawn from the data given."""

from __future__ import annotations

import math
import xml.etree.ElementTree as ET

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from readiness.render.report.charts import heat_map, horizontal_bars, level_bars, radar_chart
from tests.depth import examples

NS = {"svg": "http://www.w3.org/2000/svg"}
PROCESSES = [
    "Service level management",
    "Service reporting",
    "Service continuity and availability management",
    "Budgeting and accounting for services",
    "Capacity management",
    "Information security management",
    "Business relationship management",
    "Supplier management",
    "Incident and service request management",
    "Problem management",
    "Configuration management",
    "Change management",
    "Release and deployment management",
]
SCORES: list[float | None] = [
    72.5,
    45.0,
    88.0,
    None,
    100.0,
    63.2,
    30.0,
    91.0,
    55.5,
    0.0,
    79.9,
    85.0,
    67.0,
]
HOSTILE = 'Ops <script>alert("x")</script> & "Co"'


def parse(svg: str) -> ET.Element:
    return ET.fromstring(svg)


def find(root: ET.Element, path: str) -> list[ET.Element]:
    return root.findall(path, NS)


def by_class(root: ET.Element, tag: str, css: str) -> list[ET.Element]:
    return [e for e in find(root, f".//svg:{tag}") if css in e.get("class", "").split()]


def text_of(element: ET.Element) -> str:
    return "".join(element.itertext())


def view_box(root: ET.Element) -> tuple[float, float, float, float]:
    x, y, w, h = (float(v) for v in root.get("viewBox", "").split())
    return x, y, w, h


def radar(items: list[tuple[str, float | None]], target: float = 85.0) -> str:
    return radar_chart(items, target, title="Scores", target_label="Target", score_label="Score")


def every_chart() -> list[str]:
    items = list(zip(PROCESSES, SCORES, strict=True))
    return [
        radar(items),
        horizontal_bars(items, title="Scores", target=85.0),
        level_bars(
            [("Change management", 2), ("Problem management", None)], title="L", level_label="Level"
        ),
        heat_map([("8.5 Design", [1, 0, 2])], ["Major", "Minor", "Observation"], title="Findings"),
    ]


@pytest.mark.parametrize("index", range(4))
def test_every_chart_is_a_self_contained_accessible_svg(index: int) -> None:
    svg = every_chart()[index]
    root = parse(svg)
    assert root.tag == "{http://www.w3.org/2000/svg}svg"
    assert root.get("width") == "100%"
    assert root.get("role") == "img"
    assert root.get("aria-label")
    assert root.get("font-family") == "inherit"
    assert root.get("class", "").startswith("chart chart-")
    assert len(view_box(root)) == 4
    assert find(root, "svg:title")[0].text == root.get("aria-label")
    for banned in ("<script", "href", "http://www.w3.org/1999/xlink", "<image", "@import", "url("):
        assert banned not in svg.replace('xmlns="http://www.w3.org/2000/svg"', "")


def test_radar_draws_one_spoke_label_and_vertex_per_item() -> None:
    root = parse(radar(list(zip(PROCESSES, SCORES, strict=True))))
    assert len(by_class(root, "line", "spoke")) == 13
    labels = by_class(root, "text", "axis-label")
    assert [text_of(t).removesuffix(" —") for t in labels] == PROCESSES
    polygons = find(root, ".//svg:polygon")
    assert [p.get("class") for p in polygons] == ["series-target", "series-score"]
    assert all(len(p.get("points", "").split()) == 13 for p in polygons)
    assert len(by_class(root, "circle", "ring")) == 4
    assert {text_of(t) for t in find(root, ".//svg:text")} >= {"25", "50", "75", "100"}


def test_radar_vertex_of_100_is_on_the_outer_ring_and_of_0_at_the_centre() -> None:
    root = parse(radar([("full", 100.0), ("empty", 0.0), ("half", 50.0), ("none", None)]))
    outer = max(float(c.get("r", "0")) for c in by_class(root, "circle", "ring"))
    score = by_class(root, "polygon", "series-score")[0]
    vertices = [tuple(map(float, p.split(","))) for p in score.get("points", "").split()]
    distances = [math.hypot(x, y) for x, y in vertices]
    assert distances[0] == pytest.approx(outer, abs=0.1)
    assert distances[1] == pytest.approx(0.0, abs=0.1)
    assert distances[2] == pytest.approx(outer / 2, abs=0.1)
    assert distances[3] == pytest.approx(0.0, abs=0.1)


def test_radar_target_polygon_is_dashed_at_the_target_radius() -> None:
    root = parse(radar([("a", 10.0), ("b", 20.0), ("c", 30.0)], target=75.0))
    outer = max(float(c.get("r", "0")) for c in by_class(root, "circle", "ring"))
    target = by_class(root, "polygon", "series-target")[0]
    assert target.get("stroke-dasharray")
    assert target.get("stroke") == "#7f8c8d"
    for point in target.get("points", "").split():
        x, y = map(float, point.split(","))
        assert math.hypot(x, y) == pytest.approx(outer * 0.75, abs=0.1)


def test_radar_marks_an_unscored_item_with_a_dash() -> None:
    root = parse(radar([("Scored", 50.0), ("Unscored", None), ("Other", 70.0)]))
    labels = by_class(root, "text", "axis-label")
    assert text_of(labels[1]).endswith("—")
    assert "no-score" in labels[1].get("class", "")
    assert "—" not in text_of(labels[0])


def test_radar_legend_names_both_series() -> None:
    svg = radar_chart(
        [("a", 1.0), ("b", 2.0), ("c", 3.0)], 80, title="T", target_label="目标", score_label="得分"
    )
    legend = [text_of(t) for t in by_class(parse(svg), "text", "legend")]
    assert legend == ["得分", "目标"]


@pytest.mark.parametrize("count", [0, 1, 2])
def test_radar_with_fewer_than_three_items_falls_back_to_bars(count: int) -> None:
    items: list[tuple[str, float | None]] = [("a", 40.0), ("b", 90.0)]
    root = parse(radar(items[:count]))
    assert "chart-bars" in root.get("class", "")
    assert len(by_class(root, "text", "row-label")) == count


def test_text_is_escaped_not_interpreted() -> None:
    charts = [
        radar([(HOSTILE, 10.0), ("b", 20.0), ("c", 30.0)]),
        horizontal_bars([(HOSTILE, 10.0)], title=HOSTILE),
        level_bars([(HOSTILE, 1)], title=HOSTILE, level_label=HOSTILE),
        heat_map([(HOSTILE, [1])], [HOSTILE], title=HOSTILE),
    ]
    for svg in charts:
        root = parse(svg)
        assert "<script" not in svg
        assert not [e for e in root.iter() if e.tag.endswith("script")]
        assert any(HOSTILE in text_of(t) for t in find(root, ".//svg:text"))


def test_control_characters_are_dropped_so_the_xml_stays_well_formed() -> None:
    svg = horizontal_bars([("bad\x00\x1b label\nnext", 10.0)], title="t\x07")
    root = parse(svg)
    assert text_of(by_class(root, "text", "row-label")[0]) == "bad label next"


def test_output_is_deterministic() -> None:
    assert every_chart() == every_chart()


def bar_fill(svg: str, row: int) -> str:
    return by_class(parse(svg), "rect", "bar")[row].get("fill", "")


def test_bars_are_coloured_by_band() -> None:
    svg = horizontal_bars([("a", 30.0), ("b", 70.0), ("c", 90.0)], title="t", target=85.0)
    assert [bar_fill(svg, i) for i in range(3)] == ["#c0392b", "#f1c40f", "#27ae60"]
    assert [e.get("class") for e in by_class(parse(svg), "rect", "bar")] == [
        "bar bar-major",
        "bar bar-observation",
        "bar bar-conforming",
    ]


def test_bar_band_follows_the_target_and_defaults_to_85() -> None:
    assert bar_fill(horizontal_bars([("a", 80.0)], title="t"), 0) == "#f1c40f"
    assert bar_fill(horizontal_bars([("a", 80.0)], title="t", target=75.0), 0) == "#27ae60"


def test_bars_print_values_and_a_dash_for_none() -> None:
    svg = horizontal_bars([("a", 72.46), ("b", None), ("c", 150.0)], title="t")
    root = parse(svg)
    values = [text_of(t) for t in by_class(root, "text", "bar-value")]
    assert values == ["72.5 %", "—", "150.0 %"]
    bars = by_class(root, "rect", "bar")
    assert len(bars) == 2  # none for the unscored row
    assert float(bars[1].get("width", "0")) == pytest.approx(360.0)  # clamped to the maximum


def test_bars_draw_a_dashed_target_line_only_when_asked() -> None:
    with_target = parse(horizontal_bars([("a", 50.0)], title="t", target=85.0))
    line = by_class(with_target, "line", "series-target")
    assert len(line) == 1
    assert line[0].get("stroke-dasharray")
    assert not by_class(parse(horizontal_bars([("a", 50.0)], title="t")), "line", "series-target")


def test_level_bars_axis_values_and_colours() -> None:
    items = [("p0", 0), ("p1", 1), ("p2", 2), ("p3", 3), ("p5", 5), ("none", None)]
    root = parse(level_bars(items, title="Capability", level_label="Capability level"))
    ticks = [text_of(t) for t in by_class(root, "text", "tick")]
    assert ticks == ["0", "1", "2", "3", "4", "5"]
    assert len(by_class(root, "line", "grid")) == 6
    assert [text_of(t) for t in by_class(root, "text", "bar-value")] == [
        "0",
        "1",
        "2",
        "3",
        "5",
        "—",
    ]
    fills = [r.get("fill") for r in by_class(root, "rect", "bar")]
    assert fills == ["#c0392b", "#c0392b", "#f1c40f", "#27ae60", "#27ae60"]
    widths = [float(r.get("width", "0")) for r in by_class(root, "rect", "bar")]
    assert widths[4] == pytest.approx(5 * widths[1])
    assert "Capability level" in {text_of(t) for t in find(root, ".//svg:text")}


COLUMNS = ["Major", "Minor", "Observation"]


def cells(svg: str) -> list[ET.Element]:
    return by_class(parse(svg), "rect", "cell")


def test_heat_map_draws_a_cell_with_its_count_per_row_and_column() -> None:
    rows = [("8.5 Service design, build and transition", [3, 1, 0]), ("9.1 Monitoring", [0, 2, 4])]
    svg = heat_map(rows, COLUMNS, title="Findings")
    root = parse(svg)
    assert len(cells(svg)) == 6
    assert [text_of(t) for t in by_class(root, "text", "cell-count")] == [
        "3",
        "1",
        "0",
        "0",
        "2",
        "4",
    ]
    assert [text_of(t) for t in by_class(root, "text", "column-label")] == COLUMNS
    assert [c.get("class") for c in cells(svg)[:3]] == [
        "cell cell-major",
        "cell cell-minor",
        "cell cell-observation",
    ]


def test_heat_map_intensity_runs_from_light_grey_to_the_full_class_colour() -> None:
    svg = heat_map([("a", [4, 0, 1]), ("b", [2, 3, 0])], COLUMNS, title="t")
    fills = [c.get("fill") for c in cells(svg)]
    assert fills[0] == "#c0392b"  # column maximum
    assert fills[1] == "#f4f6f7"  # zero
    assert fills[2] == "#f1c40f"
    assert fills[4] == "#e67e22"
    assert fills[3] not in {"#c0392b", "#f4f6f7"}  # half of the maximum: in between


def test_heat_map_text_is_white_on_dark_cells_and_dark_on_light_ones() -> None:
    root = parse(heat_map([("a", [5, 0, 5])], COLUMNS, title="t"))
    inks = [t.get("fill") for t in by_class(root, "text", "cell-count")]
    assert inks[0] == "#ffffff"  # full major red
    assert inks[1] != "#ffffff"  # light grey
    assert inks[2] != "#ffffff"  # yellow is light


def test_heat_map_rejects_rows_of_the_wrong_width() -> None:
    with pytest.raises(ValueError, match="2 counts for 3 columns"):
        heat_map([("a", [1, 2])], COLUMNS, title="t")


def test_cjk_labels_widen_the_margin() -> None:
    latin = parse(heat_map([("8.5 abcdefgh", [1, 0, 0])], COLUMNS, title="t"))
    chinese = parse(heat_map([("8.5 服务设计构建转换", [1, 0, 0])], COLUMNS, title="t"))
    assert float(cells(ET.tostring(chinese, encoding="unicode"))[0].get("x", "0")) > float(
        cells(ET.tostring(latin, encoding="unicode"))[0].get("x", "0")
    )
    assert view_box(chinese)[2] > view_box(latin)[2]


def test_very_long_labels_are_capped_with_an_ellipsis_and_kept_as_tooltip() -> None:
    long_label = "8.2.3 " + "Control of parties involved in the service lifecycle " * 3
    root = parse(heat_map([(long_label, [1, 0, 0]), ("short", [0, 1, 0])], COLUMNS, title="t"))
    shown = text_of(by_class(root, "text", "row-label")[0])
    assert shown.endswith("…")
    assert len(shown) <= 48
    assert long_label.strip() in {(t.text or "").strip() for t in find(root, ".//svg:title")}
    capped = view_box(root)[2]
    longer = parse(heat_map([(long_label * 2, [1, 0, 0])], COLUMNS, title="t"))
    assert view_box(longer)[2] == capped


def test_radar_labels_stay_inside_the_view_box() -> None:
    items: list[tuple[str, float | None]] = [
        (f"流程 {i} 的一个相当长的名称", 50.0) for i in range(20)
    ]
    root = parse(radar(items))
    x0, y0, w, h = view_box(root)
    for label in by_class(root, "text", "axis-label"):
        for span in find(label, "svg:tspan"):
            assert x0 <= float(span.get("x", "0")) <= x0 + w
            assert y0 <= float(span.get("y", "0")) <= y0 + h


labels = st.text(alphabet=st.characters(blacklist_categories=("Cs", "Cc", "Cn")), max_size=40)


@settings(max_examples=examples(60), deadline=None)
@given(st.lists(st.tuples(labels, st.none() | st.floats(0, 100)), min_size=3, max_size=20))
def test_radar_is_well_formed_with_one_label_per_item(
    items: list[tuple[str, float | None]],
) -> None:
    root = parse(radar(items))
    texts = by_class(root, "text", "axis-label")
    assert len(texts) == len(items)
    for (label, score), text in zip(items, texts, strict=True):
        expected = label + (" —" if score is None else "")
        assert "".join(text_of(text).split()) == "".join(expected.split())
