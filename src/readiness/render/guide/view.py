"""The interview guide and the audit checklist made ready to read in one language.

The library decided what is probed and sampled (readiness.scoring.guide, .checklist); this
module only looks up names and labels and formats numbers, for every format to present.
"""

from __future__ import annotations

from dataclasses import dataclass

from readiness.data.labels import labels
from readiness.language import Language
from readiness.models.catalogue import Catalogue
from readiness.models.common import FindingClass
from readiness.models.guide import AuditChecklist, InterviewGuide, Probe, RoleGuide
from readiness.models.provenance import Disagreement
from readiness.models.questionnaire import Questionnaire


@dataclass(frozen=True, slots=True)
class ProbeView:
    """One answer to probe."""

    number: int
    question: str
    area: str
    why: list[str]
    kind: str
    text: str
    answer: str
    owner: str
    notes: str
    disagreements: list[str]
    requirements: str
    finding: str
    finding_label: str
    score_text: str
    ask: list[str]
    listen_for: str
    see: list[str]
    named: list[str]


@dataclass(frozen=True, slots=True)
class RoleView:
    """The interview of one respondent role."""

    id: str
    title: str
    respondent: str
    holder: str
    people: str
    probes: list[ProbeView]
    reported_differently: list[str]
    if_time_allows: str


@dataclass(frozen=True, slots=True)
class GuideView:
    """Everything the interview guide shows, in one language."""

    words: dict[str, str]
    html_lang: str
    client: str
    date: str
    respondents: list[str]
    tool_version: str
    order: list[tuple[str, int]]
    total: int
    weak_areas: list[str]
    roles: list[RoleView]


@dataclass(frozen=True, slots=True)
class LineView:
    """One line of the checklist."""

    requirement: str
    clause: str
    clause_title: str
    text: str
    sample: list[str]
    named: list[str]
    status: str
    status_label: str
    score_text: str


@dataclass(frozen=True, slots=True)
class GroupView:
    """The lines of one clause answered in one area."""

    heading: str
    clause: str
    clause_text: str
    area: str
    area_text: str
    lines: list[LineView]


@dataclass(frozen=True, slots=True)
class ChecklistView:
    """Everything the audit checklist shows, in one language."""

    words: dict[str, str]
    html_lang: str
    client: str
    date: str
    tool_version: str
    count: int
    by_status: list[tuple[str, str, int]]
    conclusions: list[str]
    groups: list[GroupView]


def _percent(value: float | None, language: Language, words: dict[str, str]) -> str:
    if value is None:
        return words["not_scored"]
    return f"{value:.1f}{'' if language is Language.ZH else ' '}%"


def _html_lang(language: Language) -> str:
    return "zh-CN" if language is Language.ZH else "en"


def build_guide_view(
    guide: InterviewGuide, catalogue: Catalogue, questionnaire: Questionnaire, language: Language
) -> GuideView:
    """The guide's view in ``language``."""
    words = labels(language)

    def area_name(area_id: str) -> str:
        return catalogue.area(area_id).title.get(language) if catalogue.has_area(area_id) else ""

    roles = [_role(role, catalogue, questionnaire, language, words) for role in guide.roles]
    return GuideView(
        words=words,
        html_lang=_html_lang(language),
        client=guide.client,
        date=guide.assessed_on.isoformat() if guide.assessed_on else "",
        respondents=list(guide.respondents),
        tool_version=guide.tool_version,
        order=[(words[f"probe_{kind.value}"], guide.counts.get(kind, 0)) for kind in guide.order],
        total=sum(guide.counts.values()),
        weak_areas=[
            f"{w.area} {area_name(w.area)} ({_percent(w.score, language, words)})"
            for w in guide.weak_areas
        ],
        roles=roles,
    )


def _role(
    role: RoleGuide,
    catalogue: Catalogue,
    questionnaire: Questionnaire,
    language: Language,
    words: dict[str, str],
) -> RoleView:
    part = next(p for p in catalogue.parts if p.id == role.part)
    if role.id == role.part:
        title = f"{part.id} {part.title.get(language)}"
    else:
        title = f"{role.id} {catalogue.area(role.id).title.get(language)}"
    return RoleView(
        id=role.id,
        title=title,
        respondent=part.respondent.get(language),
        holder=role.holder or words["g_not_named"],
        people=", ".join(role.people),
        probes=[
            _probe(number, probe, questionnaire, language, words)
            for number, probe in enumerate(role.probes, start=1)
        ],
        reported_differently=[
            _disagreement(d, _subject_name(d.subject, questionnaire, language), language, words)
            for d in role.reported_differently
        ],
        if_time_allows=", ".join(role.if_time_allows),
    )


