"""The Word machinery shared by the gap report, the plan and the progress report.

Built on python-docx alone (no docxtpl): our documents are mostly generated tables, which a
Word-side Jinja template handles poorly (repeated header rows, landscape sections, styles per
cell), while python-docx gives each of those directly. A consultant's own ``.docx`` template is
opened as the base document, so its styles, letterhead (headers, footers) and cover page stay,
and our content is appended after its body.

Everything goes through styles (headings, table text, captions), never direct run formatting,
so a consultant restyles the whole document from Word's style pane. Client text is added only
as run text: control characters removed, never as field codes or XML.
"""

from __future__ import annotations

import datetime as dt
import io
import re
import zipfile
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from docx import Document as open_document
from docx.document import Document
from docx.enum.section import WD_ORIENT, WD_SECTION
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
from docx.opc.exceptions import PackageNotFoundError
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.section import Section
from docx.shared import Mm, Pt
from docx.table import Table
from docx.text.paragraph import Paragraph
from lxml.etree import SubElement

from readiness.errors import InputError, Problem
from readiness.language import Language
from readiness.render.docx.contents import fill_contents
from readiness.render.docx.images import png_size

# XML 1.0 forbids most C0 controls; Word would refuse the file. Tab and line feed stay (python-docx
# writes them as <w:tab/> and <w:br/>, which are layout, not code).
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ufffe\uffff]")
# The fonts Word and WPS carry for each script; LibreOffice maps them through fontconfig.
LATIN_FONT = "Calibri"
EAST_ASIAN_FONT = "Microsoft YaHei"
TABLE_TEXT = "Table Text"
TABLE_HEADING = "Table Heading"
CAPTION = "Caption"
VERDICT = "Verdict"
FOOTER = "Page Footer"
FIXED_TIME = (1980, 1, 1, 0, 0, 0)
A4 = (Mm(210), Mm(297))


def clean(value: object) -> str:
    """``value`` as plain run text: control characters removed, carriage returns as breaks."""
    return _CONTROL.sub("", str(value).replace("\r\n", "\n").replace("\r", "\n"))


def refuse_macros(path: Path) -> None:
    """Raise InputError when ``path`` is a macro-enabled Word file (.docm or a vbaProject part)."""
    problem = Problem("template", "a macro-enabled Word file is refused; save it as .docx")
    if path.suffix.lower() in {".docm", ".dotm"}:
        raise InputError(path, [problem])
    try:
        with zipfile.ZipFile(path) as package:
            names = [name.lower() for name in package.namelist()]
    except (OSError, zipfile.BadZipFile) as error:
        raise InputError(path, [Problem("template", f"not a Word file: {error}")]) from None
    if any(name.endswith("vbaproject.bin") for name in names):
        raise InputError(path, [problem])


def word_template(templates: Path | None, name: str) -> Path | None:
    """``templates``/``name`` (say ``report.docx``) when the consultant gave one.

    A macro-enabled file of the same stem is refused rather than silently skipped.
    """
    if templates is None:
        return None
    for macro in (templates / name).with_suffix(".docm"), (templates / name).with_suffix(".dotm"):
        if macro.is_file():
            refuse_macros(macro)
    path = templates / name
    return path if path.is_file() else None


def new_document(language: Language, template: Path | None = None) -> Document:
    """An empty A4 document with our styles (or ``template``'s body kept, our styles added)."""
    if template is not None:
        refuse_macros(template)
        try:
            document = open_document(str(template))
        except (PackageNotFoundError, KeyError, ValueError) as error:  # a zip, but not Word's
            problem = Problem("template", f"not a Word document: {error}")
            raise InputError(template, [problem]) from None
    else:
        document = open_document()
        _clear_body(document)
        section = document.sections[0]
        section.page_width, section.page_height = A4
        for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
            setattr(section, side, Mm(20))
    _set_up_styles(document, language)
    if template is None:
        _page_number_footer(document, section)
    return document


def _clear_body(document: Document) -> None:
    body = document.element.body
    for child in list(body):
        if child.tag != qn("w:sectPr"):
            body.remove(child)


