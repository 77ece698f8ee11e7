"""CISO Assistant: the catalogue as a framework library, an assessment as its import file.

The library (YAML) holds one framework: the clauses as a tree of requirement nodes, our
requirements as the assessable leaves (description, typical evidence, weight), the N/P/L/F
scale as scores 0 to 3, implementation groups for the three parts and the 13 processes, and
each question (choices N, P, L, F, NA) on the node of the first requirement it covers. English
is the library's locale; Chinese is in ``translations``. URNs are lowercase.

The library's ``version`` must rise whenever its content changes (CISO Assistant keeps the
highest version of a URN and refuses an equal or lower one); it is made from the catalogue
and questionnaire versions, ``MMmmQQqq`` (1.0 and 1.0 give 1000100), so raising either raises it.

The assessment is the CSV that CISO Assistant's data wizard reads for a compliance assessment
of this framework: per assessable requirement its ``ref_id`` and ``urn``, ``compliance_result``,
``requirement_progress``, ``score`` (the band of our percent score, 0 to 3), ``observations``
(our finding class and its reasons) and ``answers`` (``question >> choice`` lines).
"""

from __future__ import annotations

import csv
import io
import re
from typing import Any

import yaml

from readiness.errors import safe_text
from readiness.language import Language
from readiness.models.assessment import Assessment
from readiness.models.catalogue import Catalogue, Requirement
from readiness.models.common import Basis, FindingClass, LocalText, Rating
from readiness.models.questionnaire import Question, Questionnaire
from readiness.render.interchange.trackers import safe_cell
from readiness.scoring.ratings import ORDER, band_of

SLUG = "iso20000-1-2018"
LIBRARY_URN = f"urn:readiness:risk:library:{SLUG}"
FRAMEWORK_URN = f"urn:readiness:risk:framework:{SLUG}"
NODE_URN = f"urn:readiness:risk:req_node:{SLUG}"

SCALE = {
    Rating.N: LocalText(en="Not achieved (0-15 %)", zh="未达到（0-15%）"),
    Rating.P: LocalText(en="Partially achieved (>15-50 %)", zh="部分达到（>15-50%）"),
    Rating.L: LocalText(en="Largely achieved (>50-85 %)", zh="大部分达到（>50-85%）"),
    Rating.F: LocalText(en="Fully achieved (>85-100 %)", zh="完全达到（>85-100%）"),
}
NOT_APPLICABLE = LocalText(en="Not applicable", zh="不适用")
BASIS = {
    Basis.PRACTICE: LocalText(
        en="Good practice, not a requirement of the 2018 text: a gap is at most an observation.",
        zh="良好实践，并非2018版标准的要求：差距最多记为观察项。",
    ),
    Basis.PRECONDITION: LocalText(
        en="Readiness precondition of the certification body, not a clause of the standard.",
        zh="认证机构的认证准备前提条件，并非标准条款。",
    ),
}
"""Annotations of items that are not requirements of the standard (domain: practice apart)."""
RESULT = {
    FindingClass.MAJOR: "non_compliant",
    FindingClass.MINOR: "non_compliant",
    FindingClass.OBSERVATION: "partially_compliant",
    FindingClass.CONFORMING: "compliant",
    FindingClass.NOT_APPLICABLE: "not_applicable",
}
"""A predicted nonconformity is non-compliant; an observation leaves gaps but no nonconformity."""

ASSESSMENT_HEADER = [
    "ref_id",
    "urn",
    "assessable",
    "name",
    "compliance_result",
    "requirement_progress",
    "score",
    "observations",
    "answers",
]


def library_version(catalogue: Catalogue, questionnaire: Questionnaire) -> int:
    """``MMmmQQqq`` from the catalogue and questionnaire versions (the first two numbers of each)."""

    def pair(version: str) -> int:
        numbers = [int(n) for n in re.findall(r"\d+", version)[:2]] + [0, 0]
        return min(numbers[0], 99) * 100 + min(numbers[1], 99)

    return pair(catalogue.catalogue_version) * 10000 + pair(questionnaire.version)


