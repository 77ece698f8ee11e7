"""readiness: ISO/IEC 20000-1 certification readiness from a client's answered questionnaire.

The library API: the jobs the command line offers (assess files into a folder, plan, compare,
a portfolio run, questionnaire export and conversion) and the pieces under them (load the data,
load answers, assess).

>>> from readiness import load_data, assess_files, make_plans
>>> data = load_data()
"""

from __future__ import annotations

import importlib
import os

# python-docx brings lxml, and openpyxl switches its XML writer and parser to lxml when it finds
# it. Our workbooks are written and read (hostile files included) through the standard library
# path that the tests pin down; keep openpyxl on it unless the user chose otherwise.
os.environ.setdefault("OPENPYXL_LXML", "False")

from readiness.version import __version__

_HOMES = {
    "InputError": "readiness.errors",
    "ReadinessError": "readiness.errors",
    "assess": "readiness.scoring.assess",
    "load_answers": "readiness.inputs.answers",
    "load_catalogue": "readiness.data.catalogue",
    "load_scoring": "readiness.data.catalogue",
    "load_questionnaire": "readiness.data.questionnaire",
    "Data": "readiness.jobs.context",
    "load_data": "readiness.jobs.context",
    "assessment_of": "readiness.jobs.context",
    "assess_files": "readiness.jobs.assess",
    "assess_into_folder": "readiness.jobs.assess",
    "make_plans": "readiness.jobs.plan",
    "plan_into_folder": "readiness.jobs.plan",
    "compare_files": "readiness.jobs.compare",
    "compare_into_folder": "readiness.jobs.compare",
    "run_portfolio": "readiness.jobs.portfolio",
    "make_guide": "readiness.jobs.guide",
    "guide_into_folder": "readiness.jobs.guide",
    "what_if_files": "readiness.jobs.whatif",
    "what_if": "readiness.planning.whatif",
    "export_questionnaire": "readiness.jobs.questionnaire",
    "convert_answers": "readiness.jobs.questionnaire",
}
"""Where each public name lives; they load on first use, so that ``readiness --version`` does
not pay for pydantic and PyYAML."""

__all__ = ["__version__", *sorted(_HOMES)]


def __getattr__(name: str) -> object:
    if name in _HOMES:
        return getattr(importlib.import_module(_HOMES[name]), name)
    raise AttributeError(f"module 'readiness' has no attribute {name!r}")
