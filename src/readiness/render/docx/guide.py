"""The interview guide and the internal-audit checklist as Word documents, from their views."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from readiness.language import Language
from readiness.render.docx import document as word
from readiness.render.guide.view import ChecklistView, GuideView


def _language(html_lang: str) -> Language:
    return Language.ZH if html_lang.startswith("zh") else Language.EN


def _date(text: str) -> dt.date | None:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        return None


def guide_docx(view: GuideView, template: Path | None = None) -> bytes:
    """The interview guide as .docx bytes: a chapter per role, a table per probe."""
    w = view.words
    document = word.new_document(_language(view.html_lang), template)
    document.add_paragraph(word.clean(w["g_title"]), style="Title")
    word.add_paragraph(document, f"{w['prepared_for']}: {view.client}")
    if view.date:
        word.add_paragraph(document, f"{w['assessed_on']}: {view.date}")
    if view.respondents:
        word.add_paragraph(document, f"{w['respondents']}: {', '.join(view.respondents)}")
    word.add_paragraph(document, w["g_intro"])
    word.add_contents(document, w["contents"], w["docx_update_contents"])
    word.add_heading(document, w["g_order"], 1)
    rows: list[list[object]] = [[n, t, c] for n, (t, c) in enumerate(view.order, start=1)]
    rows.append(["", w["g_total"], view.total])
    word.add_table(document, ["#", w["g_why"], w["g_probe"]], rows, widths=[12, 110, 30])
    word.add_heading(document, w["g_weak_areas"], 2)
    word.add_bullets(document, view.weak_areas or [w["none"]])
    for role in view.roles:
        word.add_heading(document, role.title, 1)
        word.add_paragraph(document, f"{w['g_respondent']}: {role.respondent}")
        word.add_paragraph(document, f"{w['g_role_holder']}: {role.holder}")
        if role.people:
            word.add_paragraph(document, f"{w['g_role_people']}: {role.people}")
        if role.reported_differently:
            word.add_paragraph(document, f"{w['g_reported_differently']}:")
            word.add_bullets(document, role.reported_differently)
        if not role.probes:
            word.add_paragraph(document, w["g_nothing"])
        for p in role.probes:
            word.add_heading(document, f"{p.number}. {p.question} {p.text}", 2)
            table: list[list[object]] = [
                [w["g_why"], " · ".join(p.why)],
                [w["g_predicted"], f"{p.finding_label} ({p.requirements}, {p.score_text})"],
                [w["g_answer"], "\n".join(x for x in (p.answer, p.owner, p.notes) if x)],
            ]
            if p.disagreements:
                table.append([w["g_disagreement"], "\n".join(p.disagreements)])
            table += [
                [w["g_ask"], "\n".join(f"{n}. {a}" for n, a in enumerate(p.ask, start=1))],
                [w["g_listen_for"], p.listen_for],
                [w["g_see"], "\n".join(p.see)],
            ]
            if p.named:
                table.append([w["g_named"], "\n".join(p.named)])
            table += [[w["g_heard"], "\n\n"], [w["g_agreed_rating"], ""]]
            word.add_table(document, [w["g_probe"], p.question], table, widths=[40, 130])
        if role.if_time_allows:
            word.add_paragraph(document, f"{w['g_if_time_allows']}: {role.if_time_allows}")
    return word.document_bytes(document, f"{w['g_title']}: {view.client}", "", _date(view.date))


def checklist_docx(view: ChecklistView, template: Path | None = None) -> bytes:
    """The audit checklist as .docx bytes: landscape, a table per clause and area."""
    w = view.words
    document = word.new_document(_language(view.html_lang), template)
    document.add_paragraph(word.clean(w["k_title"]), style="Title")
    word.add_paragraph(document, f"{w['prepared_for']}: {view.client}")
    if view.date:
        word.add_paragraph(document, f"{w['assessed_on']}: {view.date}")
    word.add_paragraph(document, f"{w['k_lines']}: {view.count}")
    word.add_paragraph(document, w["k_intro"])
    word.add_table(
        document,
        [w["k_status"], w["k_lines"]],
        [[label, count] for _, label, count in view.by_status],
        widths=[80, 30],
    )
    word.add_paragraph(document, f"{w['k_conclusion']}: {' · '.join(view.conclusions)}")
    word.add_contents(document, w["contents"], w["docx_update_contents"])
    word.start_section(document, landscape=True)
    headers = [
        w["requirement"],
        w["k_sample"],
        w["k_status"],
        w["k_finding"],
        w["k_evidence_seen"],
        w["k_conclusion"],
    ]
    for group in view.groups:
        word.add_heading(document, group.heading, 2)
        rows: list[list[object]] = []
        for line in group.lines:
            sample = "\n".join(line.sample)
            if line.named:
                sample += f"\n{w['g_named']}: " + "; ".join(line.named)
            rows.append(
                [
                    f"{line.requirement} · {line.clause} {line.clause_title}\n{line.text}",
                    sample,
                    f"{line.status_label}\n{line.score_text}",
                    "",
                    "",
                    "",
                ]
            )
        word.add_table(document, headers, rows, widths=[70, 60, 25, 40, 35, 27])
    return word.document_bytes(document, f"{w['k_title']}: {view.client}", "", _date(view.date))