def node_urn(node_id: str) -> str:
    """The URN of a clause (``8.5.1``) or requirement (``R-8.5.1.2-01``) node."""
    return f"{NODE_URN}:{node_id.lower()}"


def _question_urn(question: Question) -> str:
    return f"{node_urn(question.covers[0])}:question:{question.id.lower()}"


def _zh(**fields: str) -> dict[str, dict[str, str]]:
    return {"zh": fields}


def _question(question: Question) -> dict[str, Any]:
    urn = _question_urn(question)
    choices = []
    for index, rating in enumerate([*ORDER, Rating.NA], 1):
        text = SCALE.get(rating, NOT_APPLICABLE)
        choices.append(
            {
                "urn": f"{urn}:choice:{index}",
                "value": f"{rating.value}: {text.en}",
                "translations": _zh(value=f"{rating.value}：{text.zh}"),
            }
        )
    note = BASIS.get(question.basis)
    guidance = LocalText(
        en=f"{note.en} {question.guidance.en}" if note else question.guidance.en,
        zh=f"{note.zh}{question.guidance.zh}" if note else question.guidance.zh,
    )
    return {
        "type": "unique_choice",
        "text": question.text.en,
        "annotation": guidance.en,
        "translations": _zh(text=question.text.zh, annotation=guidance.zh),
        "choices": choices,
    }


def library_bytes(catalogue: Catalogue, questionnaire: Questionnaire) -> bytes:
    """The catalogue and question bank as a CISO Assistant library (YAML)."""
    title = LocalText(
        en=f"{catalogue.standard}:{catalogue.edition} (readiness)",
        zh=f"{catalogue.standard}:{catalogue.edition}（readiness）",
    )
    description = LocalText(
        en=f"{catalogue.title.en}. Requirements in readiness's own words, not the standard's text.",
        zh=f"{catalogue.title.zh}。要求由 readiness 以自己的语言表述，并非标准原文。",
    )
    framework = {
        "urn": FRAMEWORK_URN,
        "ref_id": SLUG,
        "name": title.en,
        "description": description.en,
        "translations": _zh(name=title.zh, description=description.zh),
        "min_score": 0,
        "max_score": len(ORDER) - 1,
        "scores_definition": [
            {
                "score": index,
                "name": rating.value,
                "description": SCALE[rating].en,
                "translations": _zh(name=rating.value, description=SCALE[rating].zh),
            }
            for index, rating in enumerate(ORDER)
        ],
        "implementation_groups_definition": _implementation_groups(catalogue),
        "requirement_nodes": _nodes(catalogue, questionnaire),
    }
    library = {
        "urn": LIBRARY_URN,
        "locale": "en",
        "ref_id": SLUG,
        "name": title.en,
        "description": description.en,
        "copyright": "readiness; ISO/IEC 20000-1 clause numbers and titles only",
        "version": library_version(catalogue, questionnaire),
        "provider": "readiness",
        "packager": "readiness",
        "translations": _zh(name=title.zh, description=description.zh),
        "objects": {"framework": framework},
    }
    text = yaml.safe_dump(library, allow_unicode=True, sort_keys=False, width=100)
    return text.encode("utf-8")


def _implementation_groups(catalogue: Catalogue) -> list[dict[str, Any]]:
    """Parts A, B and C, then the 13 processes: the groups a requirement belongs to."""
    return [
        {"ref_id": part.id, "name": part.title.en, "translations": _zh(name=part.title.zh)}
        for part in catalogue.parts
    ] + [
        {"ref_id": area.id, "name": area.title.en, "translations": _zh(name=area.title.zh)}
        for area in catalogue.processes()
    ]


