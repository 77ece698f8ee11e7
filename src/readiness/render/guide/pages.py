"""The interview guide and the audit checklist as HTML or Markdown pages, from their views."""

from __future__ import annotations

from pathlib import Path

from readiness.render.environment import TemplateKind, environment, render_template
from readiness.render.guide.view import ChecklistView, GuideView


def render_guide_page(view: GuideView, kind: TemplateKind, templates: Path | None = None) -> str:
    """``guide.html.j2`` or ``guide.md.j2`` rendered (client text inert in both)."""
    return render_template(environment(kind, templates), f"guide.{kind}.j2", g=view, w=view.words)


def render_checklist_page(
    view: ChecklistView, kind: TemplateKind, templates: Path | None = None
) -> str:
    """``checklist.html.j2`` or ``checklist.md.j2`` rendered."""
    env = environment(kind, templates)
    return render_template(env, f"checklist.{kind}.j2", k=view, w=view.words)
