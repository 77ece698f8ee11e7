"""The label keys of the plan's shared words: one key per cost part and deliverable type, used
by every plan document (HTML, Markdown, workbook, Word), so that a word is written once."""

from __future__ import annotations


def part_key(part: str) -> str:
    """The label of a cost part (``consulting`` → ``part_consulting``)."""
    return f"part_{part}"


def kind_key(kind: str) -> str:
    """The label of a deliverable type; a record is "record or form" in the plan
    (``kind_record`` is the document checklist's "record")."""
    return "kind_record_form" if kind == "record" else f"kind_{kind}"
