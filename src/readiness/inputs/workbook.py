"""Read an answered questionnaire workbook back into an answer file.

The reader is tolerant of what clients do: sheets are found by their hidden marker row (tabs
may be renamed), columns by their headers in either language (columns may be moved or
inserted), questions by their ID (rows may be reordered, inserted or left blank); ratings and
yes/no may be typed in any case, in English or Chinese. It refuses what it cannot read with
the sheet and cell: formulas in answer cells, a workbook that is not ours, a missing ID column,
another questionnaire version.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from readiness.data.workbook_layout import (
    Column,
    SheetKind,
    header_keys,
    layout,
    normalise_header,
)
from readiness.errors import InputError, Problem
from readiness.inputs.cellvalues import (
    Location,
    Row,
    SheetDocument,
    column_letter,
    get,
    lines,
    text,
)
from readiness.inputs.checks import answers_from_document
from readiness.inputs.container import check_container
from readiness.inputs.profile import (
    CERTIFICATE_ROWS,
    certificate_place,
    drop_empty_certificates,
    store_certificate_cell,
)
from readiness.inputs.sheets import (
    HEADER_SEARCH_ROWS,
    Formula,
    Sheet,
    load_sheets,
    looks_like_questions,
)
from readiness.models.answers import AnswerFile
from readiness.models.catalogue import Catalogue
from readiness.models.questionnaire import Questionnaire

ANSWER_KEYS: tuple[str, ...] = ("rating", "documented", "practised", "evidence", "notes", "owner")
ANSWER_KEYS += ("justification", "carried", "confirmed")  # the last two: carried answers only


def read_workbook(path: Path, questionnaire: Questionnaire, catalogue: Catalogue) -> AnswerFile:
    """Read an answered workbook; raise :class:`InputError` naming the sheet and cell of
    every problem."""
    sheets = load_sheets(path, check_container(path))
    source = str(path)
    marked = [s for s in sheets if s.kind]
    if not marked:
        raise InputError(source, [Problem("", (
            "this workbook was not made by readiness: no sheet carries its hidden marker row "
            "(export a questionnaire with 'readiness questionnaire export')"))])  # fmt: skip
    reader = _Reader(source)
    for sheet in sheets:
        if not sheet.kind and looks_like_questions(sheet, "id"):
            reader.problems.append(Problem(f"sheet '{sheet.title}', cell A1", (
                "this sheet holds questions but its hidden marker cell was overwritten: "
                "export a new workbook and copy the answers over")))  # fmt: skip
        elif not sheet.kind and looks_like_questions(sheet):
            reader.problems.append(Problem(f"sheet '{sheet.title}'", (
                "this sheet holds questions but its ID column (with the hidden marker) was "
                "deleted: the ID column is needed to match answers to questions")))  # fmt: skip
    for sheet in marked:
        if not sheet.identity:
            continue  # a damaged marker row; the other sheets name the questionnaire
        ident, version = sheet.identity
        if str(ident) != questionnaire.id or str(version) != questionnaire.version:
            raise InputError(source, [Problem(f"sheet '{sheet.title}'", (
                f"this workbook is questionnaire {ident} version {version}; this tool reads "
                f"{questionnaire.id} version {questionnaire.version}: export a new workbook "
                "and copy the answers over, or convert it with the version that made it"))])  # fmt: skip
    reader.data["questionnaire"] = questionnaire.id
    reader.data["questionnaire_version"] = questionnaire.version
    handlers = {
        SheetKind.PROFILE: reader.profile,
        SheetKind.QUESTIONS: reader.questions,
        SheetKind.CAPABILITY: reader.capability,
        SheetKind.FIGURES: reader.figures,
        SheetKind.ROLES: reader.roles,
        SheetKind.MATRIX: reader.matrix,
    }
    for sheet in marked:
        handler = (
            handlers.get(SheetKind(sheet.kind))
            if sheet.kind in SheetKind.__members__.values()
            else None
        )
        if handler:
            handler(sheet, questionnaire)
    if not any(sheet.kind == SheetKind.PROFILE for sheet in marked):
        reader.problems.append(Problem("", (
            "the client profile sheet is missing (deleted, or its hidden marker row was): "
            "the client's name is needed; export a new workbook and copy the answers over")))  # fmt: skip
    reader.data.setdefault("client", {})
    if not reader.problems:
        return answers_from_document(reader.document(), questionnaire, catalogue)
    try:  # a formula in one cell must not hide the other problems: check the rest too
        answers_from_document(reader.document(), questionnaire, catalogue)
    except InputError as error:
        profile = any(sheet.kind == SheetKind.PROFILE for sheet in marked)
        reader.problems += [p for p in error.problems if profile or "client" not in p.place]
    raise InputError(source, reader.problems)


class _Reader:
    def __init__(self, source: str) -> None:
        self.source = source
        self.data: dict[str, Any] = {}
        self.places: dict[Location, tuple[int, str]] = {}
        self.problems: list[Problem] = []

    def document(self) -> SheetDocument:
        return SheetDocument(self.source, self.data, self.places)

    def put(self, location: Location, value: Any, sheet: Sheet, row: int, column: int) -> Any:
        """Record where ``location`` came from; refuse formulas; return the plain value."""
        self.places[location] = (sheet.index * 100_000 + row, sheet.cell(row, column))
        if isinstance(value, Formula):
            self.problems.append(Problem(sheet.cell(row, column),
                f"the cell holds a formula ({value.text[:40]}); type the value itself"))  # fmt: skip
            return None
        return value

    def header(
        self, sheet: Sheet, columns: list[Column], required: list[str]
    ) -> tuple[int, dict[str, int]] | None:
        """Find the header row: the first row naming every required column."""
        known = header_keys(columns)
        for number, row in enumerate(sheet.rows[:HEADER_SEARCH_ROWS], start=1):
            found: dict[str, int] = {}
            for column, value in enumerate(row, start=1):
                key = known.get(normalise_header(value))
                if key and key not in found:
                    found[key] = column
            if all(key in found for key in required):
                return number, found
        names = " and ".join(f"'{c.header.en}'" for c in columns if c.key in required)
        self.problems.append(Problem(f"sheet '{sheet.title}'",
            f"no header row with {names} found in the first {HEADER_SEARCH_ROWS} rows; "
            "these columns are needed to read the answers: put them back, or export a new "
            "workbook and copy the answers over"))  # fmt: skip
        return None

    def rows_after(self, sheet: Sheet, header_row: int) -> Iterator[tuple[int, Row]]:
        yield from enumerate(sheet.rows[header_row:], start=header_row + 1)

    def questions(self, sheet: Sheet, questionnaire: Questionnaire) -> None:
        found = self.header(sheet, layout().question_columns, ["id", "rating"])
        if not found:
            return
        header_row, columns = found
        answers: dict[str, Any] = self.data.setdefault("answers", {})
        for number, row in self.rows_after(sheet, header_row):
            raw_id = get(row, columns["id"])
            if isinstance(raw_id, Formula):  # its answers would be dropped without a word
                self.problems.append(Problem(sheet.cell(number, columns["id"]), (
                    f"the cell holds {raw_id!r} where a question id belongs; type the id "
                    "itself")))  # fmt: skip
                continue
            if raw_id is None or not str(raw_id).strip():
                continue
            question_id = str(raw_id).strip().upper()
            if question_id in answers:
                first = self.places[("answers", question_id)][1]
                self.problems.append(Problem(sheet.cell(number, columns["id"]),
                    f"question {question_id} appears twice (first at {first})"))  # fmt: skip
                continue
            answer: dict[str, Any] = {}
            self.places[("answers", question_id)] = (
                sheet.index * 100_000 + number,
                sheet.cell(number, columns["id"]),
            )
            for key in ANSWER_KEYS:
                if key not in columns:
                    continue
                value = self.put(
                    ("answers", question_id, key),
                    get(row, columns[key]),
                    sheet,
                    number,
                    columns[key],
                )
                cell, value = value, text(value)
                if value is None:
                    continue
                answer[key] = lines(cell) if key == "evidence" else value
            if "carried" in answer:  # the provenance text names the standard
                answer["carried_from"] = answer.pop("carried")
            if answer or not questionnaire.has_question(question_id):
                answers[question_id] = answer
        self._merged_over_answers(sheet, header_row, columns)

    def _merged_over_answers(self, sheet: Sheet, header_row: int, columns: dict[str, int]) -> None:
        """Merged cells over answer cells hide the answers under them: report each merge."""
        answer_columns = {c for k, c in columns.items() if k not in ("id", "question", "guidance", "expected")}  # fmt: skip
        for first, top, last, bottom in sheet.merged:
            covered = [
                (row, column)
                for row in range(max(top, header_row + 1), bottom + 1)
                for column in range(first, last + 1)
                if (row, column) != (top, first) and column in answer_columns
            ]
            if covered:
                row, column = covered[0]
                self.problems.append(Problem(sheet.cell(top, first), (
                    f"cells {column_letter(first)}{top}:{column_letter(last)}{bottom} are merged "
                    f"over answer cells ({column_letter(column)}{row}), which hides the answers "
                    "there: unmerge the cells")))  # fmt: skip

    def profile(self, sheet: Sheet, questionnaire: Questionnaire) -> None:
        found = self.header(sheet, layout().profile_columns, ["value"])
        if not found:
            return
        header_row, columns = found
        labels = {
            normalise_header(t): row.key
            for row in layout().profile_rows
            for t in (row.label.en, row.label.zh)
        }
        names = {normalise_header(t): c.id for c in questionnaire.business_categories
                 for t in (c.id, c.name.en, c.name.zh)}  # fmt: skip
        client: dict[str, Any] = self.data.setdefault("client", {})
        certificate_rows: dict[str, int] = {}
        for number, row in self.rows_after(sheet, header_row):
            key = str(get(row, columns["key"]) or "").strip() if "key" in columns else ""
            if not key and "field" in columns:
                key = labels.get(normalise_header(get(row, columns["field"])), "")
            raw = get(row, columns["value"])
            if not key:
                continue
            column = columns["value"]
            if key in CERTIFICATE_ROWS:  # the n-th row of a key: the n-th certificate
                place = certificate_place(key, certificate_rows)
                store_certificate_cell(place, self.put(place, raw, sheet, number, column), client)
                continue
            if key == "business_category":
                categories: list[Any] = client.setdefault("business_categories", [])
                location: Location = ("client", "business_categories", len(categories))
                value = text(self.put(location, raw, sheet, number, column))
                if value is not None:
                    categories.append(names.get(normalise_header(value), value))
                else:
                    del self.places[location]
                continue
            target: Location = (
                ("assessed_on",)
                if key == "assessed_on"
                else ("assessor",)
                if key == "assessor"
                else ("client", key)
            )
            value = self.put(target, raw, sheet, number, column)
            if isinstance(value, dt.datetime):
                value = value.date()
            elif key in ("sites", "services"):
                value = lines(value) if text(value) is not None else None
            elif key != "personnel_in_scope" and not isinstance(value, dt.date):
                value = text(value)
            if value is None:
                continue
            if target[0] == "client":
                client[key] = value
            else:
                self.data[key] = value
        drop_empty_certificates(client)
        if "name" not in client:
            self.places.setdefault(("client",), (sheet.index * 100_000, f"sheet '{sheet.title}'"))

    def capability(self, sheet: Sheet, questionnaire: Questionnaire) -> None:
        columns_known = [*layout().capability_columns, layout().capability_evidence_column]
        found = self.header(sheet, columns_known, ["id"])
        if not found:
            return
        header_row, columns = found
        attributes: dict[int, str] = {}
        for column, value in enumerate(sheet.rows[header_row - 1], start=1):
            match = re.match(r"\s*(PA\s*\d\.\d)", str(value or ""), re.IGNORECASE)
            if match:
                attributes[column] = match.group(1).upper().replace(" ", "")
        capability: dict[str, Any] = self.data.setdefault("capability", {})
        evidence_of: dict[str, Any] = self.data.setdefault("capability_evidence", {})
        for number, row in self.rows_after(sheet, header_row):
            area = text(get(row, columns["id"]))
            if not area:
                continue
            area = area.upper()
            self.places[("capability", area)] = (
                sheet.index * 100_000 + number,
                sheet.cell(number, columns["id"]),
            )
            ratings: dict[str, Any] = {}
            for column, attribute in attributes.items():
                value = text(
                    self.put(
                        ("capability", area, attribute), get(row, column), sheet, number, column
                    )
                )
                if value is not None:
                    ratings[attribute] = value
            if ratings:
                capability[area] = ratings
            if "evidence" in columns:
                cell = self.put(
                    ("capability_evidence", area),
                    get(row, columns["evidence"]),
                    sheet,
                    number,
                    columns["evidence"],
                )
                if named := lines(cell):
                    evidence_of[area] = named

    def figures(self, sheet: Sheet, questionnaire: Questionnaire) -> None:
        found = self.header(sheet, layout().figure_columns, ["id", "value"])
        if not found:
            return
        header_row, columns = found
        figures: dict[str, Any] = self.data.setdefault("figures", {})
        for number, row in self.rows_after(sheet, header_row):
            figure = text(get(row, columns["id"]))
            if not figure:
                continue
            value = self.put(
                ("figures", figure), get(row, columns["value"]), sheet, number, columns["value"]
            )
            if isinstance(value, str) and not value.strip():
                value = None
            if value is not None:
                figures[figure] = value

    def roles(self, sheet: Sheet, questionnaire: Questionnaire) -> None:
        found = self.header(sheet, layout().role_columns, ["id", "name"])
        if not found:
            return
        header_row, columns = found
        roles: dict[str, Any] = self.data.setdefault("roles", {})
        for number, row in self.rows_after(sheet, header_row):
            role = text(get(row, columns["id"]))
            if not role:
                continue
            location: Location = (
                ("roles", "sms_owner")
                if role == "sms_owner"
                else ("roles", "process_owners", role.upper())
            )
            name = text(
                self.put(location, get(row, columns["name"]), sheet, number, columns["name"])
            )
            if name is None:
                continue
            if role == "sms_owner":
                roles["sms_owner"] = name
            else:
                roles.setdefault("process_owners", {})[role.upper()] = name

    def matrix(self, sheet: Sheet, questionnaire: Questionnaire) -> None:
        found = self.header(sheet, layout().matrix_columns, ["item"])
        if not found:
            return
        header_row, columns = found
        fixed = set(columns.values())
        people = {
            column: name
            for column, value in enumerate(sheet.rows[header_row - 1], start=1)
            if column not in fixed and (name := text(value))
        }
        rows: list[dict[str, Any]] = self.data.setdefault("matrix", [])
        for number, row in self.rows_after(sheet, header_row):
            item = text(get(row, columns["item"]))
            if not item:
                continue
            index = len(rows)
            entry: dict[str, Any] = {"item": item}
            self.places[("matrix", index)] = (
                sheet.index * 100_000 + number,
                sheet.cell(number, columns["item"]),
            )
            if "area" in columns:
                area = text(
                    self.put(
                        ("matrix", index, "area"),
                        get(row, columns["area"]),
                        sheet,
                        number,
                        columns["area"],
                    )
                )
                if area:
                    entry["area"] = area.upper()
            assign: dict[str, Any] = {}
            for column, person in people.items():
                value = text(
                    self.put(
                        ("matrix", index, "assign", person),
                        get(row, column),
                        sheet,
                        number,
                        column,
                    )
                )
                if value:
                    assign[person] = value
            entry["assign"] = assign
            rows.append(entry)
