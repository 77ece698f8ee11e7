"""Layout of the questionnaire workbook, shared by the writer and the reader.

Every sheet the tool writes has a hidden first row whose cells identify it, so the reader
finds sheets even when the client renames their tabs:

    A1 "readiness-workbook"   B1 sheet kind   C1 key (part or area id)
    D1 questionnaire id       E1 questionnaire version   F1 language

Row 2 holds the sheet's title, row 3 the column headers, data starts on row 4. Column headers,
widths, dropdown labels and the instructions come from ``templates/workbook.yaml``.
"""

from __future__ import annotations

from enum import StrEnum
from functools import cache

from pydantic import Field

from readiness.language import Language
from readiness.models.common import LocalText, Strict
from readiness.paths import templates_dir
from readiness.sources.validation import validate_document
from readiness.sources.yaml import load_yaml_file

MARKER = "readiness-workbook"
MARKER_ROW = 1
TITLE_ROW = 2
HEADER_ROW = 3
FIRST_ROW = 4


class SheetKind(StrEnum):
    """What a sheet holds; written in cell B1."""

    INSTRUCTIONS = "instructions"
    PROFILE = "profile"
    QUESTIONS = "questions"
    CAPABILITY = "capability"
    FIGURES = "figures"
    ROLES = "roles"
    MATRIX = "matrix"


class Column(Strict):
    """A column of a sheet: the key the code uses, its header and width."""

    key: str
    header: LocalText
    width: float = Field(gt=0)
    answer: bool = False


class ProfileRow(Strict):
    """A row of the client profile sheet."""

    key: str
    label: LocalText
    repeat: int = Field(default=1, ge=1, le=14)


class Labels(Strict):
    """Dropdown values in one workbook language."""

    en: list[str]
    zh: list[str]

    def get(self, language: Language) -> list[str]:
        """The values for ``language``."""
        return self.zh if language is Language.ZH else self.en


class WorkbookLayout(Strict):
    """Everything ``templates/workbook.yaml`` says about the workbook."""

    sheets: dict[str, LocalText]
    question_columns: list[Column]
    profile_columns: list[Column]
    profile_rows: list[ProfileRow]
    capability_columns: list[Column]
    capability_evidence_column: Column
    figure_columns: list[Column]
    role_columns: list[Column]
    matrix_columns: list[Column]
    matrix_people: int = Field(ge=1, le=100)
    matrix_rows: int = Field(ge=1, le=2000)
    ratings: Labels
    extents: Labels
    yes_no: Labels
    assignments: list[str]
    titles: dict[str, LocalText]
    instructions: Labels


@cache
def layout() -> WorkbookLayout:
    """The workbook layout (parsed once per process)."""
    document = load_yaml_file(templates_dir() / "workbook.yaml")
    return validate_document(WorkbookLayout, document, what="a workbook layout")


def marker(
    kind: SheetKind, key: str, questionnaire: str, version: str, language: Language
) -> list[str]:
    """The values of a sheet's hidden first row."""
    return [MARKER, kind.value, key, questionnaire, version, language.value]


def normalise_header(text: object) -> str:
    """A header as compared: case, spaces and line breaks folded."""
    return " ".join(str(text or "").split()).casefold()


def header_keys(columns: list[Column]) -> dict[str, str]:
    """Normalised header text (English, Chinese or the key itself) → column key."""
    found: dict[str, str] = {}
    for column in columns:
        for text in (column.header.en, column.header.zh, column.key):
            found[normalise_header(text)] = column.key
    return found


def question_sheet_key(area_id: str, part: str) -> str:
    """Parts A and C have one sheet each; every Part B process has its own."""
    return area_id if part == "B" else part
