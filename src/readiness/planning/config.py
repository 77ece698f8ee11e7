"""Load the plan configuration: the shipped ``plans/plan.yaml``, a consultant's file over it.

A consultant's file is a deep merge over the shipped defaults: mappings merge key by key at
every level, while lists and plain values replace what they stand for as a whole. Every
problem names the file and the line where the value came from, and the key path.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

from readiness.errors import InputError, Problem
from readiness.models.catalogue import Catalogue
from readiness.models.plan import AuditTimeTable, PlanConfig, PlanFile, RoleConfig, RoleOverride
from readiness.paths import plans_dir
from readiness.sources.validation import validate_document
from readiness.sources.yaml import YamlDocument, load_yaml_file

Location = tuple[str | int, ...]

DEFAULT_FILE = "plan.yaml"


def default_config_path() -> Path:
    """The shipped plan configuration."""
    return plans_dir() / DEFAULT_FILE


def load_plan_config(path: Path | None = None, *, catalogue: Catalogue | None = None) -> PlanConfig:
    """Load the plan configuration: the shipped defaults, with ``path`` merged over them.

    With ``catalogue``, area ids in the configuration are checked against it too. Raises
    :class:`InputError` naming the file, the line and the key of every problem.
    """
    config = _load(path.resolve() if path else None, str(path) if path else None)
    if catalogue is not None:
        problems = check_areas(config, catalogue)
        if problems:
            document = _document(path.resolve() if path else None)
            raise InputError(document.source, [_placed(document, *p) for p in problems])
    return config


@cache
def _load(path: Path | None, given: str | None) -> PlanConfig:
    document = _document(path)
    infinite = [_placed(document, *problem) for problem in _non_finite(document.data, ())]
    if infinite:
        raise InputError(document.source, infinite)
    plan = validate_document(PlanFile, document, what="a plan configuration")
    problems = [
        _placed(document, location, message)
        for location, message in [*check_plan(plan, document.is_override), *_capacities(plan)]
    ]
    if problems:
        raise InputError(document.source, problems)
    table = _load_table(plan.audit_time.table, document, path)
    source = given if given is not None else f"plans/{DEFAULT_FILE}"
    return PlanConfig(**dict(plan), source=source, table=table)


MIN_CAPACITY = 0.05
"""Least capacity of a role (people × availability, person-days a working day) a plan is
scheduled with: 0.4 hours a day. Below it a schedule runs for centuries (or never ends)."""


MAX_NUMBER = 10**12
"""Largest number in a plan configuration (efforts, money, weeks are far smaller)."""


def _non_finite(value: Any, location: Location) -> Iterator[tuple[Location, str]]:
    """Numbers that are NaN, infinite (``.nan``, ``.inf`` in YAML) or huge, wherever they are."""
    if isinstance(value, float) and not math.isfinite(value):
        yield location, f"must be a finite number (found {value})"
    elif isinstance(value, int | float) and not isinstance(value, bool) and abs(value) > MAX_NUMBER:
        if isinstance(value, float):
            shown = f"{value:.3g}"
        elif abs(value) < 10**15:
            shown = f"{value:,}"
        else:
            shown = f"a number of {len(str(abs(value))):,} digits"
        yield location, f"{shown} is too large (at most {MAX_NUMBER:,})"
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from _non_finite(item, (*location, key))
    elif isinstance(value, list):
        for number, item in enumerate(value):
            yield from _non_finite(item, (*location, number))


def _capacities(plan: PlanFile) -> Iterator[tuple[Location, str]]:
    """Roles, as configured and in each scenario, with too little capacity to schedule: for
    the whole role (people × availability), for one task (per_task × availability), and for
    each person of the staff in scope (availability)."""

    def check(location: Location, role: RoleConfig) -> Iterator[tuple[Location, str]]:
        if role.people is None:  # the staff in scope: the head count is the personnel
            if role.availability < MIN_CAPACITY:
                yield (
                    (*location, "availability"),
                    (
                        f"availability {role.availability:g} of a working day for each person in "
                        f"scope is too little to schedule; the least is {MIN_CAPACITY}"
                    ),
                )
            return
        capacity = role.people * role.availability
        if capacity < MIN_CAPACITY:
            yield (
                (*location, "people"),
                (
                    f"capacity {capacity:.6g} person-days a working day (people {role.people:g} × "
                    f"availability {role.availability:g}) is too little to schedule; the least is "
                    f"{MIN_CAPACITY}"
                ),
            )
        elif role.per_task is not None and role.per_task * role.availability < MIN_CAPACITY:
            share = min(role.people, role.per_task) * role.availability
            yield (
                (*location, "per_task"),
                (
                    f"one task gets {share:.6g} person-days a working day (per_task "
                    f"{role.per_task:g} × availability {role.availability:g}), too little to "
                    f"schedule; the least is {MIN_CAPACITY}"
                ),
            )

    faults: dict[str, set[str]] = {}
    for role_id, role in plan.roles.items():
        found = list(check(("roles", role_id), role))
        faults[role_id] = {str(location[-1]) for location, _ in found}
        yield from found
    for name, scenario in plan.scenarios.items():
        for role_id, change in scenario.roles.items():
            base = plan.roles.get(role_id)
            if base is None:
                continue  # an unknown role: check_plan says so
            changed = base.model_copy(update=change.model_dump(exclude_none=True))
            for location, message in check(("scenarios", name, "roles", role_id), changed):
                key = location[-1]  # at fault: the scenario's own change, not the role's
                if key in change.model_fields_set or key not in faults[role_id]:
                    yield _changed(location, change), message


def _changed(location: Location, change: RoleOverride) -> Location:
    """The key of a scenario's role change to name: the one at fault if the scenario sets it,
    else the first it sets of people, availability and per_task."""
    given = change.model_fields_set
    if location[-1] in given:
        return location
    first = next(key for key in ("people", "availability", "per_task") if key in given)
    return (*location[:-1], first)


def place_in(config: PlanConfig, location: Location, *keys: Location) -> str:
    """``line N, a → b``: where ``location`` is in ``config``'s file (or the defaults), or the
    first of ``keys`` under it that the consultant's file sets."""
    given = None if config.source == f"plans/{DEFAULT_FILE}" else Path(config.source).resolve()
    try:
        document = _document(given)
    except (InputError, OSError):
        return " → ".join(str(part) for part in location)
    return document.place(next((at for at in keys if document.is_override(at)), location))


