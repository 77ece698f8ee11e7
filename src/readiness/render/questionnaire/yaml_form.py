"""Answer files as YAML: a blank one to fill in, and a filled one written back out."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import yaml

from readiness.data.labels import labels
from readiness.language import Language
from readiness.models.answer_schema import modeline
from readiness.models.answers import AnswerFile
from readiness.models.catalogue import Catalogue
from readiness.models.method import MethodInfo
from readiness.models.questionnaire import Questionnaire

HEAD = {
    Language.EN: [
        "Rate each question N (not achieved), P (partially), L (largely), F (fully) or NA;",
        "NA needs a justification. documented and practised take yes, partly or no.",
        "Check the file with: readiness validate FILE; score it with: readiness assess FILE",
    ],
    Language.ZH: [
        "请对每个问题评级：N 未实现、P 部分实现、L 大部分实现、F 完全实现或 NA 不适用；",
        "NA 须填写理由（justification）。documented、practised 填 yes、partly 或 no。",
        "检查文件：readiness validate 文件；评分：readiness assess 文件",
    ],
}


def _scalar(value: Any) -> str:
    """One YAML scalar, quoted where needed."""
    text = yaml.safe_dump(value, allow_unicode=True, default_flow_style=True, width=10_000)
    return text.removesuffix("\n...\n").strip()


def _comment(text: str) -> str:
    return " ".join(text.split())


def blank_yaml(
    catalogue: Catalogue,
    questionnaire: Questionnaire,
    *,
    language: Language,
    parts: Iterable[str] = ("A", "B", "C"),
    client: str | None = None,
    prefilled: AnswerFile | None = None,
    method: MethodInfo | None = None,
) -> str:
    """A blank answer file with every question, its guidance and expected evidence as comments.

    ``prefilled`` gives the client profile and the answers carried from a certified system,
    each marked with its provenance; ``method`` is named at the top, and its scale is listed.
    """
    chosen = set(parts)
    words = labels(language)
    lines = [modeline(), f"# {questionnaire.title.get(language)}"]
    if method is not None:
        lines.append(f"# {words['m_method']}: {method.describe(language)}")
    lines += [f"# {line}" for line in HEAD[language]]
    if questionnaire.scale is not None:
        steps = ", ".join(f"{s.id} ({s.name.get(language)})" for s in questionnaire.scale.steps)
        lines.append(f"# {words['m_scale']}: {steps}, NA")
    lines += [
        f"questionnaire: {questionnaire.id}",
        f"questionnaire_version: {_scalar(questionnaire.version)}",
        "assessed_on:            # YYYY-MM-DD",
        "assessor:",
    ]
    if prefilled is not None:
        lines += _client_lines(prefilled, client)
    else:
        lines += [
            "client:",
            f"  name: {_scalar(client) if client else ''}",
            "  scope:",
            "  business_categories: []   # "
            + ", ".join(c.id for c in questionnaire.business_categories),
            "  personnel_in_scope:",
            "  sites: []",
            "  services: []",
            "  management_basis:",
            "  expected_benefits:",
            "  certificates: []   # - {standard: iso27001, scope: ..., number: ..., expires: YYYY-MM-DD}",
        ]
    lines.append("answers:")
    carried = prefilled.answers if prefilled is not None else {}
    for part in catalogue.parts:
        if part.id not in chosen:
            continue
        lines.append(
            f"  # ===== {part.id} {part.title.get(language)} ({part.respondent.get(language)})"
        )
        for group in questionnaire.areas:
            if catalogue.area(group.area).part != part.id:
                continue
            lines.append(f"  # ----- {group.area} {catalogue.area(group.area).title.get(language)}")
            for question in group.questions:
                lines.append(f"  # {_comment(question.text.get(language))}")
                lines.append(f"  #   → {_comment(question.guidance.get(language))}")
                lines.append(f"  #   ✓ {_comment(question.evidence.get(language))}")
                answer = carried.get(question.id)
                if answer is not None and answer.carried_from is not None:
                    given = answer.model_dump(mode="json", exclude_none=True)
                    given["confirmed"] = "yes" if answer.confirmed else "no"
                    flow = yaml.safe_dump(given, allow_unicode=True, default_flow_style=True,
                                          width=10_000, sort_keys=False).strip()  # fmt: skip
                    provenance = words[f"m_carried_{answer.carried_from}"]
                    lines.append(f"  {question.id}: {flow}   # {provenance}")
                    continue
                lines.append(
                    f"  {question.id}: {{rating: , documented: , practised: , evidence: [], owner: }}"
                )
    if "B" in chosen:
        lines.append("capability:   # ISO/IEC 33020 process attributes: N, P, L or F")
        attributes = ", ".join(f"{a.id}: " for a in questionnaire.asked_attributes())
        lines += [f"  {area.id}: {{{attributes}}}" for area in catalogue.processes()]
        lines.append(
            "capability_evidence:   # per process, what shows the ratings above"
            " (without it, L and F count as P)"
        )
        lines += [f"  {area.id}: []" for area in catalogue.processes()]
    lines.append("figures:")
    for figure in questionnaire.figures:
        if catalogue.area(figure.area).part in chosen:
            lines.append(f"  {figure.id}:   # {figure.kind}: {_comment(figure.text.get(language))}")
    lines.append("roles:")
    lines.append("  sms_owner:")
    lines.append("  process_owners:")
    lines += [f"    {area.id}:   # {area.title.get(language)}" for area in catalogue.processes()]
    lines.append(
        'matrix: []   # - {item: "Change management / approve RFCs", area: B.CHG, assign: {Name: P, Other: B}}'
    )
    return "\n".join(lines) + "\n"


def _client_lines(prefilled: AnswerFile, name: str | None) -> list[str]:
    client = prefilled.client.model_dump(mode="json", exclude_none=True)
    if name:
        client["name"] = name
    text = yaml.safe_dump({"client": client}, allow_unicode=True, sort_keys=False, width=100)
    return text.rstrip("\n").split("\n")


def answers_yaml(answers: AnswerFile, questionnaire: Questionnaire) -> str:
    """A filled answer file as YAML, questions in questionnaire order, empty values left out."""
    data = answers.model_dump(mode="json", exclude_none=True)
    order = {question.id: index for index, question in enumerate(questionnaire.questions())}
    data["answers"] = {
        key: {field: value for field, value in answer.items() if value not in ([], {}, "")}
        for key, answer in sorted(
            data.get("answers", {}).items(), key=lambda item: order.get(item[0], len(order))
        )
    }
    for key in ("capability", "capability_evidence", "figures", "matrix"):
        if not data.get(key):
            data.pop(key, None)
    text = yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=100)
    return f"{modeline()}\n# readiness answer file (converted)\n" + text
