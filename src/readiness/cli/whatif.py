"""``readiness whatif``: the fewest answer improvements to the target score and next verdict."""

from pathlib import Path
from typing import Annotated, Any

import typer

from readiness.cli.common import (
    LangOption,
    PlanConfigOption,
    ScoringOption,
    console,
    load_data,
    out_folder,
    reports_errors,
    say,
)
from readiness.language import Language


def whatif_tables(whatif: Any, catalogue: Any, language: Language) -> list[Any]:
    """The verdict's improvements and every area's goal, as rich tables."""
    from rich.table import Table
    from rich.text import Text

    from readiness.render.report.whatif import build_whatif

    view = build_whatif(whatif, catalogue, language)
    w = view.words
    verdict = Table(title=w["wi_h_verdict"], header_style="bold", title_justify="left")
    for column in (w["question"], f"{w['wi_from']} → {w['wi_to']}", w["wi_requirements"]):
        verdict.add_column(column)
    verdict.add_column(w["wi_gain_overall"], justify="right")
    verdict.add_column(w["wi_effort"], justify="right")
    for row in view.improvements:
        verdict.add_row(row.question, row.change, row.requirements, row.gain_text, row.effort_text)
    areas = Table(
        title=f"{w['wi_h_areas']} ({w['wi_target']} {view.target_text})",
        header_style="bold",
        title_justify="left",
    )
    areas.add_column(w["area"])
    areas.add_column(w["wi_score_now"], justify="right")
    areas.add_column(w["wi_status"])
    areas.add_column(w["wi_changes"])
    areas.add_column(w["wi_effort"], justify="right")
    areas.add_column(w["wi_score_after"], justify="right")
    for area in view.areas:
        changes = ", ".join(f"{i.question} {i.change}" for i in area.improvements)
        style = "red" if area.status == "unreachable" else ""
        areas.add_row(
            f"{area.id} {area.name}",
            area.score_text,
            Text(area.status_label, style=style),
            changes,
            area.effort_text,
            area.after_text,
        )
    summary = Table.grid(padding=(0, 2))
    summary.add_row(w["wi_verdict_now"], view.verdict_label)
    summary.add_row(w["wi_verdict_next"], view.next_label)
    summary.add_row(w["wi_changes"], str(view.count))
    summary.add_row(w["wi_effort"], view.effort_text)
    summary.add_row(w["wi_overall_after"], view.overall_after_text)
    summary.add_row(w["wi_verdict_after"], view.after_label)
    shown: list[Any] = [summary, Text(view.statement)]
    shown += [Text(f"- {reason}") for reason in view.remaining]
    if view.improvements:
        shown.append(verdict)
    shown.append(areas)
    return shown


@reports_errors
def whatif(
    files: Annotated[
        list[Path],
        typer.Argument(help="The client's answers: YAML or Excel.", show_default=False),
    ],
    target: Annotated[
        float | None,
        typer.Option(
            min=0,
            max=100,
            help="Score each area is lifted to (default: the scoring's target score, 85).",
            show_default=False,
        ),
    ] = None,
    merge: Annotated[
        bool, typer.Option(help="Merge several respondents of one client (lowest rating wins).")
    ] = False,
    lang: LangOption = Language.EN,
    config: PlanConfigOption = None,
    scoring: ScoringOption = None,
    out: Annotated[
        Path | None,
        typer.Option(
            "--out", "-o", help="Also write whatif.json into this folder.", parser=out_folder
        ),
    ] = None,
) -> None:
    """The fewest answer improvements that reach the target score and the next verdict."""
    if len(files) > 1 and not merge:
        raise typer.BadParameter("several files need --merge (one client)", param_hint="FILES")
    from readiness.jobs.whatif import what_if_files

    data = load_data(scoring)
    result = what_if_files(files, data, merge=merge, target=target, config_path=config, out=out)
    for shown in whatif_tables(result.whatif, data.catalogue, lang):
        console().print(shown)
    if result.written:
        from readiness.data.labels import labels

        say(f"{labels(lang)['written']}: " + ", ".join(str(p) for p in result.written))
