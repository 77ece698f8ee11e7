"""``readiness export``: files for OSCAL tools, CISO Assistant and issue trackers."""

import datetime as dt
from pathlib import Path
from typing import Annotated

import typer

from readiness.cli.common import LangOption, console, load_data, reports_errors
from readiness.language import Language
from readiness.render.interchange.targets import NEEDS_PLAN, parse_targets


@reports_errors
def export(
    targets: Annotated[
        str,
        typer.Argument(help="Comma-separated: oscal, ciso, jira, azure, github, csv."),
    ],
    file: Annotated[
        Path,
        typer.Argument(help="The client's answers (YAML or Excel) or a saved assessment.json."),
    ],
    out: Annotated[Path, typer.Option("--out", "-o", help="Folder for the outputs.")] = Path(
        "readiness-export"
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
    scenario: Annotated[str, typer.Option(help="The plan's scenario.")] = "standard",
    lang: LangOption = Language.EN,
    scoring: Annotated[
        Path | None, typer.Option(help="A scoring.yaml to use instead of the shipped one.")
    ] = None,
) -> None:
    """Write the assessment and plan for other tools: OSCAL, CISO Assistant, trackers."""
    try:
        chosen = parse_targets(targets)
    except ValueError as error:
        raise typer.BadParameter(str(error), param_hint="TARGETS") from None
    catalogue, questionnaire, scoring_config = load_data(scoring)
    from readiness.inputs.saved import assessment_of
    from readiness.outputs.writing import prepare_folder, write_atomic
    from readiness.render.interchange.targets import render_exports

    assessment = assessment_of(file, catalogue, questionnaire, scoring_config)
    plan = None
    if NEEDS_PLAN & set(chosen):
        from readiness.cli.plan import make_plans

        plan, _ = make_plans(
            assessment,
            catalogue,
            config_path=config,
            start=start.date() if start else None,
            scenario=scenario,
            target=None,
        )
    files = render_exports(chosen, assessment, catalogue, questionnaire, plan, lang)
    folder = prepare_folder(out, [file])
    written = [write_atomic(folder / name, data, inputs=[file]) for name, data in files.items()]
    from readiness.data.labels import labels

    console().print(f"{labels(lang)['written']}: " + ", ".join(str(p) for p in written))
