"""``readiness guide``: the interview guide and the audit checklist from answers (one or
several respondents) or a saved assessment, written together; clean usage errors."""

from __future__ import annotations

import json
from pathlib import Path

from readiness.outputs.guide import GUIDE_DOCUMENTS
from readiness.outputs.report import ReportFormat
from tests.cli.test_app import invoke
from tests.conftest import EXAMPLE

OPS = EXAMPLE.with_name("acme-cloud-services-ops.yaml")


def test_every_format_maps_to_a_file_of_each_document() -> None:
    for document in GUIDE_DOCUMENTS:
        assert set(document.outputs) == set(ReportFormat)
        names = [document.file_name(f) for f in ReportFormat]
        assert len(set(names)) == len(names)


def test_guide_of_two_respondents_writes_both_documents(tmp_path: Path) -> None:
    out = tmp_path / "guide"
    result = invoke("guide", str(EXAMPLE), str(OPS), "-o", str(out))
    assert result.exit_code == 0, result.output
    assert "Respondents disagree" in result.output and "232" in result.output
    assert sorted(p.name for p in out.iterdir()) == sorted(
        f"{name}.{ext}"
        for name in ("interview-guide", "audit-checklist")
        for ext in ("html", "md", "xlsx", "json")
    )
    guide = json.loads((out / "interview-guide.json").read_text(encoding="utf-8"))
    assert guide["respondents"] == [EXAMPLE.name, OPS.name]
    assert guide["counts"]["disagreement"] > 0


def test_guide_from_a_saved_assessment_equals_the_guide_from_the_answers(tmp_path: Path) -> None:
    saved = tmp_path / "assess"
    assert invoke("assess", str(EXAMPLE), "-o", str(saved), "-q", "--format", "json").exit_code == 0
    results = []
    for source, name in ((EXAMPLE, "a"), (saved / "assessment.json", "b")):
        out = tmp_path / name
        result = invoke(
            "guide", str(source), "-o", str(out), "-q", "--format", "json", "--lang", "zh"
        )
        assert result.exit_code == 0, result.output
        results.append((out / "audit-checklist.json").read_bytes())
        assert (out / "interview-guide.json").is_file()
    assert results[0] == results[1]


def test_usage_errors(tmp_path: Path) -> None:
    bad = invoke("guide", str(EXAMPLE), "-o", str(tmp_path / "x"), "--format", "pptx")
    assert bad.exit_code == 2 and "'pptx' is not a format" in bad.output
    saved = tmp_path / "assessment.json"
    saved.write_text("{}", encoding="utf-8")
    mixed = invoke("guide", str(EXAMPLE), str(saved), "-o", str(tmp_path / "y"))
    assert mixed.exit_code == 2 and "guided alone" in mixed.output
    dated = invoke("guide", str(saved), "--date", "2027-01-01", "-o", str(tmp_path / "z"))
    assert dated.exit_code == 2 and "keeps its date" in dated.output
    assert not any((tmp_path / name).exists() for name in "xyz")
