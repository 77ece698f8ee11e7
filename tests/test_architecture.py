"""The layout shows the architecture: rooms import only rooms below them, no import cycles,
modules of a readable size."""

from __future__ import annotations

import ast
from collections import defaultdict
from pathlib import Path

SRC = Path(__file__).resolve().parent.parent / "src" / "readiness"

LAYERS = [
    {"version", "language", "errors", "paths"},
    {"models"},
    {"sources"},
    {"data"},
    {"inputs"},
    {"scoring", "planning"},
    {"render"},
    {"outputs"},
    {"jobs"},
    {"cli", "__main__"},
]
"""Rooms from the bottom up: a room may import its own and any room below it."""
LEVEL = {room: level for level, rooms in enumerate(LAYERS) for room in rooms}
MAX_LINES = 420


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(SRC.parent).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _imports() -> dict[str, set[str]]:
    """Every readiness module imported by each module, anywhere in it (lazy imports included)."""
    modules = {_module_name(p): p for p in SRC.rglob("*.py")}
    graph: dict[str, set[str]] = defaultdict(set)
    for name, path in modules.items():
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            targets: list[str] = []
            if isinstance(node, ast.Import):
                targets = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                targets = [node.module]
                targets += [f"{node.module}.{alias.name}" for alias in node.names]
            for target in targets:
                if target in modules and target != name and target.startswith("readiness"):
                    graph[name].add(target)
    return graph


def _room(module: str) -> str:
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else "readiness"


def test_every_room_has_a_layer() -> None:
    rooms = {_room(_module_name(p)) for p in SRC.rglob("*.py")} - {"readiness"}
    assert rooms - set(LEVEL) == set(), "a new room needs its place in LAYERS"


def test_rooms_import_only_rooms_below() -> None:
    wrong = [
        f"{module} imports {target}"
        for module, targets in _imports().items()
        if _room(module) != "readiness"  # the package's lazy public API sits on top
        for target in targets
        if LEVEL[_room(target)] > LEVEL[_room(module)]
    ]
    assert wrong == []


def test_no_import_cycles() -> None:
    graph = _imports()
    graph.pop("readiness", None)  # the lazy public API imports everything by design
    cycles: list[list[str]] = []
    state: dict[str, int] = {}

    def visit(module: str, trail: list[str]) -> None:
        state[module] = 1
        for target in sorted(graph.get(module, ())):
            if state.get(target) == 1:
                cycles.append([*trail[trail.index(target) :], target])
            elif target not in state:
                visit(target, [*trail, target])
        state[module] = 2

    for module in sorted(graph):
        if module not in state:
            visit(module, [module])
    assert cycles == []


def test_modules_stay_readable() -> None:
    long = {
        _module_name(p): n
        for p in SRC.rglob("*.py")
        if (n := len(p.read_text(encoding="utf-8").splitlines())) > MAX_LINES
    }
    assert long == {}


MAX_FUNCTION_LINES = 60
"""Lines of a function's body (its docstring and signature left out) before it needs a reason."""
LONG_FUNCTIONS = {
    "readiness.planning.build._make_plan": "the planning pipeline in its order (scenario, audit "
    "time, team, backlog, network, schedule, costs), then the Plan record field by field",
    "readiness.scoring.assess.assess": "the scoring pipeline in its order, then the Assessment "
    "record field by field",
    "readiness.render.plan.workbook.costs_sheet": "one sheet laid out top to bottom, each row "
    "next to the formulas that refer to it",
    "readiness.render.report.whatif.build_whatif": "a view record filled field by field",
    "readiness.render.report.view.build_view": "a view record filled field by field",
    "readiness.render.progress.trend.build_trend": "a view record filled field by field",
    "readiness.render.questionnaire.yaml_form.blank_yaml": "the YAML form's lines in the order "
    "the client reads them",
    "readiness.render.progress.workbook.add_progress_sheets": "sheets laid out top to bottom",
    "readiness.render.report.workbook_apart.apart_sheet": "one sheet laid out top to bottom",
    "readiness.render.plan.mspdi.mspdi_bytes": "the MS Project XML in the order the schema "
    "requires",
    "readiness.render.docx.whatif.add_whatif": "a Word chapter laid out top to bottom",
    "readiness.render.docx.progress.add_progress": "a Word chapter laid out top to bottom",
    "readiness.scoring.requirements._reasons": "one bilingual sentence per rule",
    "readiness.scoring.verdict._blocking": "one bilingual sentence per rule",
    "readiness.jobs.assess.assess_into_folder": "the assess job's steps in their order",
    "readiness.planning.schedule.schedule": "one algorithm: the list-scheduling loop",
    "readiness.inputs.saved.catalogue_problems": "one check per kind of inconsistency",
}
"""Functions longer than that, each with its reason; a test fails when one gets short."""


def _function_lengths() -> dict[str, int]:
    lengths = {}
    for path in SRC.rglob("*.py"):
        module = _module_name(path)
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
                continue
            body = node.body
            if isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Constant):
                body = body[1:] or body
            assert node.end_lineno is not None
            lengths[f"{module}.{node.name}"] = node.end_lineno - body[0].lineno + 1
    return lengths


def test_functions_stay_short_or_say_why() -> None:
    lengths = _function_lengths()
    long = {name for name, n in lengths.items() if n > MAX_FUNCTION_LINES}
    assert long - set(LONG_FUNCTIONS) == set()  # a new long function: split it, or say why
    assert set(LONG_FUNCTIONS) - long == set()  # short now (or gone): take it off the list
