"""The sentences scoring writes into an assessment, in English and Chinese."""

from __future__ import annotations

from readiness.models.catalogue import DocumentedInfo, Requirement
from readiness.models.common import LocalText


def text(en: str, zh: str) -> LocalText:
    """Shorthand for a bilingual text (built without validation: the strings are ours)."""
    return LocalText(en=en, zh=zh)


def pct(value: float) -> str:
    """``67.5`` → ``67.5``; ``100.0`` → ``100``."""
    return f"{value:.1f}".removesuffix(".0")


def join(parts: list[str], zh: bool = False) -> str:
    """Join clauses of a sentence."""
    return ("；" if zh else "; ").join(parts)


def document_action(documented: DocumentedInfo) -> LocalText:
    """What to do about missing documented information."""
    if documented.kind == "record":
        return text(
            f"Start keeping {documented.name.en} as the work is done and retain them as evidence.",
            f"在工作开展时形成并保存{documented.name.zh}作为证据。",
        )
    return text(
        f"Write, approve and publish {documented.name.en}, matching how the work is really done.",
        f"按实际工作方式编写、审批并发布{documented.name.zh}。",
    )


_EVIDENCE: dict[int, tuple[Requirement, str, str]] = {}
"""Phrases already made, by requirement object (kept, so that its id is not reused)."""


def evidence_list(requirement: Requirement) -> tuple[str, str]:
    """The requirement's typical evidence as one English and one Chinese phrase."""
    known = _EVIDENCE.get(id(requirement))
    if known is not None and known[0] is requirement:
        return known[1], known[2]
    en = ", ".join(e.en for e in requirement.evidence) or requirement.text.en
    zh = "、".join(e.zh for e in requirement.evidence) or requirement.text.zh
    _EVIDENCE[id(requirement)] = (requirement, en, zh)
    return en, zh
