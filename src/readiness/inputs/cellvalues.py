"""Values read from workbook cells, and the document that remembers their sheet and cell."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from readiness.data.workbook_layout import MARKER, SheetKind
from readiness.language import Language

Location = tuple[str | int, ...]
Row = Sequence[Any]


@dataclass
class SheetDocument:
    """Answer-file data read from a workbook, with the sheet and cell of every value."""

    source: str
    data: dict[str, Any]
    places: dict[Location, tuple[int, str]] = field(default_factory=dict)

    def line_of(self, location: Sequence[str | int]) -> int | None:
        """An order key for the deepest known part of ``location`` (sheet, then row)."""
        found = self._find(location)
        return found[0] if found else None

    def place(self, location: Sequence[str | int]) -> str:
        """``sheet 'B.SLM …', cell E14`` for a location, or the location itself."""
        found = self._find(location)
        if found:
            return found[1]
        return " → ".join(str(part) for part in location)

    def _find(self, location: Sequence[str | int]) -> tuple[int, str] | None:
        parts = tuple(location)
        while parts:
            if parts in self.places:
                return self.places[parts]
            parts = parts[:-1]
        return None


_XSTRING = re.compile(r"_x([0-9A-Fa-f]{4})_")


def _unescaped(text: str) -> str:
    """Excel's escapes undone: ``_x000D_`` a carriage return, ``_x005F_`` an underscore."""
    if "_x" not in text:
        return text
    return _XSTRING.sub(lambda found: chr(int(found.group(1), 16)), text)


def get(row: Row, column: int) -> Any:
    """The value of a 1-based column of a row, None past its end."""
    return row[column - 1] if 0 < column <= len(row) else None


def text(value: Any) -> Any:
    """Text cells as stripped strings; numbers and dates typed where text was expected
    become text; empty becomes None. Other types pass through for validation to judge."""
    if value is None:
        return None
    if isinstance(value, str):
        stripped = value.strip()
        return _unescaped(stripped) or None
    if isinstance(value, bool):
        return value
    if isinstance(value, int | float):
        return f"{value:g}" if isinstance(value, float) else str(value)
    if isinstance(value, dt.datetime):
        return value.date().isoformat() if value.time() == dt.time() else value.isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


def lines(value: Any) -> Any:
    """Evidence, sites and services: one per line; in a cell of one line, separated by
    semicolons. An item holding a semicolon is written with a line break after it (see
    :func:`cell_lines`), so it reads back whole."""
    if not isinstance(value, str):
        return text(value)
    value = _unescaped(value)
    separators = r"[\r\n]+" if "\n" in value or "\r" in value else r"[;；]+"
    return [part.strip() for part in re.split(separators, value) if part.strip()]


def cell_lines(items: list[str]) -> str | None:
    """The cell holding ``items`` as :func:`lines` reads them back."""
    if not items:
        return None
    text = "\n".join(items)
    return text + "\n" if len(items) == 1 and re.search("[;；]", text) else text


def column_letter(column: int) -> str:
    """``1`` → ``A``, ``28`` → ``AB``."""
    letters = ""
    while column:
        column, remainder = divmod(column - 1, 26)
        letters = chr(65 + remainder) + letters
    return letters


def read_marker(rows: list[Row]) -> tuple[str, str, list[str]]:
    """Kind, key and identity (questionnaire id, version) from the hidden first row.

    Read from the marker cell on, skipping empty cells, so that columns inserted by the
    client do not shift it out of place. Sheets that are not questions have no key. A marker
    that lost a cell (the client deleted a column) gives no identity: the other sheets tell.
    """
    if not rows:
        return "", "", []
    values = [str(v).strip() for v in rows[0] if v is not None and str(v).strip()]
    if not values or values[0] != MARKER:
        return "", "", []
    rest = values[1:]
    if rest and rest[-1] in _LANGUAGES:
        rest = rest[:-1]
    if not rest:
        return "", "", []
    kind = rest[0]
    if kind == SheetKind.QUESTIONS:
        return (kind, rest[1], rest[2:4]) if len(rest) == 4 else (kind, "", [])
    return (kind, "", rest[1:3]) if len(rest) == 3 else (kind, "", [])


_LANGUAGES = frozenset(language.value for language in Language)
