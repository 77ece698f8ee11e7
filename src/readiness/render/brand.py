"""The brand as one document shows it: texts in the document's language, the title of that
document, colours and the logo, for every renderer (HTML and PDF, Word, workbooks).

Renderers decide nothing about the brand: which title, which language and which logo form
are settled here, once.
"""

from __future__ import annotations

import base64
from dataclasses import dataclass

from readiness.language import Language
from readiness.models.brand import Brand, DocumentKind, Logo
from readiness.render.text import document_text


@dataclass(frozen=True)
class BrandView:
    """The brand on one document, in one language (texts cleaned, never markup)."""

    firm: str
    title: str | None
    contact: str | None
    footer: str | None
    disclaimer: str | None
    primary: str
    accent: str
    logo: Logo | None

    @property
    def logo_uri(self) -> str | None:
        """The logo as a ``data:`` address for HTML (its bytes checked, base64 only)."""
        if self.logo is None:
            return None
        return f"data:{self.logo.mime};base64,{base64.b64encode(self.logo.data).decode('ascii')}"


def brand_view(brand: Brand | None, language: Language, document: DocumentKind) -> BrandView | None:
    """``brand`` on ``document`` (report, plan or progress) in ``language``; none without one."""
    if brand is None:
        return None
    content = brand.file

    def text(value: object) -> str | None:
        if value is None:
            return None
        return document_text(value.get(language))  # type: ignore[attr-defined]

    title = getattr(content.title, document)
    return BrandView(
        firm=document_text(content.firm.get(language)),
        title=text(title),
        contact=text(content.contact),
        footer=text(content.footer),
        disclaimer=text(content.disclaimer),
        primary=content.colours.primary.lower(),
        accent=content.colours.accent.lower(),
        logo=brand.logo,
    )
