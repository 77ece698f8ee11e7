"""The consultant's brand on every document: ``--brand FILE`` or ``readiness-brand.yaml`` in the
working folder; the firm, footer and disclaimer in each format; its text inert everywhere."""

from __future__ import annotations

import io
import json
import shutil
import subprocess
import zipfile
from pathlib import Path

import docx
import openpyxl
import pytest

from tests.brands import (
    BRAND_YAML,
    DISCLAIMER,
    FIRM,
    FIRM_ZH,
    FOOTER,
    FOOTER_ZH,
    TITLE,
    write_brand,
)
from tests.cli.test_app import invoke
from tests.conftest import EXAMPLE

ESCAPED_FIRM = "Lotus &lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt; &amp; Partners"


@pytest.fixture(scope="module")
def branded(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The example assessed with the plan, the brand found in the working folder."""
    folder = tmp_path_factory.mktemp("branded")
    write_brand(folder)
    out = folder / "out"
    with pytest.MonkeyPatch.context() as patch:
        patch.chdir(folder)
        result = invoke(
            "assess", str(EXAMPLE), "-o", str(out), "-q", "--plan",
            "--format", "html,md,xlsx,json,docx",
        )  # fmt: skip
    assert result.exit_code == 0, result.output
    return out


def test_html_shows_the_brand_as_text(branded: Path) -> None:
    for name in ("report.html", "plan.html"):
        html = (branded / name).read_text(encoding="utf-8")
        assert "<script" not in html
        assert f'<div class="brand-firm">{ESCAPED_FIRM}</div>' in html
        assert "Confidential: for the client&#39;s management" in html
        assert DISCLAIMER in html
        assert "--accent: #0b4f6c; --brand-accent: #f4a261;" in html
        assert 'src="data:image/png;base64,iVBORw0KGgo' in html  # the logo, embedded
    report = (branded / "report.html").read_text(encoding="utf-8")
    assert f"<h1>{TITLE}</h1>" in report
    plan = (branded / "plan.html").read_text(encoding="utf-8")
    assert "<h1>ISO/IEC 20000-1 certification project plan</h1>" in plan  # no plan title given


def test_markdown_closes_with_the_brand_escaped(branded: Path) -> None:
    for name in ("report.md", "plan.md"):
        text = (branded / name).read_text(encoding="utf-8")
        assert "<script" not in text
        assert 'Prepared by: Lotus &lt;script&gt;alert("x")&lt;/script&gt; &amp; Partners' in text
        assert f"*Disclaimer:* {DISCLAIMER}" in text
    assert (branded / "report.md").read_text(encoding="utf-8").count(f"# {TITLE}\n") == 1


def test_json_names_the_firm(branded: Path) -> None:
    for name in ("assessment.json", "plan.json"):
        assert json.loads((branded / name).read_text(encoding="utf-8"))["prepared_by"] == FIRM


def test_word_header_footer_cover_and_disclaimer(branded: Path) -> None:
    data = (branded / "report.docx").read_bytes()
    document = docx.Document(io.BytesIO(data))
    section = document.sections[0]
    assert section.header.paragraphs[0].text == f"\t{FIRM}"  # logo, tab, firm
    assert [p.text for p in section.footer.paragraphs] == [FOOTER, "1"]
    paragraphs = {p.style.name: p.text for p in document.paragraphs}
    assert paragraphs["Title"] == TITLE
    assert paragraphs["Brand Firm"] == FIRM
    assert paragraphs["Disclaimer"] == f"Disclaimer: {DISCLAIMER}"
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        header = package.read("word/header1.xml").decode("utf-8")
        assert "&lt;script&gt;" in header  # text, not markup
        assert any(name.startswith("word/media/") for name in package.namelist())
        styles = package.read("word/styles.xml").decode("utf-8")
    assert 'w:color w:val="0B4F6C"' in styles  # the heading styles, not the runs
    plan = docx.Document(io.BytesIO((branded / "plan.docx").read_bytes()))
    assert plan.sections[0].header.paragraphs[0].text == f"\t{FIRM}"


def test_workbook_headers_title_row_and_disclaimer(branded: Path) -> None:
    for name in ("report.xlsx", "plan.xlsx"):
        workbook = openpyxl.load_workbook(branded / name)
        for ws in workbook.worksheets:
            assert ws.oddHeader.center.text == FIRM.replace("&", "&&")
            assert ws.oddFooter.left.text == FOOTER
        first = workbook.worksheets[0]
        texts = [str(cell.value) for row in first.iter_rows() for cell in row if cell.value]
        assert f"Disclaimer: {DISCLAIMER}" in texts
        assert any(text.startswith(f"Prepared by: {FIRM}") for text in texts)
    summary = openpyxl.load_workbook(branded / "report.xlsx").worksheets[0]
    assert summary["A1"].value == TITLE


def test_brand_option_in_chinese_for_compare(tmp_path: Path) -> None:
    brand = write_brand(tmp_path / "brand", name="lotus.yaml")
    out = tmp_path / "out"
    result = invoke(
        "compare", str(EXAMPLE), str(EXAMPLE), "-o", str(out), "-q", "--lang", "zh",
        "--brand", str(brand), "--format", "html,xlsx,json,docx",
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    html = (out / "progress.html").read_text(encoding="utf-8")
    assert FIRM_ZH in html and FOOTER_ZH in html and "免责声明" in html
    document = docx.Document(io.BytesIO((out / "progress.docx").read_bytes()))
    assert document.sections[0].header.paragraphs[0].text == f"\t{FIRM_ZH}"
    assert json.loads((out / "comparison.json").read_text(encoding="utf-8"))["prepared_by"] == (
        FIRM_ZH
    )


def test_a_bad_brand_file_is_an_input_error(tmp_path: Path) -> None:
    brand = write_brand(tmp_path, BRAND_YAML.replace("#0B4F6C", "#0B4F6"), name="bad.yaml")
    result = invoke(
        "plan", str(EXAMPLE), "-o", str(tmp_path / "out"), "-q", "--brand", str(brand),
    )  # fmt: skip
    assert result.exit_code == 3
    assert "bad.yaml" in result.output
    assert "line 3, colours → primary" in result.output
    assert not (tmp_path / "out").exists()


@pytest.mark.slow
@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="pdftotext is not installed")
def test_pdf_carries_the_brand_on_every_page(tmp_path: Path) -> None:
    pytest.importorskip("weasyprint")
    brand = write_brand(tmp_path / "brand")
    out = tmp_path / "out"
    result = invoke(
        "compare", str(EXAMPLE), str(EXAMPLE), "-o", str(out), "-q",
        "--brand", str(brand), "--format", "pdf",
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    text = subprocess.run(
        ["pdftotext", str(out / "progress.pdf"), "-"], check=True, capture_output=True, text=True
    ).stdout
    pages = text.split("\f")[:-1]
    assert len(pages) > 1
    assert all(f"{FIRM} · {FOOTER}" in " ".join(page.split()) for page in pages)
    assert DISCLAIMER in " ".join(text.split())


def test_a_portfolio_run_brands_every_client(tmp_path: Path) -> None:
    brand = write_brand(tmp_path / "brand")
    files = [tmp_path / "acme.yaml", tmp_path / "beta.yaml"]
    for file in files:
        shutil.copyfile(EXAMPLE, file)
    out = tmp_path / "out"
    result = invoke(
        "assess", *map(str, files), "-o", str(out), "-q", "--format", "json",
        "--brand", str(brand),
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    saved = sorted(out.glob("*/assessment.json"))
    assert len(saved) == 2
    assert all(json.loads(p.read_text(encoding="utf-8"))["prepared_by"] == FIRM for p in saved)
