"""The one SVG helper of every chart we draw (gap report, progress, Gantt): text measured,
fitted and wrapped the same way, every text and attribute escaped, characters XML cannot carry
dropped, numbers written the same way.

Text width is estimated, not measured: a CJK character is 1 em, any other about 0.62 em (near
DejaVu Sans, a common fallback; most sans-serif fonts are narrower, so labels err wide and stay
inside the viewBox). Measuring with a font file would tie the output to the fonts of the machine
that renders it, and the page's own font decides in the end.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from html import escape

FONT = 12.0
"""Default font size of a chart, in SVG units."""
EM_LATIN = 0.62
"""Advance of a non-CJK character in em (CJK is 1 em)."""
MAX_LABEL_UNITS = 48
"""Longest label before it is cut, in units (a CJK character counts 2)."""
_CJK_FROM = 0x2E80
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
_WRAP_PIECE = re.compile(r"[\u2e81-\U0010ffff]\s*|[^\s\u2e81-\U0010ffff]+\s*|\s+")


def number(x: float) -> str:
    """A coordinate with one decimal, never ``-0.0``."""
    text = f"{x:.1f}"
    return "0.0" if text == "-0.0" else text


def clean(s: str) -> str:
    """Drop characters XML cannot carry; line breaks become spaces (labels are one line)."""
    return _NOT_XML.sub("", s.replace("\r", " ").replace("\n", " ").replace("\t", " "))


def safe(s: str) -> str:
    """``s`` ready to stand as SVG text or an attribute value: cleaned and escaped."""
    return escape(clean(s), quote=True)


def units(s: str) -> int:
    """Width in units: 2 for a CJK character, 1 for any other."""
    return sum(2 if ord(ch) > _CJK_FROM else 1 for ch in s)


def text_width(s: str, size: float = FONT) -> float:
    """Estimated width of ``s`` at font ``size``."""
    return sum(1.0 if ord(ch) > _CJK_FROM else EM_LATIN for ch in s) * size


def fit(s: str, max_units: float = MAX_LABEL_UNITS) -> str:
    """``s`` unchanged if it fits in ``max_units``, else cut and ended with an ellipsis."""
    if units(s) <= max_units:
        return s
    kept, used = [], 1
    for ch in s:
        used += units(ch)
        if used > max_units:
            break
        kept.append(ch)
    return "".join(kept).rstrip() + "…"


def wrap(s: str, max_units: int) -> list[str]:
    """Greedy line breaks at spaces or between CJK characters; the lines join back to ``s``."""
    lines: list[str] = []
    line = ""
    for piece in _WRAP_PIECE.findall(s):
        if line.strip() and units((line + piece).rstrip()) > max_units:
            lines.append(line)
            line = ""
        line += piece
    if line or not lines:
        lines.append(line)
    return lines


def spaces_first(lines: list[str]) -> list[str]:
    """The same lines with each break's spaces moved to the start of the following line."""
    moved, carry = [], ""
    for line in lines[:-1]:
        core = line.rstrip()
        moved.append(carry + core)
        carry = line[len(core) :]
    return [*moved, carry + lines[-1]]


def attributes(attrs: dict[str, str | float]) -> str:
    """``stroke_width="2"`` style keyword attributes as SVG attributes (``stroke-width``)."""
    parts = []
    for key, value in attrs.items():
        name = key.rstrip("_").replace("_", "-")
        shown = number(value) if isinstance(value, float) else str(value)
        parts.append(f' {name}="{escape(shown, quote=True)}"')
    return "".join(parts)


def text(x: float, y: float, s: str, **attrs: str | float) -> str:
    """A ``<text>`` element."""
    return f'<text x="{number(x)}" y="{number(y)}"{attributes(attrs)}>{safe(s)}</text>'


def line(x1: float, y1: float, x2: float, y2: float, **attrs: str | float) -> str:
    """A ``<line>`` element."""
    return (
        f'<line x1="{number(x1)}" y1="{number(y1)}" x2="{number(x2)}" y2="{number(y2)}"'
        f"{attributes(attrs)}/>"
    )


def rect(x: float, y: float, w: float, h: float, **attrs: str | float) -> str:
    """A ``<rect>`` element."""
    return (
        f'<rect x="{number(x)}" y="{number(y)}" width="{number(w)}" height="{number(h)}"'
        f"{attributes(attrs)}/>"
    )


def polygon(points: Sequence[tuple[float, float]], **attrs: str | float) -> str:
    """A ``<polygon>`` element."""
    coords = " ".join(f"{number(x)},{number(y)}" for x, y in points)
    return f'<polygon points="{coords}"{attributes(attrs)}/>'


def polyline(points: Sequence[tuple[float, float]], **attrs: str | float) -> str:
    """A ``<polyline>`` element (an open line through ``points``)."""
    coords = " ".join(f"{number(x)},{number(y)}" for x, y in points)
    return f'<polyline points="{coords}"{attributes(attrs)}/>'


def circle(x: float, y: float, r: float, **attrs: str | float) -> str:
    """A ``<circle>`` element."""
    return f'<circle cx="{number(x)}" cy="{number(y)}" r="{number(r)}"{attributes(attrs)}/>'


def label(
    x: float, y: float, s: str, max_units: float = MAX_LABEL_UNITS, **attrs: str | float
) -> str:
    """A text cut to ``max_units``, whose full content is kept as a tooltip when it was cut."""
    whole = clean(s)
    shown = fit(whole, max_units)
    element = text(x, y, shown, **attrs)
    if shown == whole:
        return element
    return f"<g><title>{safe(whole)}</title>{element}</g>"


def document(
    kind: str,
    title: str,
    box: tuple[float, float, float, float],
    body: Sequence[str],
    *,
    font_size: float = FONT,
    ink: str = "#1b2631",
) -> str:
    """The ``<svg>`` root of a chart of ``kind``, titled for screen readers."""
    x, y, w, h = box
    name = safe(title)
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="{number(x)} {number(y)} {number(w)} {number(h)}"'
        f' width="100%" role="img" aria-label="{name}" class="chart chart-{kind}"'
        f' font-family="inherit" font-size="{number(font_size)}" fill="{ink}">'
        f"<title>{name}</title>{''.join(body)}</svg>"
    )
