"""The certification project plan as a Word document (nothing is scheduled or costed here)."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from docx.document import Document

from readiness.language import Language
from readiness.models.plan import Plan
from readiness.render.brand import BrandView
from readiness.render.docx import document as word
from readiness.render.docx.brand import add_brand, add_disclaimer, title_of
from readiness.render.docx.images import svg_to_png
from readiness.render.plan.gantt import gantt_pages
from readiness.render.plan.render import BACKLOG_SHOWN, Words


def _overview(document: Document, plan: Plan, w: Words, alternatives: Sequence[Plan]) -> None:
    word.add_heading(document, w["p_h_overview"], 1)
    phases = {phase.id.value: phase for phase in plan.phases}
    stage1, stage2 = phases.get("stage1"), phases.get("stage2")
    rows: list[list[object]] = [
        [w["p_stage1"], w.date(stage1.start if stage1 else None)],
        [w["p_stage2"], w.date(stage2.start if stage2 else None)],
        [w["p_certificate"], w.date(plan.certificate)],
        [f"{w['p_total_effort']} ({w['p_person_days']})", w.days(w.total(plan.total_effort))],
        [f"{w['p_total_cost']} ({plan.costs.currency})", w.money(plan.costs.total)],
        [w["p_actions_count"], len(plan.actions)],
    ]
    word.add_table(document, [w["p_h_overview"], ""], rows, widths=[80, 90])
    if plan.target:
        target = plan.target
        outcome = (
            w["p_target_met"]
            if target.met
            else f"{w['p_target_missed']} (+{target.late_working_days} {w['p_days']}, "
            f"+{target.late_calendar_days} {w['p_days_unit']})."
        )
        word.add_paragraph(document, f"{w['p_target']} {w.date(target.target)}: {outcome}")
    if plan.messages:
        word.add_heading(document, w["p_h_messages"], 2)
        word.add_bullets(document, [w.t(message.text) for message in plan.messages])
    if alternatives:
        word.add_heading(document, w["p_h_scenarios"], 2)
        options = [plan, *alternatives]
        word.add_table(
            document,
            [
                w["p_scenario"],
                w["p_stage2"],
                w["p_certificate"],
                w["p_total_effort"],
                f"{w['p_total_cost']} ({plan.costs.currency})",
            ],
            [
                [
                    w.t(option.scenario_name),
                    _stage2(option, w),
                    w.date(option.certificate),
                    w.days(w.total(option.total_effort)),
                    w.money(option.costs.total),
                ]
                for option in options
            ],
            widths=[50, 30, 30, 30, 30],
        )


def _stage2(plan: Plan, w: Words) -> str:
    phase = next((p for p in plan.phases if p.id.value == "stage2"), None)
    return w.date(phase.start if phase else None)


def _schedule(document: Document, plan: Plan, w: Words, language: Language) -> None:
    word.add_heading(document, w["p_h_gantt"], 1)
    pages = gantt_pages(plan, language, title=w["p_h_gantt"])
    caption = f"{w['p_h_gantt']}: {w.date(plan.start)} – {w.date(plan.certificate)}"
    for number, svg in enumerate(pages, start=1):
        if number > 1:
            word.page_break(document)
        shown = caption if len(pages) == 1 else f"{caption} ({number}/{len(pages)})"
        # the full landscape text width: task names print at about 8 pt
        word.add_picture(document, svg_to_png(svg, zoom=2.0), 257.0, shown, max_height_mm=150.0)
    word.page_break(document)
    word.add_heading(document, w["p_h_phases"], 2)
    word.add_table(
        document,
        [w["p_phase"], w["p_begin"], w["p_finish"], w["p_days"], f"{w['p_effort']} ({w['p_pd']})"],
        [
            [w.t(p.name), w.date(p.start), w.date(p.finish), p.duration, w.days(w.total(p.effort))]
            for p in plan.phases
        ],
        widths=[90, 40, 40, 30, 40],
    )
    word.add_heading(document, w["p_task"], 2)
    word.add_table(
        document,
        [
            "ID",
            w["p_task"],
            w["p_begin"],
            w["p_finish"],
            w["p_days"],
            f"{w['p_effort']} ({w['p_pd']})",
            w["p_predecessors"],
        ],
        [
            [
                task.id,
                ("◆ " if task.milestone else "") + w.t(task.name),
                w.date(task.start),
                w.date(task.finish),
                task.duration,
                w.effort(task.effort),
                ", ".join(task.dependencies),
            ]
            for task in plan.tasks
        ],
        widths=[25, 75, 25, 25, 15, 55, 37],
    )


def _backlog(document: Document, plan: Plan, w: Words) -> None:
    word.add_heading(document, w["p_h_backlog"], 1)
    word.add_heading(document, w["p_h_work_packages"], 2)
    packages = sorted(plan.work_packages, key=lambda package: package.priority)
    word.add_table(
        document,
        [
            w["p_priority"],
            w["area"],
            w["score"],
            w["p_actions_count"],
            f"{w['p_effort']} ({w['p_pd']})",
            w["p_depends_on"],
        ],
        [
            [
                p.priority,
                f"{p.area} {w.t(p.name)}",
                "—" if p.score is None else f"{p.score:.1f}",
                len(p.actions),
                w.days(w.total(p.effort)),
                ", ".join(p.depends_on),
            ]
            for p in packages
        ],
        widths=[20, 90, 25, 25, 35, 62],
    )
    word.add_heading(document, w["p_action"], 2)
    word.add_table(
        document,
        [
            w["p_priority"],
            w["area"],
            w["p_kind"],
            w["p_action"],
            w["finding"],
            w["p_role"],
            w["p_effort"],
            w["recommendation"],
        ],
        [
            [
                action.priority,
                action.area,
                w.kind(action.kind),
                w.t(action.name),
                w["finding_" + action.finding.value],
                w.role(action.role),
                w.days(action.total_effort),
                w.t(action.recommendation),
            ]
            for action in plan.actions[:BACKLOG_SHOWN]
        ],
        widths=[15, 20, 25, 60, 25, 30, 17, 65],
    )
    more = len(plan.actions) - BACKLOG_SHOWN
    if more > 0:
        word.add_paragraph(document, f"+ {more} {w['p_more_actions']}")


def _costs(document: Document, plan: Plan, w: Words) -> None:
    costs = plan.costs
    word.add_heading(document, f"{w['p_h_costs']} ({costs.currency})", 1)
    rows: list[list[object]] = [
        [w.part(part.value), w.money(amount)] for part, amount in costs.parts.items()
    ]
    rows += [
        [w["p_subtotal"], w.money(costs.subtotal)],
        [
            f"{w['p_contingency']} ({w.days(costs.contingency_percent)} %)",
            w.money(costs.contingency),
        ],
        [w["p_total"], w.money(costs.total)],
    ]
    word.add_table(document, [w["p_part"], w["p_amount"]], rows, widths=[100, 60])
    word.add_heading(document, w["p_phase"], 2)
    word.add_table(
        document,
        [w["p_phase"], w["p_amount"]],
        [[w.phase(phase.value), w.money(amount)] for phase, amount in costs.phases.items()],
        widths=[100, 60],
    )
    word.add_heading(document, w["p_h_method"], 1)
    word.add_paragraph(document, w["p_method"])


def plan_docx(
    plan: Plan,
    language: Language,
    alternatives: Sequence[Plan] = (),
    template: Path | None = None,
    brand: BrandView | None = None,
) -> bytes:
    """The plan as .docx bytes under the consultant's ``brand``; the Gantt chart and the task
    and backlog tables in landscape."""
    w = Words(plan, language)
    document = word.new_document(language, template)
    add_brand(document, brand, own_letterhead=template is not None)
    title = title_of(brand, w["p_title"])
    document.add_paragraph(word.clean(title), style="Title")
    word.add_paragraph(document, f"{w['prepared_for']}: {plan.client}")
    score = "—" if plan.overall_score is None else f"{plan.overall_score:.1f}"
    word.add_paragraph(
        document, f"{w['verdict']}: {w[plan.verdict.value]} ({w['overall_score']} {score})"
    )
    word.add_paragraph(document, f"{w['p_scenario']}: {w.t(plan.scenario_name)}")
    word.add_paragraph(document, f"{w['p_start']}: {w.date(plan.start)}")
    add_disclaimer(document, brand, w.labels)
    word.add_contents(document, w["contents"], w["docx_update_contents"])
    _overview(document, plan, w, alternatives)
    word.start_section(document, landscape=True)
    _schedule(document, plan, w, language)
    _backlog(document, plan, w)
    word.start_section(document, landscape=False)
    _costs(document, plan, w)
    return word.document_bytes(document, f"{title}: {plan.client}", "", plan.assessed_on)
