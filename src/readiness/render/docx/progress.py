"""The progress report of ``readiness compare`` as a Word document, from the progress view."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from docx.document import Document

from readiness.language import Language
from readiness.render.brand import BrandView
from readiness.render.docx import document as word
from readiness.render.docx.brand import add_brand, add_disclaimer, title_of
from readiness.render.docx.images import svg_to_png
from readiness.render.progress.trend import TrendView
from readiness.render.progress.view import ProgressView
from readiness.render.rows import BlockerView

MOVEMENTS = ("worse", "new", "better", "closed")


def _blockers(document: Document, p: ProgressView, items: list[BlockerView]) -> None:
    w = p.words
    if not items:
        word.add_paragraph(document, w["none"])
        return
    word.add_table(
        document,
        [w["requirement"], w["clause"], w["kind"], w["name"]],
        [[b.requirement, f"{b.clause} {b.clause_title}", b.kind_label, b.name] for b in items],
        widths=[25, 55, 30, 60],
    )


def add_progress(document: Document, p: ProgressView, level: int) -> None:
    """The progress chapter (its heading at ``level``), as in the HTML progress section."""
    w = p.words
    word.add_heading(document, f"{w['c_h_progress']} ({p.old_date} → {p.new_date})", level)
    if p.forced:
        word.add_paragraph(document, w["c_forced"])
    then, now = f"{w['c_then']} ({p.old_date})", f"{w['c_now']} ({p.new_date})"
    rows: list[list[object]] = [[w["verdict"], p.old_verdict_label, p.new_verdict_label]]
    rows += [
        [w[f"finding_{code}"], p.old_counts[code], p.new_counts[code]]
        for code in ("major", "minor", "observation")
    ]
    rows.append([w["overall_score"], p.overall.old_text, p.overall.new_text])
    word.add_table(document, ["", then, now], rows, widths=[60, 55, 55])
    word.add_heading(document, w["c_regressions"], level + 1)
    word.add_paragraph(document, ", ".join(p.regressions) or w["c_no_regressions"])
    word.add_picture(document, svg_to_png(str(p.chart)), 170.0, w["c_chart"])
    word.add_heading(document, w["h_scores"], level + 1)
    word.add_table(
        document,
        [w["area"], w["c_then"], w["c_now"], w["c_change"], w["c_level_then"], w["c_level_now"]],
        [
            [
                f"{'' if r.id == 'overall' else r.id} {r.name}".strip(),
                r.old_text,
                r.new_text,
                r.delta_text,
                r.old_level,
                r.new_level,
            ]
            for r in [p.overall, *p.parts, *p.areas]
        ],
        widths=[70, 20, 20, 20, 20, 20],
    )
    for code in MOVEMENTS:
        items = p.by_movement[code]
        word.add_heading(document, f"{w['c_' + code]} ({len(items)})", level + 1)
        if not items:
            word.add_paragraph(document, w["c_none_moved"])
            continue
        word.add_table(
            document,
            ["ID", w["clause"], w["area"], w["c_then"], w["c_now"], w["reasons"]],
            [
                [
                    f.id,
                    f"{f.clause} {f.clause_title}",
                    f.area_name,
                    f.old_label or "—",
                    f.new_label or "—",
                    f.reason,
                ]
                for f in items
            ],
            widths=[25, 30, 25, 20, 20, 50],
        )
    word.add_paragraph(document, f"{w['c_unchanged']}: {p.unchanged}")
    for key, blockers in (
        ("c_blockers_remaining", p.blockers_remaining),
        ("c_blockers_new", p.blockers_new),
        ("c_blockers_closed", p.blockers_closed),
    ):
        word.add_heading(document, f"{w[key]} ({len(blockers)})", level + 1)
        _blockers(document, p, blockers)


def add_trend(document: Document, t: TrendView, level: int) -> None:
    """The trend chapter (its heading at ``level``), as in the HTML trend section."""
    w = t.words
    word.add_heading(document, f"{w['t_h_trend']} ({t.dates[0]} → {t.dates[-1]})", level)
    word.add_paragraph(document, w["t_intro"])
    word.add_picture(document, svg_to_png(str(t.chart)), 170.0, w["t_chart"])
    word.add_heading(document, w["t_h_scores"], level + 1)
    share = 100 / (len(t.dates) + 1)
    rows: list[list[object]] = [[w["verdict"], *t.verdicts, ""]]
    rows += [[r.label, *r.texts, r.change_text] for r in [t.overall, *t.parts, *t.areas]]
    word.add_table(
        document, ["", *t.dates, w["t_change"]], rows, widths=[70, *([share] * len(t.dates)), share]
    )
    word.add_heading(document, w["t_h_counts"], level + 1)
    counts: list[list[object]] = [
        [w[f"finding_{code}"], *t.counts[code]] for code in ("major", "minor", "observation")
    ]
    counts.append([w["t_blockers"], *t.blockers])
    word.add_table(document, ["", *t.dates], counts)
    word.add_heading(document, w["t_h_periods"], level + 1)
    word.add_table(
        document,
        [w[k] for k in ("t_period", "t_overall_delta", "t_closed", "t_new", "t_worse", "t_better")],
        [[p.label, p.overall_delta_text, p.closed, p.new, p.worse, p.better] for p in t.periods],
        widths=[50, 24, 24, 24, 24, 24],
    )
    for period in t.periods:
        if period.closed_ids:
            word.add_paragraph(document, f"{w['t_closed']} {period.label}: {period.closed_ids}")


def progress_docx(
    p: ProgressView,
    tool_version: str,
    template: Path | None = None,
    brand: BrandView | None = None,
) -> bytes:
    """The standalone progress report as .docx bytes, under the consultant's ``brand``."""
    w = p.words
    language = Language.ZH if p.html_lang.startswith("zh") else Language.EN
    document = word.new_document(language, template)
    add_brand(document, brand, own_letterhead=template is not None)
    title = title_of(brand, w["c_title"])
    document.add_paragraph(word.clean(title), style="Title")
    word.add_paragraph(document, f"{w['prepared_for']}: {p.client}")
    word.add_paragraph(document, f"{w['c_verdict_then']} ({p.old_date}): {p.old_verdict_label}")
    word.add_paragraph(
        document, f"{w['c_verdict_now']} ({p.new_date}): {p.new_verdict_label}", word.VERDICT
    )
    word.add_bullets(document, p.new_verdict_reasons)
    word.add_paragraph(document, f"readiness {tool_version}")
    add_disclaimer(document, brand, w)
    word.add_contents(document, w["contents"], w["docx_update_contents"])
    if p.trend is not None:
        add_trend(document, p.trend, 1)
    add_progress(document, p, 1)
    when = _date(p.new_date)
    return word.document_bytes(document, f"{title}: {p.client}", "", when)


def _date(text: str) -> dt.date | None:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        return None
