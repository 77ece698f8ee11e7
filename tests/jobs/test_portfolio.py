"""Many clients in one run: each into its own folder, bad files reported, a summary of all."""

from __future__ import annotations

import io
import random
import re
from pathlib import Path
from typing import Any

import pytest
import yaml
from openpyxl import load_workbook

from readiness.jobs.portfolio import assess_client, client_folders
from readiness.language import Language
from readiness.models.portfolio import ClientResult
from readiness.outputs.report import ReportFormat
from readiness.render.portfolio import portfolio_markdown, portfolio_workbook
from tests.cli.test_app import invoke
from tests.conftest import EXAMPLE

BROKEN = {7: "a bad rating", 21: "broken YAML", 40: "a missing key"}


def _clients(folder: Path, count: int = 50) -> list[Path]:
    """``count`` variations of the example client, three of them broken."""
    base: dict[str, Any] = yaml.safe_load(EXAMPLE.read_text(encoding="utf-8"))
    rng = random.Random(20)
    paths = []
    for index in range(count):
        data = yaml.safe_load(yaml.safe_dump(base))
        data["client"]["name"] = f"Client {index:02d} Ltd."
        for answer in data["answers"].values():
            if isinstance(answer, dict) and answer.get("rating") != "NA":
                answer["rating"] = rng.choice("NPLF")
        if index == 7:
            next(iter(data["answers"].values()))["rating"] = "mostly"
        if index == 40:
            del data["questionnaire_version"]
        text = yaml.safe_dump(data, allow_unicode=True, sort_keys=False)
        if index == 21:
            text = "answers: [unclosed\n" + text
        path = folder / f"client-{index:02d}.yaml"
        path.write_text(text, encoding="utf-8")
        paths.append(path)
    return paths


@pytest.mark.slow
def test_fifty_clients_three_broken(tmp_path: Path) -> None:
    (tmp_path / "in").mkdir()
    files = _clients(tmp_path / "in")
    out = tmp_path / "out"
    result = invoke("assess", *map(str, files), "-o", str(out), "--format", "json")
    assert result.exit_code == 3, result.output
    text = " ".join(result.output.split())
    assert "47 of 50 clients assessed; 3 could not be assessed (see below)" in text
    for index in BROKEN:
        assert f"client-{index:02d}.yaml" in text
    assert "'mostly' is not a rating" in text
    folders = sorted(p.name for p in out.iterdir() if p.is_dir())
    assert folders == [f"client-{i:02d}" for i in range(50) if i not in BROKEN]
    assert all((out / name / "assessment.json").is_file() for name in folders)
    summary = (out / "portfolio.md").read_text(encoding="utf-8")
    assert (
        len(re.findall(r"^\| Client \d\d Ltd\. ", summary, re.M)) == 47
        and "## Could not be assessed (3)" in summary
    )
    book = load_workbook(out / "portfolio.xlsx")
    table, failed = book.worksheets
    assert table.max_row == 3 + 47 and failed.max_row == 3 + 3


def test_assess_client_reports_problems_as_data(tmp_path: Path) -> None:
    good = assess_client(EXAMPLE, tmp_path / "good", Language.EN, [ReportFormat.JSON])
    assert good.error is None and good.client == "Acme Cloud Services Co., Ltd."
    # 3 documents missing, and 2 records of practice (internal audit and management review
    # results: documented yes, practised no) now judged by whether records exist
    assert good.score == 53.3 and good.verdict == "not_ready" and good.blockers == 5
    # the assessment's one count: 37 requirement majors (16 systemic); 18 + 1 + 2 minors left
    # after grouping (requirement, indicator, matrix)
    assert (good.majors, good.minors) == (37, 21)
    assert good.weakest == "B.CAP Capacity management" and good.weakest_score == 25.0
    assert (tmp_path / "good" / "assessment.json").is_file()
    bad_file = tmp_path / "bad.yaml"
    bad_file.write_text("client: [", encoding="utf-8")
    bad = assess_client(bad_file, tmp_path / "bad", Language.EN, [ReportFormat.JSON])
    assert bad.error is not None and "bad.yaml" in bad.error and "YAML syntax error" in bad.error
    assert not (tmp_path / "bad").exists()


def test_folder_names_are_distinct_and_safe() -> None:
    names = client_folders(
        [Path("a/acme.yaml"), Path("b/acme.xlsx"), Path("c/acme.yaml"), Path("x/../ ..yaml")]
    )
    assert names == ["acme", "acme-2", "acme-3", "client"]


def test_summary_sorts_weakest_first_and_escapes() -> None:
    results = [
        ClientResult(file="a.yaml", folder="out/a", client="A | Co", verdict="ready", score=90.0,
                     weakest="B.CHG Change management", weakest_score=80.0),
        ClientResult(file="b.yaml", folder="out/b", client="=B", verdict="not_ready", score=40.0),
        ClientResult(file="c.yaml", folder="out/c", error="c.yaml: line 1: bad"),
    ]  # fmt: skip
    markdown = portfolio_markdown(results, Language.ZH)
    assert markdown.startswith("# 认证准备度客户总览\n")
    assert markdown.index("=B") < markdown.index("A \\| Co")
    assert "## 无法评估 (1)" in markdown
    book = load_workbook(io.BytesIO(portfolio_workbook(results, Language.EN)))
    sheet = book.worksheets[0]
    assert [sheet.cell(row=r, column=1).value for r in (4, 5)] == ["=B", "A | Co"]
    assert sheet.cell(row=4, column=1).data_type == "s"
    assert book.worksheets[1]["B4"].value == "c.yaml: line 1: bad"
    headers = [c.value for c in sheet[3]]
    assert len(headers) == len(set(headers)), "every column has its own header"


def test_assess_client_puts_the_brand_on_its_reports(tmp_path: Path) -> None:
    from tests.brands import FIRM_ZH, make_brand

    brand = make_brand(tmp_path / "brand")
    formats = [ReportFormat.HTML, ReportFormat.JSON]
    result = assess_client(EXAMPLE, tmp_path / "acme", Language.ZH, formats, brand=brand)
    assert result.error is None
    assert FIRM_ZH in (tmp_path / "acme" / "report.html").read_text(encoding="utf-8")
    saved = (tmp_path / "acme" / "assessment.json").read_text(encoding="utf-8")
    assert f'"prepared_by": "{FIRM_ZH}"' in saved
