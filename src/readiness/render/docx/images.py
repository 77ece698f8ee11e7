"""Our SVG charts as PNG images for Word, rendered by resvg (a Rust wheel, no system library).

The charts leave their font to the page (``font-family="inherit"``); an image has no page, so
the family is named here, Simplified Chinese forms first.
"""

from __future__ import annotations

import re

import resvg_py

FONT_STACK = "Noto Sans CJK SC, Microsoft YaHei, PingFang SC, DejaVu Sans, Arial, sans-serif"
_ROOT_FONT = re.compile(r'font-family="inherit"')
_ROOT = re.compile(r"<svg\b([^>]*)>")


def svg_to_png(svg: str, zoom: float = 1.5) -> bytes:
    """``svg`` (one of our charts) as PNG bytes on white, at ``zoom`` times its size."""
    text = _ROOT_FONT.sub(f'font-family="{FONT_STACK}"', svg, count=1)
    root = _ROOT.search(text)
    if root is not None and "font-family=" not in root.group(1):  # the Gantt names none
        text = (
            f'{text[: root.start()]}<svg font-family="{FONT_STACK}"{root.group(1)}>'
            + (text[root.end() :])
        )
    return bytes(resvg_py.svg_to_bytes(svg_string=text, zoom=zoom, background="#ffffff"))


def png_size(png: bytes) -> tuple[int, int]:
    """Width and height in pixels, from the PNG's header chunk."""
    return int.from_bytes(png[16:20], "big"), int.from_bytes(png[20:24], "big")
