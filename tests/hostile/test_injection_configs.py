"""Raw HTML, terminal escapes and noncharacters from the other inputs — plan configurations,
saved assessments, baselines — are inert in every output: HTML, Markdown, workbook, XML and
the terminal."""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
import zipfile
from pathlib import Path

import pytest
from openpyxl import load_workbook
from typer.testing import CliRunner, Result

from readiness.cli.app import app
from tests.conftest import EXAMPLE

HOSTILE = (
    "<script>alert(1)</script> <img src=x onerror=alert(2)> </text> "
    "\x1b[31mred\x1b[0m \ufdd0\uffff \u202egnp.exe"
)
FORBIDDEN = ("<script", "<img", "</text>", "\x1b", "\ufdd0", "\uffff", "\u202e")

runner = CliRunner()


def invoke(*args: str) -> Result:
    result = runner.invoke(app, list(args), env={"NO_COLOR": "1", "COLUMNS": "10000"})
    assert result.exit_code == 0, result.output
    return result


def assert_inert(folder: Path, terminal: str = "") -> None:
    """No forbidden text in any file of ``folder`` (nor in any part of a workbook) nor in
    ``terminal``; every workbook opens and every XML file parses."""
    checked = 0
    for path in sorted(folder.iterdir()):
        if path.suffix == ".xlsx":
            load_workbook(path)  # an invalid workbook raises
            with zipfile.ZipFile(path) as archive:
                texts = [archive.read(name).decode("utf-8") for name in archive.namelist()]
        else:
            texts = [path.read_text(encoding="utf-8")]
            if path.suffix == ".xml":
                ET.fromstring(path.read_bytes())
        for text in texts:
            if path.suffix == ".json":
                continue  # JSON keeps the text exactly, escaped by the JSON encoder
            if path.suffix == ".html":  # the Gantt chart's own SVG <text> elements
                assert text.count("</text>") == text.count("<text"), path.name
                text = text.replace("</text>", "")
            for mark in FORBIDDEN:
                assert mark not in text, f"{mark!r} in {path.name}"
        checked += 1
    assert checked >= 4
    for mark in ("\x1b", "\u202e"):  # HTML is only text to a terminal; escapes are not
        assert mark not in terminal, f"{mark!r} on the terminal"


