"""Before-and-after bars as inline SVG: one row per process, the old score above the new."""

from __future__ import annotations

from collections.abc import Sequence

from readiness.render import svg

OLD = "#aab7c4"
NEW = "#2c6fbb"
DOWN = "#c0392b"
ROW = 30.0
BAR = 10.0
CHART = 420.0


def _value(value: float | None) -> str:
    return "—" if value is None else f"{value:.1f}"


def paired_bars(
    items: Sequence[tuple[str, float | None, float | None]],
    *,
    title: str,
    old_label: str,
    new_label: str,
) -> str:
    """Rows of ``(label, old, new)`` scores (0-100): a grey bar then, a blue bar now.

    A row whose score fell gets its new bar and its delta in red, so regressions stand out.
    """
    label_width = min(max((svg.units(label) for label, _, _ in items), default=10) * 7.0 + 12, 340)
    width = label_width + CHART + 70
    height = 40 + ROW * len(items) + 10
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width:.0f} {height:.0f}" '
        f'width="100%" role="img" aria-label="{svg.safe(title)}" class="chart chart-pairs" '
        f'font-size="12"><title>{svg.safe(title)}</title>',
        f'<rect x="{label_width:.0f}" y="8" width="12" height="10" fill="{OLD}"/>'
        f'<text x="{label_width + 16:.0f}" y="17">{svg.safe(old_label)}</text>',
        f'<rect x="{label_width + 160:.0f}" y="8" width="12" height="10" fill="{NEW}"/>'
        f'<text x="{label_width + 176:.0f}" y="17">{svg.safe(new_label)}</text>',
    ]
    for tick in (0, 25, 50, 75, 100):
        x = label_width + CHART * tick / 100
        parts.append(
            f'<line x1="{x:.1f}" y1="30" x2="{x:.1f}" y2="{height - 8:.0f}" stroke="#d5d8dc"/>'
        )
    for index, (label, old, new) in enumerate(items):
        top = 36 + index * ROW
        fell = old is not None and new is not None and new < old
        colour = DOWN if fell else NEW
        parts.append(
            f'<text x="{label_width - 8:.0f}" y="{top + BAR + 4:.1f}" text-anchor="end">'
            f"{svg.safe(label)}</text>"
        )
        if old is not None:
            parts.append(
                f'<rect class="bar-old" x="{label_width:.0f}" y="{top:.1f}" '
                f'width="{CHART * old / 100:.1f}" height="{BAR}" fill="{OLD}"/>'
            )
        if new is not None:
            parts.append(
                f'<rect class="bar-new" x="{label_width:.0f}" y="{top + BAR + 1:.1f}" '
                f'width="{CHART * new / 100:.1f}" height="{BAR}" fill="{colour}"/>'
            )
        delta = "" if old is None or new is None or new == old else f" ({new - old:+.1f})"
        parts.append(
            f'<text x="{label_width + CHART + 6:.0f}" y="{top + BAR + 4:.1f}" fill="{colour}">'
            f"{_value(new)}{svg.safe(delta)}</text>"
        )
    parts.append("</svg>")
    return "".join(parts)
