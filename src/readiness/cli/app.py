"""The ``readiness`` command: parse, call the library, print, map errors to exit codes.

Exit codes: 0 ok; 1 score below ``--fail-under``; 2 usage (including outputs that cannot be
written); 3 invalid input data.

The command modules do without ``from __future__ import annotations`` on purpose: typer reads
every command's signature at start-up, and string annotations would be evaluated twice per
parameter there, which cost a quarter of the start-up time.
"""

import json
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from readiness.cli.common import (
    BrandOption,
    DateOption,
    LangOption,
    MethodOption,
    OutOption,
    QuietOption,
    ReportFormatsOption,
    ScoringOption,
    TemplatesOption,
    console,
    help_group,
    load_brand,
    load_data,
    print_error,
    print_written,
    reports_errors,
    say,
)
from readiness.cli.compare import compare as compare_command
from readiness.cli.export import export as export_command
from readiness.cli.guide import guide as guide_command
from readiness.cli.method import method_app
from readiness.cli.plan import plan as plan_command
from readiness.cli.questionnaire import questionnaire_app
from readiness.cli.whatif import whatif as whatif_command
from readiness.language import Language
from readiness.outputs.report import ReportFormat, parse_formats
from readiness.version import __version__

app = typer.Typer(
    name="readiness",
    help="ISO/IEC 20000-1 certification readiness: score a client's answered questionnaire, "
    "predict audit findings and plan the way to certification.",
    no_args_is_help=True,
    add_completion=True,
    cls=help_group(),
    pretty_exceptions_enable=False,
)
app.add_typer(questionnaire_app, name="questionnaire")
app.add_typer(method_app, name="method")
app.command(name="plan")(plan_command)
app.command(name="compare")(compare_command)
app.command(name="export")(export_command)
app.command(name="guide")(guide_command)
app.command(name="whatif")(whatif_command)


class Edition(StrEnum):
    """Views of the catalogue: the 2018 clauses, or the 2011 processes mapped onto them."""

    E2018 = "2018"
    E2011 = "2011"


def _version(value: bool) -> None:
    if value:
        typer.echo(f"readiness {__version__}")
        raise typer.Exit


@app.callback()
def main_options(
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Show the version.")
    ] = False,
) -> None:
    """ISO/IEC 20000-1 certification readiness."""


@app.command()
@reports_errors
def clauses(
    edition: Annotated[
        Edition, typer.Option(help="2018 clauses, or the 2011 processes mapped to 2018.")
    ] = Edition.E2018,
    lang: LangOption = Language.EN,
) -> None:
    """Show the catalogue of the standard as a tree."""
    from readiness.cli.views import clause_tree
    from readiness.data.catalogue import load_catalogue

    console().print(clause_tree(load_catalogue(), lang, edition.value))


@app.command()
@reports_errors
def validate(
    files: Annotated[
        list[Path], typer.Argument(help="Answer files (YAML or Excel).", show_default=False)
    ],
    method: MethodOption = None,
) -> None:
    """Check answer files and list every problem (exit 3 if any)."""
    from readiness.errors import InputError
    from readiness.inputs.answers import load_answer_file

    data = load_data(method=method)
    failed: list[InputError] = []
    total = len(data.questionnaire.questions())
    for path in files:
        try:
            answers = load_answer_file(path, data.questionnaire, data.catalogue)
        except InputError as error:
            failed.append(error)
            continue
        answered = sum(1 for a in answers.answers.values() if a.rating is not None)
        say(("ok", "green"), f" {path}: {answered} of {total} questions answered")
    for problem in failed:
        print_error(problem)
    if failed:
        raise typer.Exit(3)


DEFAULT_FORMATS = "html,md,xlsx,json"


def _formats(value: str) -> list[ReportFormat]:
    try:
        return parse_formats(value)
    except ValueError as error:
        raise typer.BadParameter(str(error), param_hint="--format") from None


@app.command()
@reports_errors
def assess(
    files: Annotated[
        list[Path],
        typer.Argument(help="The client's answers: YAML or Excel.", show_default=False),
    ],
    out: OutOption = Path("readiness-report"),
    formats: ReportFormatsOption = DEFAULT_FORMATS,
    lang: LangOption = Language.EN,
    merge: Annotated[
        bool, typer.Option(help="Merge several respondents of one client (lowest rating wins).")
    ] = False,
    fail_under: Annotated[
        float | None,
        typer.Option(min=0, max=100, help="Exit 1 if the overall score is below this."),
    ] = None,
    date: DateOption = None,
    scoring: ScoringOption = None,
    quiet: QuietOption = False,
    baseline: Annotated[
        Path | None,
        typer.Option(help="An earlier assessment (answers or assessment.json): add progress."),
    ] = None,
    no_regressions: Annotated[
        bool,
        typer.Option("--no-regressions", help="With --baseline: exit 1 if anything got worse."),
    ] = False,
    plan: Annotated[
        bool,
        typer.Option(
            "--plan", help="Also write the certification project plan (as `readiness plan`)."
        ),
    ] = False,
    templates: TemplatesOption = None,
    method: MethodOption = None,
    brand: BrandOption = None,
    whatif: Annotated[
        bool,
        typer.Option(
            "--whatif",
            help="Add the what-if to the target: a report section and whatif.json (about a "
            "second more).",
        ),
    ] = False,
) -> None:
    """Score a client's answers, print a summary and write the gap report."""
    chosen = _formats(formats)
    data = load_data(scoring, method)
    if len(files) > 1 and not merge:
        if baseline is not None or plan:
            raise typer.BadParameter(
                "--baseline and --plan take one client; several files make a portfolio run",
                param_hint="FILES",
            )
        from readiness.cli.portfolio import portfolio
        from readiness.data.method import find_method

        portfolio(
            files,
            out,
            chosen,
            lang,
            scoring,
            quiet=quiet,
            fail_under=fail_under,
            method=find_method(method),
            brand=load_brand(brand),
        )
        return
    from readiness.jobs.assess import assess_into_folder

    result = assess_into_folder(
        files,
        out,
        data,
        formats=chosen,
        language=lang,
        merge=merge,
        assessed_on=date.date() if date else None,
        baseline=baseline,
        plan=plan,
        templates=templates,
        brand=load_brand(brand),
        whatif=whatif,
    )
    if not quiet:
        from readiness.cli.views import assessment_summary

        print_written(
            assessment_summary(result.assessment, data.catalogue, lang), result.written, lang
        )
        if result.comparison is not None:
            from readiness.cli.compare import comparison_summary

            console().print(comparison_summary(result.comparison, data.catalogue, lang))
    score = result.assessment.overall.score or 0.0
    if fail_under is not None and score < fail_under:
        raise typer.Exit(1)
    if no_regressions and result.comparison is not None and result.comparison.regressions:
        say("regressions: " + ", ".join(result.comparison.regressions), stderr=True)
        raise typer.Exit(1)


@app.command()
@reports_errors
def schema(
    assessment: Annotated[
        bool, typer.Option("--assessment", help="Schema of assessment.json instead.")
    ] = False,
) -> None:
    """Print the JSON Schema of the answer file (or of assessment.json)."""
    if assessment:
        from readiness.models.assessment import Assessment

        document = Assessment.model_json_schema()
        document["title"] = "readiness assessment"
        document["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    else:
        from readiness.models.answers import answer_file_schema

        document = answer_file_schema()
    typer.echo(json.dumps(document, indent=2, ensure_ascii=False))


def main() -> None:
    """Entry point of the console script."""
    from readiness.cli.common import degrade_unencodable_output

    degrade_unencodable_output()
    app()
