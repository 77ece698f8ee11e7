"""Load the question bank and check it against the catalogue."""

from __future__ import annotations

from pathlib import Path

from pydantic import Field

from readiness.data.cache import cached_model, source_key
from readiness.data.catalogue import catalogue_key
from readiness.errors import InputError, Problem
from readiness.models.catalogue import Catalogue
from readiness.models.common import LocalText, NonEmpty, Strict
from readiness.models.questionnaire import (
    BusinessCategory,
    CapabilityAttribute,
    Figure,
    IndicatorRule,
    QuestionFile,
    Questionnaire,
)
from readiness.paths import questionnaires_dir
from readiness.sources.validation import construct, validate_document, validate_files
from readiness.sources.yaml import load_yaml_file

DEFAULT_FOLDER = "iso20000-2018"


class _HeadFile(Strict):
    id: NonEmpty
    version: NonEmpty
    edition: NonEmpty
    title: LocalText
    capability: list[CapabilityAttribute] = Field(min_length=1)
    figures: list[Figure]
    rules: list[IndicatorRule]
    business_categories: list[BusinessCategory]


def load_questionnaire(catalogue: Catalogue, folder: Path | None = None) -> Questionnaire:
    """Load the question bank from ``folder`` (default: the shipped one) and check it.

    Every question must cover real requirements, every requirement must be covered, and
    figures and rules must point at real areas and requirements. A bank checked once against
    a catalogue read from the cache is read back from the cache until either changes.
    """
    folder = (folder or questionnaires_dir() / DEFAULT_FOLDER).resolve()
    key = (folder, id(catalogue))
    if key not in _LOADED:
        _LOADED[key] = (catalogue, _cached_load(folder, catalogue))
    return _LOADED[key][1]


def _cached_load(folder: Path, catalogue: Catalogue) -> Questionnaire:
    depends = catalogue_key(catalogue)
    files = [folder / "questionnaire.yaml", *sorted(folder.glob("part-*.yaml"))]
    key = None if depends is None else source_key("questionnaire", folder, files, depends=depends)
    return cached_model(Questionnaire, "questionnaire", key, lambda: _load(folder, catalogue))


# Parsed once per process. The catalogue is kept in the value so that its id cannot be
# reused by another object while the entry lives.
_LOADED: dict[tuple[Path, int], tuple[Catalogue, Questionnaire]] = {}


def _load(folder: Path, catalogue: Catalogue) -> Questionnaire:
    head = validate_document(
        _HeadFile, load_yaml_file(folder / "questionnaire.yaml"), what="a questionnaire file"
    )
    files = validate_files(QuestionFile, folder, "part-*.yaml", what="a question file")
    areas = [group for file in files for group in file.areas]
    questionnaire = construct(
        Questionnaire,
        folder,
        id=head.id,
        version=head.version,
        edition=head.edition,
        title=head.title,
        areas=sorted(areas, key=lambda group: _area_order(catalogue, group.area)),
        capability=head.capability,
        figures=head.figures,
        rules=head.rules,
        business_categories=head.business_categories,
    )
    problems = [Problem("", message) for message in check_questionnaire(questionnaire, catalogue)]
    if problems:
        raise InputError(folder, problems)
    return questionnaire


def _area_order(catalogue: Catalogue, area_id: str) -> int:
    ids = [area.id for area in catalogue.areas]
    return ids.index(area_id) if area_id in ids else len(ids)


def check_questionnaire(questionnaire: Questionnaire, catalogue: Catalogue) -> list[str]:
    """Cross-references between the bank and the catalogue that do not hold."""
    errors: list[str] = []
    covered: set[str] = set()
    for group in questionnaire.areas:
        if not catalogue.has_area(group.area):
            errors.append(f"area {group.area} is not in the catalogue")
            continue
        for question in group.questions:
            for requirement_id in question.covers:
                if not catalogue.has_requirement(requirement_id):
                    errors.append(
                        f"question {question.id}: requirement {requirement_id} does not exist"
                    )
                covered.add(requirement_id)
    errors += [
        f"requirement {r.id} is covered by no question"
        for r in catalogue.requirements
        if r.id not in covered
    ]
    for figure in questionnaire.figures:
        if not catalogue.has_area(figure.area):
            errors.append(f"figure {figure.id}: area {figure.area} is not in the catalogue")
    for rule in questionnaire.rules:
        errors += [
            f"rule {rule.id}: requirement {r} does not exist"
            for r in rule.requirements
            if not catalogue.has_requirement(r)
        ]
    return errors
