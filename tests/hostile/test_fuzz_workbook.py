"""Fuzzing the workbook reader: the example client's workbook with random values (numbers,
dates, long and odd text, formulas, booleans, error values, dangling shared strings, empty
cells) written into the cells a client types in. Read back, it is an assessment or our own
error, never another exception."""

from __future__ import annotations

import functools
import math
from pathlib import Path
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from readiness.inputs.answers import load_answer_file
from tests.hostile.fuzzing import EXAMPLES, FUZZ, outcome, shipped
from tests.hostile.make_zip import example_workbook, part, rezip, set_cell, text_cell


@functools.cache
def answer_cells() -> list[tuple[str, str]]:
    """(part, cell) of every existing cell of the example workbook a client may type into."""
    import re
    import zipfile
    from io import BytesIO

    cells: list[tuple[str, str]] = []
    data = example_workbook()
    with zipfile.ZipFile(BytesIO(data)) as archive:
        names = [n for n in archive.namelist() if n.startswith("xl/worksheets/sheet")]
    for name in names:
        xml = part(data, name).decode()
        for ref in re.findall(r'<c r="([A-Z]+)(\d+)"', xml):
            column, row = ref
            if int(row) >= 4 and column in "BCDEFGHIJK":
                cells.append((name, column + row))
    return cells


def xml_escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def cell_xml(ref: str) -> st.SearchStrategy[str]:
    number = st.one_of(
        st.integers(-(10**20), 10**20).map(str),
        st.floats(allow_nan=False, allow_infinity=False).map(repr),
        st.sampled_from(["NaN", "INF", "1e308", "-0", "3.5"]),
    )
    xml_text = st.text(
        st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"), max_size=60
    ).filter(lambda t: all(ord(c) >= 32 or c in "\t\n\r" for c in t))
    return st.one_of(
        number.map(lambda v: f'<c r="{ref}" t="n"><v>{v}</v></c>'),
        xml_text.map(lambda t: text_cell(ref, t)),
        st.sampled_from(["F", "na", "完全", "yes", "部分", "", " "]).map(
            lambda t: text_cell(ref, t)
        ),
        st.integers(6000, 9000).map(lambda n: text_cell(ref, "x" * n)),
        xml_text.map(lambda t: f'<c r="{ref}"><f>{xml_escape(t)}</f><v>1</v></c>'),
        st.booleans().map(lambda b: f'<c r="{ref}" t="b"><v>{int(b)}</v></c>'),
        st.dates().map(lambda d: f'<c r="{ref}" t="d"><v>{d.isoformat()}T00:00:00</v></c>'),
        st.sampled_from(["#N/A", "#DIV/0!", "#REF!"]).map(
            lambda e: f'<c r="{ref}" t="e"><v>{e}</v></c>'
        ),
        st.integers(0, 5).map(lambda n: f'<c r="{ref}" t="s"><v>{n}</v></c>'),  # no strings part
        st.just(f'<c r="{ref}"/>'),
    )


@st.composite
def cell_changes(draw: st.DrawFn) -> list[tuple[str, str, str]]:
    """A few (part, cell, new cell XML) changes: small, so that a failure reads well."""
    changes = []
    for _ in range(draw(st.integers(1, 6))):
        name, ref = draw(st.sampled_from(answer_cells()))
        changes.append((name, ref, draw(cell_xml(ref))))
    return changes


def mutated_workbook(changes: list[tuple[str, str, str]]) -> bytes:
    data = example_workbook()
    parts: dict[str, bytes] = {}
    for name, ref, xml in changes:
        parts[name] = set_cell(parts.get(name) or part(data, name), ref, xml)
    return rezip(data, parts)


@settings(FUZZ, max_examples=max(1, EXAMPLES // 2))
@given(cell_changes())
def test_workbooks_with_random_cells(
    tmp_path_factory: Any, changes: list[tuple[str, str, str]]
) -> None:
    catalogue, questionnaire, _ = shipped()
    path: Path = tmp_path_factory.mktemp("fuzz") / "answers.xlsx"
    path.write_bytes(mutated_workbook(changes))
    answers = outcome(lambda: load_answer_file(path, questionnaire, catalogue))
    if answers is not None:
        assert all(
            not (isinstance(v, float) and not math.isfinite(v)) for v in answers.figures.values()
        )
