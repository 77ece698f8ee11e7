"""A consultant's method folder, merged over the shipped catalogue, question bank and scoring.

The merge happens here, once, so that scoring, planning and rendering only ever see one
catalogue, one question bank and one set of scoring parameters, whichever made them:

- ``questions.yaml`` adds questions to an area, or replaces ours of the same id;
- ``weights.yaml`` changes requirement weights;
- ``scale.yaml`` sets a finer rating scale (each rating a value 0–1 inside its ISO/IEC 33020
  band, see :mod:`readiness.models.scale`);
- ``scoring.yaml`` is merged key by key over the scoring parameters (thresholds, caps, verdict);
- ``rules.yaml`` adds or replaces figures and indicator rules;
- ``labels.yaml`` changes interface labels in English and Chinese;
- ``plan.yaml`` is the plan configuration (merged over ``plans/plan.yaml``) unless ``--config``
  names another.

Every file is validated like the shipped ones; a problem names the file and the line, and an
overlay naming a requirement, area, question or label we do not have says so.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pydantic import BaseModel, RootModel

from readiness.data.questionnaire import check_questionnaire
from readiness.errors import InputError, Problem
from readiness.language import Language
from readiness.models.catalogue import Catalogue
from readiness.models.method import MethodInfo, QuestionsOverlay, RulesOverlay, WeightsFile
from readiness.models.questionnaire import AreaQuestions, Questionnaire
from readiness.models.scale import RatingScale
from readiness.models.scoring import ScoringConfig
from readiness.sources.validation import validate_document
from readiness.sources.yaml import YamlDocument, load_yaml_file, read_text

FOLDER_NAME = "readiness-method"
"""A method folder of this name in the working folder is used without ``--method``."""
FILES = (
    "method.yaml",
    "questions.yaml",
    "weights.yaml",
    "scale.yaml",
    "scoring.yaml",
    "rules.yaml",
    "labels.yaml",
    "plan.yaml",
)
Location = tuple[str | int, ...]


@dataclass(frozen=True)
class Method:
    """A method folder, read: its identity and the documents of the files it has."""

    folder: Path
    info: MethodInfo
    documents: dict[str, YamlDocument]

    @property
    def plan_config(self) -> Path | None:
        """The method's ``plan.yaml``, if it has one."""
        return self.folder / "plan.yaml" if "plan.yaml" in self.documents else None


def find_method(chosen: Path | None, cwd: Path | None = None) -> Path | None:
    """``chosen``, else a ``readiness-method`` folder in the working folder, else None."""
    if chosen is not None:
        return chosen
    found = (cwd or Path.cwd()) / FOLDER_NAME
    return found if (found / "method.yaml").is_file() else None


def load_method(folder: Path) -> Method:
    """Read a method folder: ``method.yaml`` must be there; every other file is optional."""
    folder = folder.resolve()
    if not folder.is_dir():
        raise InputError(str(folder), [Problem("", "this method folder does not exist")])
    if not (folder / "method.yaml").is_file():
        message = "a method folder needs a method.yaml (write one with 'readiness method init')"
        raise InputError(str(folder), [Problem("", message)])
    unknown = sorted(
        p.name for p in folder.glob("*.y*ml") if p.name not in FILES and p.suffix == ".yaml"
    )
    if unknown:
        known = ", ".join(FILES)
        raise InputError(
            str(folder),
            [Problem(name, f"not a file of a method (use {known})") for name in unknown],
        )
    documents = {
        name: load_yaml_file(folder / name)
        for name in FILES
        if (folder / name).is_file() and (name == "method.yaml" or _has_content(folder / name))
    }
    info = validate_document(MethodInfo, documents["method.yaml"], what="a method description")
    return Method(folder, info, documents)


def _has_content(path: Path) -> bool:
    """False for a file of comments only, as ``readiness method init`` writes most of them."""
    lines = read_text(path).splitlines()
    return any(line.strip() and not line.lstrip().startswith("#") for line in lines)


def method_catalogue(method: Method, catalogue: Catalogue) -> Catalogue:
    """The catalogue with the method's weights."""
    document = method.documents.get("weights.yaml")
    if document is None:
        return catalogue
    weights = validate_document(WeightsFile, document, what="a weights file").weights
    _raise(
        document,
        [
            (("weights", rid), f"requirement {rid} is not in the catalogue")
            for rid in weights
            if not catalogue.has_requirement(rid)
        ],
    )
    requirements = [
        r.model_copy(update={"weight": weights[r.id]}) if r.id in weights else r
        for r in catalogue.requirements
    ]
    return Catalogue(**{**_fields(catalogue), "requirements": requirements})


