"""The internal-audit checklist: one line per requirement of the catalogue, in clause order,
grouped by top-level clause and the area (process) the clause is answered in.

Each line says what to sample (the documented information the requirement calls for, then its
typical evidence, then the documents and records the client named in its answers) and the
status the assessment predicts, so that the internal auditor starts where the gaps are; the
auditor's finding, the evidence seen and the conclusion are left for the audit.
"""

from __future__ import annotations

from readiness.models.assessment import Assessment, RequirementResult
from readiness.models.catalogue import Catalogue, Requirement
from readiness.models.common import FindingClass
from readiness.models.guide import AuditChecklist, ChecklistGroup, ChecklistLine


def build_checklist(assessment: Assessment, catalogue: Catalogue) -> AuditChecklist:
    """The checklist of ``assessment``: every requirement of ``catalogue``, none left out."""
    results = {r.id: r for r in assessment.requirements}
    clause_order = {c.id: index for index, c in enumerate(catalogue.clauses)}
    ordered = sorted(
        enumerate(catalogue.requirements), key=lambda pair: (clause_order[pair[1].clause], pair[0])
    )
    groups: list[ChecklistGroup] = []
    for _, requirement in ordered:
        top = requirement.clause.split(".", 1)[0]
        area = catalogue.home_area(requirement.clause).id
        if not groups or (groups[-1].clause, groups[-1].area) != (top, area):
            groups.append(ChecklistGroup(clause=top, area=area, lines=[]))
        groups[-1].lines.append(_line(requirement, area, results.get(requirement.id)))
    return AuditChecklist(
        tool_version=assessment.tool_version,
        assessed_on=assessment.assessed_on,
        client=assessment.client.name,
        groups=groups,
    )


def _line(requirement: Requirement, area: str, result: RequirementResult | None) -> ChecklistLine:
    sample = [requirement.documented.name] if requirement.documented else []
    sample += [e for e in requirement.evidence if e not in sample]
    named = [e for c in result.contributions for e in c.evidence] if result else []
    return ChecklistLine(
        requirement=requirement.id,
        clause=requirement.clause,
        area=area,
        weight=requirement.weight,
        basis=requirement.basis,
        sample=sample,
        named=list(dict.fromkeys(named)),
        # a saved assessment always holds every requirement; a line without one is unassessed
        status=result.finding if result else FindingClass.CONFORMING,
        score=result.score if result else None,
        flags=list(result.flags) if result else [],
    )
