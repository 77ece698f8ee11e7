"""Combine the answers of several respondents of one client into one answer file.

Rules, chosen so that a merged picture is never rosier than any respondent's:
- rating: the lowest rating wins (N < P < L < F): conformity is only as good as the weakest
  practice reported. NA counts only when every respondent who answered said NA.
- documented, practised: the lowest wins (no < partly < yes).
- evidence: every reference, once; notes and NA justifications: each respondent's, labelled.
- owner, profile, roles: the first respondent's that is given.
- capability attributes: the lowest rating, and the evidence every respondent named;
  figures: the first respondent's value.
- matrix: the rows of all respondents; rows naming the same work item are combined.
Every question, attribute or figure on which respondents differ is reported.
"""

from __future__ import annotations

from typing import Any

from readiness.errors import InputError, Problem, safe_text
from readiness.models.answers import Answer, AnswerFile
from readiness.models.common import Extent, Rating
from readiness.models.provenance import Disagreement
from readiness.scoring.ratings import ORDER

EXTENT_ORDER = (Extent.NO, Extent.PARTLY, Extent.YES)


def merge_answers(
    respondents: list[tuple[str, AnswerFile]],
) -> tuple[AnswerFile, list[Disagreement]]:
    """Merge ``(respondent, answers)`` pairs of one client; refuse different clients."""
    first_name, first = respondents[0]
    for name, other in respondents[1:]:
        if other.client.name.casefold() != first.client.name.casefold():
            raise InputError(name, [Problem("client → name", (
                f"'{other.client.name}' is not the client of {first_name} ('{first.client.name}'): "
                "only answers of one client can be merged"))])  # fmt: skip
    disagreements: list[Disagreement] = []
    merged_answers: dict[str, dict[str, Any]] = {}
    question_ids = list(dict.fromkeys(q for _, a in respondents for q in a.answers))
    for question_id in question_ids:
        given = [
            (name, a.answers[question_id]) for name, a in respondents if question_id in a.answers
        ]
        merged_answers[question_id] = _merge_answer(question_id, given, disagreements)
    capability: dict[str, dict[str, Rating | None]] = {}
    for area in dict.fromkeys(k for _, a in respondents for k in a.capability):
        ratings: dict[str, Rating | None] = {}
        for attribute in dict.fromkeys(
            k for _, a in respondents for k in a.capability.get(area, {})
        ):
            values = {
                n: r for n, a in respondents if (r := a.capability.get(area, {}).get(attribute))
            }
            ratings[attribute] = _lowest(list(values.values()), ORDER) if values else None
            _note(disagreements, f"{area} {attribute}", "rating", values, ratings[attribute])
        capability[area] = ratings
    capability_evidence = {
        area: list(
            dict.fromkeys(e for _, a in respondents for e in a.capability_evidence.get(area, []))
        )
        for area in dict.fromkeys(k for _, a in respondents for k in a.capability_evidence)
    }
    figures: dict[str, float | bool | None] = {}
    for figure in dict.fromkeys(k for _, a in respondents for k in a.figures):
        reported = {n: v for n, a in respondents if (v := a.figures.get(figure)) is not None}
        figures[figure] = next(iter(reported.values()), None)
        _note(disagreements, figure, "figure", reported, figures[figure])
    data: dict[str, Any] = first.model_dump(
        exclude={"answers", "capability", "capability_evidence", "figures", "matrix", "roles"}
    )
    data["roles"] = {
        "sms_owner": next((a.roles.sms_owner for _, a in respondents if a.roles.sms_owner), None),
        "process_owners": {
            area: next(o for _, a in respondents if (o := a.roles.process_owners.get(area)))
            for area in dict.fromkeys(
                k for _, a in respondents for k, v in a.roles.process_owners.items() if v
            )
        },
    }
    data["matrix"] = _merge_matrix(respondents)
    merged = AnswerFile.model_validate(
        {
            **data,
            "answers": merged_answers,
            "capability": capability,
            "capability_evidence": capability_evidence,
            "figures": figures,
        }
    )
    return merged, disagreements


