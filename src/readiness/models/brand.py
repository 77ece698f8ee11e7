"""The consultant's brand file (``readiness-brand.yaml`` or ``--brand FILE``): the firm whose
name, logo, colours, contact line, footer, disclaimer and report titles go on every document.

Every text is untrusted: it is printed as text in every format, never as markup, a field code
or a formula. Colours are six-digit hex, so they can be written into CSS and Word as they are.
The logo is checked and read by :mod:`readiness.inputs.brand`; the model holds its path only.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Annotated, Any, Literal

from pydantic import AfterValidator, Field, StringConstraints, field_validator

from readiness.language import Language
from readiness.models.common import LocalText, Strict

_HEX = re.compile(r"#[0-9A-Fa-f]{6}")


def _hex_colour(value: str) -> str:
    if not _HEX.fullmatch(value):
        raise ValueError("a colour is # and six hex digits, like #0B4F6C")
    return value


HexColour = Annotated[str, AfterValidator(_hex_colour)]
BrandLine = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=400)]
LongText = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=2000)]
DocumentKind = Literal["report", "plan", "progress"]


class BrandText(Strict):
    """A brand text in English and Chinese, or one text for both (``firm: Lotus Consulting``)."""

    en: LongText
    zh: LongText

    def get(self, language: Language | str) -> str:
        """The text in ``language``."""
        return self.zh if language == Language.ZH else self.en


def _either(value: Any) -> Any:
    """A plain string stands for the same text in both languages."""
    return {"en": value, "zh": value} if isinstance(value, str) else value


class BrandColours(Strict):
    """The firm's colours: ``primary`` for headings and rules, ``accent`` for highlights."""

    primary: HexColour = "#2c6fbb"
    accent: HexColour = "#1f2933"


class BrandTitles(Strict):
    """The firm's own title of each document (ours when left out)."""

    report: LocalText | None = None
    plan: LocalText | None = None
    progress: LocalText | None = None


class BrandFile(Strict):
    """What a brand file holds."""

    firm: BrandText = Field(description="the consultancy's name, on every page")
    logo: str | None = Field(
        default=None, description="a PNG or JPEG file, relative to the brand file"
    )
    colours: BrandColours = Field(default_factory=BrandColours)
    contact: BrandText | None = Field(default=None, description="address, telephone, e-mail")
    footer: BrandText | None = Field(default=None, description="a line at the foot of pages")
    disclaimer: BrandText | None = None
    title: BrandTitles = Field(default_factory=BrandTitles)

    @field_validator("firm", "contact", "footer", "disclaimer", mode="before")
    @classmethod
    def _one_text_for_both(cls, value: Any) -> Any:
        return _either(value)


@dataclass(frozen=True)
class Logo:
    """A checked logo image: its bytes as given (embedded unchanged), kind and pixel size."""

    data: bytes
    kind: Literal["png", "jpeg"]
    width: int
    height: int

    @property
    def mime(self) -> str:
        """The image's media type."""
        return f"image/{self.kind}"


@dataclass(frozen=True)
class Brand:
    """A loaded brand: the file's content and its logo, read and checked."""

    file: BrandFile
    logo: Logo | None = None
    source: str = ""

    def firm(self, language: Language) -> str:
        """The firm's name in ``language`` (what the JSON names as ``prepared_by``)."""
        return self.file.firm.get(language)
