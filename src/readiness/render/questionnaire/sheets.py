"""Sheet builders of the workbook writer besides the questions: profile, capability, figures,
roles and the responsibility matrix, with :class:`Book`, what every builder needs."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from openpyxl.utils import get_column_letter
from openpyxl.workbook.workbook import Workbook

from readiness.data.workbook_layout import FIRST_ROW, Column, SheetKind, WorkbookLayout, marker
from readiness.inputs.cellvalues import cell_lines
from readiness.language import Language
from readiness.models.answers import (
    STANDARD_NAMES,
    AnswerFile,
    parse_extent,
    parse_figure,
    parse_rating,
)
from readiness.models.catalogue import Catalogue
from readiness.models.common import Extent, LocalText, Rating
from readiness.models.method import MethodInfo
from readiness.models.questionnaire import Questionnaire
from readiness.models.scale import RatingScale
from readiness.render.workbooks import cells
from readiness.render.workbooks.cells import Sheet, cell_range, put, put_header, xstring


@dataclass
class Book:
    """What every sheet builder needs: the inputs, the language and the sheet names taken."""

    catalogue: Catalogue
    questionnaire: Questionnaire
    language: Language
    layout: WorkbookLayout
    answers: AnswerFile | None
    workbook: Workbook
    names: set[str] = field(default_factory=set)
    method: MethodInfo | None = None

    def carries(self) -> bool:
        """Whether answers carried from a certified system are in the workbook: then the
        question sheets show where each came from, and a column to confirm it."""
        found = self.answers.answers.values() if self.answers is not None else ()
        return any(answer.carried_from is not None for answer in found)

    def question_columns(self) -> list[Column]:
        """The question sheets' columns; the carried ones only when answers were carried."""
        columns = self.layout.question_columns
        return [c for c in columns if c.key not in CARRIED_COLUMNS or self.carries()]

    def text(self, local: LocalText) -> str:
        """A text in the workbook's language."""
        return local.get(self.language)

    def sheet(self, kind: SheetKind, key: str, name: str, title: str, width: int) -> Sheet:
        """A new sheet with its marker row and title; ``width`` columns wide."""
        ws = cells.add_sheet(self.workbook, cells.valid_sheet_name(name, self.names))
        q = self.questionnaire
        cells.frame_sheet(ws, marker(kind, key, q.id, q.version, self.language), title, width)
        return ws

    def headers(self, ws: Sheet, columns: Sequence[Column]) -> dict[str, int]:
        """Write the header row of ``columns``; return each column key's number."""
        for index, column in enumerate(columns, start=1):
            put_header(ws, index, self.text(column.header), column.width)
        return {column.key: index for index, column in enumerate(columns, start=1)}

    def sheet_name(self, key: str) -> str:
        """The name of one of the layout's sheets, such as ``profile``."""
        return self.text(self.layout.sheets[key])

    def rating_labels(self) -> list[str]:
        """The rating dropdown's labels: the method's scale, if it has one, then NA."""
        shipped = self.layout.ratings.get(self.language)
        scale = self.questionnaire.scale
        if scale is None:
            return shipped
        zh = self.language is Language.ZH
        steps = [f"{s.id} {s.name.zh}" if zh else s.id for s in scale.steps]
        return [*steps, *(label for label in shipped if parse_rating(label) is Rating.NA)]

    def rating_label(self, rating: Rating | None, grade: str | None = None) -> str | None:
        """The dropdown label of a rating (of its ``grade`` on the method's scale)."""
        if rating is None:
            return None
        scale = self.questionnaire.scale
        if scale is not None and grade is not None:
            found = (label for label in self.rating_labels() if _step_id(scale, label) == grade)
            return next(found, grade)
        if scale is not None:  # no grade: NA, the one rating the method's scale does not list
            found = (label for label in self.rating_labels() if label.split()[0] == rating.value)
        else:
            found = (label for label in self.rating_labels() if parse_rating(label) is rating)
        return next(found, rating.value)

    def extent_label(self, extent: Extent | None) -> str | None:
        """The dropdown label of yes, partly or no."""
        if extent is None:
            return None
        found = (e for e in self.layout.extents.get(self.language) if parse_extent(e) is extent)
        return next(found, extent.value)

    def yes_no_label(self, value: bool) -> str:
        """The dropdown label of a yes/no figure."""
        found = (e for e in self.layout.yes_no.get(self.language) if parse_figure(e) is value)
        return next(found, "yes" if value else "no")


CARRIED_COLUMNS = ("carried", "confirmed")
"""Question columns written only when answers were carried from a certified system."""


def _step_id(scale: RatingScale, label: str) -> str | None:
    step = scale.step(label)
    return step.id if step else None


