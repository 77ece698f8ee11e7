"""readiness: ISO/IEC 20000-1 certification readiness from a client's answered questionnaire.

The library API: load the catalogue and the question bank, load answers, assess.

>>> from readiness import load_catalogue, load_questionnaire, load_scoring, load_answers, assess
"""

from __future__ import annotations

import os

# python-docx brings lxml, and openpyxl switches its XML writer and parser to lxml when it finds
# it. Our workbooks are written and read (hostile files included) through the standard library
# path that the tests pin down; keep openpyxl on it unless the user chose otherwise.
os.environ.setdefault("OPENPYXL_LXML", "False")

__version__ = "0.1.0"

__all__ = [
    "InputError",
    "ReadinessError",
    "__version__",
    "assess",
    "load_answers",
    "load_catalogue",
    "load_questionnaire",
    "load_scoring",
]


def __getattr__(name: str) -> object:
    # Lazy re-exports: `readiness --version` must not pay for pydantic and PyYAML.
    if name in {"InputError", "ReadinessError"}:
        from readiness import errors

        return getattr(errors, name)
    if name == "assess":
        from readiness.scoring.assess import assess

        return assess
    if name == "load_answers":
        from readiness.inputs.answers import load_answers

        return load_answers
    if name in {"load_catalogue", "load_scoring"}:
        from readiness.data import catalogue

        return getattr(catalogue, name)
    if name == "load_questionnaire":
        from readiness.data.questionnaire import load_questionnaire

        return load_questionnaire
    raise AttributeError(name)
