"""The standard as data: clauses, requirements, parts and areas."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from functools import cached_property
from typing import Literal

from pydantic import Field, model_validator

from readiness.models.common import Basis, LocalText, NonEmpty, Strict

CLAUSE_ID = r"^(?:[4-9]|10)(?:\.\d+){0,3}$"
REQUIREMENT_ID = r"^R-(?:[4-9]|10)(?:\.\d+){0,3}-\d{2}$"
AREA_ID = r"^[ABC]\.[A-Z]{2,5}$"
PartId = Literal["A", "B", "C"]


class Clause(Strict):
    """A clause or sub-clause of the standard: number and title only."""

    id: str = Field(pattern=CLAUSE_ID)
    title: LocalText

    @property
    def parent_id(self) -> str | None:
        """``8.5.1`` for ``8.5.1.2``; None for a top-level clause."""
        return self.id.rsplit(".", 1)[0] if "." in self.id else None


class DocumentedInfo(Strict):
    """Documented information a requirement calls for."""

    kind: Literal["document", "record"]
    name: LocalText


class Requirement(Strict):
    """One requirement, in our own words, attached to a leaf clause."""

    id: str = Field(pattern=REQUIREMENT_ID)
    clause: str = Field(pattern=CLAUSE_ID)
    text: LocalText
    weight: int = Field(ge=1, le=3, description="1 supporting, 2 important, 3 critical")
    basis: Basis = Field(
        default=Basis.REQUIREMENT, description="requirement of the 2018 text, or good practice"
    )
    documented: DocumentedInfo | None = None
    evidence: list[LocalText] = Field(default_factory=list)
    na_allowed: bool = Field(
        default=False,
        description="True only where the situation can genuinely not arise; "
        "ISO/IEC 20000-1:2018 allows no exclusion of clauses 4 to 10.",
    )

    @model_validator(mode="after")
    def _id_matches_clause(self) -> Requirement:
        if self.id.rsplit("-", 1)[0] != f"R-{self.clause}":
            raise ValueError(f"id {self.id} does not match its clause {self.clause}")
        return self


class Part(Strict):
    """A part of the questionnaire: A management system, B processes, C 2018 additions."""

    id: PartId
    title: LocalText
    respondent: LocalText


class Area(Strict):
    """A group of clauses answered together: a management-system topic or a process."""

    id: str = Field(pattern=AREA_ID)
    part: PartId
    title: LocalText
    clauses: list[str] = Field(min_length=1, description="leaf clauses whose home is this area")
    also: list[str] = Field(
        default_factory=list, description="clauses the 2011 edition counted in this process"
    )
    clause_2011: str | None = None
    process: bool = Field(default=False, description="one of the 13 processes (capability)")


@dataclass(frozen=True)
class CatalogueIndex:
    """Lookup tables over a catalogue."""

    clause: dict[str, Clause]
    requirement: dict[str, Requirement]
    area: dict[str, Area]
    children: dict[str, list[str]]
    under: dict[str, list[Requirement]]
    home: dict[str, str]
    part_of_requirement: dict[str, str]


class Catalogue(Strict):
    """ISO/IEC 20000-1:2018 as data, with the questionnaire's areas over it."""

    standard: NonEmpty
    edition: NonEmpty
    catalogue_version: NonEmpty
    title: LocalText
    clauses: list[Clause]
    requirements: list[Requirement]
    parts: list[Part]
    areas: list[Area]

    @model_validator(mode="after")
    def _check_references(self) -> Catalogue:
        errors: list[str] = []
        errors += _duplicates("clause", [c.id for c in self.clauses])
        errors += _duplicates("requirement", [r.id for r in self.requirements])
        errors += _duplicates("area", [a.id for a in self.areas])
        clause_ids = {c.id for c in self.clauses}
        children: dict[str, list[str]] = defaultdict(list)
        for clause in self.clauses:
            parent = clause.parent_id
            if parent is not None:
                if parent not in clause_ids:
                    errors.append(f"clause {clause.id}: its parent {parent} is not listed")
                children[parent].append(clause.id)
        leaves = {c for c in clause_ids if c not in children}
        covered: dict[str, int] = defaultdict(int)
        for requirement in self.requirements:
            if requirement.clause not in clause_ids:
                errors.append(f"{requirement.id}: clause {requirement.clause} does not exist")
            elif requirement.clause not in leaves:
                errors.append(f"{requirement.id}: clause {requirement.clause} has sub-clauses")
            covered[requirement.clause] += 1
        errors += [f"clause {c}: no requirement" for c in sorted(leaves) if not covered[c]]
        part_ids = {p.id for p in self.parts}
        home: dict[str, str] = {}
        for area in self.areas:
            if area.part not in part_ids:
                errors.append(f"area {area.id}: part {area.part} does not exist")
            for clause_id in [*area.clauses, *area.also]:
                if clause_id not in leaves:
                    errors.append(f"area {area.id}: {clause_id} is not a leaf clause")
            for clause_id in area.clauses:
                if clause_id in home:
                    errors.append(
                        f"clause {clause_id}: home of both {home[clause_id]} and {area.id}"
                    )
                home[clause_id] = area.id
        errors += [f"clause {c}: in no area" for c in sorted(leaves - home.keys())]
        if errors:
            raise ValueError("; ".join(errors))
        return self

    @cached_property
    def index(self) -> CatalogueIndex:
        """Lookup tables, built on first use (plain dicts: scoring reads them a lot)."""
        children: dict[str, list[str]] = defaultdict(list)
        for clause in self.clauses:
            if clause.parent_id is not None:
                children[clause.parent_id].append(clause.id)
        by_clause: dict[str, list[Requirement]] = defaultdict(list)
        for requirement in self.requirements:
            by_clause[requirement.clause].append(requirement)
        under: dict[str, list[Requirement]] = {}
        for clause in reversed(self.clauses):  # children come after their parent
            found = list(by_clause.get(clause.id, []))
            for child in children.get(clause.id, []):
                found += under[child]
            under[clause.id] = found
        home = {clause_id: area.id for area in self.areas for clause_id in area.clauses}
        return CatalogueIndex(
            clause={c.id: c for c in self.clauses},
            requirement={r.id: r for r in self.requirements},
            area={a.id: a for a in self.areas},
            children=dict(children),
            under=under,
            home=home,
            part_of_requirement={
                r.id: _part(home, self.areas, r.clause) for r in self.requirements
            },
        )

    def clause(self, clause_id: str) -> Clause:
        """The clause with this number."""
        return self.index.clause[clause_id]

    def requirement(self, requirement_id: str) -> Requirement:
        """The requirement with this id."""
        return self.index.requirement[requirement_id]

    def has_requirement(self, requirement_id: str) -> bool:
        """Whether the catalogue holds this requirement id."""
        return requirement_id in self.index.requirement

    def area(self, area_id: str) -> Area:
        """The area with this id."""
        return self.index.area[area_id]

    def has_area(self, area_id: str) -> bool:
        """Whether the catalogue holds this area id."""
        return area_id in self.index.area

    def children(self, clause_id: str) -> list[str]:
        """Direct sub-clauses, in catalogue order."""
        return self.index.children.get(clause_id, [])

    def top_clauses(self) -> list[Clause]:
        """Clauses 4 to 10."""
        return [c for c in self.clauses if c.parent_id is None]

    def requirements_under(self, clause_id: str) -> list[Requirement]:
        """Requirements of a clause and all of its sub-clauses."""
        return self.index.under[clause_id]

    def home_area(self, clause_id: str) -> Area:
        """The area a leaf clause is answered in."""
        return self.index.area[self.index.home[clause_id]]

    def area_requirements(self, area_id: str, *, include_also: bool = True) -> list[Requirement]:
        """Requirements an area is scored on: its own clauses, and ``also`` clauses if asked."""
        area = self.index.area[area_id]
        clause_ids = [*area.clauses, *area.also] if include_also else area.clauses
        return [r for c in clause_ids for r in self.index.under[c]]

    def processes(self) -> list[Area]:
        """The 13 service management processes of Part B."""
        return [a for a in self.areas if a.process]


def _part(home: dict[str, str], areas: list[Area], clause_id: str) -> str:
    area_id = home[clause_id]
    return next(area.part for area in areas if area.id == area_id)


def _duplicates(kind: str, ids: list[str]) -> list[str]:
    seen: set[str] = set()
    repeated = sorted({i for i in ids if i in seen or seen.add(i)})  # type: ignore[func-returns-value]
    return [f"{kind} id {i} is used twice" for i in repeated]
