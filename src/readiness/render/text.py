"""Text from files, made fit for every output: the characters no document should carry.

Client answers, plan configurations and saved assessments are untrusted. Whatever they hold is
printed as text, never acted on: control characters (a terminal escape such as ESC ``[31m``,
a NUL), bidirectional overrides and isolates (which make a name read as something else),
Unicode noncharacters (U+FFFE, U+FDD0…, which make a workbook or XML file invalid) and lone
surrogates are dropped. Tabs and line breaks stay: each format decides what a line break is.
"""

from __future__ import annotations

import re

from readiness.language import Language

NOT_IN_DOCUMENTS = re.compile(
    "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ufdd0-\ufdef"
    "\ufffe\uffff\ud800-\udfff]"
    "|[\U0001fffe\U0001ffff\U0002fffe\U0002ffff\U0003fffe\U0003ffff\U0004fffe\U0004ffff"
    "\U0005fffe\U0005ffff\U0006fffe\U0006ffff\U0007fffe\U0007ffff\U0008fffe\U0008ffff"
    "\U0009fffe\U0009ffff\U000afffe\U000affff\U000bfffe\U000bffff\U000cfffe\U000cffff"
    "\U000dfffe\U000dffff\U000efffe\U000effff\U000ffffe\U000fffff\U0010fffe\U0010ffff]"
)
"""Characters dropped from every output (see the module's text)."""


def document_text(text: str) -> str:
    """``text`` without the characters of :data:`NOT_IN_DOCUMENTS`."""
    return NOT_IN_DOCUMENTS.sub("", text)


def unit_space(language: Language) -> str:
    """The space between a number and its unit: none in Chinese (53.3%), one in English."""
    return "" if language is Language.ZH else " "


def percent(value: float | None, language: Language) -> str:
    """A score as the reports show it: ``53.3 %`` (``53.3%`` in Chinese), ``—`` for none."""
    return "—" if value is None else f"{value:.1f}{unit_space(language)}%"
