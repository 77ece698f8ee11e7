"""``readiness export``: files for OSCAL tools, CISO Assistant and issue trackers."""

from pathlib import Path
from typing import Annotated

import typer

from readiness.cli.common import (
    LangOption,
    MethodOption,
    OutOption,
    PlanConfigOption,
    ScoringOption,
    StartOption,
    load_data,
    reports_errors,
    say,
)
from readiness.language import Language
from readiness.outputs.interchange import parse_targets


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
    out: OutOption = Path("readiness-export"),
    config: PlanConfigOption = None,
    start: StartOption = None,
    scenario: Annotated[
        str | None,
        typer.Option(help="The plan's scenario (default: standard).", show_default=False),
    ] = None,
    lang: LangOption = Language.EN,
    scoring: ScoringOption = None,
    method: MethodOption = None,
) -> None:
    """Write the assessment and plan for other tools: OSCAL, CISO Assistant, trackers."""
    try:
        chosen = parse_targets(targets)
    except ValueError as error:
        raise typer.BadParameter(str(error), param_hint="TARGETS") from None
    from readiness.jobs.export import export_into_folder

    written = export_into_folder(
        chosen,
        file,
        out,
        load_data(scoring, method),
        language=lang,
        config_path=config,
        start=start.date() if start else None,
        scenario=scenario,
    )
    from readiness.data.labels import labels

    say(f"{labels(lang)['written']}: " + ", ".join(str(p) for p in written))
