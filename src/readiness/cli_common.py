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


def console(stderr: bool = False) -> Any:
    """A rich console (rich is imported only when something is printed)."""
    from rich.console import Console

    return Console(stderr=stderr, highlight=False)


def reports_errors(command: F) -> F:
    """Print library errors as one red paragraph and exit with their code, no traceback."""

    @functools.wraps(command)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return command(*args, **kwargs)
        except ReadinessError as error:
            from rich.text import Text

            console(stderr=True).print(Text(f"error: {error}", style="red"))
            raise typer.Exit(error.exit_code) from None

    return wrapper  # type: ignore[return-value]


def load_data(scoring: Path | None = None) -> tuple[Any, Any, Any]:
    """The catalogue, the question bank and the scoring parameters."""
    from readiness.catalogue import load_catalogue, load_scoring
    from readiness.questionnaire import load_questionnaire

    catalogue = load_catalogue()
    return catalogue, load_questionnaire(catalogue), load_scoring(scoring)