def _placed(document: MergedDocument, location: Location, message: str) -> Problem:
    return Problem(document.place(location), message)


# ------------------------------------------------------------------ merging


@dataclass
class MergedDocument:
    """Defaults with an override merged over them; places name the file a value came from."""

    source: str
    data: Any
    defaults: YamlDocument
    override: YamlDocument | None
    from_override: set[Location] = field(default_factory=set)

    def _origin(self, location: Sequence[str | int]) -> YamlDocument:
        parts = tuple(location)
        while parts:
            if parts in self.from_override and self.override is not None:
                return self.override
            parts = parts[:-1]
        return self.defaults

    def is_override(self, location: Sequence[str | int]) -> bool:
        """Whether the value at ``location`` comes from the consultant's file."""
        return self.override is not None and self._origin(location) is self.override

    def line_of(self, location: Sequence[str | int]) -> int | None:
        """Line of ``location`` in the file it came from."""
        return self._origin(location).line_of(location)

    def place(self, location: Sequence[str | int]) -> str:
        """``line N, a → b``, prefixed with the defaults' file when the value is a default."""
        origin = self._origin(location)
        place = origin.place(location)
        if self.override is not None and origin is self.defaults:
            return f"{origin.source} {place}"
        return place


def _document(path: Path | None) -> MergedDocument:
    defaults = load_yaml_file(default_config_path())
    if path is None:
        return MergedDocument(defaults.source, defaults.data, defaults, None)
    override = load_yaml_file(path)
    if not isinstance(override.data, dict):
        kind = type(override.data).__name__
        message = f"this is not a plan configuration: expected a mapping of keys, found {kind}"
        raise InputError(override.source, [Problem("line 1", message)])
    merged = MergedDocument(override.source, None, defaults, override)
    merged.data = _merge(defaults.data, override.data, (), merged.from_override)
    return merged


def _merge(base: Any, over: Any, location: Location, marks: set[Location]) -> Any:
    if isinstance(base, dict) and isinstance(over, dict):
        result = dict(base)
        for key, value in over.items():
            result[key] = _merge(base.get(key), value, (*location, key), marks)
        return result
    marks.add(location)
    return over


# ------------------------------------------------------------------ audit-time table


def _load_table(name: str, document: MergedDocument, path: Path | None) -> AuditTimeTable:
    if name.endswith((".yaml", ".yml")):
        folder = path.parent if path is not None else plans_dir()
        table_path = folder / name
    else:
        table_path = plans_dir() / f"audit-time-{name}.yaml"
    if not table_path.is_file():
        place = document.place(("audit_time", "table"))
        message = f"no audit-time table '{name}' (looked for {table_path})"
        raise InputError(document.source, [Problem(place, message)])
    return _load_table_file(table_path.resolve())


@cache
def _load_table_file(path: Path) -> AuditTimeTable:
    document = load_yaml_file(path)
    table = validate_document(AuditTimeTable, document, what="an audit-time table")
    problems = [
        Problem(document.place(("rows", index)), message) for index, message in table.falling_rows()
    ]
    if problems:
        raise InputError(document.source, problems)
    return table


# ------------------------------------------------------------------ cross-references


def check_plan(
    plan: PlanFile, is_override: Callable[[Location], bool] = lambda _: False
) -> list[tuple[Location, str]]:
    """Problems a model cannot see alone: unknown roles, activities, dependency cycles.

    A cycle is reported at an area the consultant's file set (``is_override``), if any.
    """
    problems = [
        (location, f"unknown role '{role}'; the roles are {', '.join(plan.roles)}")
        for location, role in _role_references(plan)
        if role not in plan.roles
    ]
    for phase_id in type(plan.phases).model_fields:
        phase = getattr(plan.phases, phase_id)
        problems += _check_activities(phase_id, phase.activities)
    graph = area_graph(plan.dependencies.foundation, plan.dependencies.after, ())
    cycle = find_cycle(graph)
    if cycle:
        listed = [a for a in cycle[:-1] if a in plan.dependencies.after]
        chosen = [a for a in listed if is_override(("dependencies", "after", a))]
        first = (chosen or listed or cycle)[0]
        start = cycle.index(first)
        cycle = [*cycle[start:-1], *cycle[:start], first]
        where: Location = ("dependencies", "after", first)
        if first not in plan.dependencies.after:
            where = ("dependencies", "foundation")
        problems.append((where, f"circular dependency: {' → '.join(cycle)}"))
    return problems


