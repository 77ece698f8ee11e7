"""Helpers shared by the CLI's modules: consoles, error reporting, data loading."""

from __future__ import annotations

import functools
from collections.abc import Callable
from pathlib import Path
from typing import Annotated, Any, TypeVar

import typer

from readiness.errors import ReadinessError
from readiness.language import Language

F = TypeVar("F", bound=Callable[..., Any])


LangOption = Annotated[Language, typer.Option("--lang", help="Language of the output.")]
TemplatesOption = Annotated[
    Path | None,
    typer.Option(
        "--templates",
        exists=True,
        file_okay=False,
        help="A folder whose files replace the shipped templates (HTML, Markdown, Word).",
    ),
]


def console(stderr: bool = False) -> Any:
    """A rich console (rich is imported only when something is printed)."""
    from rich.console import Console

    return Console(stderr=stderr, highlight=False, markup=False)


def say(*parts: str | tuple[str, str], stderr: bool = False) -> None:
    """Print one line made of plain and ``(text, style)`` parts, never read as markup.

    Control and bidirectional characters other than line breaks are escaped, and lines are
    not broken at the console's width, so a long path stays whole when the output is not a terminal.
    """
    from rich.text import Text

    from readiness.errors import safe_text

    def clean(text: str) -> str:  # line breaks are kept: a list of problems is one per line
        return "\n".join(safe_text(line) for line in text.split("\n"))

    line = Text.assemble(
        *((clean(p[0]), p[1]) if isinstance(p, tuple) else clean(p) for p in parts)
    )
    console(stderr=stderr).print(line, soft_wrap=True)


def print_error(error: object) -> None:
    """One red ``error:`` paragraph on standard error."""
    say(("error:", "red"), " ", str(error), stderr=True)


def reports_errors(command: F) -> F:
    """Print library errors as one red paragraph and exit with their code, no traceback."""

    @functools.wraps(command)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return command(*args, **kwargs)
        except ReadinessError as error:
            print_error(error)
            raise typer.Exit(error.exit_code) from None

    return wrapper  # type: ignore[return-value]


def load_data(scoring: Path | None = None) -> tuple[Any, Any, Any]:
    """The catalogue, the question bank and the scoring parameters."""
    from readiness.data.catalogue import load_catalogue, load_scoring
    from readiness.data.questionnaire import load_questionnaire

    catalogue = load_catalogue()
    return catalogue, load_questionnaire(catalogue), load_scoring(scoring)
