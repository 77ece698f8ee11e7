"""The command line: exit codes, printed summaries, written files, clean errors."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest
from typer.main import get_command
from typer.testing import CliRunner

from readiness import __version__
from readiness.cli.app import app
from readiness.outputs.report import FILE_NAMES, ReportFormat
from tests.conftest import EXAMPLE, full_answers

runner = CliRunner()


def invoke(*args: str):  # type: ignore[no-untyped-def]
    return runner.invoke(app, list(args), env={"NO_COLOR": "1", "COLUMNS": "160"})


def test_version() -> None:
    result = invoke("--version")
    assert result.exit_code == 0
    assert result.output == f"readiness {__version__}\n"


def test_every_command_has_help() -> None:
    group = get_command(app)
    for name, command in group.commands.items():  # type: ignore[attr-defined]
        assert command.help, name
        assert invoke(name, "--help").exit_code == 0


def test_every_format_maps_to_a_file() -> None:
    assert set(FILE_NAMES) == set(ReportFormat)
    assert len(set(FILE_NAMES.values())) == len(FILE_NAMES)


def test_clauses_tree_in_both_editions_and_languages() -> None:
    result = invoke("clauses")
    assert result.exit_code == 0
    assert "8.5.1.3 Change management activities" in result.output
    assert "R-8.3.3-01" in result.output
    result = invoke("clauses", "--edition", "2011", "--lang", "zh")
    assert result.exit_code == 0
    assert "B.CHG 变更管理" in result.output
    assert "2011 9.2 → 8.5.1.1, 8.5.1.2, 8.5.1.3" in result.output


def test_assess_the_example(tmp_path: Path) -> None:
    out = tmp_path / "out"
    result = invoke("assess", str(EXAMPLE), "--out", str(out))
    assert result.exit_code == 0, result.output
    data = json.loads((out / "assessment.json").read_text(encoding="utf-8"))
    assert data["schema_version"] == "1.0"
    assert data["client"]["name"] in result.output
    assert "B.CHG" in result.output and "Verdict:" in result.output
    assert f"{data['overall']['score']:.1f}" in result.output
    assert len(data["areas"]) == 29
    assert data["verdict"]["verdict"] in {"ready", "ready_after_minor_fixes", "not_ready"}


def test_assess_writes_every_format_by_default(tmp_path: Path) -> None:
    result = invoke("assess", str(EXAMPLE), "-o", str(tmp_path), "-q", "--lang", "zh")
    assert result.exit_code == 0, result.output
    opt_in = {ReportFormat.DOCX, ReportFormat.PDF}  # Word and PDF only when asked for
    expected = [name for output, name in FILE_NAMES.items() if output not in opt_in]
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(expected)
    html = (tmp_path / "report.html").read_text(encoding="utf-8")
    assert '<html lang="zh-CN">' in html and "尚不具备认证条件" in html
    markdown = (tmp_path / "report.md").read_text(encoding="utf-8")
    assert markdown.startswith("# ISO/IEC 20000-1 认证准备度差距分析报告\n")
    assert (tmp_path / "report.xlsx").read_bytes().startswith(b"PK")


def test_assess_writes_only_the_formats_asked_for(tmp_path: Path) -> None:
    result = invoke("assess", str(EXAMPLE), "-o", str(tmp_path), "-q", "--format", "Markdown, json")
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in tmp_path.iterdir()) == ["assessment.json", "report.md"]
    result = invoke("assess", str(EXAMPLE), "-o", str(tmp_path), "--format", "html,rtf")
    assert result.exit_code == 2
    assert "'rtf' is not a format" in result.output


def test_assess_is_deterministic(tmp_path: Path) -> None:
    first, second = tmp_path / "a", tmp_path / "b"
    assert invoke("assess", str(EXAMPLE), "-o", str(first), "-q").exit_code == 0
    assert invoke("assess", str(EXAMPLE), "-o", str(second), "-q").exit_code == 0
    for name in sorted(p.name for p in first.iterdir()):
        assert (first / name).read_bytes() == (second / name).read_bytes(), name


def test_assess_in_chinese(tmp_path: Path) -> None:
    result = invoke("assess", str(EXAMPLE), "-o", str(tmp_path), "--lang", "zh")
    assert result.exit_code == 0
    assert "结论" in result.output and "变更管理" in result.output


def test_fail_under_exits_1(tmp_path: Path) -> None:
    result = invoke("assess", str(EXAMPLE), "-o", str(tmp_path), "-q", "--fail-under", "99")
    assert result.exit_code == 1
    assert (tmp_path / "assessment.json").exists()
    assert (
        invoke("assess", str(EXAMPLE), "-o", str(tmp_path), "-q", "--fail-under", "1").exit_code
        == 0
    )


def test_date_option_overrides_the_file(tmp_path: Path) -> None:
    assert (
        invoke("assess", str(EXAMPLE), "-o", str(tmp_path), "-q", "--date", "2027-01-31").exit_code
        == 0
    )
    data = json.loads((tmp_path / "assessment.json").read_text(encoding="utf-8"))
    assert data["assessed_on"] == "2027-01-31"


def test_usage_errors_exit_2(tmp_path: Path) -> None:
    assert invoke("assess", str(EXAMPLE), "--format", "rtf", "-o", str(tmp_path)).exit_code == 2
    assert invoke("assess").exit_code == 2
    assert invoke("nonsense").exit_code == 2
    blocker = tmp_path / "file"
    blocker.write_text("x")
    result = invoke("assess", str(EXAMPLE), "-o", str(blocker))
    assert result.exit_code == 2
    assert "the output folder is a file" in result.output


def test_bad_input_exits_3_without_traceback(
    write_yaml: Callable[..., Path], tmp_path: Path
) -> None:
    path = write_yaml(
        "questionnaire: readiness-iso20000-2018\nquestionnaire_version: '1.0'\n"
        "client: {name: A}\nanswers:\n  B.SLM.01: mostly\n"
    )
    out = tmp_path / "never"
    result = invoke("assess", str(path), "-o", str(out))
    assert result.exit_code == 3
    assert "Traceback" not in result.output
    assert f"{path}: line 5, answers → B.SLM.01 → rating: 'mostly' is not a rating" in result.output
    assert not out.exists()


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        ("", "the file is empty"),
        ("a: [1\n", "YAML syntax error"),
        ("- 1\n", "this is not an answer file"),
        (
            "questionnaire: readiness-iso20000-2018\nquestionnaire_version: '1.0'\nclient: {name: A}\n"
            "answers: {B.SLM.01: {rating: NA}}\n",
            "NA needs a justification",
        ),
    ],
)
def test_validate_reports_problems(
    write_yaml: Callable[..., Path], content: str, expected: str
) -> None:
    path = write_yaml(content)
    result = invoke("validate", str(path))
    assert result.exit_code == 3
    assert expected in result.output
    assert "Traceback" not in result.output


def test_validate_good_files(write_yaml: Callable[..., Path], questionnaire) -> None:
    path = write_yaml(full_answers(questionnaire))
    result = invoke("validate", str(path), str(EXAMPLE))
    assert result.exit_code == 0
    total = len(questionnaire.questions())
    assert f"ok {path}: {total} of {total} questions answered" in result.output
    result = invoke("validate", str(path), str(path.parent / "missing.yaml"))
    assert result.exit_code == 3
    assert "missing.yaml: the file does not exist" in result.output


def test_refuses_to_write_over_its_input(write_yaml: Callable[..., Path], questionnaire) -> None:
    path = write_yaml(full_answers(questionnaire), name="assessment.json")
    before = path.read_bytes()
    result = invoke("assess", str(path), "-o", str(path.parent))
    assert result.exit_code == 2
    assert "refusing to write over an input file" in result.output
    assert path.read_bytes() == before


def test_schema_commands() -> None:
    answers = json.loads(invoke("schema").output)
    assert answers["title"] == "readiness answer file"
    assert {"questionnaire", "client", "answers"} <= set(answers["properties"])
    assessment = json.loads(invoke("schema", "--assessment").output)
    assert assessment["properties"]["schema_version"]["const"] == "1.0"
    assert "verdict" in assessment["required"]


def test_questionnaire_export_yaml_and_xlsx(tmp_path: Path, questionnaire) -> None:
    blank = tmp_path / "blank.yaml"
    result = invoke(
        "questionnaire", "export", "-o", str(blank), "--lang", "zh", "--client", "客户甲"
    )
    assert result.exit_code == 0, result.output
    text = blank.read_text(encoding="utf-8")
    assert "name: 客户甲" in text and "B.CHG.01: {rating: " in text
    assert invoke("validate", str(blank)).exit_code == 0
    workbook = tmp_path / "blank.xlsx"
    assert invoke("questionnaire", "export", "-o", str(workbook), "--parts", "A,B").exit_code == 0
    assert workbook.read_bytes()[:2] == b"PK"
    assert invoke("questionnaire", "export", "-o", str(tmp_path / "x.txt")).exit_code == 2
    assert invoke("questionnaire", "export", "-o", str(workbook), "--parts", "D").exit_code == 2


def test_convert_round_trip_and_assess_a_workbook(tmp_path: Path) -> None:
    workbook = tmp_path / "acme.xlsx"
    assert (
        invoke(
            "questionnaire", "convert", str(EXAMPLE), "-o", str(workbook), "--lang", "zh"
        ).exit_code
        == 0
    )
    back = tmp_path / "acme.yaml"
    assert invoke("questionnaire", "convert", str(workbook), "-o", str(back)).exit_code == 0
    from_yaml, from_xlsx = tmp_path / "y", tmp_path / "x"
    assert invoke("assess", str(EXAMPLE), "-o", str(from_yaml), "-q").exit_code == 0
    assert invoke("assess", str(workbook), "-o", str(from_xlsx), "-q").exit_code == 0
    assert (from_yaml / "assessment.json").read_bytes() == (
        from_xlsx / "assessment.json"
    ).read_bytes()
    assert invoke("validate", str(workbook), str(back)).exit_code == 0


def test_merging_several_respondents(tmp_path: Path) -> None:
    result = invoke("assess", str(EXAMPLE), str(EXAMPLE), "-o", str(tmp_path), "--merge")
    assert result.exit_code == 0
    assert "Respondents: 2    Disagreements: 0" in result.output
    data = json.loads((tmp_path / "assessment.json").read_text(encoding="utf-8"))
    assert data["respondents"] == ["acme-cloud-services.yaml", "acme-cloud-services.yaml"]
    assert data["disagreements"] == []


def test_export_creates_folders_and_reports_unwritable_places(tmp_path: Path) -> None:
    nested = tmp_path / "new" / "folder" / "blank.yaml"
    assert invoke("questionnaire", "export", "-o", str(nested)).exit_code == 0
    assert nested.read_text(encoding="utf-8").startswith("# ISO/IEC 20000-1:2018")
    taken = tmp_path / "taken.yaml"
    taken.mkdir()
    result = invoke("questionnaire", "export", "-o", str(taken))
    assert result.exit_code == 2
    assert f"{taken}: cannot write here" in result.output
    assert "Traceback" not in result.output
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")] == []


def test_client_text_is_never_read_as_console_markup(write_yaml: Callable[..., Path]) -> None:
    # A rating such as "[/red]" would make rich raise a MarkupError if it were read as markup.
    folder = write_yaml("x").parent / ("deep-folder-name-" * 8)
    folder.mkdir()
    path = folder / "[bold]client[red].yaml"
    path.write_text(
        "questionnaire: iso20000-readiness\nversion: 1\nclient: {name: X}\n"
        "answers:\n  A.CTX.01: '[/red]'\n",
        encoding="utf-8",
    )
    result = runner.invoke(app, ["validate", str(path)], env={"NO_COLOR": "1", "COLUMNS": "80"})
    assert result.exit_code == 3 and "Traceback" not in result.output
    assert f"error: {path}: " in result.output  # the long path is printed whole, on one line
    assert "'[/red]' is not a rating" in result.output


def test_several_problems_print_one_per_line(write_yaml: Callable[..., Path]) -> None:
    path = write_yaml(
        "questionnaire: readiness-iso20000-2018\nquestionnaire_version: '1.0'\n"
        "client: {name: X}\nanswers:\n  A.CTX.01: mostly\n  A.CTX.02: {rating: NA}\n"
    )
    result = invoke("validate", str(path))
    assert result.exit_code == 3
    lines = result.output.splitlines()
    assert lines[0] == f"error: {path}: 2 problems"
    assert lines[1].startswith("  - line 5, answers → A.CTX.01 → rating: 'mostly' is not a rating")
    assert lines[2].startswith("  - line 6, answers → A.CTX.02: NA needs a justification")