def profile_sheet(book: Book, client: str | None) -> None:
    """The client profile: one row per field, business categories repeated."""
    columns = book.layout.profile_columns
    name = book.sheet_name("profile")
    ws = book.sheet(SheetKind.PROFILE, "", name, name, len(columns))
    pos = book.headers(ws, columns)
    values = _profile_values(book, client)
    targets: dict[str, list[str]] = {}
    row = FIRST_ROW
    for profile_row in book.layout.profile_rows:
        given = values.get(profile_row.key, [])
        count = max(profile_row.repeat, len(given))
        for index in range(count):
            label = book.text(profile_row.label)
            key_cell = put(ws, row, pos["key"], profile_row.key)
            key_cell.font = cells.KEY_FONT
            key_cell.alignment = cells.CLIP
            put(ws, row, pos["field"], label if count == 1 else f"{label} {index + 1}")
            value = given[index] if index < len(given) else None
            cell = put(ws, row, pos["value"], value, answer=True)
            formats = {"personnel_in_scope": "0", "assessed_on": "yyyy-mm-dd"}
            cell.number_format = (formats | {"certificate_expires": "yyyy-mm-dd"}).get(
                profile_row.key, "@"
            )
            targets.setdefault(profile_row.key, []).append(cell.coordinate)
            row += 1
    spare = len(columns) + 2
    if "business_category" in targets:
        names = [book.text(c.name) for c in book.questionnaire.business_categories]
        cells.dropdown(ws, names, targets["business_category"], spare_column=spare)
    if "certificate" in targets:
        standards = list(STANDARD_NAMES.values())
        cells.dropdown(ws, standards, targets["certificate"], spare_column=spare + 1)
    if "personnel_in_scope" in targets:
        cells.number_validation(ws, "whole", targets["personnel_in_scope"], "1")
    if "assessed_on" in targets:
        dates = targets["assessed_on"]
        cells.number_validation(ws, "date", dates, "DATE(2000,1,1)", "DATE(2099,12,31)")
    cells.finish_sheet(ws, freeze=f"A{FIRST_ROW}")


def _profile_values(book: Book, client: str | None) -> dict[str, list[object]]:
    values: dict[str, list[object]] = {}
    answers = book.answers
    if answers is not None:
        data = answers.client
        names = {c.id: book.text(c.name) for c in book.questionnaire.business_categories}
        values = {
            "name": [data.name],
            "scope": [xstring(data.scope)],
            "business_category": [names.get(c, c) for c in data.business_categories],
            "personnel_in_scope": [data.personnel_in_scope],
            "sites": [xstring(cell_lines(data.sites))],
            "services": [xstring(cell_lines(data.services))],
            "management_basis": [xstring(data.management_basis)],
            "expected_benefits": [xstring(data.expected_benefits)],
            "assessed_on": [answers.assessed_on],
            "assessor": [answers.assessor],
            "certificate": [STANDARD_NAMES[c.standard] for c in data.certificates],
            "certificate_scope": [xstring(c.scope) for c in data.certificates],
            "certificate_number": [xstring(c.number) for c in data.certificates],
            "certificate_expires": [c.expires for c in data.certificates],
        }
    if client:
        values["name"] = [client]
    return values


def capability_sheet(book: Book) -> None:
    """One row per Part B process, one column per asked process attribute."""
    columns = book.layout.capability_columns
    attributes = book.questionnaire.asked_attributes()
    evidence_column = len(columns) + len(attributes) + 1
    width = evidence_column
    name = book.sheet_name("capability")
    ws = book.sheet(SheetKind.CAPABILITY, "", name, name, width)
    book.headers(ws, columns)
    first_attribute = len(columns) + 1
    for index, attribute in enumerate(attributes, start=first_attribute):
        header = f"{attribute.id} {book.text(attribute.name)}"
        cell = put_header(ws, index, header, 16)
        note = f"{book.text(attribute.question)}\n\n{book.text(attribute.guidance)}"
        cells.add_comment(cell, f"{header}\n{note}")
    evidence = book.layout.capability_evidence_column
    put_header(ws, evidence_column, book.text(evidence.header), evidence.width)
    ratings = book.answers.capability if book.answers is not None else {}
    named = book.answers.capability_evidence if book.answers is not None else {}
    row = FIRST_ROW
    for area in book.catalogue.processes():
        values = {"id": area.id, "process": book.text(area.title)}
        for index, column in enumerate(columns, start=1):
            put(ws, row, index, values.get(column.key), answer=column.answer)
        given = ratings.get(area.id, {})
        for index, attribute in enumerate(attributes, start=first_attribute):
            put(ws, row, index, book.rating_label(given.get(attribute.id)), answer=True)
        put(ws, row, evidence_column, xstring(cell_lines(named.get(area.id, []))), answer=True)
        ws.cell(row=row, column=evidence_column).alignment = cells.WRAP
        row += 1
    last = row - 1
    if attributes and last >= FIRST_ROW:
        # attributes are rated by band (ISO/IEC 33020 levels read bands), whatever the scale
        shipped = book.layout.ratings.get(book.language)
        labels = [label for label in shipped if parse_rating(label) is not Rating.NA]
        grid = cell_range(first_attribute, FIRST_ROW, last, evidence_column - 1)
        cells.dropdown(ws, labels, [grid])
        cells.colour_ratings(ws, grid, f"{get_column_letter(first_attribute)}{FIRST_ROW}")
    # The attribute questions again below the table (the ID cell stays empty), for print.
    note_column = next((i for i, c in enumerate(columns, start=1) if c.key == "process"), 2)
    row = last + 2
    for attribute in attributes:
        text = f"{attribute.id} {book.text(attribute.name)}: {book.text(attribute.question)}"
        cells.set_text(cells.cell_at(ws, row, note_column), text)
        ws.cell(row=row, column=note_column).alignment = cells.WRAP
        row += 1
    cells.finish_sheet(ws, freeze=f"{get_column_letter(first_attribute)}{FIRST_ROW}")


