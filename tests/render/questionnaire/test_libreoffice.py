"""The workbook opens in LibreOffice: a headless conversion to PDF must succeed.

CI installs LibreOffice (see ``.ci/run``); elsewhere the test is skipped without it.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

from readiness.language import Language
from readiness.models.catalogue import Catalogue
from readiness.models.questionnaire import Questionnaire
from readiness.render.questionnaire.workbook import workbook_bytes

TIMEOUT = 120


def soffice() -> str:
    found = shutil.which("soffice")
    if found is None:
        if os.environ.get("CI"):
            pytest.fail(
                "soffice (LibreOffice) is not on PATH; CI must install libreoffice-calc-nogui"
            )
        pytest.skip("soffice (LibreOffice) is not on PATH: install libreoffice-calc-nogui to run")
    return found


@pytest.mark.slow
@pytest.mark.parametrize("language", [Language.EN, Language.ZH])
def test_libreoffice_converts_the_workbook_to_pdf(
    catalogue: Catalogue, questionnaire: Questionnaire, language: Language, tmp_path: Path
) -> None:
    program = soffice()
    workbook = tmp_path / f"questionnaire-{language.value}.xlsx"
    workbook.write_bytes(workbook_bytes(catalogue, questionnaire, language=language))
    out = tmp_path / "out"
    home = tmp_path / "home"  # a fresh LibreOffice profile, away from the user's
    home.mkdir()
    result = subprocess.run(
        [program, "--headless", "--convert-to", "pdf", "--outdir", str(out), str(workbook)],
        env={**os.environ, "HOME": str(home)},
        capture_output=True,
        text=True,
        timeout=TIMEOUT,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    pdf = out / f"{workbook.stem}.pdf"
    assert pdf.is_file(), result.stdout + result.stderr
    assert pdf.stat().st_size > 10_000
    assert pdf.read_bytes().startswith(b"%PDF")
