"""Render the certification project plan as HTML (with an SVG Gantt chart) or Markdown.

Templates read the plan as it is; :class:`Words` only picks the language and formats numbers,
dates and names. Nothing is scheduled or costed here. Names and texts come from the plan
configuration (roles, phases, scenarios, cost lines) and are untrusted: in Markdown,
:class:`Words` gives them escaped (a ``|`` cannot end a table cell, ``[x](javascript:…)``
forms no link); HTML escapes them itself.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping, Sequence
from decimal import Decimal
from pathlib import Path

from markupsafe import Markup

from readiness.data.labels import labels
from readiness.language import Language
from readiness.models.common import LocalText
from readiness.models.plan import Plan, Task
from readiness.render.brand import BrandView
from readiness.render.environment import environment, markdown_text, render_template
from readiness.render.plan.gantt import gantt_pages, gantt_svg
from readiness.render.plan.words import kind_key, part_key

BACKLOG_SHOWN = 120
LISTED_PREDECESSORS = 6
"""Up to this many predecessors are listed; a longer list is summarised by work package."""


class Words:
    """Labels and formatting of one language, for the plan templates."""

    def __init__(self, plan: Plan, language: Language, escape: Callable[[str], str] = str) -> None:
        self.language = language
        self.labels = labels(language)
        self._escape = escape
        self._roles = {role.id: escape(role.name.get(language)) for role in plan.roles}
        self._phases = {phase.id.value: escape(phase.name.get(language)) for phase in plan.phases}
        self._packages = {task.id: task.work_package for task in plan.tasks}

    def __getitem__(self, key: str) -> str:
        return self.labels[key]

    def __getattr__(self, key: str) -> str:
        try:
            return self.labels[key]
        except KeyError:
            raise AttributeError(key) from None

    def t(self, text: LocalText | None) -> str:
        """A text in the report's language ('' for none), escaped for the format."""
        return self._escape(text.get(self.language)) if text is not None else ""

    def money(self, value: Decimal) -> str:
        """An amount with thousands separators and cents."""
        return f"{value:,.2f}"

    def days(self, value: Decimal | float) -> str:
        """Person-days with one decimal (trailing .0 kept for alignment)."""
        return f"{Decimal(value):,.1f}"

    def date(self, value: dt.date | None) -> str:
        """ISO date, or a dash."""
        return value.isoformat() if value else "—"

    def span(self, first: dt.date, last: dt.date) -> str:
        """An audit's first and last day: ``2028-01-05 – 2028-01-06`` (both, even if equal)."""
        return f"{first.isoformat()} – {last.isoformat()}"

    def quantity(self, value: Decimal) -> str:
        """A cost line's quantity exactly as it is multiplied: 71.54, 7.5, 170."""
        return f"{value:,.2f}".rstrip("0").rstrip(".")

    def role(self, role_id: str) -> str:
        """A role's name."""
        return self._roles.get(role_id, role_id)

    def phase(self, phase_id: str) -> str:
        """A phase's name."""
        return self._phases.get(str(phase_id), str(phase_id))

    def part(self, part: str) -> str:
        """A cost part's name."""
        return self.labels[part_key(part)]

    def kind(self, kind: str) -> str:
        """A deliverable type's name."""
        return self.labels[kind_key(kind)]

    def effort(self, effort: Mapping[str, Decimal]) -> str:
        """``SMS manager 3.0; Consultant 0.8``."""
        return "; ".join(f"{self.role(role)} {self.days(days)}" for role, days in effort.items())

    def predecessors(self, task: Task) -> str:
        """A long predecessor list in one line: ``BUILD.manual + 29 work packages``.

        Ids not belonging to a work package (milestones, build tasks) stay named; the full list
        is in the JSON, the workbook, the Markdown and behind the summary in the HTML.
        """
        if len(task.dependencies) <= LISTED_PREDECESSORS:
            return self._escape(", ".join(task.dependencies))
        packages = {self._packages[d] for d in task.dependencies if self._packages.get(d)}
        named = [d for d in task.dependencies if not self._packages.get(d)]
        count = self.labels["p_predecessor_packages"].format(count=len(packages))
        return self._escape(" + ".join([*named, count]) if packages else ", ".join(named))

    def total(self, effort: Mapping[str, Decimal]) -> Decimal:
        """The sum of an effort mapping (for display next to it)."""
        return sum(effort.values(), Decimal(0))


def _context(
    plan: Plan,
    alternatives: Sequence[Plan],
    language: Language,
    escape: Callable[[str], str] = str,
) -> dict[str, object]:
    words = Words(plan, language, escape)
    roles = [role.id for role in plan.roles]
    return {
        "plan": plan,
        "alternatives": list(alternatives),
        "w": words,
        "roles": roles,
        "tasks": {task.id: task for task in plan.tasks},
        "listed_predecessors": LISTED_PREDECESSORS,
        "backlog": plan.actions[:BACKLOG_SHOWN],
        "more_actions": max(len(plan.actions) - BACKLOG_SHOWN, 0),
        "milestones": [task for task in plan.tasks if task.milestone],
        "scenarios": [plan, *alternatives],
    }


def render_plan_html(
    plan: Plan,
    language: Language,
    alternatives: Sequence[Plan] = (),
    templates: Path | None = None,
    brand: BrandView | None = None,
) -> str:
    """The self-contained HTML plan with its Gantt chart (``templates``: overriding folder),
    under the consultant's ``brand``."""
    context = _context(plan, alternatives, language)
    context["brand"] = brand
    words = Words(plan, language)
    context["gantt"] = Markup(gantt_svg(plan, language, title=words["p_h_gantt"]))
    pages = gantt_pages(plan, language, title=words["p_h_gantt"])
    context["gantt_pages"] = [Markup(page) for page in pages]
    context["html_lang"] = "zh-CN" if language is Language.ZH else "en"
    return render_template(environment("html", templates), "plan.html.j2", **context)


def render_plan_markdown(
    plan: Plan,
    language: Language,
    alternatives: Sequence[Plan] = (),
    templates: Path | None = None,
    brand: BrandView | None = None,
) -> str:
    """The Markdown plan (``templates``: a folder overriding the shipped templates)."""
    context = _context(plan, alternatives, language, markdown_text)
    context["brand"] = brand
    return render_template(environment("md", templates), "plan.md.j2", **context)
