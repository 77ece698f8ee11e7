"""The ``method init`` job: a commented starting point for a consultant's method folder."""

from __future__ import annotations

from pathlib import Path

from readiness.data.method import FILES
from readiness.paths import templates_dir


def starter_files() -> dict[str, str]:
    """The files ``method init`` writes, by name: ``method.yaml`` and a commented example of
    every other file (``templates/method/``)."""
    folder = templates_dir() / "method"
    return {name: (folder / name).read_text(encoding="utf-8") for name in FILES}


def init_method(folder: Path, *, force: bool = False) -> list[Path]:
    """Write the starting point into ``folder`` (created if needed). A file already there is
    replaced only with ``force`` (OutputError naming it otherwise); all are written together."""
    from readiness.outputs.writing import refuse_existing, write_outputs

    files = starter_files()
    if not force:
        for name in files:
            refuse_existing(folder / name)
    return write_outputs(folder, files)
