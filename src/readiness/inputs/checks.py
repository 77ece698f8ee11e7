"""An answer file's document checked against the question bank: the schema and every reference
(question ids, processes, figures, categories), all problems in one round."""

from __future__ import annotations

import math
from typing import Any

from readiness.errors import InputError, Problem
from readiness.inputs.grades import apply_scale, grade_problems
from readiness.models.answers import AnswerFile, parse_figure
from readiness.models.catalogue import Catalogue
from readiness.models.questionnaire import Questionnaire
from readiness.sources.validation import Document, validate_document

Location = tuple[str | int, ...]
"""Where in an answer file: keys and list positions from the top."""


def answers_from_document(
    document: Document, questionnaire: Questionnaire, catalogue: Catalogue
) -> AnswerFile:
    """Validate a parsed document as an answer file of ``questionnaire``.

    Every problem is reported at once: references the questionnaire does not know (question
    ids, processes, figures, categories) are looked up in the raw document too, so that a file
    with a bad rating and a mistyped question id needs one round of corrections, not two.
    """
    data = document.data
    if isinstance(data, dict) and not {"questionnaire", "client", "answers"} & data.keys():
        message = (
            "this is not an answer file: it has none of the keys 'questionnaire', 'client' "
            "and 'answers' (export a blank one with 'readiness questionnaire export')"
        )
        raise InputError(document.source, [Problem("line 1", message)])
    if questionnaire.scale is not None:
        document.data = data = apply_scale(data, questionnaire.scale)
    answers = validate_document(
        AnswerFile,
        document,
        what="an answer file",
        alongside=lambda: reference_problems(data, questionnaire, catalogue),
    )
    found = check_answers(answers, questionnaire, catalogue)
    found += grade_problems(answers.answers, questionnaire.scale)
    if found:
        raise InputError(
            document.source, [Problem(document.place(where), message) for where, message in found]
        )
    return answers


def check_answers(
    answers: AnswerFile, questionnaire: Questionnaire, catalogue: Catalogue
) -> list[tuple[Location, str]]:
    """References in the answers that the questionnaire does not know, with their location."""
    data = {
        "questionnaire": answers.questionnaire,
        "questionnaire_version": answers.questionnaire_version,
        "answers": answers.answers,
        "capability": answers.capability,
        "capability_evidence": answers.capability_evidence,
        "figures": answers.figures,
        "client": {"business_categories": answers.client.business_categories},
        "roles": {"process_owners": answers.roles.process_owners},
        "matrix": [{"area": row.area} for row in answers.matrix],
    }
    return reference_problems(data, questionnaire, catalogue)


def reference_problems(
    data: dict[str, Any], questionnaire: Questionnaire, catalogue: Catalogue
) -> list[tuple[Location, str]]:
    """Like :func:`check_answers`, on answer-file data that may not be valid otherwise.

    Whatever has the wrong shape is skipped: validation reports it.
    """
    found: list[tuple[Location, str]] = []
    ident, version = data.get("questionnaire"), data.get("questionnaire_version")
    version = str(version) if isinstance(version, int | float) else version
    if isinstance(ident, str) and ident.strip() and ident.strip() != questionnaire.id:
        found.append(
            (
                ("questionnaire",),
                f"'{ident.strip()}' is not this tool's questionnaire ({questionnaire.id})",
            )
        )
    elif (
        isinstance(ident, str)
        and isinstance(version, str)
        and version.strip()
        and (version.strip() != questionnaire.version)
    ):
        found.append(
            (
                ("questionnaire_version",),
                f"version {version.strip()} is "
                f"not the current questionnaire version {questionnaire.version}",
            )
        )
    found += [
        (("answers", question_id), f"'{question_id}' is not a question of this questionnaire")
        for question_id in _mapping(data.get("answers"))
        if isinstance(question_id, str) and not questionnaire.has_question(question_id)
    ]
    found += _check_capability(_mapping(data.get("capability")), questionnaire, catalogue)
    processes = {area.id for area in catalogue.processes()}
    found += [
        (("capability_evidence", area), f"'{area}' is not a process of Part B")
        for area in _mapping(data.get("capability_evidence"))
        if isinstance(area, str) and area not in processes
    ]
    found += _check_figures(_mapping(data.get("figures")), questionnaire)
    categories = {c.id for c in questionnaire.business_categories}
    names = _sequence(_mapping(data.get("client")).get("business_categories"))
    found += [
        (
            ("client", "business_categories", index),
            f"'{name.strip()}' is not one of the 14 business categories (see 'readiness schema')",
        )
        for index, name in enumerate(names)
        if isinstance(name, str) and name.strip() not in categories
    ]
    processes = {area.id for area in catalogue.processes()}
    owners = _mapping(_mapping(data.get("roles")).get("process_owners"))
    found += [
        (("roles", "process_owners", area), f"'{area}' is not a process of Part B")
        for area in owners
        if isinstance(area, str) and area not in processes
    ]
    for index, row in enumerate(_sequence(data.get("matrix"))):
        area = _mapping(row).get("area")
        if isinstance(area, str) and not catalogue.has_area(area):
            found.append(
                (("matrix", index, "area"), f"'{area}' is not an area of the questionnaire")
            )
    return found