def _merge_answer(
    question_id: str, given: list[tuple[str, Answer]], found: list[Disagreement]
) -> dict[str, Any]:
    """The merged answer, validated with the whole file (so a limit names the question)."""
    rated = {n: a.rating for n, a in given if a.rating is not None and a.rating is not Rating.NA}
    all_na = [n for n, a in given if a.rating is Rating.NA]
    rating = _lowest(list(rated.values()), ORDER) if rated else (Rating.NA if all_na else None)
    _note(found, question_id, "rating", {n: a.rating for n, a in given if a.rating}, rating)
    documented = {n: a.documented for n, a in given if a.documented}
    practised = {n: a.practised for n, a in given if a.practised}
    merged_documented = _lowest(list(documented.values()), EXTENT_ORDER) if documented else None
    merged_practised = _lowest(list(practised.values()), EXTENT_ORDER) if practised else None
    _note(found, question_id, "documented", documented, merged_documented)
    _note(found, question_id, "practised", practised, merged_practised)
    labelled = len(given) > 1
    notes = [f"{n}: {a.notes}" if labelled else a.notes for n, a in given if a.notes]
    reasons = [
        f"{n}: {a.justification}" if labelled else a.justification
        for n, a in given
        if a.justification
    ]
    return {
        "rating": rating,
        "documented": merged_documented,
        "practised": merged_practised,
        "evidence": list(dict.fromkeys(e for _, a in given for e in a.evidence)),
        "notes": "\n".join(notes) or None,
        "owner": next((a.owner for _, a in given if a.owner), None),
        "justification": ("\n".join(reasons) or "NA by every respondent")
        if rating is Rating.NA
        else None,
    }


def _lowest(values: list[Any], order: tuple[Any, ...]) -> Any:
    return min(values, key=order.index)


def _note(
    found: list[Disagreement], subject: str, field: str, values: dict[str, Any], merged: Any
) -> None:
    if len({_show(v) for v in values.values()}) > 1:
        found.append(Disagreement(
            subject=subject, field=field, values={n: _show(v) for n, v in values.items()},
            merged="" if merged is None else _show(merged)))  # fmt: skip


def _show(value: Any) -> str:
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, float):
        return f"{value:g}"
    return str(value)


def _merge_matrix(respondents: list[tuple[str, AnswerFile]]) -> list[dict[str, Any]]:
    rows: dict[str, dict[str, Any]] = {}
    for _, answers in respondents:
        for row in answers.matrix:
            key = row.item.casefold()
            if key not in rows:
                rows[key] = {"item": row.item, "area": row.area, "assign": dict(row.assign)}
            else:
                rows[key]["area"] = rows[key]["area"] or row.area
                for person, role in row.assign.items():
                    rows[key]["assign"].setdefault(person, role)
    return list(rows.values())


def merge_respondents(
    respondents: list[tuple[str, AnswerFile]],
) -> tuple[AnswerFile, list[Any]]:
    """Several respondents' answers of one client merged (see :mod:`readiness.scoring.merge`);
    an InputError, not a traceback, when their union passes a limit each file respects alone
    (evidence items, notes, people in a matrix row): it names the question, process or work
    item and the files that hold it. A file name holding control characters labels its answers
    with them escaped."""
    from pydantic import ValidationError

    labelled = [(safe_text(name), answers) for name, answers in respondents]  # names go in notes
    try:
        return merge_answers(labelled)
    except ValidationError as error:
        raise _past_a_limit(respondents, error) from None


UNITS = {"notes": "characters", "justification": "characters", "assign": "people"}
"""What a merged value's size counts, by its key (else items; the matrix counts rows)."""


def _past_a_limit(respondents: list[tuple[str, AnswerFile]], error: Any) -> InputError:
    """The first limit the merged answers pass, in the words of the files that hold them."""
    first = error.errors(include_url=False)[0]
    location, limit = tuple(first["loc"]), first.get("ctx", {}).get("max_length")
    value, where = first.get("input"), [str(part) for part in location]
    holders = [name for name, answers in respondents if _holds(answers, location)]
    if location[:1] == ("matrix",) and len(location) > 1:
        item = _merge_matrix(respondents)[int(location[1])]["item"]
        where[1] = repr(item)
        holders = [
            name
            for name, answers in respondents
            if any(row.item.casefold() == item.casefold() for row in answers.matrix)
        ]
    if limit is None or not isinstance(value, str | list | dict):  # no limit of size: say what
        message = f"{first['msg']} once the files are merged"
    else:
        unit = "rows" if location == ("matrix",) else UNITS.get(where[-1], "items")
        message = (
            f"{len(value):,} {unit} once the files are merged; the limit is {limit:,} (each "
            f"file alone is within it): shorten the answers or merge fewer files"
        )
    names = ", ".join(holders or [name for name, _ in respondents])
    return InputError(names, [Problem(" → ".join(where), message)])


def _holds(answers: AnswerFile, location: tuple[Any, ...]) -> bool:
    """Whether ``answers`` gives a value at ``location`` of the merged file."""
    value: Any = answers.model_dump()
    for part in location:
        if isinstance(value, dict) and part in value:
            value = value[part]
        else:
            return False
    return bool(value)
