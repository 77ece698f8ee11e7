"""Checks on the role and responsibility matrix and the named role holders (clause 5.3)."""

from __future__ import annotations

from collections import Counter

from readiness.models.answers import AnswerFile, MatrixRow
from readiness.models.assessment import Finding, FindingSource
from readiness.models.catalogue import Catalogue
from readiness.models.common import FindingClass
from readiness.models.scoring import MatrixRules
from readiness.scoring.messages import text

ROLES_CLAUSE = "5.3"


def check_matrix(answers: AnswerFile, catalogue: Catalogue, rules: MatrixRules) -> list[Finding]:
    """Findings on roles: items with no primary or no backup, too much on one person,
    several primaries, and SMS or process owners not named."""
    found = _Found([r.id for r in catalogue.requirements_under(ROLES_CLAUSE)][:1])
    _owners(answers, catalogue, found)
    if not answers.matrix:
        found.add(
            "NO-MATRIX",
            FindingClass.OBSERVATION,
            "No role and responsibility matrix was supplied.",
            "未提供岗位职责矩阵。",
            "Draw up a matrix of work items against people and departments, with a primary (P) and a backup (B) for each.",
            "编制工作事项与人员/部门对照的职责矩阵，每项明确主责（P）和备份（B）。",
        )
        return found.findings
    for row in answers.matrix:
        _row(row, found)
    _concentration(answers, rules, found)
    return found.findings


class _Found:
    """The matrix findings made so far, numbered in the order they are found."""

    def __init__(self, requirements: list[str]) -> None:
        self.requirements = requirements
        self.findings: list[Finding] = []

    def add(
        self,
        key: str,
        finding: FindingClass,
        reason_en: str,
        reason_zh: str,
        action_en: str,
        action_zh: str,
        area: str | None = None,
    ) -> None:
        self.findings.append(
            Finding(
                id=f"MTX-{len(self.findings) + 1:02d}-{key}",
                source=FindingSource.MATRIX,
                finding=finding,
                area=area,
                clause=ROLES_CLAUSE,
                requirements=self.requirements,
                reason=text(reason_en, reason_zh),
                recommendation=text(action_en, action_zh),
            )
        )


def _owners(answers: AnswerFile, catalogue: Catalogue, found: _Found) -> None:
    """The SMS owner and the process owners named in the answers."""
    if not answers.roles.sms_owner:
        # 5.3: top management assigns the authority and responsibility for the SMS; with no
        # one accountable the system has no owner at all, which auditors record as a major.
        found.add(
            "SMS-OWNER",
            FindingClass.MAJOR,
            "No owner of the service management system is named.",
            "未指定服务管理体系负责人。",
            "Appoint an SMS owner with the authority to run the system and report to top management.",
            "任命具有相应权限的服务管理体系负责人，并向最高管理者汇报。",
        )
    missing = [a for a in catalogue.processes() if not answers.roles.process_owners.get(a.id)]
    if missing:
        names_en = ", ".join(a.title.en for a in missing)
        names_zh = "、".join(a.title.zh for a in missing)
        found.add(
            "PROCESS-OWNERS",
            FindingClass.MINOR,
            f"No process owner is named for {len(missing)} "
            f"{'process' if len(missing) == 1 else 'processes'}: {names_en}.",
            f"{len(missing)}个流程未指定流程负责人：{names_zh}。",
            "Name an owner for every process, accountable for its design, performance and improvement.",
            "为每个流程指定负责人，对流程的设计、绩效和改进负责。",
        )


def _row(row: MatrixRow, found: _Found) -> None:
    """One work item: its primary (exactly one) and its backup."""
    primaries = [who for who, role in row.assign.items() if role == "P"]
    if not primaries:
        found.add(
            "NO-PRIMARY",
            FindingClass.MINOR,
            f"Work item '{row.item}' has no primary (P).",
            f"工作事项“{row.item}”没有主责人（P）。",
            f"Assign one primary for '{row.item}'.",
            f"为“{row.item}”指定一名主责人。",
            row.area,
        )
    elif len(primaries) > 1:
        found.add(
            "SEVERAL-PRIMARIES",
            FindingClass.OBSERVATION,
            f"Work item '{row.item}' has {len(primaries)} primaries: {', '.join(primaries)}.",
            f"工作事项“{row.item}”有{len(primaries)}个主责人：{'、'.join(primaries)}。",
            "Keep one primary per work item so accountability is clear.",
            "每个工作事项只保留一个主责人，使责任清晰。",
            row.area,
        )
    if "B" not in row.assign.values():
        found.add(
            "NO-BACKUP",
            FindingClass.OBSERVATION,
            f"Work item '{row.item}' has no backup (B).",
            f"工作事项“{row.item}”没有备份人（B）。",
            f"Assign and train a backup for '{row.item}'.",
            f"为“{row.item}”指定并培训备份人。",
            row.area,
        )


def _concentration(answers: AnswerFile, rules: MatrixRules, found: _Found) -> None:
    """A person who is primary for too large a share of the work items."""
    load = Counter(who for row in answers.matrix for who, role in row.assign.items() if role == "P")
    total = len(answers.matrix)
    if total >= rules.min_items_for_concentration:
        for who, items in sorted(load.items()):
            if items / total > rules.max_primary_share:
                share = round(100 * items / total)
                found.add(
                    "CONCENTRATION",
                    FindingClass.OBSERVATION,
                    f"{who} is primary for {items} of {total} work items ({share} %): a key-person risk.",
                    f"{who}是{total}个工作事项中{items}个的主责人（{share}%）：存在关键人员风险。",
                    f"Spread the primary roles held by {who} and train backups.",
                    f"分散{who}承担的主责工作并培训备份人。",
                )
