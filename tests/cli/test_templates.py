"""``--templates DIR``: a consultant's files replace ours one by one, sandboxed; Word bases kept."""

from __future__ import annotations

import io
from pathlib import Path

import docx

from tests.cli.test_app import invoke
from tests.conftest import EXAMPLE
from tests.report.test_docx import _letterhead


def test_templates_replace_ours_file_by_file(tmp_path: Path) -> None:
    folder = tmp_path / "lotus"
    folder.mkdir()
    (folder / "report.md.j2").write_text(
        "# {{ view.meta.client | md }} by Lotus\n{{ view.verdict.label }}\n", encoding="utf-8"
    )
    _letterhead(folder / "report.docx")
    out = tmp_path / "out"
    result = invoke(
        "assess", str(EXAMPLE), "-o", str(out), "-q", "--format", "md,html,docx",
        "--templates", str(folder),
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    assert (out / "report.md").read_text(encoding="utf-8") == (
        "# Acme Cloud Services Co., Ltd. by Lotus\nNot ready\n"
    )
    assert "<h1>" in (out / "report.html").read_text(encoding="utf-8")  # ours: not overridden
    document = docx.Document(io.BytesIO((out / "report.docx").read_bytes()))
    assert document.sections[0].header.paragraphs[0].text == "Lotus Consulting letterhead"
    assert document.paragraphs[0].text == "Lotus Consulting cover page"


def test_an_unsafe_template_is_an_input_error(tmp_path: Path) -> None:
    folder = tmp_path / "bad"
    folder.mkdir()
    (folder / "report.md.j2").write_text("{{ view.__class__.__mro__ }}\n", encoding="utf-8")
    result = invoke(
        "assess", str(EXAMPLE), "-o", str(tmp_path / "out"), "-q", "--format", "md",
        "--templates", str(folder),
    )  # fmt: skip
    assert result.exit_code == 3
    assert "report.md.j2" in result.output
    assert "unsafe" in result.output
    (folder / "report.md.j2").write_text("{% if %}\n", encoding="utf-8")
    result = invoke(
        "assess", str(EXAMPLE), "-o", str(tmp_path / "out"), "-q", "--format", "md",
        "--templates", str(folder),
    )  # fmt: skip
    assert result.exit_code == 3
    assert "line 1" in result.output


def test_a_macro_enabled_word_base_is_refused(tmp_path: Path) -> None:
    folder = tmp_path / "macro"
    folder.mkdir()
    _letterhead(folder / "plan.docm")
    result = invoke(
        "plan", str(EXAMPLE), "-o", str(tmp_path / "out"), "-q", "--format", "docx",
        "--templates", str(folder),
    )  # fmt: skip
    assert result.exit_code == 3
    assert "macro-enabled Word file is refused" in result.output
