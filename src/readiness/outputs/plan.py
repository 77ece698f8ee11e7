"""Every output of ``readiness plan``: the formats, their file names, and rendering them all."""

from __future__ import annotations

from collections.abc import Sequence
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING

from readiness.language import Language

if TYPE_CHECKING:  # the command line imports this module before it needs any model
    from readiness.models.plan import Plan


class PlanFormat(StrEnum):
    """Files ``readiness plan`` can write."""

    HTML = "html"
    MD = "md"
    XLSX = "xlsx"
    JSON = "json"
    MSPDI = "mspdi"
    DOCX = "docx"
    PDF = "pdf"


PLAN_FILES: dict[PlanFormat, str] = {
    PlanFormat.HTML: "plan.html",
    PlanFormat.MD: "plan.md",
    PlanFormat.XLSX: "plan.xlsx",
    PlanFormat.JSON: "plan.json",
    PlanFormat.MSPDI: "plan.xml",
    PlanFormat.DOCX: "plan.docx",
    PlanFormat.PDF: "plan.pdf",
}


def render_plan_outputs(
    plan: Plan,
    language: Language,
    formats: Sequence[PlanFormat],
    alternatives: Sequence[Plan] = (),
    templates: Path | None = None,
) -> dict[PlanFormat, str | bytes]:
    """Every requested output of ``plan`` (compared with ``alternatives``), in memory.

    ``templates``: a consultant's folder overriding shipped templates file by file.
    """
    outputs: dict[PlanFormat, str | bytes] = {}
    for output in formats:
        if output is PlanFormat.JSON:
            outputs[output] = plan.model_dump_json(indent=2) + "\n"
        elif output is PlanFormat.HTML:
            from readiness.render.plan.render import render_plan_html

            outputs[output] = render_plan_html(plan, language, alternatives, templates)
        elif output is PlanFormat.MD:
            from readiness.render.plan.render import render_plan_markdown

            outputs[output] = render_plan_markdown(plan, language, alternatives, templates)
        elif output is PlanFormat.XLSX:
            from readiness.render.plan.workbook import plan_workbook_bytes

            outputs[output] = plan_workbook_bytes(plan, language, alternatives)
        elif output is PlanFormat.DOCX:
            from readiness.render.docx.document import word_template
            from readiness.render.docx.plan import plan_docx

            template = word_template(templates, "plan.docx")
            outputs[output] = plan_docx(plan, language, alternatives, template)
        elif output is PlanFormat.PDF:
            from readiness.render.pdf import html_to_pdf
            from readiness.render.plan.render import render_plan_html

            html = render_plan_html(plan, language, alternatives, templates)
            outputs[output] = html_to_pdf(html, plan.assessed_on, templates)
        else:
            from readiness.render.plan.mspdi import mspdi_bytes

            outputs[output] = mspdi_bytes(plan, language, holidays=plan.holidays)
    return outputs
