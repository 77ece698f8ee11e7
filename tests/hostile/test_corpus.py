"""Every hostile input of the manifest, through the real CLI: a clean message, the right exit
code, no traceback, nothing written, and in bounded time."""

from __future__ import annotations

import time
from collections import Counter
from pathlib import Path

import pytest
from typer.testing import CliRunner, Result

from readiness.cli.app import app
from readiness.outputs.report import FILE_NAMES, OPT_IN
from tests.hostile.corpus import FILES, Case, load_cases
from tests.hostile.generate import all_builders

CASES = load_cases()
TIME_LIMIT = 5.0
"""Seconds one command may take on one case (the slowest take well under one)."""

runner = CliRunner()


def invoke(*args: str) -> tuple[Result, float]:
    """Run the CLI in-process; the output is never wrapped (one paragraph per error)."""
    start = time.perf_counter()
    result = runner.invoke(app, list(args), env={"NO_COLOR": "1", "COLUMNS": "10000"})
    return result, time.perf_counter() - start


def flat(text: str) -> str:
    return " ".join(text.split())


def check_clean(result: Result, case: Case, path: Path, elapsed: float) -> str:
    output = result.output
    assert elapsed < TIME_LIMIT, f"{case.id}: {elapsed:.1f} s"
    assert "Traceback" not in output, output
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(
        result.exception
    )
    assert result.exit_code == case.exit, output
    if case.exit:
        assert output.startswith(f"error: {path}: "), output
        for expected in case.expect:
            assert flat(expected) in flat(output), f"{expected!r} not in {output!r}"
    return output


@pytest.mark.parametrize("case", CASES, ids=[case.id for case in CASES])
def test_hostile_input(case: Case, tmp_path: Path) -> None:
    path = case.materialise(tmp_path)
    result, elapsed = invoke("validate", str(path))
    output = check_clean(result, case, path, elapsed)
    if not case.exit:
        assert output.startswith(f"ok {path}: "), output

    out = tmp_path / "out"
    result, elapsed = invoke("assess", str(path), "-o", str(out), "-q")
    check_clean(result, case, path, elapsed)
    if case.exit:
        assert not out.exists(), "a failed run must not create its output folder"
    else:
        written = [name for output, name in FILE_NAMES.items() if output not in OPT_IN]
        assert sorted(p.name for p in out.iterdir()) == sorted(written)


def test_a_failed_run_leaves_an_existing_report_alone(tmp_path: Path) -> None:
    out = tmp_path / "out"
    out.mkdir()
    (out / "report.html").write_text("<html>the last good report</html>", encoding="utf-8")
    bad = Case("rating-typo.yaml", None, "rating-typo.yaml", (), 3).materialise(tmp_path)
    result, _ = invoke("assess", str(bad), "-o", str(out), "-q")
    assert result.exit_code == 3
    assert [p.name for p in out.iterdir()] == ["report.html"]
    assert (out / "report.html").read_text(encoding="utf-8") == "<html>the last good report</html>"


def test_the_corpus_is_large_and_consistent() -> None:
    kinds = Counter(
        "workbook" if Path(case.name).suffix in {".xlsx", ".xlsm", ".xls"} else "yaml"
        for case in CASES
    )
    assert len(CASES) >= 60
    assert kinds["workbook"] >= 30 and kinds["yaml"] >= 60, kinds
    assert len({case.id for case in CASES}) == len(CASES), "case ids must be unique"
    assert all(case.expect for case in CASES if case.exit), "every refusal names its message"
    used = {case.file for case in CASES if case.file}
    assert used == {path.name for path in FILES.glob("*.yaml")}, "every corpus file is listed"
    assert {case.make for case in CASES if case.make} <= set(all_builders())