def method_questionnaire(
    method: Method, questionnaire: Questionnaire, catalogue: Catalogue
) -> Questionnaire:
    """The question bank with the method's questions, rules and scale."""
    update: dict[str, Any] = {}
    document = method.documents.get("questions.yaml")
    if document is not None:
        overlay = validate_document(QuestionsOverlay, document, what="a question file")
        _raise(document, list(_question_problems(overlay, catalogue)))
        update["areas"] = _merged_areas(questionnaire.areas, overlay.areas)
    document = method.documents.get("rules.yaml")
    if document is not None:
        rules = validate_document(RulesOverlay, document, what="a rules file")
        figures = _by_id(questionnaire.figures, rules.figures)
        known = {f.id for f in figures}
        _raise(document, list(_rule_problems(rules, known, catalogue)))
        update["figures"] = figures
        update["rules"] = _by_id(questionnaire.rules, rules.rules)
    document = method.documents.get("scale.yaml")
    if document is not None:
        update["scale"] = validate_document(RatingScale, document, what="a rating scale")
    if not update:
        return questionnaire
    merged = Questionnaire(**{**_fields(questionnaire), **update})
    problems = check_questionnaire(merged, catalogue)
    if problems:
        where = method.folder / ("questions.yaml" if "areas" in update else "rules.yaml")
        raise InputError(str(where), [Problem("", message) for message in problems])
    return merged


def method_scoring(method: Method, scoring: ScoringConfig) -> ScoringConfig:
    """The scoring parameters with the method's ``scoring.yaml`` merged over them key by key."""
    document = method.documents.get("scoring.yaml")
    if document is None:
        return scoring
    if not isinstance(document.data, dict):
        validate_document(ScoringConfig, document, what="a scoring file")  # raises
    merged = _merge(scoring.model_dump(mode="json"), document.data)
    layered = YamlDocument(document.source, merged, document.lines)
    return validate_document(ScoringConfig, layered, what="a scoring file")


class _Labels(RootModel[dict[Language, dict[str, str]]]):
    pass


def method_labels(method: Method, shipped: dict[str, str]) -> dict[Language, dict[str, str]]:
    """The labels the method changes, per language; every key must be one of ours."""
    document = method.documents.get("labels.yaml")
    if document is None:
        return {}
    table = validate_document(_Labels, document, what="a labels file").root
    _raise(
        document,
        [
            ((lang.value, key), f"'{key}' is not a label of readiness")
            for lang, entries in table.items()
            for key in entries
            if key not in shipped
        ],
    )
    return table


def _question_problems(
    overlay: QuestionsOverlay, catalogue: Catalogue
) -> Iterator[tuple[Location, str]]:
    for i, group in enumerate(overlay.areas):
        if not catalogue.has_area(group.area):
            yield ("areas", i, "area"), f"area {group.area} is not in the catalogue"
        for j, question in enumerate(group.questions):
            if question.area_id != group.area:
                yield (
                    ("areas", i, "questions", j, "id"),
                    f"question {question.id} is listed under area {group.area}",
                )
            for k, rid in enumerate(question.covers):
                if not catalogue.has_requirement(rid):
                    yield (
                        ("areas", i, "questions", j, "covers", k),
                        f"requirement {rid} is not in the catalogue",
                    )


def _rule_problems(
    rules: RulesOverlay, figures: set[str], catalogue: Catalogue
) -> Iterator[tuple[Location, str]]:
    for i, figure in enumerate(rules.figures):
        if not catalogue.has_area(figure.area):
            yield ("figures", i, "area"), f"area {figure.area} is not in the catalogue"
    for i, rule in enumerate(rules.rules):
        if rule.figure not in figures:
            yield ("rules", i, "figure"), f"figure {rule.figure} is not asked for"
        for k, rid in enumerate(rule.requirements):
            if not catalogue.has_requirement(rid):
                yield ("rules", i, "requirements", k), f"requirement {rid} is not in the catalogue"


def _merged_areas(ours: list[AreaQuestions], theirs: list[AreaQuestions]) -> list[AreaQuestions]:
    """Questions replaced where the id is ours, else added at the end of their area."""
    replaced = {q.id: q for group in theirs for q in group.questions}
    result: list[AreaQuestions] = []
    for group in ours:
        questions = [replaced.pop(q.id, q) for q in group.questions]
        result.append(group.model_copy(update={"questions": questions}))
    for group in theirs:
        added = [q for q in group.questions if q.id in replaced]
        if not added:
            continue
        at = next((n for n, g in enumerate(result) if g.area == group.area), None)
        if at is None:
            result.append(AreaQuestions(area=group.area, questions=added))
        else:
            result[at] = result[at].model_copy(
                update={"questions": [*result[at].questions, *added]}
            )
    return result


def _by_id(ours: list[Any], theirs: list[Any]) -> list[Any]:
    replaced = {item.id: item for item in theirs}
    kept = [replaced.pop(item.id, item) for item in ours]
    return [*kept, *replaced.values()]


def _merge(base: Any, over: Any) -> Any:
    if isinstance(base, dict) and isinstance(over, dict):
        return {**base, **{key: _merge(base.get(key), value) for key, value in over.items()}}
    return over


def _fields(model: BaseModel) -> dict[str, Any]:
    """A model's fields (not the lookup tables it caches), to build a changed copy from."""
    return {name: getattr(model, name) for name in type(model).model_fields}


def _raise(document: YamlDocument, found: list[tuple[Location, str]]) -> None:
    if found:
        raise InputError(document.source, [Problem(document.place(w), m) for w, m in found])
