"""The gap report as a Word document, from the report view (nothing is computed here)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from docx.document import Document

from readiness.language import Language
from readiness.render.brand import BrandView
from readiness.render.docx import document as word
from readiness.render.docx.brand import add_brand, add_disclaimer, title_of
from readiness.render.docx.images import svg_to_png
from readiness.render.report.model import FindingView, ReportView, ScoreRow
from readiness.render.report.render import chart_markup

PORTRAIT_WIDTH = 170.0  # mm of text on A4 portrait with 20 mm margins
LANDSCAPE_WIDTH = 257.0


def _tally(row: ScoreRow) -> list[object]:
    return [row.tally.major, row.tally.minor, row.tally.observation]


def _findings(document: Document, view: ReportView, items: list[FindingView]) -> None:
    w = view.words
    if not items:
        word.add_paragraph(document, w["none"])
        return
    word.add_table(
        document,
        [w["finding"], w["clause"], w["area"], w["reasons"], w["recommendation"]],
        [
            [
                f"{f.finding_label}\n{f.id}",
                f"{f.clause or ''} {f.clause_title}".strip(),
                f.area_name,
                f"{f.requirement.text}\n{f.reason}" if f.requirement else f.reason,
                f.recommendation or "",
            ]
            for f in items
        ],
        widths=[30, 40, 35, 90, 62],
    )


def _cover(document: Document, view: ReportView, brand: BrandView | None) -> None:
    w, meta = view.words, view.meta
    document.add_paragraph(word.clean(title_of(brand, meta.title)), style="Title")
    word.add_paragraph(document, f"{w['prepared_for']}: {meta.client}")
    word.add_table(
        document,
        [w["assessment"], ""],
        [
            [w["assessed_on"], meta.assessed_on or "—"],
            [w["assessor"], meta.assessor or "—"],
            [w["edition"], meta.standard],
            [w["questionnaire"], f"{meta.questionnaire} {meta.questionnaire_version}"],
            *([[w["m_method"], meta.method]] if meta.method else []),
            [w["tool"], f"readiness {meta.tool_version}"],
        ],
        widths=[50, 120],
    )
    add_disclaimer(document, brand, w)
    word.add_contents(document, w["contents"], w["docx_update_contents"])


def _summary(document: Document, view: ReportView) -> None:
    w = view.words
    word.add_heading(document, w["h_summary"], 1)
    word.add_paragraph(document, f"{w['verdict']}: {view.verdict.label}", style=word.VERDICT)
    word.add_bullets(document, view.verdict.reasons)
    word.add_paragraph(
        document,
        f"{w['overall_score']}: {view.overall.score_text} ({w['target']} {view.target_text}). "
        f"{w['answered_questions']}: {view.completeness.answered}/"
        f"{view.completeness.questions} ({view.completeness.share_text}).",
    )
    word.add_heading(document, w["h_scores"], 2)
    rows = [[f"{r.id} {r.name}", r.score_text, *_tally(r)] for r in view.parts]
    rows.append(
        [
            f"{view.overall.name} ({w['counts_requirements']})",
            view.overall.score_text,
            *_tally(view.overall),
        ]
    )
    # the one count of every format: the other sources, then the total
    rows += [
        [r.label, "", str(r.major), str(r.minor), str(r.observation)] for r in view.counts.rows[1:]
    ]
    total = view.counts.total
    rows.append([total.label, "", str(total.major), str(total.minor), str(total.observation)])
    word.add_table(
        document,
        [w["part"], w["score"], w["major"], w["minor"], w["observation"]],
        rows,
        widths=[80, 30, 20, 20, 20],
    )
    word.add_heading(document, w["blockers"], 2)
    if view.blockers:
        word.add_table(
            document,
            [w["requirement"], w["clause"], w["kind"], w["name"]],
            [
                [b.requirement, f"{b.clause} {b.clause_title}", b.kind_label, b.name]
                for b in view.blockers
            ],
            widths=[25, 55, 30, 60],
        )
    else:
        word.add_paragraph(document, w["no_blockers"])
    word.add_heading(document, w["h_feasibility"], 2)
    word.add_heading(document, w["management_basis"], 3)
    word.add_paragraph(document, view.profile.management_basis or w["not_stated"])
    word.add_heading(document, w["expected_benefits"], 3)
    word.add_paragraph(document, view.profile.expected_benefits or w["not_stated"])


def _charts(document: Document, view: ReportView) -> None:
    w = view.words
    word.add_heading(document, w["h_charts"], 1)
    svgs = chart_markup(view)
    for name, caption, width in (
        ("radar", w["chart_radar"], 150.0),
        ("levels", w["chart_levels"], 150.0),
        ("heat", w["chart_heat"], PORTRAIT_WIDTH),
        ("areas", w["chart_areas"], PORTRAIT_WIDTH),
    ):
        word.add_picture(document, svg_to_png(str(svgs[name])), width, caption, 220.0)


def _profile(document: Document, view: ReportView) -> None:
    w, p = view.words, view.profile
    word.add_heading(document, w["h_profile"], 1)
    word.add_table(
        document,
        [w["client"], view.meta.client],
        [
            [w["scope"], p.scope or w["not_stated"]],
            [w["categories"], "; ".join(p.categories) or "—"],
            [w["personnel"], "—" if p.personnel is None else p.personnel],
            [w["sites"], "; ".join(p.sites) or "—"],
            [w["services"], "; ".join(p.services) or "—"],
            [w["sms_owner"], view.matrix.sms_owner or "—"],
        ],
        widths=[50, 120],
    )


def _areas(document: Document, view: ReportView) -> None:
    w = view.words
    word.add_heading(document, w["h_areas"], 1)
    word.add_table(
        document,
        [
            w["area"],
            w["clauses"],
            w["score"],
            w["level"],
            w["major"],
            w["minor"],
            w["observation"],
            w["owner"],
        ],
        [
            [f"{r.id} {r.name}", r.clauses, r.score_text, r.level_text, *_tally(r), r.owner or ""]
            for r in view.areas
        ],
        widths=[75, 45, 25, 20, 18, 18, 18, 38],
    )
    for chapter in view.chapters:
        row = chapter.row
        word.add_heading(document, f"{w['part']} {row.id}: {row.name} ({row.score_text})", 2)
        for section in chapter.sections:
            area = section.row
            word.add_heading(document, f"{area.id} {area.name} ({area.score_text})", 3)
            _findings(document, view, section.findings)


def _lists(document: Document, view: ReportView) -> None:
    w = view.words
    word.add_heading(document, w["h_findings"], 1)
    for code, items in view.by_class.items():
        word.add_heading(document, f"{w['finding_' + code]} ({len(items)})", 2)
        _findings(document, view, items)
    word.add_heading(document, w["h_documents"], 1)
    word.add_paragraph(document, w["documents_intro"])
    word.add_table(
        document,
        [w["name"], w["kind"], w["clause"], w["area"], w["status"], w["score"]],
        [
            [
                d.name,
                d.kind_label,
                f"{d.clause} {d.clause_title}",
                d.area_name,
                d.status_label,
                d.score_text,
            ]
            for d in view.documents
        ],
        widths=[70, 30, 60, 45, 27, 25],
    )
    word.add_heading(document, w["h_na"], 1)
    word.add_paragraph(document, w["na_intro"])
    if view.not_applicable:
        word.add_table(
            document,
            [w["question"], w["area"], w["requirements"], w["justification"], w["status"]],
            [
                [
                    f"{s.question} {s.text}",
                    s.area_name,
                    ", ".join(s.requirements),
                    s.justification,
                    s.status_label,
                ]
                for s in view.not_applicable
            ],
            widths=[80, 40, 35, 75, 27],
        )
    else:
        word.add_paragraph(document, w["no_na"])


def _method(document: Document, view: ReportView) -> None:
    w, meta = view.words, view.meta
    word.add_heading(document, w["h_method"], 1)
    word.add_paragraph(document, w["method_scale"])
    word.add_paragraph(
        document, f"{w['floor']}: {view.floor_text}. {w['target']}: {view.target_text}."
    )
    word.add_paragraph(document, w["method_caveat"])
    word.add_table(
        document,
        [w["edition"], meta.standard],
        [
            [w["catalogue_version"], meta.catalogue_version],
            [w["questionnaire"], f"{meta.questionnaire} {meta.questionnaire_version}"],
            [w["scoring_version"], meta.scoring_version],
            *(
                [[w["m_method"], meta.method], [w["m_scale"], meta.scale or ""]]
                if meta.method
                else []
            ),
            [w["tool"], f"readiness {meta.tool_version}"],
        ],
        widths=[50, 120],
    )


def _carried(document: Document, view: ReportView) -> None:
    carried, w = view.carried, view.words
    if carried is None:
        return
    word.add_heading(document, w["h_carried"], 1)
    word.add_paragraph(document, f"{w['m_certificates']}: " + "; ".join(carried.certificates))
    word.add_paragraph(document, w["m_carried_intro"])
    if not carried.unconfirmed:
        word.add_paragraph(document, w["m_none_unconfirmed"])
        return
    word.add_heading(document, f"{w['m_unconfirmed']} ({len(carried.unconfirmed)})", 2)
    word.add_table(
        document,
        [w["question"], w["area"], w["m_provenance"], w["m_prefilled"]],
        [
            [f"{c.question} {c.text}", f"{c.area} {c.area_name}", c.provenance, c.rating]
            for c in carried.unconfirmed
        ],
        widths=[80, 40, 35, 20],
    )


def report_docx(
    view: ReportView, template: Path | None = None, brand: BrandView | None = None
) -> bytes:
    """The gap report as .docx bytes (into ``template``'s body when a Word template is given),
    under the consultant's ``brand``.

    The detail chapters (areas, findings, documents) sit in a landscape section: their tables
    have five to eight columns.
    """
    language = Language(view.meta.language)
    document = word.new_document(language, template)
    add_brand(document, brand, own_letterhead=template is not None)
    _cover(document, view, brand)
    _summary(document, view)
    if view.progress is not None:
        from readiness.render.docx.progress import add_progress

        add_progress(document, view.progress, 1)
    if view.whatif is not None:
        from readiness.render.docx.whatif import add_whatif

        add_whatif(document, view.whatif, 1)
    _charts(document, view)
    _profile(document, view)
    word.start_section(document, landscape=True)
    _areas(document, view)
    _lists(document, view)
    word.start_section(document, landscape=False)
    _carried(document, view)
    _method(document, view)
    when = dt.date.fromisoformat(view.meta.assessed_on) if view.meta.assessed_on else None
    return word.document_bytes(
        document,
        f"{title_of(brand, view.meta.title)}: {view.meta.client}",
        view.meta.assessor or "",
        when,
    )
