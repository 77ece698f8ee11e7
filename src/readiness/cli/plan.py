"""``readiness plan``: from an assessment to a certification project plan."""

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from readiness.cli.common import LangOption, TemplatesOption, console, load_data, reports_errors
from readiness.language import Language
from readiness.outputs.plan import PLAN_FILES, PlanFormat, render_plan_outputs
from readiness.outputs.report import parse_formats

if TYPE_CHECKING:
    from readiness.models.assessment import Assessment
    from readiness.models.plan import Plan

DEFAULT_PLAN_FORMATS = "html,md,xlsx,json,mspdi"


def plan_formats(value: str) -> list[PlanFormat]:
    """The plan formats of ``--format``, or a usage error."""
    try:
        return parse_formats(value, PlanFormat)
    except ValueError as error:
        raise typer.BadParameter(str(error), param_hint="--format") from None


def first_monday_after(day: dt.date) -> dt.date:
    """The project starts on the Monday after the assessment (a week later if it is a Monday)."""
    return day + dt.timedelta(days=7 - day.weekday())


def make_plans(
    assessment: "Assessment",
    catalogue: Any,
    *,
    config_path: Path | None,
    start: dt.date | None,
    scenario: str,
    target: dt.date | None,
) -> "tuple[Plan, list[Plan]]":
    """The plan of ``scenario`` and the other configured scenarios for comparison."""
    from readiness.planning import load_plan_config, make_scenarios

    config = load_plan_config(config_path, catalogue=catalogue)
    if scenario not in config.scenarios:
        choices = ", ".join(config.scenarios)
        raise typer.BadParameter(
            f"'{scenario}' is not a scenario; use {choices}", param_hint="--scenario"
        )
    begin = start or first_monday_after(assessment.assessed_on or dt.date.today())
    plans = make_scenarios(assessment, catalogue, config, start=begin, target_date=target)
    chosen = next(p for p in plans if p.scenario == scenario)
    return chosen, [p for p in plans if p is not chosen]


def plan_summary(plan: "Plan", language: Language) -> Any:
    """A short rich table: dates, effort, cost and any warning."""
    from rich.table import Table
    from rich.text import Text

    from readiness.render.plan.render import Words

    words = Words(plan, language)
    table = Table(show_header=False, box=None)
    stage1 = next((t.start for t in plan.tasks if t.phase.value == "stage1"), None)
    stage2 = next((p.start for p in plan.phases if p.id.value == "stage2"), None)
    rows = [
        (words["p_scenario"], words.t(plan.scenario_name)),
        (words["p_start"], words.date(plan.start)),
        (words["p_stage1"], words.date(stage1)),
        (words["p_stage2"], words.date(stage2)),
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


def write_plan(
    plan: "Plan",
    alternatives: "list[Plan]",
    language: Language,
    formats: list[PlanFormat],
    folder: Path,
    inputs: list[Path],
    templates: Path | None = None,
) -> list[Path]:
    """Render every format first, then write each file atomically."""
    from readiness.outputs.writing import write_atomic

    rendered = render_plan_outputs(plan, language, formats, alternatives, templates)
    return [
        write_atomic(folder / PLAN_FILES[output], data, inputs=inputs)
        for output, data in rendered.items()
    ]


@reports_errors
def plan(
    file: Annotated[
        Path,
        typer.Argument(help="The client's answers (YAML or Excel) or a saved assessment.json."),
    ],
    out: Annotated[Path, typer.Option("--out", "-o", help="Folder for the outputs.")] = Path(
        "readiness-plan"
    ),
    config: Annotated[
        Path | None, typer.Option(help="A plan.yaml merged over the shipped defaults.")
    ] = None,
    start: Annotated[
        dt.datetime | None,
        typer.Option(
            formats=["%Y-%m-%d"], help="Project start (default: the Monday after the assessment)."
        ),
    ] = None,
    scenario: Annotated[
        str, typer.Option(help="standard or fast-track (or one of --config's).")
    ] = "standard",
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
    scoring: Annotated[
        Path | None, typer.Option(help="A scoring.yaml to use instead of the shipped one.")
    ] = None,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="Print no summary.")] = False,
    templates: TemplatesOption = None,
) -> None:
    """Turn an assessment into a certification project plan: backlog, schedule, costs."""
    chosen = plan_formats(formats)
    catalogue, questionnaire, scoring_config = load_data(scoring)
    from readiness.inputs.saved import assessment_of
    from readiness.outputs.writing import prepare_folder

    assessment = assessment_of(file, catalogue, questionnaire, scoring_config)
    main, alternatives = make_plans(
        assessment,
        catalogue,
        config_path=config,
        start=start.date() if start else None,
        scenario=scenario,
        target=target.date() if target else None,
    )
    folder = prepare_folder(out, [file])
    written = write_plan(main, alternatives, lang, chosen, folder, [file], templates)
    if not quiet:
        from readiness.data.labels import labels

        console().print(plan_summary(main, lang))
        console().print(f"{labels(lang)['written']}: " + ", ".join(str(p) for p in written))
