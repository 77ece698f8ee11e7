"""The terminal summary of an assessment, as rich renderables (the CLI prints them)."""

from __future__ import annotations

from rich.console import Console, ConsoleOptions, Group, RenderableType, RenderResult
from rich.table import Table
from rich.text import Text
from rich.tree import Tree

from readiness.data.labels import labels
from readiness.language import Language
from readiness.models.assessment import Assessment, ClassCounts, ScoreGroup, Verdict
from readiness.models.catalogue import Catalogue

VERDICT_STYLE = {
    Verdict.READY: "bold green",
    Verdict.READY_AFTER_MINOR_FIXES: "bold yellow",
    Verdict.NOT_READY: "bold red",
    Verdict.INCOMPLETE: "bold magenta",
}


def score_text(score: float | None, target: float) -> Text:
    """A score, coloured against the target."""
    if score is None:
        return Text("NA", style="dim")
    style = "green" if score >= target else "yellow" if score >= 50 else "red"
    return Text(f"{score:.1f}", style=style)


def assessment_summary(
    assessment: Assessment, catalogue: Catalogue, language: Language
) -> RenderableType:
    """Client, verdict with reasons, and a table of areas with scores, levels and findings."""
    words = labels(language)
    verdict = assessment.verdict.verdict
    head = Text()
    head.append(f"{words['assessment']}: ", style="bold")
    head.append(assessment.client.name)
    if assessment.assessed_on:
        head.append(f"  ({words['assessed_on']} {assessment.assessed_on.isoformat()})", style="dim")
    line = Text(f"{words['verdict']}: ", style="bold")
    line.append(words[verdict.value], style=VERDICT_STYLE[verdict])
    if assessment.source.method is not None:
        head.append(f"  {words['m_method']}: {assessment.source.method.label()}", style="dim")
    reasons = Text("\n".join(f"  • {r.text.get(language)}" for r in assessment.verdict.reasons))
    if assessment.unconfirmed:
        count = len(assessment.unconfirmed)
        reasons.append(f"\n  ! {count} {words['m_unconfirmed_count']}", style="yellow")
    return Group(
        head,
        line,
        reasons,
        _AreaTable(assessment, catalogue, language),
        _tail(assessment, language),
    )


class _AreaTable:
    """The table of areas, built at the width it is printed at: below :data:`WITH_TITLES`
    columns the area titles are left out (the ids stay) rather than wrapped a word a line."""

    def __init__(self, assessment: Assessment, catalogue: Catalogue, language: Language) -> None:
        self.assessment, self.catalogue, self.language = assessment, catalogue, language

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        yield area_table(
            self.assessment, self.catalogue, self.language, titles=options.max_width >= WITH_TITLES
        )


WITH_TITLES = 100
"""Narrowest terminal (columns) that shows the area titles next to their ids."""


def area_table(
    assessment: Assessment, catalogue: Catalogue, language: Language, *, titles: bool = True
) -> Table:
    """Areas, parts and the overall score with levels and finding counts, a row each."""
    words = labels(language)
    table = Table(show_lines=False, header_style="bold", expand=False)
    for column, justify in (
        (words["area"], "left"),
        ("", "left"),
        (words["score"], "right"),
        (words["level"], "right"),
        (words["major"], "right"),
        (words["minor"], "right"),
        (words["observation"], "right"),
    ):
        if column or titles:  # only the title gives way (wraps); ids and numbers never do
            table.add_column(column, justify=justify, no_wrap=bool(column))  # type: ignore[arg-type]
    target = assessment.target_score
    for area in assessment.areas:
        level = str(area.capability.level) if area.capability else ""
        title = catalogue.area(area.id).title.get(language)
        table.add_row(*_row(area.id, title, area, target, level, titles=titles))
    table.add_section()
    for part in assessment.parts:
        title = next(p.title.get(language) for p in catalogue.parts if p.id == part.id)
        table.add_row(*_row(f"{words['part']} {part.id}", title, part, target, titles=titles))
    overall = Text(words["overall"], style="bold")
    table.add_row(
        *_row(overall, words["counts_requirements"], assessment.overall, target, titles=titles)
    )
    counts = assessment.counts
    table.add_section()
    for key, tally in (("counts_indicators", counts.indicator), ("counts_matrix", counts.matrix)):
        table.add_row(words[key], *[""] * (3 if titles else 2), *_counts(tally))
    total = Text(words["counts_total"], style="bold")
    table.add_row(total, *[""] * (3 if titles else 2), *_counts(counts.total))
    return table


