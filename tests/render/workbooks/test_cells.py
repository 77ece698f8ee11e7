"""Cell helpers shared by every workbook the tool writes."""

from __future__ import annotations

from readiness.render.workbooks.cells import HEADER_CHARS, header_text, line_count


def test_header_text_doubles_ampersands_and_drops_illegal_characters() -> None:
    assert header_text("R&D \x07Ltd\x1b") == "R&&D Ltd"
    assert header_text("&P of &N") == "&&P of &&N"  # page codes stay text
    assert len(header_text("x" * 300)) == HEADER_CHARS


def test_line_count_counts_wrapped_and_explicit_lines() -> None:
    assert line_count("", 10) == 1
    assert line_count("a\nb\nc", 10) == 3
    assert line_count("x" * 25, 10) == 3
