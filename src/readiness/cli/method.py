"""``readiness method``: a consultant's own method, merged over the shipped data."""

from pathlib import Path
from typing import Annotated

import typer

from readiness.cli.common import reports_errors, say

method_app = typer.Typer(
    help="A consultant's method: questions, weights, rating scale, thresholds, rules, plan "
    "defaults and labels merged over the shipped data (--method DIR).",
    no_args_is_help=True,
)


@method_app.command("init")
@reports_errors
def init(
    folder: Annotated[Path, typer.Argument(help="The method folder to create.")],
    force: Annotated[bool, typer.Option(help="Replace files that exist.")] = False,
) -> None:
    """Write a commented starting point for a method folder."""
    from readiness.jobs.method import init_method

    written = init_method(folder, force=force)
    say(("written", "green"), " " + ", ".join(str(p) for p in written))
