"""Render the gap report as HTML (with inline SVG charts) or Markdown, from the report view."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from markupsafe import Markup

from readiness.render.environment import environment, render_template
from readiness.render.report import charts
from readiness.render.report.model import ReportView

if TYPE_CHECKING:
    from readiness.render.brand import BrandView
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


def render_html(
    view: ReportView, templates: Path | None = None, brand: BrandView | None = None
) -> str:
    """The self-contained HTML gap report: no script, no external resource.

    ``templates``: a folder whose files replace the shipped templates of the same name;
    ``brand``: the consultant's brand on it.
    """
    env = environment("html", templates)
    return render_template(
        env, "report.html.j2", view=view, w=view.words, charts=chart_markup(view), brand=brand
    )


def render_markdown(
    view: ReportView, templates: Path | None = None, brand: BrandView | None = None
) -> str:
    """The Markdown gap report (client text escaped so it stays text), under ``brand``."""
    env = environment("md", templates)
    return render_template(env, "report.md.j2", view=view, w=view.words, brand=brand)


def render_comparison(
    progress: ProgressView,
    kind: str,
    tool_version: str,
    templates: Path | None = None,
    brand: BrandView | None = None,
) -> str:
    """The standalone progress report as HTML (``kind`` "html") or Markdown ("md")."""
    env = environment("html" if kind == "html" else "md", templates)
    return render_template(
        env,
        f"compare.{kind}.j2",
        p=progress,
        w=progress.words,
        html_lang=progress.html_lang,
        tool_version=tool_version,
        brand=brand,
    )