def _nodes(catalogue: Catalogue, questionnaire: Questionnaire) -> list[dict[str, Any]]:
    """Every clause (not assessable) followed by its own requirements (assessable), in order."""
    groups: dict[str, list[str]] = {}
    for requirement in catalogue.requirements:
        groups.setdefault(requirement.id, []).append(
            catalogue.index.part_of_requirement[requirement.id]
        )
    for area in catalogue.processes():
        for requirement in catalogue.area_requirements(area.id):
            groups[requirement.id].append(area.id)
    asked: dict[str, dict[str, Any]] = {}
    for question in questionnaire.questions():
        asked.setdefault(question.covers[0], {})[_question_urn(question)] = _question(question)
    nodes: list[dict[str, Any]] = []
    for clause in catalogue.clauses:
        node: dict[str, Any] = {
            "urn": node_urn(clause.id),
            "assessable": False,
            "depth": clause.id.count(".") + 1,
            "ref_id": clause.id,
            "name": clause.title.en,
            "translations": _zh(name=clause.title.zh),
        }
        if clause.parent_id:
            node["parent_urn"] = node_urn(clause.parent_id)
        nodes.append(node)
        for requirement in catalogue.index.under.get(clause.id, []):
            if requirement.clause == clause.id:
                nodes.append(_leaf(requirement, node, groups[requirement.id], asked))
    return nodes


def _leaf(
    requirement: Requirement,
    clause: dict[str, Any],
    groups: list[str],
    asked: dict[str, dict[str, Any]],
) -> dict[str, Any]:
    """An assessable requirement node under its clause's node."""
    leaf: dict[str, Any] = {
        "urn": node_urn(requirement.id),
        "assessable": True,
        "depth": clause["depth"] + 1,
        "parent_urn": clause["urn"],
        "ref_id": requirement.id,
        "description": requirement.text.en,
        "implementation_groups": list(dict.fromkeys(groups)),
        "weight": requirement.weight,
        "translations": _zh(description=requirement.text.zh),
    }
    if note := BASIS.get(requirement.basis):
        leaf["annotation"] = note.en
        leaf["translations"]["zh"]["annotation"] = note.zh
    if requirement.evidence:
        leaf["typical_evidence"] = "\n".join(e.en for e in requirement.evidence)
        leaf["translations"]["zh"]["typical_evidence"] = "\n".join(
            e.zh for e in requirement.evidence
        )
    if requirement.id in asked:
        leaf["questions"] = asked[requirement.id]
    return leaf


def assessment_csv_bytes(
    assessment: Assessment, questionnaire: Questionnaire, language: Language
) -> bytes:
    """The assessment as the compliance-assessment CSV of CISO Assistant's data wizard."""
    by_requirement: dict[str, list[Question]] = {}
    for question in questionnaire.questions():
        by_requirement.setdefault(question.covers[0], []).append(question)
    choice = {
        rating: f"{rating.value}: {SCALE.get(rating, NOT_APPLICABLE).en}" for rating in Rating
    }
    label = {Language.EN: "Predicted finding", Language.ZH: "预测审核发现"}[language]
    rows = []
    for requirement in assessment.requirements:
        ratings = {c.question: c.rating for c in requirement.contributions}
        answers = [
            f"{q.text.en} >> {choice[rating]}"
            for q in by_requirement.get(requirement.id, [])
            if (rating := ratings.get(q.id)) is not None
        ]
        reasons = [safe_text(r.text.get(language)) for r in requirement.reasons]
        score = "" if requirement.score is None else str(ORDER.index(band_of(requirement.score)))
        rows.append(
            [
                requirement.id,
                node_urn(requirement.id),
                "True",
                requirement.id,
                RESULT[requirement.finding],
                "done",
                score,
                "\n".join([f"{label}: {requirement.finding.value}", *reasons]),
                "\n".join(answers),
            ]
        )
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(ASSESSMENT_HEADER)
    writer.writerows([safe_cell(cell) for cell in row] for row in rows)
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")
