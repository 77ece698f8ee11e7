"""Render the gap report as HTML (with inline SVG charts) or Markdown, from the report view."""

from __future__ import annotations

from typing import TYPE_CHECKING

from markupsafe import Markup

from readiness.render.environment import environment
from readiness.render.report import charts
from readiness.render.report.model import ReportView

if TYPE_CHECKING:
    from readiness.render.progress.view import ProgressView


def chart_markup(view: ReportView) -> dict[str, Markup]:
    """The report's charts as inline SVG, keyed by name (the charts escape their own text)."""
    words = view.words
    return {
        "radar": Markup(
            charts.radar_chart(
                [(row.name, row.score) for row in view.processes],
                view.target,
                title=words["chart_radar"],
                target_label=words["target"],
                score_label=words["score"],
            )
        ),
        "levels": Markup(
            charts.level_bars(
                [(row.name, row.level) for row in view.processes],
                title=words["chart_levels"],
                level_label=words["level"],
            )
        ),
        "heat": Markup(
            charts.heat_map(
                [(row.label, row.counts) for row in view.heat],
                view.heat_columns,
                title=words["chart_heat"],
            )
        ),
        "areas": Markup(
            charts.horizontal_bars(
                [(f"{row.id} {row.name}", row.score) for row in view.areas],
                title=words["chart_areas"],
                target=view.target,
            )
        ),
    }


def render_html(view: ReportView) -> str:
    """The self-contained HTML gap report: no script, no external resource."""
    template = environment("html").get_template("report.html.j2")
    return template.render(view=view, w=view.words, charts=chart_markup(view))


def render_markdown(view: ReportView) -> str:
    """The Markdown gap report (client text escaped so it stays text)."""
    template = environment("md").get_template("report.md.j2")
    return template.render(view=view, w=view.words)


def render_comparison(progress: ProgressView, kind: str, tool_version: str) -> str:
    """The standalone progress report as HTML (``kind`` "html") or Markdown ("md")."""
    template = environment("html" if kind == "html" else "md").get_template(f"compare.{kind}.j2")
    return template.render(
        p=progress, w=progress.words, html_lang=progress.html_lang, tool_version=tool_version
    )
