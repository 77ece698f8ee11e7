"""``readiness guide``: the interview guide per respondent role and the internal-audit
checklist, from the answers (or a saved assessment)."""

from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from readiness.cli.common import (
    DateOption,
    LangOption,
    MethodOption,
    OutOption,
    QuietOption,
    ReportFormatsOption,
    ScoringOption,
    TemplatesOption,
    load_data,
    print_written,
    reports_errors,
)
from readiness.language import Language
from readiness.outputs.report import ReportFormat, parse_formats

if TYPE_CHECKING:
    from readiness.models.guide import AuditChecklist, InterviewGuide

DEFAULT_GUIDE_FORMATS = "html,md,xlsx,json"


def guide_summary(guide: "InterviewGuide", checklist: "AuditChecklist", language: Language) -> Any:
    """A short rich table: probes per kind, per role, and the checklist's lines."""
    from rich.table import Table
    from rich.text import Text

    from readiness.data.labels import labels

    words = labels(language)
    table = Table(show_header=False, box=None)
    for kind in guide.order:
        table.add_row(Text(words[f"probe_{kind.value}"], style="bold"), str(guide.counts[kind]))
    busy = [f"{role.id} {len(role.probes)}" for role in guide.roles if role.probes]
    table.add_row(Text(words["g_roles"], style="bold"), ", ".join(busy) or words["none"])
    table.add_row(Text(words["k_title"], style="bold"), f"{len(checklist.lines)}")
    return table


@reports_errors
def guide(
    files: Annotated[
        list[Path],
        typer.Argument(
            help="One client's answers (several files are its respondents, merged) or a saved"
            " assessment.json.",
            show_default=False,
        ),
    ],
    out: OutOption = Path("readiness-guide"),
    formats: ReportFormatsOption = DEFAULT_GUIDE_FORMATS,
    lang: LangOption = Language.EN,
    date: DateOption = None,
    scoring: ScoringOption = None,
    quiet: QuietOption = False,
    templates: TemplatesOption = None,
    method: MethodOption = None,
) -> None:
    """Write the interview guide per respondent role and the internal-audit checklist."""
    try:
        chosen: list[ReportFormat] = parse_formats(formats)
    except ValueError as error:
        raise typer.BadParameter(str(error), param_hint="--format") from None
    from readiness.jobs.guide import guide_into_folder

    data = load_data(scoring, method)
    result = guide_into_folder(
        files,
        out,
        data,
        formats=chosen,
        language=lang,
        assessed_on=date.date() if date else None,
        templates=templates,
    )
    if not quiet:
        print_written(guide_summary(result.guide, result.checklist, lang), result.written, lang)
