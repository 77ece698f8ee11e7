"""Write the client questionnaire workbook (.xlsx), blank or filled from an answer file.

The layout (sheets, columns, labels) comes from ``templates/workbook.yaml`` through
:mod:`readiness.data.workbook_layout`, the contract shared with the reader. openpyxl is imported here
and in the helper modules :mod:`~readiness.render.workbooks.cells` and
:mod:`~readiness.render.questionnaire.sheets` only; the CLI imports this module lazily.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from openpyxl import Workbook
from openpyxl.utils import get_column_letter

from readiness.data.labels import labels
from readiness.data.workbook_layout import FIRST_ROW, HEADER_ROW, SheetKind, layout
from readiness.inputs.cellvalues import cell_lines
from readiness.language import Language
from readiness.models.answers import AnswerFile, parse_rating
from readiness.models.catalogue import Area, Catalogue
from readiness.models.common import LocalText, Rating
from readiness.models.method import MethodInfo
from readiness.models.questionnaire import Question, Questionnaire
from readiness.render.questionnaire import sheets
from readiness.render.questionnaire.sheets import Book
from readiness.render.workbooks import cells
from readiness.render.workbooks.book import stamp
from readiness.render.workbooks.cells import Sheet, cell_range, merge, put, put_header, xstring
from readiness.render.workbooks.saving import save_bytes

PARTS = ("A", "B", "C")
_TAB_COLOURS = {"A": "4472C4", "B": "70AD47", "C": "ED7D31"}

LEGEND: dict[Rating, LocalText] = {
    Rating.N: LocalText(en="Not achieved: 0-15 %", zh="未实现：0-15%"),
    Rating.P: LocalText(en="Partially achieved: >15-50 %", zh="部分实现：>15-50%"),
    Rating.L: LocalText(en="Largely achieved: >50-85 %", zh="大部分实现：>50-85%"),
    Rating.F: LocalText(en="Fully achieved: >85-100 %", zh="完全实现：>85-100%"),
    Rating.NA: LocalText(en="Not applicable: give the reason", zh="不适用：须说明理由"),
}
"""The rating scale as the instructions sheet explains it."""
_MEANING = LocalText(en="Meaning", zh="含义")


def workbook_bytes(
    catalogue: Catalogue,
    questionnaire: Questionnaire,
    *,
    language: Language,
    parts: Iterable[str] = PARTS,
    client: str | None = None,
    answers: AnswerFile | None = None,
    method: MethodInfo | None = None,
) -> bytes:
    """The questionnaire workbook as the content of an .xlsx file.

    ``parts`` selects the question sheets (any of A, B, C); ``client`` goes in the profile's
    name row; ``answers`` fills every answer cell; ``method`` is named on the instructions
    sheet. The same inputs give the same bytes.
    Raises ValueError for an unknown or empty selection of parts.
    """
    workbook = build_workbook(
        catalogue,
        questionnaire,
        language=language,
        parts=parts,
        client=client,
        answers=answers,
        method=method,
    )
    return save_bytes(workbook)


def build_workbook(
    catalogue: Catalogue,
    questionnaire: Questionnaire,
    *,
    language: Language,
    parts: Iterable[str] = PARTS,
    client: str | None = None,
    answers: AnswerFile | None = None,
    method: MethodInfo | None = None,
) -> Workbook:
    """The questionnaire workbook as an openpyxl ``Workbook`` (see :func:`workbook_bytes`)."""
    selected = selected_parts(parts)
    workbook = Workbook()
    workbook.remove(workbook.worksheets[0])
    book = Book(catalogue, questionnaire, language, layout(), answers, workbook, method=method)
    _instructions_sheet(book)
    sheets.profile_sheet(book, client)
    for part in selected:
        _question_sheets(book, part)
    if "B" in selected:
        sheets.capability_sheet(book)
    sheets.figures_sheet(book, selected)
    sheets.roles_sheet(book)
    sheets.matrix_sheet(book)
    stamp(
        workbook,
        title=book.text(questionnaire.title),
        language="zh-CN" if language is Language.ZH else "en",
        day=answers.assessed_on if answers is not None else None,
    )
    workbook.active = 0
    return workbook


def selected_parts(parts: Iterable[str]) -> tuple[str, ...]:
    """The chosen parts in workbook order; ValueError for an unknown or empty choice."""
    wanted = {part.strip().upper() for part in parts}
    unknown = sorted(wanted - set(PARTS))
    if unknown:
        raise ValueError(f"unknown part {', '.join(unknown)}: choose from A, B and C")
    if not wanted:
        raise ValueError("choose at least one part: A, B or C")
    return tuple(part for part in PARTS if part in wanted)


def _instructions_sheet(book: Book) -> None:
    lines = book.layout.instructions.get(book.language)
    q = book.questionnaire
    ws = book.sheet(SheetKind.INSTRUCTIONS, "", book.sheet_name("instructions"), lines[0], 2)
    named = f" · {book.method.describe(book.language)}" if book.method else ""
    put_header(ws, 1, f"{book.text(q.title)}  ({q.version}){named}", 14)
    put_header(ws, 2, None, 110)
    merge(ws, HEADER_ROW, 1, 2)
    row = FIRST_ROW
    for number, line in enumerate(lines[1:], start=1):
        cells.set_text(cells.cell_at(ws, row, 1), str(number))
        cells.set_text(cells.cell_at(ws, row, 2), line)
        ws.cell(row=row, column=1).alignment = cells.CLIP  # the number at the top of its text
        ws.cell(row=row, column=2).alignment = cells.WRAP
        row += 1
    row += 1
    rating_header = next(c.header for c in book.layout.question_columns if c.key == "rating")
    for column, text in ((1, book.text(rating_header)), (2, book.text(_MEANING))):
        cell = put(ws, row, column, text)
        cell.font = cells.BOLD
        cell.fill = cells.HEADER_FILL
    scale = q.scale
    for label in book.rating_labels():
        row += 1
        step = scale.step(label) if scale is not None else None
        rating = step.band if step is not None else parse_rating(label)
        cell = put(ws, row, 1, label)
        if rating.value in cells.RATING_COLOURS:
            cell.fill = cells.rating_fill(rating.value)
        meaning = book.text(LEGEND[rating])
        if step is not None:  # the method's rating: its value, inside the band's range
            meaning = f"{book.text(step.name)}: {step.value * 100:g} % ({meaning})"
        put(ws, row, 2, meaning)
    cells.finish_sheet(ws, freeze=None)


def _question_sheets(book: Book, part: str) -> None:
    catalogue = book.catalogue
    groups = [
        (catalogue.area(group.area), group.questions)
        for group in book.questionnaire.areas
        if catalogue.has_area(group.area) and catalogue.area(group.area).part == part
    ]
    respondent = next(book.text(p.respondent) for p in catalogue.parts if p.id == part)
    if part != "B":
        name = book.sheet_name(f"part_{part}")
        _question_sheet(book, part, name, f"{name} — {respondent}", groups, grouped=True)
        return
    asked = {area.id: questions for area, questions in groups}
    for area in (a for a in catalogue.areas if a.part == "B"):
        name = f"{area.id} {book.text(area.title)}"
        sheet_groups = [(area, asked.get(area.id, []))]
        _question_sheet(book, area.id, name, f"{name} — {respondent}", sheet_groups, grouped=False)


def _question_sheet(
    book: Book,
    key: str,
    name: str,
    title: str,
    groups: Sequence[tuple[Area, Sequence[Question]]],
    *,
    grouped: bool,
) -> None:
    columns = book.question_columns()
    ws = book.sheet(SheetKind.QUESTIONS, key, name, title, len(columns))
    ws.sheet_properties.tabColor = _TAB_COLOURS[key[0]]
    pos = book.headers(ws, columns)
    row = FIRST_ROW
    for area, questions in groups:
        if grouped:
            for index in range(1, len(columns) + 1):
                cells.style_cell(cells.cell_at(ws, row, index), answer=False, fill=cells.GROUP_FILL)
            group_cell = cells.cell_at(ws, row, pos.get("question", 2))
            cells.set_text(group_cell, f"{area.id} {book.text(area.title)}")
            group_cell.font = cells.BOLD
            row += 1
        for question in questions:
            values = _question_values(book, question)
            for index, column in enumerate(columns, start=1):
                cell = put(ws, row, index, values.get(column.key), answer=column.answer)
                if column.answer and column.key not in ("rating", "documented", "practised"):
                    cell.number_format = "@"
            row += 1
    last = row - 1
    if last >= FIRST_ROW:
        _question_rules(book, ws, pos, last)
    freeze = get_column_letter(pos["question"] + 1) if "question" in pos else "A"
    autofilter = cell_range(1, HEADER_ROW, last, len(columns))
    cells.finish_sheet(ws, freeze=f"{freeze}{FIRST_ROW}", autofilter=autofilter)


def _question_values(book: Book, question: Question) -> dict[str, object]:
    values: dict[str, object] = {
        "id": question.id,
        "question": book.text(question.text),
        "guidance": book.text(question.guidance),
        "expected": book.text(question.evidence),
    }
    answer = book.answers.answers.get(question.id) if book.answers is not None else None
    if answer is not None:
        values |= {
            "rating": book.rating_label(answer.rating, answer.grade),
            "carried": labels(book.language)[f"m_carried_{answer.carried_from}"]
            if answer.carried_from
            else None,
            "confirmed": book.yes_no_label(answer.confirmed)
            if answer.confirmed is not None
            else None,
            "documented": book.extent_label(answer.documented),
            "practised": book.extent_label(answer.practised),
            "evidence": xstring(cell_lines(answer.evidence)),
            "notes": xstring(answer.notes),
            "owner": xstring(answer.owner),
            "justification": xstring(answer.justification),
        }
    return values


def _question_rules(book: Book, ws: Sheet, pos: dict[str, int], last: int) -> None:
    """Dropdowns on the answer columns, and the colours of ratings and missing NA reasons."""
    if "rating" in pos:
        rating = pos["rating"]
        ratings = cell_range(rating, FIRST_ROW, last)
        cells.dropdown(ws, book.rating_labels(), [ratings])
        first = f"${get_column_letter(rating)}{FIRST_ROW}"
        cells.colour_ratings(ws, ratings, first)
        if "justification" in pos:
            column = pos["justification"]
            reason = f"${get_column_letter(column)}{FIRST_ROW}"
            cells.flag_missing_justification(ws, cell_range(column, FIRST_ROW, last), first, reason)
    if "confirmed" in pos:
        confirmed = cell_range(pos["confirmed"], FIRST_ROW, last)
        cells.dropdown(ws, book.layout.yes_no.get(book.language), [confirmed])
    extent_columns = [pos[key] for key in ("documented", "practised") if key in pos]
    if extent_columns:
        ranges = [cell_range(column, FIRST_ROW, last) for column in extent_columns]
        cells.dropdown(ws, book.layout.extents.get(book.language), ranges)
