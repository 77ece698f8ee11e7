"""Where the shipped data folders are: the one place that knows."""

from __future__ import annotations

from functools import cache
from pathlib import Path

DATA_FOLDERS = ("clauses", "questionnaires", "templates", "plans")


@cache
def data_root() -> Path:
    """Return the folder that holds ``clauses/``, ``questionnaires/`` and ``templates/``.

    An installed wheel carries them in ``readiness/_data``; a source checkout (editable
    install, tests) has them at the top of the repository, two levels above this package.
    """
    package = Path(__file__).resolve().parent
    bundled = package / "_data"
    if (bundled / "clauses").is_dir():
        return bundled
    checkout = package.parent.parent
    if (checkout / "clauses").is_dir():
        return checkout
    raise FileNotFoundError(f"readiness data folders not found in {bundled} or {checkout}")


def clauses_dir() -> Path:
    """The shipped catalogue of the standard."""
    return data_root() / "clauses"


def questionnaires_dir() -> Path:
    """The shipped question bank and examples."""
    return data_root() / "questionnaires"


def templates_dir() -> Path:
    """The shipped report templates and labels."""
    return data_root() / "templates"


def plans_dir() -> Path:
    """The shipped defaults of the certification project plan (phases, efforts, costs)."""
    return data_root() / "plans"
