"""The consultant's brand on a Word document: the firm and logo in the page header, the
brand's footer line above the page number, the firm and contact line on the cover, the
disclaimer after it, and the brand's primary colour on the title and heading styles.

With the consultant's own Word template (``--templates``) its headers, footers and heading
styles are its letterhead and stay as they are; the brand's cover lines and disclaimer still
go in.
Brand texts are added as run text only (see :func:`readiness.render.docx.document.clean`).
"""

from __future__ import annotations

import io
from collections.abc import Mapping

from docx.document import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.shared import Mm, Pt, RGBColor

from readiness.render.brand import BrandView
from readiness.render.docx import document as word

FIRM = "Brand Firm"
CONTACT = "Brand Contact"
DISCLAIMER = "Disclaimer"
LOGO_HEIGHT_MM = 12.0
LOGO_MAX_WIDTH_MM = 50.0


def _styles(document: Document, brand: BrandView, own_letterhead: bool) -> None:
    styles = document.styles
    names = {style.name for style in styles}
    for name, size, bold in ((FIRM, 12, True), (CONTACT, 9, False), (DISCLAIMER, 8, False)):
        if name in names:
            continue  # the consultant's template defines it: theirs wins
        style = styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
        style.base_style = styles["Normal"]
        style.font.size = Pt(size)
        style.font.bold = bold
        style.paragraph_format.space_after = Pt(4)
    colour = RGBColor.from_string(brand.primary.lstrip("#").upper())
    styles[FIRM].font.color.rgb = colour
    if own_letterhead:
        return  # the consultant's template styles its own headings
    for name in ("Title", *(f"Heading {level}" for level in range(1, 4))):
        if name in names:
            styles[name].font.color.rgb = colour


def _logo_width(brand: BrandView) -> Mm:
    assert brand.logo is not None
    width = LOGO_HEIGHT_MM * brand.logo.width / brand.logo.height
    return Mm(min(width, LOGO_MAX_WIDTH_MM))


def add_brand(document: Document, brand: BrandView | None, *, own_letterhead: bool) -> None:
    """The brand's styles, page header and footer (unless ``own_letterhead``) and cover lines,
    at the top of the body (call right after the document is made)."""
    if brand is None:
        return
    _styles(document, brand, own_letterhead)
    if not own_letterhead:
        section = document.sections[0]
        header = section.header.paragraphs[0]
        header.style = document.styles["Header"]
        if brand.logo is not None:
            picture = io.BytesIO(brand.logo.data)
            header.add_run().add_picture(picture, width=_logo_width(brand))
            header.add_run("\t")
        header.add_run(word.clean(brand.firm))
        if brand.footer:
            footer = section.footer
            first = footer.paragraphs[0]
            line = first.insert_paragraph_before(word.clean(brand.footer))
            line.style = document.styles[word.FOOTER]
    document.add_paragraph(word.clean(brand.firm), style=FIRM)
    if brand.contact:
        document.add_paragraph(word.clean(brand.contact), style=CONTACT)


def add_disclaimer(document: Document, brand: BrandView | None, words: Mapping[str, str]) -> None:
    """The brand's disclaimer as a paragraph of its own style (nothing without one)."""
    if brand is not None and brand.disclaimer:
        text = f"{words['brand_disclaimer']}: {brand.disclaimer}"
        document.add_paragraph(word.clean(text), style=DISCLAIMER)


def title_of(brand: BrandView | None, ours: str) -> str:
    """The document's title: the brand's when it names one, else ``ours``."""
    return brand.title if brand is not None and brand.title else ours