def _fonts(element: object, size: float | None = None) -> None:
    """Latin and East Asian fonts on a style's run properties (themes removed so they hold)."""
    r_pr = element.get_or_add_rPr()  # type: ignore[attr-defined]
    fonts = r_pr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        r_pr.insert(0, fonts)
    for attribute in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
        fonts.attrib.pop(qn(attribute), None)
    for attribute in ("w:ascii", "w:hAnsi", "w:cs"):
        fonts.set(qn(attribute), LATIN_FONT)
    fonts.set(qn("w:eastAsia"), EAST_ASIAN_FONT)
    if size is not None:
        for tag in ("w:sz", "w:szCs"):
            node = r_pr.find(qn(tag))
            if node is None:
                node = OxmlElement(tag)
                r_pr.append(node)
            node.set(qn("w:val"), str(int(size * 2)))


def _language_tags(document: Document, language: Language) -> None:
    """Proofing languages on the document defaults: zh-CN for East Asian text in both."""
    defaults = document.styles.element.find(qn("w:docDefaults"))
    if defaults is None:
        return
    r_pr = defaults.find(f"{qn('w:rPrDefault')}/{qn('w:rPr')}")
    if r_pr is None:
        return
    lang = r_pr.find(qn("w:lang"))
    if lang is None:
        lang = OxmlElement("w:lang")
        r_pr.append(lang)
    lang.set(qn("w:val"), "zh-CN" if language is Language.ZH else "en-GB")
    lang.set(qn("w:eastAsia"), "zh-CN")
    lang.set(qn("w:bidi"), "ar-SA")


def _style(document: Document, name: str, base: str, size: float, bold: bool = False) -> None:
    styles = document.styles
    if name in [style.name for style in styles]:
        return  # a consultant's template defines it: theirs wins
    style = styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
    style.base_style = styles[base]
    style.font.size = Pt(size)
    style.font.bold = bold
    style.paragraph_format.space_after = Pt(2)
    style.paragraph_format.space_before = Pt(0)


def _set_up_styles(document: Document, language: Language) -> None:
    styles = document.styles
    _style(document, TABLE_TEXT, "Normal", 8.5)
    _style(document, TABLE_HEADING, TABLE_TEXT, 8.5, bold=True)
    _style(document, VERDICT, "Normal", 14, bold=True)
    _style(document, FOOTER, "Normal", 8)
    styles[FOOTER].paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER
    names = {style.name for style in styles}
    for name in ["Normal", "Title", CAPTION, *(f"Heading {level}" for level in range(1, 5))]:
        if name in names:
            _fonts(styles[name].element)
    _fonts(styles[TABLE_TEXT].element)
    _language_tags(document, language)


def _field(paragraph: Paragraph, instruction: str, placeholder: str = "") -> None:
    """A Word field (our own instruction, never client text) with a placeholder result."""
    run = paragraph.add_run()
    begin = OxmlElement("w:fldChar")
    begin.set(qn("w:fldCharType"), "begin")
    begin.set(qn("w:dirty"), "true")
    run._r.append(begin)
    code = paragraph.add_run()._r
    text = OxmlElement("w:instrText")
    text.set(qn("xml:space"), "preserve")
    text.text = f" {instruction} "
    code.append(text)
    separate = OxmlElement("w:fldChar")
    separate.set(qn("w:fldCharType"), "separate")
    paragraph.add_run()._r.append(separate)
    paragraph.add_run(placeholder)
    end = OxmlElement("w:fldChar")
    end.set(qn("w:fldCharType"), "end")
    paragraph.add_run()._r.append(end)


def _page_number_footer(document: Document, section: Section) -> None:
    footer = section.footer
    paragraph = footer.paragraphs[0] if footer.paragraphs else footer.add_paragraph()
    paragraph.style = document.styles[FOOTER]
    _field(paragraph, "PAGE", "1")


def add_contents(document: Document, heading: str, placeholder: str) -> None:
    """A heading and a table of contents field (levels 1-3) that Word fills when opened."""
    document.add_heading(clean(heading), level=1)
    _field(document.add_paragraph(), 'TOC \\o "1-3" \\h \\z \\u', placeholder)
    settings = document.settings.element
    if settings.find(qn("w:updateFields")) is None:
        update = OxmlElement("w:updateFields")
        update.set(qn("w:val"), "true")
        settings.append(update)


def add_heading(document: Document, text: str, level: int) -> None:
    """A heading in the built-in heading style of ``level`` (the navigation pane lists it)."""
    document.add_heading(clean(text), level=level)


def add_paragraph(document: Document, text: str, style: str | None = None) -> Paragraph:
    """A paragraph of plain text in ``style``."""
    return document.add_paragraph(clean(text), style=style)


