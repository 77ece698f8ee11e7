"""Saved assessments (``assessment.json``) read back, for planning and comparing.

JSON is read with the same safe YAML reader as every other input (JSON is YAML's subset for
what we write), so a broken file gets the same kind of message: the file, the line, the key.

A saved assessment is input like any other: a client or a colleague may have edited it. It
is checked against its schema, then against the catalogue: every requirement, clause and area
it names must exist, scores lie between 0 and 100, weights and capability levels are those the
catalogue and the scoring could have given. Each problem names the file and the place.
"""

from __future__ import annotations

import math
from collections.abc import Iterator, Sequence
from pathlib import Path

from readiness.errors import InputError, Problem, UsageError
from readiness.models.assessment import Assessment
from readiness.models.catalogue import Catalogue
from readiness.models.method import MethodInfo, across_methods_message, same_method
from readiness.sources.validation import validate_document
from readiness.sources.yaml import YamlDocument, load_yaml_file

MAX_SAVED_BYTES = 64 * 1024 * 1024
"""Largest saved assessment read. Answer files stop at 5 MiB; the assessment repeats each
answer's texts under every requirement it scores, so ours run larger (5.7 MB from a 4.2 MB
answer file with the longest texts everywhere): the limit on our inputs covers our outputs."""


def is_saved_assessment(path: Path) -> bool:
    """Whether ``path`` names a saved assessment rather than an answer file."""
    return path.suffix.lower() == ".json"


def load_assessment(
    path: Path,
    catalogue: Catalogue | None = None,
    *,
    method: MethodInfo | None = None,
    across_methods: bool = False,
) -> Assessment:
    """A saved assessment, validated against the current schema and, given ``catalogue``,
    against it (InputError listing every problem if it is not one).

    One made with another method than ``method`` (the run's) is refused (UsageError) unless
    ``across_methods``; its weights are then its method's, and are not checked against ours.
    """
    document = load_yaml_file(path, max_bytes=MAX_SAVED_BYTES)
    assessment = validate_document(
        Assessment, document, what="a saved assessment (assessment.json)"
    )
    own = same_method(assessment.source.method, method)
    if not own and not across_methods:
        message = across_methods_message(assessment.source.method, method)
        raise UsageError(f"{path}: {message}")
    if catalogue is not None:
        problems = list(catalogue_problems(assessment, catalogue, document, weights=own))
        if problems:
            raise InputError(path, problems)
    return assessment


def _score_problem(score: float | None) -> str | None:
    if score is None:
        return None
    if not math.isfinite(score) or not 0.0 <= score <= 100.0:
        return f"score {score} is not between 0 and 100"
    return None


def catalogue_problems(
    assessment: Assessment, catalogue: Catalogue, document: YamlDocument, *, weights: bool = True
) -> Iterator[Problem]:
    """What in ``assessment`` the catalogue could not have given, each at its place."""
    index = catalogue.index

    def at(*location: str | int) -> str:
        return document.place(location)

    def unknown(kind: str, value: str) -> str:
        return f"{value!r} is not {kind} of {catalogue.standard}:{catalogue.edition}"

    for number, result in enumerate(assessment.requirements):
        here: Sequence[str | int] = ("requirements", number)
        requirement = index.requirement.get(result.id)
        if requirement is None:
            yield Problem(at(*here, "id"), unknown("a requirement", result.id))
            continue
        if result.clause != requirement.clause:
            yield Problem(at(*here, "clause"), (
                f"requirement {result.id} is under clause {requirement.clause}, "
                f"not {result.clause}"))  # fmt: skip
        if result.area not in index.area:
            yield Problem(at(*here, "area"), unknown("an area", result.area))
        if weights and result.weight != requirement.weight:
            yield Problem(at(*here, "weight"), (
                f"requirement {result.id} has weight {requirement.weight}, not {result.weight}"))  # fmt: skip
        if (message := _score_problem(result.score)) is not None:
            yield Problem(at(*here, "score"), message)
    groups = [("overall", 0, assessment.overall)]
    groups += [("parts", n, g) for n, g in enumerate(assessment.parts)]
    groups += [("clauses", n, g) for n, g in enumerate(assessment.clauses)]
    groups += [("areas", n, g) for n, g in enumerate(assessment.areas)]
    for key, number, group in groups:
        here = (key,) if key == "overall" else (key, number)
        if (message := _score_problem(group.score)) is not None:
            yield Problem(at(*here, "score"), message)
        if not 0 <= group.weight <= 3 * len(index.requirement):
            yield Problem(at(*here, "weight"), f"weight {group.weight} is not a sum of weights")
        if key == "clauses" and group.id not in index.clause:
            yield Problem(at(*here, "id"), unknown("a clause", group.id))
        if key == "areas" and group.id not in index.area:
            yield Problem(at(*here, "id"), unknown("an area", group.id))
        for item, requirement_id in enumerate(group.requirements):
            if requirement_id not in index.requirement:
                yield Problem(at(*here, "requirements", item), unknown("a requirement", requirement_id))  # fmt: skip
    for number, finding in enumerate(assessment.findings):
        here = ("findings", number)
        if finding.area is not None and finding.area not in index.area:
            yield Problem(at(*here, "area"), unknown("an area", finding.area))
        if finding.clause is not None and finding.clause not in index.clause:
            yield Problem(at(*here, "clause"), unknown("a clause", finding.clause))
        for item, requirement_id in enumerate(finding.requirements):
            if requirement_id not in index.requirement:
                yield Problem(at(*here, "requirements", item), unknown("a requirement", requirement_id))  # fmt: skip
    for number, blocker in enumerate(assessment.blockers):
        here = ("blockers", number)
        if blocker.requirement not in index.requirement:
            yield Problem(at(*here, "requirement"), unknown("a requirement", blocker.requirement))
        if blocker.clause not in index.clause:
            yield Problem(at(*here, "clause"), unknown("a clause", blocker.clause))
    for name, value in (("target_score", assessment.target_score),
                        ("area_floor", assessment.area_floor)):  # fmt: skip
        if (message := _score_problem(value)) is not None:
            yield Problem(at(name), message)