def _mapping(value: Any) -> dict[Any, Any]:
    return value if isinstance(value, dict) else {}


def _sequence(value: Any) -> list[Any]:
    return value if isinstance(value, list) else []


def _check_capability(
    capability: dict[Any, Any], questionnaire: Questionnaire, catalogue: Catalogue
) -> list[tuple[Location, str]]:
    found: list[tuple[Location, str]] = []
    processes = {area.id for area in catalogue.processes()}
    asked = {a.id for a in questionnaire.asked_attributes()}
    for area, ratings in capability.items():
        if not isinstance(area, str):
            continue
        if area not in processes:
            found.append((("capability", area), f"'{area}' is not a process of Part B"))
            continue
        for attribute in _mapping(ratings):
            if attribute == "PA1.1":
                found.append(
                    (
                        ("capability", area, attribute),
                        "PA1.1 is rated from the process's answers; leave it out",
                    )
                )
            elif isinstance(attribute, str) and attribute not in asked:
                found.append(
                    (
                        ("capability", area, attribute),
                        f"'{attribute}' is not a process attribute; use one of "
                        + ", ".join(sorted(asked)),
                    )
                )
    return found


def _check_figures(
    figures: dict[Any, Any], questionnaire: Questionnaire
) -> list[tuple[Location, str]]:
    found: list[tuple[Location, str]] = []
    for figure_id, raw in figures.items():
        if not isinstance(figure_id, str):
            continue
        where: Location = ("figures", figure_id)
        if not questionnaire.has_figure(figure_id):
            found.append((where, f"'{figure_id}' is not a figure of this questionnaire"))
            continue
        try:
            value = parse_figure(raw)
        except ValueError:
            continue  # validation says why
        problem = figure_problem(questionnaire.figure(figure_id).kind, value)
        if problem:
            found.append((where, problem))
    return found


MAX_COUNT = 1_000_000
"""Largest count or number of months a figure may give."""


def figure_problem(kind: str, value: Any) -> str | None:
    """Why ``value`` is not a valid figure of ``kind``, or None."""
    if value is None:
        return None
    if kind == "yes_no":
        return None if isinstance(value, bool) else f"{value!r} is not yes or no"
    if isinstance(value, bool):
        return f"{value} is not a number"
    if isinstance(value, float) and not math.isfinite(value):
        return f"{value} is not a number"
    if kind == "percent" and not 0 <= value <= 100:
        return f"{value:g} is not a percentage between 0 and 100"
    if value < 0:
        return f"{value:g} cannot be negative"
    if kind in ("count", "months") and value != int(value):
        return f"{value:g} is not a whole number"
    if kind in ("count", "months") and value > MAX_COUNT:
        return f"{value:g} is more than {MAX_COUNT:,}"
    return None
