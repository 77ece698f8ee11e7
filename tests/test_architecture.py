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
