"""The what-if chart as inline SVG: each area's score now (grey) and what the proposed
improvements add (blue), against the target (a dashed line)."""

from __future__ import annotations

from collections.abc import Sequence

from readiness.render import svg

NOW = "#aab7c4"
GAIN = "#2c6fbb"
TARGET = "#c0392b"
ROW = 22.0
BAR = 14.0
CHART = 400.0
LABEL_UNITS = 44
"""Longest area label before it is cut (units; a CJK character counts 2)."""


def gain_bars(
    items: Sequence[tuple[str, float | None, float | None]],
    *,
    title: str,
    target: float,
    now_label: str,
    after_label: str,
    target_label: str,
) -> str:
    """Rows of ``(label, now, after)`` scores (0-100) and a dashed line at ``target``."""
    label_width = max((svg.text_width(svg.fit(svg.clean(n), LABEL_UNITS)) for n, _, _ in items),
                      default=0.0) + 12  # fmt: skip
    value_width = svg.text_width("100.0 → 100.0") + 12
    width = label_width + CHART + value_width
    top = 30.0
    height = top + ROW * len(items) + 10

    def x(score: float) -> float:
        return label_width + CHART * score / 100

    body = [
        svg.rect(label_width, 8, 12, 10, fill=NOW),
        svg.text(label_width + 16, 17, now_label),
        svg.rect(label_width + 150, 8, 12, 10, fill=GAIN),
        svg.text(label_width + 166, 17, after_label),
    ]
    for tick in (0, 25, 50, 75, 100):
        body.append(svg.line(x(tick), top - 4, x(tick), height - 6, stroke="#d5d8dc"))
    for index, (name, now, after) in enumerate(items):
        y = top + index * ROW
        body.append(svg.label(label_width - 8, y + BAR - 3, name, LABEL_UNITS, text_anchor="end"))
        base = now or 0.0
        if now is not None:
            body.append(svg.rect(label_width, y, CHART * base / 100, BAR, fill=NOW))
        if after is not None and after > base:
            body.append(svg.rect(x(base), y, CHART * (after - base) / 100, BAR, fill=GAIN))
        shown = "—" if now is None else f"{now:.1f}"
        if after is not None and now is not None and after > now:
            shown += f" → {after:.1f}"
        body.append(svg.text(x(100) + 6, y + BAR - 3, shown))
    body.append(
        svg.line(x(target), top - 4, x(target), height - 6, stroke=TARGET, stroke_width=1.5,
                 stroke_dasharray="4 3")
    )  # fmt: skip
    body.append(svg.text(x(target), height - 0.5, target_label, text_anchor="middle", fill=TARGET))
    return svg.document("whatif", title, (0, 0, width, height + 12), body)