def check_areas(config: PlanFile, catalogue: Catalogue) -> list[tuple[Location, str]]:
    """Area ids of the configuration that the catalogue does not hold."""
    problems: list[tuple[Location, str]] = []
    deps = config.dependencies
    found: list[tuple[Location, str]] = [
        (("dependencies", "foundation", i), a) for i, a in enumerate(deps.foundation)
    ]
    for area, before in deps.after.items():
        found.append((("dependencies", "after", area), area))
        found += [(("dependencies", "after", area, i), b) for i, b in enumerate(before)]
    found.append((("backlog", "fallback_area"), config.backlog.fallback_area))
    for location, area in found:
        if not catalogue.has_area(area):
            problems.append((location, f"unknown area '{area}'"))
    return problems


def _role_references(plan: PlanFile) -> Iterator[tuple[Location, str]]:
    for kind, deliverable in plan.deliverables.items():
        yield ("deliverables", kind.value, "role"), deliverable.role
    yield ("review", "role"), plan.review.role
    yield ("audit_time", "auditor_role"), plan.audit_time.auditor_role
    yield from _keys(("costs", "rates"), plan.costs.rates)
    phases = plan.phases
    for phase_id in type(phases).model_fields:
        phase = getattr(phases, phase_id)
        for index, activity in enumerate(phase.activities):
            yield from _keys(("phases", phase_id, "activities", index, "effort"), activity.effort)
        for name in ("round_effort", "assessment_effort", "correction_effort", "attend", "effort"):
            if isinstance(getattr(phase, name, None), Mapping):
                yield from _keys(("phases", phase_id, name), getattr(phase, name))
    for scenario_id, scenario in plan.scenarios.items():
        yield from _keys(("scenarios", scenario_id, "roles"), scenario.roles)
        yield from _keys(("scenarios", scenario_id, "effort_factor"), scenario.effort_factor)


def _keys(location: Location, mapping: Iterable[str]) -> Iterator[tuple[Location, str]]:
    for key in mapping:
        yield (*location, key), key


def _check_activities(phase_id: str, activities: Sequence[Any]) -> list[tuple[Location, str]]:
    problems: list[tuple[Location, str]] = []
    seen: set[str] = set()
    for index, activity in enumerate(activities):
        where: Location = ("phases", phase_id, "activities", index)
        if activity.id in seen:
            problems.append(((*where, "id"), f"activity id '{activity.id}' is used twice"))
        seen.add(activity.id)
    ids = {activity.id for activity in activities}
    for index, activity in enumerate(activities):
        for position, before in enumerate(activity.after):
            if before not in ids:
                where = ("phases", phase_id, "activities", index, "after", position)
                problems.append((where, f"no activity '{before}' in {phase_id}"))
    cycle = find_cycle({a.id: [b for b in a.after if b in ids] for a in activities})
    if cycle:
        index = next(i for i, a in enumerate(activities) if a.id == cycle[0])
        where = ("phases", phase_id, "activities", index, "after")
        problems.append((where, f"circular dependency: {' → '.join(cycle)}"))
    return problems


# ------------------------------------------------------------------ graphs


def area_graph(
    foundation: Sequence[str], after: Mapping[str, Sequence[str]], areas: Iterable[str]
) -> dict[str, list[str]]:
    """Area → areas it comes after: the explicit ones, plus the foundation for the others."""
    nodes = list(dict.fromkeys([*foundation, *after, *(b for v in after.values() for b in v)]))
    nodes += [a for a in areas if a not in nodes]
    base = set(foundation)
    graph: dict[str, list[str]] = {}
    for node in nodes:
        before = list(after.get(node, []))
        if node not in base:
            before += [f for f in foundation if f not in before]
        graph[node] = before
    return graph


def find_cycle(graph: Mapping[str, Sequence[str]]) -> list[str] | None:
    """A cycle of ``graph`` (node → nodes it comes after) as ``[a, b, …, a]``, or None."""
    state: dict[str, int] = {}  # 1 on the current path, 2 done
    for root in graph:
        if state.get(root):
            continue
        path: list[str] = [root]
        stack: list[Iterator[str]] = [iter(graph.get(root, []))]
        state[root] = 1
        while stack:
            successor = next(stack[-1], None)
            if successor is None:
                state[path.pop()] = 2
                stack.pop()
            elif state.get(successor) == 1:
                return [*path[path.index(successor) :], successor]
            elif not state.get(successor):
                state[successor] = 1
                path.append(successor)
                stack.append(iter(graph.get(successor, [])))
    return None
