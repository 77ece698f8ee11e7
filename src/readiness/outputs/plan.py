"""The certification project plan (``readiness plan``): its formats, file names and renderers,
in the format registry."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING

from readiness.language import Language
from readiness.outputs.registry import Content, Document, Output

if TYPE_CHECKING:  # the command line imports this module before it needs any model
    from readiness.models.brand import Brand
    from readiness.models.plan import Plan
    from readiness.render.brand import BrandView


class PlanFormat(StrEnum):
    """Files ``readiness plan`` can write."""

    HTML = "html"
    MD = "md"
    XLSX = "xlsx"
    JSON = "json"
    MSPDI = "mspdi"
    DOCX = "docx"
    PDF = "pdf"


@dataclass(frozen=True)
class PlanSubject:
    """What the plan documents are made from: the plan, and the other scenarios beside it."""

    plan: Plan
    language: Language
    alternatives: Sequence[Plan] = ()
    templates: Path | None = None
    """A consultant's folder of templates overriding ours file by file."""
    brand: Brand | None = None
    """The consultant's brand, on every format."""

    @property
    def branding(self) -> BrandView | None:
        """The brand as the plan shows it."""
        from readiness.render.brand import brand_view

        return brand_view(self.brand, self.language, "plan")


def _json(subject: PlanSubject) -> Content:
    return subject.plan.model_dump_json(indent=2) + "\n"


def _html(subject: PlanSubject) -> Content:
    from readiness.render.plan.render import render_plan_html

    return render_plan_html(
        subject.plan, subject.language, subject.alternatives, subject.templates, subject.branding
    )


def _markdown(subject: PlanSubject) -> Content:
    from readiness.render.plan.render import render_plan_markdown

    return render_plan_markdown(
        subject.plan, subject.language, subject.alternatives, subject.templates, subject.branding
    )


def _docx(subject: PlanSubject) -> Content:
    from readiness.render.docx.document import word_template
    from readiness.render.docx.plan import plan_docx

    template = word_template(subject.templates, "plan.docx")
    return plan_docx(
        subject.plan, subject.language, subject.alternatives, template, subject.branding
    )


def _pdf(subject: PlanSubject) -> Content:
    from readiness.render.pdf import html_to_pdf

    html = _html(subject)
    assert isinstance(html, str)
    return html_to_pdf(html, subject.plan.assessed_on, subject.templates)


def _workbook(subject: PlanSubject) -> Content:
    from readiness.render.plan.workbook import plan_workbook_bytes

    return plan_workbook_bytes(
        subject.plan, subject.language, subject.alternatives, subject.branding
    )


def _mspdi(subject: PlanSubject) -> Content:
    from readiness.render.plan.mspdi import mspdi_bytes

    return mspdi_bytes(subject.plan, subject.language, holidays=subject.plan.holidays)


PLAN: Document[PlanFormat, PlanSubject] = Document(
    "plan",
    {
        PlanFormat.HTML: Output("plan.html", _html),
        PlanFormat.MD: Output("plan.md", _markdown),
        PlanFormat.XLSX: Output("plan.xlsx", _workbook),
        PlanFormat.JSON: Output("plan.json", _json),
        PlanFormat.MSPDI: Output("plan.xml", _mspdi),
        PlanFormat.DOCX: Output("plan.docx", _docx),
        PlanFormat.PDF: Output("plan.pdf", _pdf),
    },
)
PLAN_FILES: dict[PlanFormat, str] = {f: PLAN.file_name(f) for f in PlanFormat}


def render_plan_outputs(
    plan: Plan,
    language: Language,
    formats: Sequence[PlanFormat],
    alternatives: Sequence[Plan] = (),
    templates: Path | None = None,
    brand: Brand | None = None,
) -> dict[PlanFormat, str | bytes]:
    """Every requested output of ``plan`` (compared with ``alternatives``), in memory."""
    return PLAN.render(PlanSubject(plan, language, alternatives, templates, brand), formats)