def add_bullets(document: Document, items: Sequence[str]) -> None:
    """One bulleted paragraph per item."""
    for item in items:
        document.add_paragraph(clean(item), style="List Bullet")


def add_table(
    document: Document,
    header: Sequence[str],
    rows: Sequence[Sequence[object]],
    widths: Sequence[float] | None = None,
) -> None:
    """A table whose first row repeats on every page, text in the table styles.

    Rows are built as XML directly: python-docx's cell and style look-ups cost a few
    milliseconds per cell, seconds for a report.
    """
    table = document.add_table(rows=0, cols=len(header))
    table.style = document.styles["Table Grid"]
    twips = [int(Mm(width).twips) for width in widths] if widths else []
    for column, width in zip(table.columns, twips, strict=False):
        column._gridCol.set(qn("w:w"), str(width))
    heading = document.styles[TABLE_HEADING].style_id
    text = document.styles[TABLE_TEXT].style_id
    head = _row(table, header, heading, twips)
    flag = SubElement(SubElement(head, qn("w:trPr")), qn("w:tblHeader"))
    head.insert(0, flag.getparent())
    for values in rows:
        _row(table, ["" if value is None else str(value) for value in values], text, twips)


def _row(table: Table, values: Sequence[str], style_id: str, twips: Sequence[int]) -> Any:
    row = SubElement(table._tbl, qn("w:tr"))
    for index, value in enumerate(values):
        cell = SubElement(row, qn("w:tc"))
        if index < len(twips):
            width = SubElement(SubElement(cell, qn("w:tcPr")), qn("w:tcW"))
            width.set(qn("w:w"), str(twips[index]))
            width.set(qn("w:type"), "dxa")
        paragraph = SubElement(cell, qn("w:p"))
        SubElement(SubElement(paragraph, qn("w:pPr")), qn("w:pStyle")).set(qn("w:val"), style_id)
        run = SubElement(paragraph, qn("w:r"))
        for number, line in enumerate(clean(value).replace("\t", " ").split("\n")):
            if number:
                SubElement(run, qn("w:br"))
            node = SubElement(run, qn("w:t"))
            node.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
            node.text = line
    return row


def add_picture(
    document: Document, png: bytes, width_mm: float, caption: str, max_height_mm: float = 150.0
) -> None:
    """A chart image with its caption below, narrowed if it would be taller than the page."""
    width, height = png_size(png)
    if width and height and width_mm * height / width > max_height_mm:
        width_mm = max_height_mm * width / height
    document.add_picture(io.BytesIO(png), width=Mm(width_mm))
    document.add_paragraph(clean(caption), style=CAPTION)


def page_break(document: Document) -> None:
    """Start a new page in the same section."""
    document.add_paragraph().add_run().add_break(WD_BREAK.PAGE)


def start_section(document: Document, landscape: bool) -> None:
    """A new A4 section on a new page, landscape or portrait."""
    section = document.add_section(WD_SECTION.NEW_PAGE)
    width, height = A4
    if landscape:
        section.orientation = WD_ORIENT.LANDSCAPE
        section.page_width, section.page_height = height, width
    else:
        section.orientation = WD_ORIENT.PORTRAIT
        section.page_width, section.page_height = width, height


def document_bytes(document: Document, title: str, author: str, when: dt.date | None) -> bytes:
    """The file's bytes: fixed core properties and zip times, so equal inputs give equal bytes."""
    moment = dt.datetime.combine(when or dt.date(2000, 1, 1), dt.time())
    properties = document.core_properties
    properties.title = clean(title)
    properties.author = clean(author)
    properties.last_modified_by = clean(author)
    properties.created = moment
    properties.modified = moment
    properties.last_printed = moment
    properties.revision = 1
    properties.comments = ""
    fill_contents(document)
    buffer = io.BytesIO()
    document.save(buffer)
    return _fixed_zip(buffer.getvalue())


def _fixed_zip(data: bytes) -> bytes:
    """The same parts in the same order, every entry stamped with one fixed time."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(out, "w") as target:
        for info in source.infolist():
            entry = zipfile.ZipInfo(info.filename, date_time=FIXED_TIME)
            entry.compress_type = zipfile.ZIP_DEFLATED
            entry.external_attr = 0o600 << 16
            target.writestr(entry, source.read(info.filename))
    return out.getvalue()
