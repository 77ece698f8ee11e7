"""``readiness compare`` and ``readiness assess --baseline``: files, refusals, regressions."""

from __future__ import annotations

import json
from pathlib import Path

from readiness.outputs.report import COMPARISON_FILES, ReportFormat
from tests.cli.test_app import invoke
from tests.conftest import EXAMPLE

LATER = EXAMPLE.with_name("acme-cloud-services-2027-03.yaml")


def test_compare_writes_every_format(tmp_path: Path) -> None:
    result = invoke("compare", str(EXAMPLE), str(LATER), "-o", str(tmp_path))
    assert result.exit_code == 0, result.output
    opt_in = {ReportFormat.DOCX, ReportFormat.PDF}  # Word and PDF only when asked for
    expected = [name for output, name in COMPARISON_FILES.items() if output not in opt_in]
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(expected)
    assert "53.3 %" in result.output and "+3.1" in result.output
    data = json.loads((tmp_path / "comparison.json").read_text(encoding="utf-8"))
    assert data["overall"]["delta"] == 3.1
    assert {f["id"] for f in data["findings"] if f["movement"] == "worse"} == {"R-4.1-01"}


def test_compare_saved_assessments_equals_answers(tmp_path: Path) -> None:
    for name, source in (("old", EXAMPLE), ("new", LATER)):
        out = tmp_path / name
        assert (
            invoke("assess", str(source), "-o", str(out), "-q", "--format", "json").exit_code == 0
        )
    from_json = tmp_path / "j"
    result = invoke(
        "compare", str(tmp_path / "old" / "assessment.json"), str(tmp_path / "new" / "assessment.json"),
        "-o", str(from_json), "--format", "json", "-q",
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    from_answers = tmp_path / "a"
    assert (
        invoke(
            "compare", str(EXAMPLE), str(LATER), "-o", str(from_answers), "--format", "json", "-q"
        ).exit_code
        == 0
    )
    assert (from_json / "comparison.json").read_bytes() == (
        from_answers / "comparison.json"
    ).read_bytes()


def test_different_clients_need_force(tmp_path: Path, write_yaml) -> None:  # type: ignore[no-untyped-def]
    text = LATER.read_text(encoding="utf-8").replace(
        "name: Acme Cloud Services Co., Ltd.", "name: Other Cloud Ltd."
    )
    other = write_yaml(text, "other.yaml")
    result = invoke("compare", str(EXAMPLE), str(other), "-o", str(tmp_path / "x"))
    assert result.exit_code == 3
    message = " ".join(result.output.split())
    assert "two different clients" in message and "add --force" in message
    assert not (tmp_path / "x").exists()
    result = invoke("compare", str(EXAMPLE), str(other), "-o", str(tmp_path / "y"), "--force", "-q")
    assert result.exit_code == 0
    assert "different clients" in (tmp_path / "y" / "progress.md").read_text(encoding="utf-8")


def test_assess_with_a_baseline_and_no_regressions(tmp_path: Path) -> None:
    result = invoke(
        "assess", str(LATER), "-o", str(tmp_path), "--format", "md", "--baseline", str(EXAMPLE)
    )
    assert result.exit_code == 0, result.output
    assert "Progress since the last assessment" in (tmp_path / "report.md").read_text(
        encoding="utf-8"
    )
    result = invoke(
        "assess", str(LATER), "-o", str(tmp_path), "--format", "md", "-q",
        "--baseline", str(EXAMPLE), "--no-regressions",
    )  # fmt: skip
    assert result.exit_code == 1
    assert "regressions: area B.ISM" in result.output
    result = invoke(
        "assess", str(EXAMPLE), "-o", str(tmp_path / "same"), "--format", "md", "-q",
        "--baseline", str(EXAMPLE), "--no-regressions",
    )  # fmt: skip
    assert result.exit_code == 0


def test_compare_three_assessments_shows_the_trend(tmp_path: Path) -> None:
    latest = EXAMPLE.with_name("acme-cloud-services-2027-06.yaml")
    # given out of date order: put in order by assessed_on
    result = invoke("compare", str(latest), str(EXAMPLE), str(LATER), "-o", str(tmp_path))
    assert result.exit_code == 0, result.output
    assert "Trend over the assessments" in result.output
    assert "53.3 %" in result.output and "58.9 %" in result.output and "+5.6" in result.output
    data = json.loads((tmp_path / "comparison.json").read_text(encoding="utf-8"))
    assert data["old"]["assessed_on"] == "2027-03-01" and data["new"]["assessed_on"] == "2027-06-07"
    assert [p["source"] for p in data["trend"]["points"]] == [str(EXAMPLE), str(LATER), str(latest)]
    html = (tmp_path / "progress.html").read_text(encoding="utf-8")
    assert '<section id="trend">' in html


def test_compare_needs_two_files() -> None:
    result = invoke("compare", str(EXAMPLE))
    assert result.exit_code == 2
