"""Languages of every text we ship and render (kept free of heavy imports for the CLI)."""

from __future__ import annotations

from enum import StrEnum


class Language(StrEnum):
    """Languages of every text we ship and render."""

    EN = "en"
    ZH = "zh"
