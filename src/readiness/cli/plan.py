"""``readiness plan``: from an assessment to a certification project plan."""

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from readiness.cli.common import (
    BrandOption,
    LangOption,
    MethodOption,
    OutOption,
    PlanConfigOption,
    QuietOption,
    ScoringOption,
    StartOption,
    TemplatesOption,
    load_brand,
    load_data,
    print_written,
    reports_errors,
)
from readiness.language import Language
from readiness.outputs.plan import PlanFormat
from readiness.outputs.report import parse_formats

if TYPE_CHECKING:
    from readiness.models.plan import Plan

DEFAULT_PLAN_FORMATS = "html,md,xlsx,json,mspdi"


def plan_formats(value: str) -> list[PlanFormat]:
    """The plan formats of ``--format``, or a usage error."""
    try:
        return parse_formats(value, PlanFormat)
    except ValueError as error:
        raise typer.BadParameter(str(error), param_hint="--format") from None


def plan_summary(plan: "Plan", language: Language) -> Any:
    """A short rich table: dates, effort, cost and any warning."""
    from rich.table import Table
    from rich.text import Text

    from readiness.render.plan.render import Words

    words = Words(plan, language)
    table = Table(show_header=False, box=None)
    rows = [
        (words["p_scenario"], words.t(plan.scenario_name)),
        (words["p_start"], words.date(plan.start)),
        (words["p_stage1"], words.span(plan.stage1_start, plan.stage1_end)),
        (words["p_stage2"], words.span(plan.stage2_start, plan.stage2_end)),
        (words["p_certificate"], words.date(plan.certificate)),
        (
            words["p_total_effort"],
            f"{words.days(words.total(plan.total_effort))} {words['p_person_days']}",
        ),
        (words["p_total_cost"], f"{words.money(plan.costs.total)} {plan.costs.currency}"),
    ]
    for name, value in rows:
        table.add_row(Text(name, style="bold"), value)
    for message in plan.messages:
        table.add_row(Text("!", style="yellow"), words.t(message.text))
    return table


@reports_errors
def plan(
    file: Annotated[
        Path,
        typer.Argument(help="The client's answers (YAML or Excel) or a saved assessment.json."),
    ],
    out: OutOption = Path("readiness-plan"),
    config: PlanConfigOption = None,
    start: StartOption = None,
    scenario: Annotated[
        str | None,
        typer.Option(
            help="standard (the default) or fast-track, or one of --config's.", show_default=False
        ),
    ] = None,
    target: Annotated[
        dt.datetime | None,
        typer.Option(
            formats=["%Y-%m-%d"],
            help="Date stage 2 should be passed by; the plan says if it is missed.",
        ),
    ] = None,
    lang: LangOption = Language.EN,
    formats: Annotated[
        str,
        typer.Option(
            "--format",
            help="Comma-separated: html, md, xlsx, json, mspdi, docx, pdf; pdf needs the pdf extra.",
        ),
    ] = DEFAULT_PLAN_FORMATS,
    scoring: ScoringOption = None,
    quiet: QuietOption = False,
    templates: TemplatesOption = None,
    method: MethodOption = None,
    brand: BrandOption = None,
) -> None:
    """Turn an assessment into a certification project plan: backlog, schedule, costs."""
    chosen = plan_formats(formats)
    from readiness.jobs.plan import plan_into_folder

    result = plan_into_folder(
        file,
        out,
        load_data(scoring, method),
        formats=chosen,
        language=lang,
        config_path=config,
        start=start.date() if start else None,
        scenario=scenario,
        target=target.date() if target else None,
        templates=templates,
        brand=load_brand(brand),
    )
    if not quiet:
        print_written(plan_summary(result.plan, lang), result.written, lang)
