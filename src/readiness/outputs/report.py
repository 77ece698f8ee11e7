"""The gap report (``readiness assess``) and the progress report (``readiness compare``): their
formats, file names and renderers, in the format registry."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any

from readiness.language import Language
from readiness.outputs.registry import Content, Document, Output
from readiness.outputs.registry import parse_formats as _parse

if TYPE_CHECKING:  # the command line imports this module before it needs any model
    from readiness.models.assessment import Assessment
    from readiness.models.brand import Brand
    from readiness.models.catalogue import Catalogue
    from readiness.models.comparison import Comparison
    from readiness.models.questionnaire import Questionnaire
    from readiness.models.whatif import WhatIf
    from readiness.render.brand import BrandView
    from readiness.render.progress.view import ProgressView
    from readiness.render.report.model import ReportView


class ReportFormat(StrEnum):
    """Files ``readiness assess`` and ``readiness compare`` can write."""

    HTML = "html"
    MD = "md"
    XLSX = "xlsx"
    JSON = "json"
    DOCX = "docx"
    PDF = "pdf"


OPT_IN = frozenset({ReportFormat.DOCX, ReportFormat.PDF})
"""Formats written only when asked for: Word costs some 30 times the scoring, PDF far more."""


def parse_formats(value: str, choices: type[Any] = ReportFormat) -> list[Any]:
    """``"html,md"`` → the formats of ``choices`` (default: the report's), ValueError if not."""
    return _parse(value, choices)


@dataclass
class ReportSubject:
    """What the gap report is made from; its view is built once, for the formats that need it."""

    assessment: Assessment
    catalogue: Catalogue
    questionnaire: Questionnaire
    language: Language
    comparison: Comparison | None = None
    templates: Path | None = None
    """A consultant's folder of templates overriding ours file by file."""
    brand: Brand | None = None
    """The consultant's brand, on every format."""

    @cached_property
    def branding(self) -> BrandView | None:
        """The brand as the gap report shows it."""
        from readiness.render.brand import brand_view

        return brand_view(self.brand, self.language, "report")

    whatif: WhatIf | None = None
    """The what-if to the target, shown as a section when given."""

    @cached_property
    def html(self) -> str:
        """The HTML page (also the source of the PDF), rendered once."""
        from readiness.render.report.render import render_html

        return render_html(self.view, self.templates, self.branding)

    @cached_property
    def view(self) -> ReportView:
        """The report view (with a progress section when compared with a baseline)."""
        from readiness.render.report.view import build_view

        progress = None
        if self.comparison is not None:
            from readiness.render.progress.view import build_progress

            progress = build_progress(self.comparison, self.catalogue, self.language)
        whatif = None
        if self.whatif is not None:
            from readiness.render.report.whatif import build_whatif

            whatif = build_whatif(self.whatif, self.catalogue, self.language)
        return build_view(
            self.assessment, self.catalogue, self.questionnaire, self.language, progress, whatif
        )


def _report_json(subject: ReportSubject) -> Content:
    return subject.assessment.model_dump_json(indent=2) + "\n"


def _report_html(subject: ReportSubject) -> Content:
    return subject.html


def _report_pdf(subject: ReportSubject) -> Content:
    from readiness.render.pdf import html_to_pdf

    return html_to_pdf(subject.html, subject.assessment.assessed_on, subject.templates)


def _report_docx(subject: ReportSubject) -> Content:
    from readiness.render.docx.document import word_template
    from readiness.render.docx.report import report_docx

    template = word_template(subject.templates, "report.docx")
    return report_docx(subject.view, template, subject.branding)


def _report_markdown(subject: ReportSubject) -> Content:
    from readiness.render.report.render import render_markdown

    return render_markdown(subject.view, subject.templates, subject.branding)


def _report_workbook(subject: ReportSubject) -> Content:
    from readiness.render.report.workbook import workbook_bytes

    return workbook_bytes(subject.view, subject.branding)


REPORT: Document[ReportFormat, ReportSubject] = Document(
    "report",
    {
        ReportFormat.HTML: Output("report.html", _report_html),
        ReportFormat.MD: Output("report.md", _report_markdown),
        ReportFormat.XLSX: Output("report.xlsx", _report_workbook),
        ReportFormat.JSON: Output("assessment.json", _report_json),
        ReportFormat.DOCX: Output("report.docx", _report_docx),
        ReportFormat.PDF: Output("report.pdf", _report_pdf),
    },
)
FILE_NAMES: dict[ReportFormat, str] = {f: REPORT.file_name(f) for f in ReportFormat}
WHATIF_FILE = "whatif.json"
"""The what-if to the target as data, written beside ``assessment.json``."""


def whatif_json(whatif: WhatIf) -> str:
    """``whatif.json``: the what-if as written by ``assess`` and ``whatif --out``."""
    return whatif.model_dump_json(indent=2) + "\n"


def render_outputs(
    assessment: Assessment,
    catalogue: Catalogue,
    questionnaire: Questionnaire,
    language: Language,
    formats: list[ReportFormat],
    baseline: Comparison | None = None,
    templates: Path | None = None,
    brand: Brand | None = None,
    whatif: WhatIf | None = None,
) -> dict[ReportFormat, str | bytes]:
    """Every requested format of the gap report, in memory (nothing is written here).

    With ``baseline`` (the comparison with an earlier assessment) the report gains a progress
    section, with ``whatif`` a what-if section (and ``whatif.json`` beside ``assessment.json``);
    ``templates`` is a consultant's folder overriding shipped templates file by file; ``brand``
    the consultant's brand.
    """
    subject = ReportSubject(
        assessment, catalogue, questionnaire, language, baseline, templates, brand, whatif
    )
    return REPORT.render(subject, formats)


@dataclass
class ProgressSubject:
    """What the progress report is made from."""

    comparison: Comparison
    catalogue: Catalogue
    language: Language
    templates: Path | None = None
    brand: Brand | None = None

    @cached_property
    def branding(self) -> BrandView | None:
        """The brand as the progress report shows it."""
        from readiness.render.brand import brand_view

        return brand_view(self.brand, self.language, "progress")

    @cached_property
    def view(self) -> ProgressView:
        """The progress view, built once."""
        from readiness.render.progress.view import build_progress

        return build_progress(self.comparison, self.catalogue, self.language)


def _progress_json(subject: ProgressSubject) -> Content:
    # two assessments: no trend key at all, so the file is what it always was
    leave_out = {"trend"} if subject.comparison.trend is None else None
    return subject.comparison.model_dump_json(indent=2, exclude=leave_out) + "\n"


def _progress_page(kind: str) -> Any:
    def render(subject: ProgressSubject) -> Content:
        from readiness.render.report.render import render_comparison

        version = subject.comparison.tool_version
        return render_comparison(subject.view, kind, version, subject.templates, subject.branding)

    return render


def _progress_pdf(subject: ProgressSubject) -> Content:
    from readiness.render.pdf import html_to_pdf

    html = _progress_page("html")(subject)
    assert isinstance(html, str)
    return html_to_pdf(html, subject.comparison.new.assessed_on, subject.templates)


def _progress_docx(subject: ProgressSubject) -> Content:
    from readiness.render.docx.document import word_template
    from readiness.render.docx.progress import progress_docx

    template = word_template(subject.templates, "progress.docx")
    return progress_docx(subject.view, subject.comparison.tool_version, template, subject.branding)


def _progress_workbook(subject: ProgressSubject) -> Content:
    from readiness.render.progress.workbook import comparison_workbook_bytes

    return comparison_workbook_bytes(subject.view, subject.branding)


PROGRESS: Document[ReportFormat, ProgressSubject] = Document(
    "progress",
    {
        ReportFormat.HTML: Output("progress.html", _progress_page("html")),
        ReportFormat.MD: Output("progress.md", _progress_page("md")),
        ReportFormat.XLSX: Output("progress.xlsx", _progress_workbook),
        ReportFormat.JSON: Output("comparison.json", _progress_json),
        ReportFormat.DOCX: Output("progress.docx", _progress_docx),
        ReportFormat.PDF: Output("progress.pdf", _progress_pdf),
    },
)
COMPARISON_FILES: dict[ReportFormat, str] = {f: PROGRESS.file_name(f) for f in ReportFormat}


def render_comparison_outputs(
    comparison: Comparison,
    catalogue: Catalogue,
    language: Language,
    formats: list[ReportFormat],
    templates: Path | None = None,
    brand: Brand | None = None,
) -> dict[ReportFormat, str | bytes]:
    """The progress report of ``readiness compare`` in every requested format, in memory."""
    subject = ProgressSubject(comparison, catalogue, language, templates, brand)
    return PROGRESS.render(subject, formats)
