"""Charts as PNG for Word: text is drawn even when the SVG names no font (the Gantt)."""

from __future__ import annotations

from readiness.render.docx.images import png_size, svg_to_png

HEAD = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 120 30" width="100%">'
TEXT = '<text x="4" y="20" font-size="16" fill="#000000">Stage 2 第二阶段</text>'


def test_text_without_a_font_family_is_drawn() -> None:
    blank = svg_to_png(f"{HEAD}</svg>", zoom=1.0)
    drawn = svg_to_png(f"{HEAD}{TEXT}</svg>", zoom=1.0)
    assert png_size(drawn) == (120, 30)
    # resvg alone draws nothing for text in an unnamed font: the same bytes as the blank canvas.
    assert drawn != blank


def test_inherited_font_is_named() -> None:
    head = HEAD.replace("<svg ", '<svg font-family="inherit" ')
    assert svg_to_png(f"{head}{TEXT}</svg>", 1.0) != svg_to_png(f"{head}</svg>", 1.0)
