"""The table of contents of our Word documents, filled in before the file is written.

Word builds a table of contents field only when it updates fields; LibreOffice (and a Word
that is told not to update) shows the field's stored result. So the result is stored filled:
one entry per heading of levels 1 to 3, in the built-in ``toc 1``–``toc 3`` styles, each a
link to a bookmark on its heading. The stored entries carry no page numbers: they are known
only once a word processor lays the pages out, and LibreOffice shows a stored page reference
as it was stored (tried: an empty one stays empty), so a guessed number would be a wrong one.
The field stays marked dirty, so Word rebuilds it with page numbers on opening.
"""

from __future__ import annotations

from typing import Any

from docx.document import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_TAB_ALIGNMENT, WD_TAB_LEADER
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt

LEVELS = 3
BOOKMARK = "_Toc{:09d}"
TAB_MM = 170.0
"""The right tab of the entries: the text width of an A4 page with 20 mm margins."""
INDENT_MM = 4.0


def _styles(document: Document) -> dict[int, str]:
    """The style id of each entry level, the built-in ``toc N`` styles added when missing."""
    ids: dict[int, str] = {}
    styles = document.styles
    by_name = {style.element.name_val: style for style in styles if style.element.name_val}
    for level in range(1, LEVELS + 1):
        style = by_name.get(f"toc {level}")
        if style is None:  # Word's own name, so that Word uses it when it rebuilds the table
            style = styles.add_style(f"TOC {level}", WD_STYLE_TYPE.PARAGRAPH)
            style.element.name_val = f"toc {level}"
            style.base_style = styles["Normal"]
            style.paragraph_format.left_indent = Mm(INDENT_MM * (level - 1))
            style.paragraph_format.space_before = Pt(0)
            style.paragraph_format.space_after = Pt(2)
            style.paragraph_format.tab_stops.add_tab_stop(
                Mm(TAB_MM), WD_TAB_ALIGNMENT.RIGHT, WD_TAB_LEADER.DOTS
            )
        ids[level] = style.style_id
    return ids


def _heading_levels(document: Document) -> dict[str, int]:
    names = {style.name: style.style_id for style in document.styles}
    return {
        names[f"Heading {level}"]: level
        for level in range(1, LEVELS + 1)
        if f"Heading {level}" in names
    }


def _contents_paragraph(body: Any) -> Any:
    for text in body.iter(qn("w:instrText")):
        if (text.text or "").strip().startswith("TOC "):
            return text.getparent().getparent()
    return None


def _style_of(paragraph: Any) -> str | None:
    style = paragraph.find(f"{qn('w:pPr')}/{qn('w:pStyle')}")
    return None if style is None else style.get(qn("w:val"))


def _run(*children: Any) -> Any:
    run = OxmlElement("w:r")
    for child in children:
        run.append(child)
    return run


def _text(value: str, tag: str = "w:t") -> Any:
    node = OxmlElement(tag)
    node.set(qn("xml:space"), "preserve")
    node.text = value
    return node


def _char(kind: str) -> Any:
    node = OxmlElement("w:fldChar")
    node.set(qn("w:fldCharType"), kind)
    return node


def _entry(paragraph: Any, text: str, name: str) -> None:
    link = OxmlElement("w:hyperlink")
    link.set(qn("w:anchor"), name)
    link.set(qn("w:history"), "1")
    link.append(_run(_text(text)))
    paragraph.append(link)


def _set_style(paragraph: Any, style_id: str) -> None:
    p_pr = paragraph.get_or_add_pPr()
    p_pr.get_or_add_pStyle().set(qn("w:val"), style_id)


def _bookmark(paragraph: Any, number: int, name: str) -> None:
    start = OxmlElement("w:bookmarkStart")
    start.set(qn("w:id"), str(number))
    start.set(qn("w:name"), name)
    end = OxmlElement("w:bookmarkEnd")
    end.set(qn("w:id"), str(number))
    p_pr = paragraph.find(qn("w:pPr"))
    at = 0 if p_pr is None else list(paragraph).index(p_pr) + 1
    paragraph.insert(at, start)
    paragraph.append(end)


def fill_contents(document: Document) -> None:
    """Store the headings after the contents field as its result (nothing without one)."""
    body = document.element.body
    field = _contents_paragraph(body)
    if field is None:
        return
    levels = _heading_levels(document)
    children = list(body)
    headings = [
        (child, levels[style])
        for child in children[children.index(field) + 1 :]
        if child.tag == qn("w:p") and (style := _style_of(child)) in levels
    ]
    if not headings:
        return
    entry_styles = _styles(document)
    runs = field.findall(qn("w:r"))
    separate = next(i for i, r in enumerate(runs) if r.find(qn("w:fldChar")) is not None and (
        r.find(qn("w:fldChar")).get(qn("w:fldCharType")) == "separate"
    ))  # fmt: skip
    for run in runs[separate + 1 :]:  # the placeholder and the end
        field.remove(run)
    taken = [int(node.get(qn("w:id"), "0")) for node in body.iter(qn("w:bookmarkStart"))]
    first_id = max(taken, default=0) + 1
    paragraph = field
    for index, (heading, level) in enumerate(headings):
        name = BOOKMARK.format(index + 1)
        _bookmark(heading, first_id + index, name)
        if index:
            new = OxmlElement("w:p")
            paragraph.addnext(new)
            paragraph = new
        _set_style(paragraph, entry_styles[level])
        text = "".join(node.text or "" for node in heading.iter(qn("w:t")))
        _entry(paragraph, text, name)
    paragraph.append(_run(_char("end")))