def _subject_name(subject: str, questionnaire: Questionnaire, language: Language) -> str:
    if questionnaire.has_figure(subject):
        return questionnaire.figure(subject).text.get(language)
    area, _, attribute = subject.partition(" ")
    names: dict[str, str] = {a.id: a.name.get(language) for a in questionnaire.capability}
    return f"{area} {attribute} {names.get(attribute, '')}".strip()


FIELD_LABELS = {
    "rating": "rating",
    "documented": "documented_short",
    "practised": "practised_short",
}


def _value(field: str, value: str, words: dict[str, str]) -> str:
    """A respondent's value as shown: yes/partly/no in the language, ratings as codes."""
    return words.get(f"extent_{value}", value) if field != "rating" else value


def _disagreement(d: Disagreement, what: str, language: Language, words: dict[str, str]) -> str:
    """``Rating: a.yaml P; b.yaml N (kept N)``, punctuated for the language."""
    colon, semicolon, left, right = (
        ("：", "；", "（", "）") if language is Language.ZH else (": ", "; ", " (", ")")
    )
    said = semicolon.join(f"{name} {_value(d.field, v, words)}" for name, v in d.values.items())
    return f"{what}{colon}{said}{left}{words['g_merged']} {_value(d.field, d.merged, words)}{right}"


def _probe(
    number: int,
    probe: Probe,
    questionnaire: Questionnaire,
    language: Language,
    words: dict[str, str],
) -> ProbeView:
    parts = [words[f"rating_{probe.rating.value}"] if probe.rating else words["flag_unanswered"]]
    if probe.documented is not None:
        parts.append(f"{words['documented_short']}: {words['extent_' + probe.documented.value]}")
    if probe.practised is not None:
        parts.append(f"{words['practised_short']}: {words['extent_' + probe.practised.value]}")
    disagreements = [
        _disagreement(d, words[FIELD_LABELS.get(d.field, "rating")], language, words)
        for d in probe.disagreements
    ]
    finding = probe.finding.value
    return ProbeView(
        number=number,
        question=probe.question,
        area=probe.area,
        why=[words[f"probe_{kind.value}"] for kind in probe.kinds],
        kind=probe.kinds[0].value,
        text=questionnaire.question(probe.question).text.get(language),
        answer=" · ".join(parts),
        owner=probe.owner or "",
        notes=probe.notes or "",
        disagreements=disagreements,
        requirements=", ".join(probe.requirements),
        finding=finding,
        finding_label=words[f"finding_{finding}"],
        score_text=_percent(probe.score, language, words),
        ask=[text.get(language) for text in probe.ask],
        listen_for=probe.listen_for.get(language),
        see=[text.get(language) for text in probe.see],
        named=list(probe.evidence),
    )


STATUS_ORDER = (
    FindingClass.MAJOR,
    FindingClass.MINOR,
    FindingClass.OBSERVATION,
    FindingClass.CONFORMING,
    FindingClass.NOT_APPLICABLE,
)


def build_checklist_view(
    checklist: AuditChecklist, catalogue: Catalogue, language: Language
) -> ChecklistView:
    """The checklist's view in ``language``."""
    words = labels(language)
    groups: list[GroupView] = []
    for group in checklist.groups:
        clause = catalogue.clause(group.clause).title.get(language)
        area = catalogue.area(group.area).title.get(language)
        lines = [
            LineView(
                requirement=line.requirement,
                clause=line.clause,
                clause_title=catalogue.clause(line.clause).title.get(language),
                text=catalogue.requirement(line.requirement).text.get(language),
                sample=[text.get(language) for text in line.sample],
                named=list(line.named),
                status=line.status.value,
                status_label=words[f"finding_{line.status.value}"]
                + (f" ({words['k_practice']})" if line.basis.value == "practice" else ""),
                score_text=_percent(line.score, language, words),
            )
            for line in group.lines
        ]
        clause_text = f"{words['k_clause_group']} {group.clause} {clause}"
        area_text = f"{group.area} {area}"
        heading = f"{clause_text} · {area_text}"
        groups.append(GroupView(heading, group.clause, clause_text, group.area, area_text, lines))
    statuses = [line.status for line in checklist.lines]
    return ChecklistView(
        words=words,
        html_lang=_html_lang(language),
        client=checklist.client,
        date=checklist.assessed_on.isoformat() if checklist.assessed_on else "",
        tool_version=checklist.tool_version,
        count=len(statuses),
        by_status=[
            (s.value, words[f"finding_{s.value}"], statuses.count(s))
            for s in STATUS_ORDER
            if s in statuses
        ],
        conclusions=[words[f"conclusion_{c.value}"] for c in checklist.conclusions],
        groups=groups,
    )
