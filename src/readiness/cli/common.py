"""Helpers shared by the CLI's modules: consoles, error reporting, data loading."""

from __future__ import annotations

import contextlib
import datetime as dt
import functools
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Annotated, Any, TypeVar

import typer

from readiness.errors import ReadinessError
from readiness.language import Language

F = TypeVar("F", bound=Callable[..., Any])


LangOption = Annotated[Language, typer.Option("--lang", help="Language of the output.")]
PlanConfigOption = Annotated[
    Path | None, typer.Option("--config", help="A plan.yaml merged over the shipped defaults.")
]
StartOption = Annotated[
    dt.datetime | None,
    typer.Option(
        "--start",
        formats=["%Y-%m-%d"],
        help="Project start (default: the Monday after the assessment).",
    ),
]

MethodOption = Annotated[
    Path | None,
    typer.Option(
        "--method",
        exists=True,
        file_okay=False,
        help="A method folder merged over the shipped data (default: ./readiness-method if it "
        "is there).",
        show_default=False,
    ),
]

TemplatesOption = Annotated[
    Path | None,
    typer.Option(
        "--templates",
        exists=True,
        file_okay=False,
        help="A folder whose files replace the shipped templates (HTML, Markdown, Word).",
    ),
]


BrandOption = Annotated[
    Path | None,
    typer.Option(
        "--brand",
        exists=True,
        dir_okay=False,
        help="A brand file: firm, logo, colours, contact, footer, disclaimer, titles "
        "(default: readiness-brand.yaml in the working folder, if there is one).",
    ),
]


def load_brand(given: Path | None) -> Any:
    """The brand of ``--brand`` or of ``readiness-brand.yaml`` here (a
    :class:`readiness.models.brand.Brand`), or None."""
    from readiness.inputs.brand import find_brand
    from readiness.inputs.brand import load_brand as load

    path = find_brand(given)
    return load(path) if path is not None else None


def out_folder(value: str | Path) -> Path:
    """``--out`` as typed, an empty one refused (see readiness.outputs.writing)."""
    from readiness.outputs.writing import output_folder

    try:
        return output_folder(value)
    except ValueError as error:
        raise typer.BadParameter(str(error)) from None


OutOption = Annotated[
    Path, typer.Option("--out", "-o", help="Folder for the outputs.", parser=out_folder)
]
"""``--out``; each command gives its own default folder."""
ReportFormatsOption = Annotated[
    str,
    typer.Option(
        "--format",
        help="Comma-separated: html, md, xlsx, json, docx, pdf; pdf needs the pdf extra.",
    ),
]
ScoringOption = Annotated[
    Path | None, typer.Option(help="A scoring.yaml to use instead of the shipped one.")
]
QuietOption = Annotated[bool, typer.Option("--quiet", "-q", help="Print no summary.")]
DateOption = Annotated[
    dt.datetime | None,
    typer.Option(formats=["%Y-%m-%d"], help="Assessment date (default: the answer file's)."),
]


def console(stderr: bool = False) -> Any:
    """A rich console (rich is imported only when something is printed) that shows control and
    bidirectional characters of what it prints as escapes (see readiness.errors.safe_text)."""
    from readiness.errors import inert_console

    return inert_console(stderr=stderr)


def degrade_unencodable_output() -> None:
    """Let a console in a legacy code page (GBK on Chinese Windows, cp1252) print what it can
    and show ``?`` for the rest (a bullet, a check mark), instead of stopping the run with a
    UnicodeEncodeError. A UTF-8 console is left as it is."""
    for stream in (sys.stdout, sys.stderr):
        encoding = (getattr(stream, "encoding", None) or "").lower().replace("-", "")
        if encoding != "utf8" and hasattr(stream, "reconfigure"):
            with contextlib.suppress(Exception):  # a stream that cannot change: leave it
                stream.reconfigure(errors="replace")


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


def load_data(scoring: Path | None = None, method: Path | None = None) -> Any:
    """The data every job works with (:class:`readiness.jobs.context.Data`): the shipped data,
    with ``method`` (else ``./readiness-method`` when there) merged over it."""
    from readiness.data.method import find_method
    from readiness.jobs.context import load_data as load

    return load(scoring, find_method(method))


def print_written(summary: Any, written: list[Path], language: Language) -> None:
    """Print a command's summary (a rich renderable), then the files it wrote."""
    from readiness.data.labels import labels

    console().print(summary)
    say(f"{labels(language)['written']}: " + ", ".join(str(p) for p in written))


PLAIN_TYPES = {
    "<Path>": "<path>",
    "<str>": "<text>",
    "<int>": "<number>",
    "<float>": "<number>",
    "<float range>": "<number>",
    "<integer range>": "<number>",
    "<%Y-%m-%d>": "<YYYY-MM-DD>",
}
"""typer's names of Python types, in the user's words."""


def _quiet(param: Any) -> None:
    """Leave ``param``'s Python type (``<bool>``, ``<list[Path]>``) out of the help.

    typer prints every parameter's annotation; a flag needs none, and a list of files is said
    by its name and help. Options keep a metavar given to them.
    """
    from typer.core import TyperArgument, TyperOption

    if isinstance(param, TyperOption) and param.is_flag and param.metavar is None:
        param.metavar = ""  # typer shows an option's metavar instead of its type
    elif isinstance(param, TyperOption | TyperArgument) and param.nargs == 1 and not param.metavar:
        shown = param.display_type_rich

        def plain(ctx: Any) -> str | None:
            value = shown(ctx)
            return PLAIN_TYPES.get(value, value) if isinstance(value, str) else value

        param.display_type_rich = plain  # type: ignore[method-assign]
    elif isinstance(param, TyperArgument) and param.nargs != 1:
        # typer takes no argument class per parameter: the method is overridden on the object
        param.display_type_rich = lambda ctx: None  # type: ignore[method-assign]


def _without_types(command: Any) -> None:
    """:func:`_quiet` on every parameter of ``command``, its help option and sub-commands."""
    for param in command.params:
        _quiet(param)
    find_help = command.get_help_option

    def get_help_option(ctx: Any) -> Any:
        option = find_help(ctx)
        if option is not None:
            _quiet(option)
        return option

    command.get_help_option = get_help_option  # command is Any: typed by typer only
    for sub in getattr(command, "commands", {}).values():
        _without_types(sub)


def help_group() -> type:
    """The root command's class: a typer group whose help shows no Python types."""
    from typer.core import TyperGroup

    class HelpGroup(TyperGroup):
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            _without_types(self)

        def get_params(self, ctx: Any) -> Any:
            params = super().get_params(ctx)
            for param in params:  # the completion options are added after __init__
                _quiet(param)
            return params

    return HelpGroup