def _tail(assessment: Assessment, language: Language) -> Text:
    words = labels(language)
    counts = assessment.counts
    done = assessment.completeness
    tail = Text(
        f"{words['blockers']}: {len(assessment.blockers)}    "
        f"{words['completeness']}: {done.answered}/{done.questions}    "
        f"{words['unanswered_count']}: {len(done.unanswered)}    "
        f"{words['rated_n']}: {done.rated_n}\n"
        f"{words['practice_count']}: {counts.practice}    "
        f"{words['preconditions_not_met']}: {counts.preconditions_not_met}    "
        f"{words['not_evidenced']}: {counts.not_evidenced}"
    )
    if counts.systemic:
        tail.append(
            "\n"
            + words["systemic_note"].format(systemic=counts.systemic, grouped=counts.grouped_minors)
        )
    if assessment.respondents:
        tail.append(
            f"    {words['respondents']}: {len(assessment.respondents)}    "
            f"{words['disagreements']}: {len(assessment.disagreements)}"
        )
    return tail


def _row(
    name: str | Text,
    title: str,
    group: ScoreGroup,
    target: float,
    level: str = "",
    *,
    titles: bool = True,
) -> list[str | Text]:
    counts = group.counts
    return [
        name,
        *([title] if titles else []),
        score_text(group.score, target),
        level,
        *_counts(
            ClassCounts(major=counts.major, minor=counts.minor, observation=counts.observation)
        ),
    ]


def _counts(tally: ClassCounts) -> list[str | Text]:
    return [
        _count(tally.major, "red"),
        _count(tally.minor, "yellow"),
        _count(tally.observation, "cyan"),
    ]


def _count(value: int, style: str) -> Text:
    return Text(str(value), style=style if value else "dim")


def clause_tree(catalogue: Catalogue, language: Language, edition: str) -> Tree:
    """The catalogue as a tree: 2018 clauses with requirements, or the 2011 areas view."""
    if edition == "2011":
        return _areas_tree(catalogue, language)
    tree = Tree(Text(f"{catalogue.standard}:{catalogue.edition}", style="bold"))
    nodes: dict[str, Tree] = {}
    for clause in catalogue.clauses:
        parent = nodes.get(clause.parent_id or "", tree)
        node = parent.add(
            Text(
                f"{clause.id} {clause.title.get(language)}",
                style="bold" if clause.parent_id is None else "",
            )
        )
        nodes[clause.id] = node
        for requirement in (
            catalogue.requirements_under(clause.id) if not catalogue.children(clause.id) else []
        ):
            marker = " [doc]" if requirement.documented else ""
            node.add(
                Text(f"{requirement.id}{marker} {requirement.text.get(language)}", style="dim")
            )
    return tree


def _areas_tree(catalogue: Catalogue, language: Language) -> Tree:
    tree = Tree(Text(f"{catalogue.standard}:2011 → {catalogue.edition}", style="bold"))
    for part in catalogue.parts:
        branch = tree.add(Text(f"{part.id} {part.title.get(language)}", style="bold"))
        for area in (a for a in catalogue.areas if a.part == part.id):
            old = f"2011 {area.clause_2011}" if area.clause_2011 else "2018"
            mapped = ", ".join(area.clauses + [f"({c})" for c in area.also])
            node = branch.add(
                Text.assemble(
                    f"{area.id} {area.title.get(language)}  ", (f"{old} → {mapped}", "dim")
                )
            )
            for clause_id in [*area.clauses, *area.also]:
                node.add(
                    Text(
                        f"{clause_id} {catalogue.clause(clause_id).title.get(language)}",
                        style="dim",
                    )
                )
    return tree
