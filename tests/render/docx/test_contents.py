"""The table of contents stored filled: one linked entry per heading, the field left dirty."""

from __future__ import annotations

import io
import zipfile

import docx
from docx.oxml.ns import qn

from readiness.language import Language
from readiness.render.docx.report import report_docx
from readiness.render.report.model import ReportView
from tests.report.conftest import example_assessment, example_whatif, views  # noqa: F401 (fixtures)


def test_entries_are_the_headings_in_order(views: dict[Language, ReportView]) -> None:  # noqa: F811
    data = report_docx(views[Language.ZH])
    document = docx.Document(io.BytesIO(data))
    paragraphs = document.paragraphs
    entries = [(p.style.name, p.text) for p in paragraphs if p.style.name.startswith("toc ")]
    contents = next(i for i, p in enumerate(paragraphs) if p.text == "目录")
    headings = [
        (f"toc {p.style.name[-1]}", p.text)
        for p in paragraphs[contents + 1 :]
        if p.style.name in {"Heading 1", "Heading 2", "Heading 3"}
    ]
    assert entries == headings
    assert entries[0] == ("toc 1", "管理层摘要")
    assert len(entries) > 40
    body = zipfile.ZipFile(io.BytesIO(data)).read("word/document.xml").decode("utf-8")
    assert body.count('w:fldCharType="begin" w:dirty="true"') == 1  # Word rebuilds it
    assert body.count('w:fldCharType="end"') == 1
    anchors = [link.get(qn("w:anchor")) for link in document.element.body.iter(qn("w:hyperlink"))]
    marks = {mark.get(qn("w:name")) for mark in document.element.body.iter(qn("w:bookmarkStart"))}
    assert anchors == [f"_Toc{number:09d}" for number in range(1, len(entries) + 1)]
    assert set(anchors) <= marks
