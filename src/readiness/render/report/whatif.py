"""The what-if view: a :class:`~readiness.models.whatif.WhatIf` made ready to read in one
language, for the gap report's section (HTML, Markdown, Word) and the terminal."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from markupsafe import Markup

from readiness.data.labels import labels
from readiness.language import Language
from readiness.models.catalogue import Catalogue
from readiness.models.common import Extent, Rating
from readiness.models.whatif import Improvement, ProcessWhatIf, WhatIf
from readiness.render.report.whatif_chart import gain_bars
from readiness.render.text import percent as shown_percent
from readiness.render.text import unit_space


@dataclass(frozen=True, slots=True)
class ImprovementRow:
    """One answer change."""

    question: str
    area: str
    area_name: str
    old: str
    new: str
    change: str
    """The ratings alone, ``P → F``: for narrow places (the terminal)."""
    requirements: str
    gain: float
    gain_text: str
    effort: Decimal
    effort_text: str


@dataclass(frozen=True, slots=True)
class AreaGoalRow:
    """One area to the target."""

    id: str
    name: str
    process: bool
    status: str
    status_label: str
    score_text: str
    after_text: str
    best_text: str
    count: int
    effort_text: str
    search_label: str
    improvements: list[ImprovementRow]


@dataclass(frozen=True, slots=True)
class WhatIfView:
    """Everything the what-if section shows, in one language."""

    words: dict[str, str]
    target_text: str
    verdict: str
    verdict_label: str
    next_label: str
    status: str
    status_label: str
    statement: str
    after_label: str
    overall_after_text: str
    count: int
    effort_text: str
    search_label: str
    improvements: list[ImprovementRow]
    remaining: list[str]
    areas: list[AreaGoalRow]
    chart: Markup


def build_whatif(whatif: WhatIf, catalogue: Catalogue, language: Language) -> WhatIfView:
    """The view of ``whatif`` in ``language``."""
    words = labels(language)
    space = unit_space(language)

    def percent(value: float | None) -> str:
        return shown_percent(value, language)

    def days(value: Decimal) -> str:
        return f"{value:.1f}{space}{words['p_pd']}"

    def state(rating: Rating | None, documented: Extent | None, practised: Extent | None) -> str:
        shown = words["wi_unanswered"] if rating is None else rating.value
        extents = [
            f"{words[name]}: {words[f'extent_{extent.value}']}"
            for name, extent in (("documented_short", documented), ("practised_short", practised))
            if extent is not None
        ]
        return f"{shown} ({', '.join(extents)})" if extents else shown

    def row(item: Improvement) -> ImprovementRow:
        return ImprovementRow(
            question=item.question,
            area=item.area,
            area_name=catalogue.area(item.area).title.get(language),
            old=state(item.rating_from, item.documented_from, item.practised_from),
            new=state(item.rating_to, item.documented_to, item.practised_to),
            change=f"{state(item.rating_from, None, None)} → {item.rating_to.value}",
            requirements=", ".join(item.requirements),
            gain=item.gain,
            gain_text=f"{item.gain:+.1f}",
            effort=item.effort,
            effort_text=days(item.effort),
        )

    def area(goal: ProcessWhatIf) -> AreaGoalRow:
        return AreaGoalRow(
            id=goal.area,
            name=catalogue.area(goal.area).title.get(language),
            process=goal.process,
            status=goal.status.value,
            status_label=words[f"wi_status_{goal.status.value}"],
            score_text=percent(goal.score),
            after_text=percent(goal.score_after),
            best_text=percent(goal.best_possible),
            count=len(goal.improvements),
            effort_text=days(goal.effort),
            search_label=words[f"wi_search_{goal.search.value}"],
            improvements=[row(i) for i in goal.improvements],
        )

    verdict = whatif.verdict
    areas = [area(goal) for goal in whatif.processes]
    return WhatIfView(
        words=words,
        target_text=percent(whatif.target),
        verdict=verdict.verdict.value,
        verdict_label=words[verdict.verdict.value],
        next_label=words[verdict.next.value] if verdict.next else "—",
        status=verdict.status.value,
        status_label=words[f"wi_status_{verdict.status.value}"],
        statement=words[f"wi_verdict_{verdict.status.value}"],
        after_label=words[verdict.verdict_after.value],
        overall_after_text=percent(verdict.overall_after),
        count=len(verdict.improvements),
        effort_text=days(verdict.effort),
        search_label=words[f"wi_search_{verdict.search.value}"],
        improvements=[row(i) for i in verdict.improvements],
        remaining=[reason.text.get(language) for reason in verdict.remaining],
        areas=areas,
        chart=Markup(
            gain_bars(
                [
                    (f"{goal.area} {row.name}", goal.score, goal.score_after)
                    for goal, row in zip(whatif.processes, areas, strict=True)
                ],
                title=words["wi_chart"],
                target=whatif.target,
                now_label=words["c_now"],
                after_label=words["wi_chart_after"],
                target_label=f"{words['wi_target']} {percent(whatif.target)}",
            )
        ),
    )
