"""Role and responsibility matrix findings."""

from __future__ import annotations

from readiness.models.common import FindingClass
from readiness.scoring.matrix import check_matrix
from tests.conftest import mini_answers


def keys(findings):  # type: ignore[no-untyped-def]
    return [(f.id.split("-", 2)[2], f.finding) for f in findings]


def test_missing_owners_and_matrix(mini_catalogue, config) -> None:
    findings = check_matrix(mini_answers(), mini_catalogue, config.matrix)
    assert keys(findings) == [
        ("SMS-OWNER", FindingClass.MAJOR),  # 5.3: no one accountable for the SMS
        ("PROCESS-OWNERS", FindingClass.MINOR),
        ("NO-MATRIX", FindingClass.OBSERVATION),
    ]
    assert findings[1].reason.en == "No process owner is named for 1 process: Operation."
    assert findings[0].requirements == ["R-5.3-01"]


def test_rows_without_primary_or_backup_and_concentration(mini_catalogue, config) -> None:
    rows = [{"item": f"Item {n}", "assign": {"Wang": "P", "Li": "b"}} for n in range(4)]
    rows.append({"item": "Orphan", "assign": {"Li": "B"}})
    rows.append({"item": "Shared", "assign": {"Wang": "P", "Zhao": "P"}})
    answers = mini_answers(
        roles={"sms_owner": "Wang", "process_owners": {"B.OPS": "Li"}}, matrix=rows
    )
    findings = check_matrix(answers, mini_catalogue, config.matrix)
    assert keys(findings) == [
        ("NO-PRIMARY", FindingClass.MINOR),
        ("SEVERAL-PRIMARIES", FindingClass.OBSERVATION),
        ("NO-BACKUP", FindingClass.OBSERVATION),
        ("CONCENTRATION", FindingClass.OBSERVATION),
    ]
    assert findings[0].reason.en == "Work item 'Orphan' has no primary (P)."
    assert (
        findings[3].reason.en == "Wang is primary for 5 of 6 work items (83 %): a key-person risk."
    )
    assert "关键人员风险" in findings[3].reason.zh