@pytest.fixture(scope="module")
def saved(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("saved")
    invoke("assess", str(EXAMPLE), "-o", str(out), "-q", "--format", "json")
    return out / "assessment.json"


def test_names_in_a_plan_config_are_inert_in_every_plan_output(tmp_path: Path, saved: Path) -> None:
    config = tmp_path / "plan.yaml"
    named = json.dumps({"en": "Lead " + HOSTILE, "zh": "负责人 " + HOSTILE})
    config.write_text(
        f"roles:\n  sms_manager:\n    name: {named}\n"
        f"phases:\n  preparation:\n    name: {named}\n"
        f"scenarios:\n  standard:\n    name: {named}\n",
        encoding="utf-8",
    )
    out = tmp_path / "plan"
    result = invoke("plan", str(saved), "--config", str(config), "-o", str(out))
    assert_inert(out, result.output)
    markdown = (out / "plan.md").read_text(encoding="utf-8")
    assert (
        "Lead &lt;script&gt;alert(1)&lt;/script&gt; &lt;img src=x onerror=alert(2)&gt;" in markdown
    )
    html = (out / "plan.html").read_text(encoding="utf-8")
    assert "Lead &lt;script&gt;alert(1)&lt;/script&gt;" in html


SAVED_HOSTILE = HOSTILE.replace("\x1b[31mred\x1b[0m \ufdd0\uffff ", "")
"""What a saved assessment may hold: its schema refuses control characters (tested below)."""


def hostile_assessment(saved: Path, folder: Path, name: str, text: str = SAVED_HOSTILE) -> Path:
    """A copy of ``saved`` whose client texts and finding texts hold ``text``."""
    document = json.loads(saved.read_text(encoding="utf-8"))
    document["client"]["scope"] = "Scope " + text
    document["assessor"] = "Assessor " + text
    for finding in document["findings"][:3]:
        for reason in finding.get("reasons", [])[:1]:
            if isinstance(reason, dict) and "text" in reason:
                reason["text"] = {"en": "Reason " + text, "zh": "理由 " + text}
    path = folder / name
    path.write_text(json.dumps(document), encoding="utf-8")
    return path


def test_text_of_a_saved_assessment_given_to_compare_is_inert(tmp_path: Path, saved: Path) -> None:
    old = hostile_assessment(saved, tmp_path, "old.json")
    out = tmp_path / "progress"
    result = invoke("compare", str(old), str(saved), "-o", str(out))
    assert_inert(out, result.output)


def test_a_terminal_escape_in_a_saved_assessment_is_refused(tmp_path: Path, saved: Path) -> None:
    old = hostile_assessment(saved, tmp_path, "old.json", "\x1b[31mred")
    result = runner.invoke(app, ["compare", str(old), str(saved), "-o", str(tmp_path / "out")])
    assert result.exit_code == 3
    assert result.output == (
        f"error: {old}: line 1, client → scope: the text holds the control character U+001B"
        " (character 7); remove it\n"
    )


def test_text_of_a_baseline_is_inert_in_the_report(tmp_path: Path, saved: Path) -> None:
    baseline = hostile_assessment(saved, tmp_path, "baseline.json")
    out = tmp_path / "report"
    result = invoke("assess", str(EXAMPLE), "--baseline", str(baseline), "-o", str(out))
    assert_inert(out, result.output)


def test_a_bidi_override_in_a_client_name_is_escaped_in_the_terminal_summary(
    tmp_path: Path,
) -> None:
    text = EXAMPLE.read_text(encoding="utf-8")
    start = text.index("  name: ")
    end = text.index("\n", start)
    answers = tmp_path / "bidi.yaml"
    answers.write_text(text[:start] + '  name: "Acme \\u202egnp.exe"' + text[end:], "utf-8")
    result = invoke("assess", str(answers), "-o", str(tmp_path / "out"))
    assert "Readiness assessment: Acme \\u202egnp.exe" in result.output
    assert "\u202e" not in result.output


# --------------------------------------------------------------------------- Markdown syntax

MARKDOWN = "a|b [x](javascript:alert(1)) *s* `c` ![i](http://x/i.png)"
"""Text that would end a table cell, form a link or an image, and emphasise, were it not
escaped."""
TEXT_KEYS = {"en", "zh", "name", "scope", "assessor", "notes", "item", "owner", "justification"}


def assert_markdown_inert(text: str, where: str) -> None:
    """No link or image forms, and every row of a table has the cells of its header."""
    assert not re.search(r"(?<!\\)\]\(", text), f"a link forms in {where}"
    rows: list[str] = []
    for line in [*text.splitlines(), ""]:
        if line.startswith("|"):
            rows.append(line)
            continue
        cells = {len(re.findall(r"(?<!\\)\|", row)) for row in rows}
        assert len(cells) <= 1, f"a table of {where} has rows of {sorted(cells)} cell borders"
        rows = []


def markdown_assessment(saved: Path, folder: Path) -> Path:
    """A copy of ``saved`` with :data:`MARKDOWN` after every free text (the client's name
    kept, so that it stays the same client)."""

    def walk(value: object) -> None:
        if isinstance(value, dict):
            for key, item in value.items():
                if isinstance(item, str) and key in TEXT_KEYS:
                    value[key] = f"{item} {MARKDOWN}"
                else:
                    walk(item)
        elif isinstance(value, list):
            for item in value:
                walk(item)

    document = json.loads(saved.read_text(encoding="utf-8"))
    name = document["client"]["name"]
    walk(document)
    document["client"]["name"] = name
    path = folder / "marked.json"
    path.write_text(json.dumps(document), encoding="utf-8")
    return path


def test_markdown_in_plan_config_names_breaks_no_table_and_forms_no_link(
    tmp_path: Path, saved: Path
) -> None:
    config = tmp_path / "plan.yaml"
    named = json.dumps({"en": f"Lead {MARKDOWN}", "zh": f"负责人 {MARKDOWN}"})
    config.write_text(
        f"roles:\n  sms_manager:\n    name: {named}\n  consultant:\n    name: {named}\n"
        f"phases:\n  preparation:\n    name: {named}\n  build:\n    name: {named}\n"
        f"scenarios:\n  standard:\n    name: {named}\n  fast-track:\n    name: {named}\n",
        encoding="utf-8",
    )
    for language in ("en", "zh"):
        out = tmp_path / language
        invoke("plan", str(saved), "--config", str(config), "--lang", language,
               "-o", str(out), "-q", "--format", "md")  # fmt: skip
        markdown = (out / "plan.md").read_text(encoding="utf-8")
        assert_markdown_inert(markdown, f"plan.md ({language})")
        assert "a\\|b \\[x\\](javascript:alert(1)) \\*s\\* \\`c\\` \\!\\[i\\]" in markdown


@pytest.mark.parametrize("command", ["compare from", "compare to", "baseline", "plan"])
def test_markdown_in_a_saved_assessment_breaks_no_table_and_forms_no_link(
    tmp_path: Path, saved: Path, command: str
) -> None:
    marked = markdown_assessment(saved, tmp_path)
    out = tmp_path / "out"
    if command.startswith("compare"):
        pair = (marked, saved) if command == "compare from" else (saved, marked)
        invoke("compare", *map(str, pair), "-o", str(out), "-q", "--format", "md")
    elif command == "baseline":
        invoke("assess", str(EXAMPLE), "--baseline", str(marked), "-o", str(out), "-q",
               "--format", "md")  # fmt: skip
    else:
        invoke("plan", str(marked), "-o", str(out), "-q", "--format", "md")
    (document,) = out.glob("*.md")
    assert_markdown_inert(document.read_text(encoding="utf-8"), document.name)
