"""Builders of the hostile inputs that are binary, huge or derived from a real workbook.

They are made at test time into a temporary folder rather than committed: a 6 MiB YAML file,
a zip bomb or a workbook with an XML bomb inside are a few lines of code. Each builder writes
one file (or folder) at the path it is given; the manifest names them under ``make:``. The
builders live in :mod:`~tests.hostile.make_text` (text files), :mod:`~tests.hostile.make_zip`
(containers) and :mod:`~tests.hostile.make_xlsx` (workbooks with hostile XML or bad answers).

    python -m tests.hostile.generate zip_bomb /tmp/bomb.xlsx   # write one case to look at
"""

from __future__ import annotations

import importlib
import sys
from collections.abc import Callable
from pathlib import Path

Builder = Callable[[Path], None]
BUILDERS: dict[str, Builder] = {}
MODULES = ("tests.hostile.make_text", "tests.hostile.make_zip", "tests.hostile.make_xlsx")

HEADER = (
    'questionnaire: readiness-iso20000-2018\nquestionnaire_version: "1.0"\nclient: {name: Acme}\n'
)


def builder(function: Builder) -> Builder:
    """Register ``function`` under its name."""
    BUILDERS[function.__name__] = function
    return function


def all_builders() -> dict[str, Builder]:
    """Every builder, by name."""
    for module in MODULES:
        importlib.import_module(module)
    return BUILDERS


def build(name: str, path: Path) -> Path:
    """Write case ``name`` at ``path``."""
    all_builders()[name](path)
    return path


if __name__ == "__main__":  # pragma: no cover
    # Through the package, not this __main__ copy, whose registry the builders do not fill.
    from tests.hostile.generate import build as build_case

    build_case(sys.argv[1], Path(sys.argv[2]))