def figures_sheet(book: Book, parts: Sequence[str]) -> None:
    """The figures of the selected parts, each with a validation by its kind."""
    columns = book.layout.figure_columns
    name = book.sheet_name("figures")
    ws = book.sheet(SheetKind.FIGURES, "", name, name, len(columns))
    pos = book.headers(ws, columns)
    given = book.answers.figures if book.answers is not None else {}
    targets: dict[str, list[str]] = {}
    row = FIRST_ROW
    for figure in book.questionnaire.figures:
        if book.catalogue.area(figure.area).part not in parts:
            continue
        value: object = given.get(figure.id)
        if isinstance(value, bool):
            value = book.yes_no_label(value)
        elif isinstance(value, float) and value.is_integer():
            value = int(value)
        values = {
            "id": figure.id,
            "question": book.text(figure.text),
            "guidance": book.text(figure.guidance),
            "value": value,
        }
        for index, column in enumerate(columns, start=1):
            put(ws, row, index, values.get(column.key), answer=column.answer)
        if "value" in pos:
            targets.setdefault(figure.kind, []).append(f"{get_column_letter(pos['value'])}{row}")
        row += 1
    if "yes_no" in targets:
        cells.dropdown(ws, book.layout.yes_no.get(book.language), targets["yes_no"])
    if "percent" in targets:
        cells.number_validation(ws, "decimal", targets["percent"], "0", "100")
    counts = targets.get("count", []) + targets.get("months", [])
    if counts:
        cells.number_validation(ws, "whole", counts, "0")
    cells.finish_sheet(ws, freeze=f"B{FIRST_ROW}")


def roles_sheet(book: Book) -> None:
    """The SMS owner, then one process owner per Part B process."""
    columns = book.layout.role_columns
    name = book.sheet_name("roles")
    ws = book.sheet(SheetKind.ROLES, "", name, name, len(columns))
    book.headers(ws, columns)
    roles = book.answers.roles if book.answers is not None else None
    titles = book.layout.titles
    rows: list[tuple[str, str, str | None]] = [
        ("sms_owner", book.text(titles["sms_owner"]), roles.sms_owner if roles else None)
    ]
    owner = book.text(titles["process_owner"])
    for area in book.catalogue.processes():
        holder = roles.process_owners.get(area.id) if roles else None
        rows.append((area.id, f"{owner}: {book.text(area.title)}", holder))
    for row, (role_id, role, holder) in enumerate(rows, start=FIRST_ROW):
        values = {"id": role_id, "role": role, "name": holder}
        for index, column in enumerate(columns, start=1):
            cell = put(ws, row, index, values.get(column.key), answer=column.answer)
            if column.answer:
                cell.number_format = "@"
    cells.finish_sheet(ws, freeze=f"A{FIRST_ROW}")


def matrix_sheet(book: Book) -> None:
    """Work items by people (names in the header), P primary and B backup."""
    columns = book.layout.matrix_columns
    pos = {column.key: index for index, column in enumerate(columns, start=1)}
    rows = book.answers.matrix if book.answers is not None else []
    people: list[str] = []
    for matrix_row in rows:
        people += [person for person in matrix_row.assign if person not in people]
    count = max(book.layout.matrix_people, len(people))
    width = len(columns) + count
    name = book.sheet_name("matrix")
    ws = book.sheet(SheetKind.MATRIX, "", name, name, width)
    book.headers(ws, columns)
    first_person = len(columns) + 1
    for index in range(count):
        person = people[index] if index < len(people) else None
        put_header(ws, first_person + index, person, 14, editable=True)
    last = FIRST_ROW + max(book.layout.matrix_rows, len(rows)) - 1
    for row in range(FIRST_ROW, last + 1):
        given = rows[row - FIRST_ROW] if row - FIRST_ROW < len(rows) else None
        values = {"item": given.item, "area": given.area} if given else {}
        for index, column in enumerate(columns, start=1):
            cell = put(ws, row, index, values.get(column.key), answer=True)
            cell.number_format = "@"
        for index in range(count):
            person = people[index] if index < len(people) else None
            value = given.assign.get(person) if given and person else None
            put(ws, row, first_person + index, value, answer=True)
    if "area" in pos:
        area_ids = [area.id for area in book.catalogue.areas]
        areas = [cell_range(pos["area"], FIRST_ROW, last)]
        cells.dropdown(ws, area_ids, areas, spare_column=width + 2)
    people_range = cell_range(first_person, FIRST_ROW, last, width)
    cells.dropdown(ws, book.layout.assignments, [people_range])
    cells.finish_sheet(ws, freeze=f"{get_column_letter(first_person)}{FIRST_ROW}")
