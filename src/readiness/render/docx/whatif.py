"""The what-if section of the gap report in Word, from the what-if view (as in the HTML)."""

from __future__ import annotations

from docx.document import Document

from readiness.render.docx import document as word
from readiness.render.docx.images import svg_to_png
from readiness.render.report.whatif import ImprovementRow, WhatIfView


def _changes(
    document: Document, x: WhatIfView, rows: list[ImprovementRow], gain: str, area: bool
) -> None:
    w = x.words
    head = [w["question"], *([w["area"]] if area else []), w["wi_from"], w["wi_to"]]
    head += [w["wi_requirements"], gain, w["wi_effort"]]
    body: list[list[object]] = [
        [
            i.question,
            *([i.area_name] if area else []),
            i.old,
            i.new,
            i.requirements,
            i.gain_text,
            i.effort_text,
        ]
        for i in rows
    ]
    widths = [22, *([28] if area else []), 30, 30, 34, 16, 18]
    word.add_table(document, head, body, widths=widths)


def add_whatif(document: Document, x: WhatIfView, level: int) -> None:
    """The what-if chapter (its heading at ``level``)."""
    w = x.words
    word.add_heading(document, w["wi_h_whatif"], level)
    word.add_paragraph(document, w["wi_intro"])
    word.add_heading(document, w["wi_h_verdict"], level + 1)
    word.add_table(
        document,
        ["", ""],
        [
            [w["wi_verdict_now"], x.verdict_label],
            [w["wi_verdict_next"], x.next_label],
            [w["wi_changes"], x.count],
            [w["wi_effort"], x.effort_text],
            [w["wi_overall_after"], x.overall_after_text],
            [w["wi_verdict_after"], x.after_label],
            [w["wi_search"], x.search_label],
        ],
        widths=[70, 100],
    )
    word.add_paragraph(document, x.statement)
    if x.remaining:
        word.add_heading(document, w["wi_remaining"], level + 2)
        word.add_bullets(document, x.remaining)
    if x.improvements:
        _changes(document, x, x.improvements, w["wi_gain_overall"], area=True)
    word.add_heading(document, f"{w['wi_h_areas']} ({w['wi_target']} {x.target_text})", level + 1)
    word.add_picture(document, svg_to_png(str(x.chart)), 170.0, w["wi_chart"])
    word.add_table(
        document,
        [
            w[key]
            for key in (
                "area",
                "wi_score_now",
                "wi_status",
                "wi_changes",
                "wi_effort",
                "wi_score_after",
                "wi_best",
            )
        ],
        [
            [
                f"{a.id} {a.name}",
                a.score_text,
                a.status_label,
                a.count,
                a.effort_text,
                a.after_text,
                a.best_text,
            ]
            for a in x.areas
        ],
        widths=[50, 18, 28, 16, 18, 20, 20],
    )
    for a in x.areas:
        if not a.improvements and a.status != "unreachable":
            continue
        word.add_heading(document, f"{a.id} {a.name}: {a.score_text} → {a.after_text}", level + 2)
        if a.status == "unreachable":
            word.add_paragraph(document, w["wi_unreachable_area"])
        if a.improvements:
            _changes(document, x, a.improvements, w["wi_gain"], area=False)
            word.add_paragraph(document, f"{w['wi_search']}: {a.search_label}")
    word.add_paragraph(document, w["wi_effort_note"])
