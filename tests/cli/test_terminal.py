"""What the terminal shows: help without Python types, completion, narrow tables, progress."""

from __future__ import annotations

import io
import re
from pathlib import Path

from rich.console import Console

from readiness.cli.app import app
from readiness.cli.portfolio import _progress
from readiness.language import Language
from readiness.render.portfolio import portfolio_summary
from tests.cli.test_app import invoke, runner
from tests.conftest import EXAMPLE

COMMANDS = [[], ["assess"], ["validate"], ["compare"], ["plan"], ["export"], ["clauses"],
            ["schema"], ["questionnaire", "export"], ["questionnaire", "convert"]]  # fmt: skip
SHOWN_TYPES = {
    "path",
    "file",
    "dir",
    "text",
    "number",
    "YYYY-MM-DD",
    "en|zh",
    "2018|2011",
    "xlsx|yaml",
}


def test_help_shows_no_python_types() -> None:
    for command in COMMANDS:
        text = invoke(*command, "--help").output
        assert "<bool>" not in text and "list[" not in text, command
        shown = set(re.findall(r"<([^<>\s]+)>", text))
        assert shown <= SHOWN_TYPES, (command, shown - SHOWN_TYPES)  # no <str>, <Path>, <%Y-%m-%d>


def test_completion_is_offered_and_completes_a_command() -> None:
    assert "--install-completion" in invoke("--help").output
    script = runner.invoke(app, ["--show-completion"], env={"SHELL": "/bin/bash"})
    assert script.exit_code == 0, script.output
    assert "complete -o default -F _readiness_completion readiness" in script.output
    env = {"_READINESS_COMPLETE": "complete_bash", "COMP_WORDS": "readiness ass", "COMP_CWORD": "1"}
    completed = runner.invoke(app, [], env=env, prog_name="readiness")
    assert completed.exit_code == 0 and completed.output == "assess\n"


def test_summary_at_60_columns_keeps_a_row_a_line(tmp_path: Path) -> None:
    result = runner.invoke(
        app, ["assess", str(EXAMPLE), "--format", "json", "-o", str(tmp_path)],
        env={"NO_COLOR": "1", "COLUMNS": "60"},
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    rows = [line for line in result.output.splitlines() if line.startswith("│")]
    area_rows = [line for line in rows if re.match(r"│ [ABC]\.[A-Z]+ ", line)]
    # every row of the table begins with an id: no line holds only a wrapped word
    assert rows and len(rows) == len([r for r in rows if not r.startswith("│ " + " " * 8)])
    assert len(area_rows) >= 20
    assert all(len(line) <= 60 for line in rows)


def test_portfolio_progress_prints_no_markup_tags() -> None:
    progress = _progress(quiet=False)
    task = progress.add_task("Assessing [client]", total=2)
    progress.advance(task)
    out = io.StringIO()
    Console(file=out, markup=False, width=100).print(progress.make_tasks_table(progress.tasks))
    text = out.getvalue()
    assert "Assessing [client]" in text and "1/2" in text
    assert "[progress.description]" not in text


def test_portfolio_summary_names_failures_only_when_there_are() -> None:
    assert portfolio_summary(3, 3, Language.EN) == "3 of 3 clients assessed"
    assert (
        portfolio_summary(2, 3, Language.EN)
        == "2 of 3 clients assessed; 1 could not be assessed (see below)"
    )
