"""Every output of ``readiness assess``: the formats, their file names, and rendering them all."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from readiness.language import Language

if TYPE_CHECKING:  # the command line imports this module before it needs any model
    from readiness.models.assessment import Assessment
    from readiness.models.catalogue import Catalogue
    from readiness.models.comparison import Comparison
    from readiness.models.questionnaire import Questionnaire


class ReportFormat(StrEnum):
    """Files ``readiness assess`` can write."""

    HTML = "html"
    MD = "md"
    XLSX = "xlsx"
    JSON = "json"
    DOCX = "docx"
    PDF = "pdf"


OPT_IN = frozenset({ReportFormat.DOCX, ReportFormat.PDF})
"""Formats written only when asked for: Word costs some 30 times the scoring, PDF far more."""

FILE_NAMES: dict[ReportFormat, str] = {
    ReportFormat.HTML: "report.html",
    ReportFormat.MD: "report.md",
    ReportFormat.XLSX: "report.xlsx",
    ReportFormat.JSON: "assessment.json",
    ReportFormat.DOCX: "report.docx",
    ReportFormat.PDF: "report.pdf",
}


Choice = TypeVar("Choice", bound=StrEnum)
ALIASES = {"markdown": "md", "excel": "xlsx", "msproject": "mspdi", "xml": "mspdi"}


def parse_formats(value: str, choices: type[Choice] = ReportFormat) -> list[Choice]:  # type: ignore[assignment]
    """``"html,md"`` → the formats, in the order given, without repeats.

    Raises ValueError naming the first word that is not one of ``choices``.
    """
    formats: list[Choice] = []
    for word in (part.strip().lower() for part in value.split(",") if part.strip()):
        word = ALIASES.get(word, word)
        try:
            chosen = choices(word)
        except ValueError:
            names = ", ".join(c.value for c in choices)
            raise ValueError(f"'{word}' is not a format; use {names}") from None
        if chosen not in formats:
            formats.append(chosen)
    if not formats:
        raise ValueError("no format given")
    return formats


COMPARISON_FILES: dict[ReportFormat, str] = {
    ReportFormat.HTML: "progress.html",
    ReportFormat.MD: "progress.md",
    ReportFormat.XLSX: "progress.xlsx",
    ReportFormat.JSON: "comparison.json",
    ReportFormat.DOCX: "progress.docx",
    ReportFormat.PDF: "progress.pdf",
}


def render_outputs(
    assessment: Assessment,
    catalogue: Catalogue,
    questionnaire: Questionnaire,
    language: Language,
    formats: list[ReportFormat],
    baseline: Comparison | None = None,
    templates: Path | None = None,
) -> dict[ReportFormat, str | bytes]:
    """Every requested output, rendered in memory (nothing is written here).

    With ``baseline`` (the comparison with an earlier assessment) the report gains a progress
    section; ``templates`` is a consultant's folder overriding shipped templates file by file.
    """
    outputs: dict[ReportFormat, str | bytes] = {}
    if ReportFormat.JSON in formats:
        outputs[ReportFormat.JSON] = assessment.model_dump_json(indent=2) + "\n"
    if ReportFormat.JSON in formats and len(formats) == 1:
        return outputs
    from readiness.render.report.view import build_view

    progress = None
    if baseline is not None:
        from readiness.render.progress.view import build_progress

        progress = build_progress(baseline, catalogue, language)
    view = build_view(assessment, catalogue, questionnaire, language, progress)
    if {ReportFormat.HTML, ReportFormat.PDF} & set(formats):
        from readiness.render.report.render import render_html

        html = render_html(view, templates)
        if ReportFormat.HTML in formats:
            outputs[ReportFormat.HTML] = html
        if ReportFormat.PDF in formats:
            from readiness.render.pdf import html_to_pdf

            outputs[ReportFormat.PDF] = html_to_pdf(html, assessment.assessed_on, templates)
    if ReportFormat.MD in formats:
        from readiness.render.report.render import render_markdown

        outputs[ReportFormat.MD] = render_markdown(view, templates)
    if ReportFormat.XLSX in formats:
        from readiness.render.report.workbook import workbook_bytes

        outputs[ReportFormat.XLSX] = workbook_bytes(view)
    if ReportFormat.DOCX in formats:
        from readiness.render.docx.document import word_template
        from readiness.render.docx.report import report_docx

        outputs[ReportFormat.DOCX] = report_docx(view, word_template(templates, "report.docx"))
    return {f: outputs[f] for f in formats}


def render_comparison_outputs(
    comparison: Comparison,
    catalogue: Catalogue,
    language: Language,
    formats: list[ReportFormat],
    templates: Path | None = None,
) -> dict[ReportFormat, str | bytes]:
    """The progress report of ``readiness compare`` in every requested format, in memory."""
    from readiness.render.progress.view import build_progress

    progress = build_progress(comparison, catalogue, language)
    outputs: dict[ReportFormat, str | bytes] = {}
    for output in formats:
        if output is ReportFormat.JSON:
            outputs[output] = comparison.model_dump_json(indent=2) + "\n"
        elif output is ReportFormat.XLSX:
            from readiness.render.progress.workbook import comparison_workbook_bytes

            outputs[output] = comparison_workbook_bytes(progress)
        elif output is ReportFormat.DOCX:
            from readiness.render.docx.document import word_template
            from readiness.render.docx.progress import progress_docx

            template = word_template(templates, "progress.docx")
            outputs[output] = progress_docx(progress, comparison.tool_version, template)
        elif output is ReportFormat.PDF:
            from readiness.render.pdf import html_to_pdf
            from readiness.render.report.render import render_comparison

            html = render_comparison(progress, "html", comparison.tool_version, templates)
            outputs[output] = html_to_pdf(html, comparison.new.assessed_on, templates)
        else:
            from readiness.render.report.render import render_comparison

            outputs[output] = render_comparison(
                progress, output.value, comparison.tool_version, templates
            )
    return outputs
