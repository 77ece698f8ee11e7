"""The interview guide and the internal-audit checklist (``readiness guide``): their formats,
file names and renderers, in the format registry. Both come in the gap report's formats."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING

from readiness.language import Language
from readiness.outputs.registry import Content, Document, Output
from readiness.outputs.report import ReportFormat

if TYPE_CHECKING:  # the command line imports this module before it needs any model
    from readiness.models.catalogue import Catalogue
    from readiness.models.guide import AuditChecklist, InterviewGuide
    from readiness.models.questionnaire import Questionnaire
    from readiness.render.guide.view import ChecklistView, GuideView


@dataclass
class GuideSubject:
    """What the two documents are made from; each view is built once."""

    guide: InterviewGuide
    checklist: AuditChecklist
    catalogue: Catalogue
    questionnaire: Questionnaire
    language: Language
    templates: Path | None = None

    @cached_property
    def guide_view(self) -> GuideView:
        """The interview guide in the subject's language."""
        from readiness.render.guide.view import build_guide_view

        return build_guide_view(self.guide, self.catalogue, self.questionnaire, self.language)

    @cached_property
    def checklist_view(self) -> ChecklistView:
        """The audit checklist in the subject's language."""
        from readiness.render.guide.view import build_checklist_view

        return build_checklist_view(self.checklist, self.catalogue, self.language)

    @cached_property
    def guide_html(self) -> str:
        """The guide's HTML page (also the source of its PDF)."""
        from readiness.render.guide.pages import render_guide_page

        return render_guide_page(self.guide_view, "html", self.templates)

    @cached_property
    def checklist_html(self) -> str:
        """The checklist's HTML page (also the source of its PDF)."""
        from readiness.render.guide.pages import render_checklist_page

        return render_checklist_page(self.checklist_view, "html", self.templates)


def _guide_md(subject: GuideSubject) -> Content:
    from readiness.render.guide.pages import render_guide_page

    return render_guide_page(subject.guide_view, "md", subject.templates)


def _checklist_md(subject: GuideSubject) -> Content:
    from readiness.render.guide.pages import render_checklist_page

    return render_checklist_page(subject.checklist_view, "md", subject.templates)


def _guide_xlsx(subject: GuideSubject) -> Content:
    from readiness.render.guide.workbook import guide_workbook_bytes

    return guide_workbook_bytes(subject.guide_view)


def _checklist_xlsx(subject: GuideSubject) -> Content:
    from readiness.render.guide.workbook import checklist_workbook_bytes

    return checklist_workbook_bytes(subject.checklist_view)


def _guide_docx(subject: GuideSubject) -> Content:
    from readiness.render.docx.document import word_template
    from readiness.render.docx.guide import guide_docx

    return guide_docx(subject.guide_view, word_template(subject.templates, "interview-guide.docx"))


def _checklist_docx(subject: GuideSubject) -> Content:
    from readiness.render.docx.document import word_template
    from readiness.render.docx.guide import checklist_docx

    template = word_template(subject.templates, "audit-checklist.docx")
    return checklist_docx(subject.checklist_view, template)


def _pdf(page: Callable[[GuideSubject], str]) -> Callable[[GuideSubject], Content]:
    def render(subject: GuideSubject) -> Content:
        from readiness.render.pdf import html_to_pdf

        return html_to_pdf(page(subject), subject.guide.assessed_on, subject.templates)

    return render


GUIDE: Document[ReportFormat, GuideSubject] = Document(
    "interview guide",
    {
        ReportFormat.HTML: Output("interview-guide.html", lambda s: s.guide_html),
        ReportFormat.MD: Output("interview-guide.md", _guide_md),
        ReportFormat.XLSX: Output("interview-guide.xlsx", _guide_xlsx),
        ReportFormat.JSON: Output(
            "interview-guide.json", lambda s: s.guide.model_dump_json(indent=2) + "\n"
        ),
        ReportFormat.DOCX: Output("interview-guide.docx", _guide_docx),
        ReportFormat.PDF: Output("interview-guide.pdf", _pdf(lambda s: s.guide_html)),
    },
)
CHECKLIST: Document[ReportFormat, GuideSubject] = Document(
    "audit checklist",
    {
        ReportFormat.HTML: Output("audit-checklist.html", lambda s: s.checklist_html),
        ReportFormat.MD: Output("audit-checklist.md", _checklist_md),
        ReportFormat.XLSX: Output("audit-checklist.xlsx", _checklist_xlsx),
        ReportFormat.JSON: Output(
            "audit-checklist.json", lambda s: s.checklist.model_dump_json(indent=2) + "\n"
        ),
        ReportFormat.DOCX: Output("audit-checklist.docx", _checklist_docx),
        ReportFormat.PDF: Output("audit-checklist.pdf", _pdf(lambda s: s.checklist_html)),
    },
)
GUIDE_DOCUMENTS = (GUIDE, CHECKLIST)


def render_guide_outputs(subject: GuideSubject, formats: list[ReportFormat]) -> dict[str, Content]:
    """Both documents in every requested format, in memory, keyed by file name (guide first)."""
    files: dict[str, Content] = {}
    for document in GUIDE_DOCUMENTS:
        rendered = document.render(subject, formats)
        files |= {document.file_name(f): content for f, content in rendered.items()}
    return files
