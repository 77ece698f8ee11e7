"""The one Jinja environment factory of the reports: templates from ``templates/report``.

HTML is autoescaped; Markdown gets an ``md`` filter that makes client text inert. Both use
``StrictUndefined`` so a misspelt name in a template fails loudly instead of printing nothing.
"""

from __future__ import annotations

import re
from functools import cache
from typing import Literal

import jinja2

from readiness.paths import templates_dir

TemplateKind = Literal["html", "md"]

# Characters that Markdown or an HTML-capable Markdown viewer would act on.
_MD_SPECIAL = re.compile(r"([\\`*_\[\]|#!~])")
_MD_HTML = {"&": "&amp;", "<": "&lt;", ">": "&gt;"}


def markdown_text(value: object) -> str:
    """``value`` as inert Markdown: specials escaped, HTML neutralised, one line."""
    text = re.sub(r"\s*[\r\n]+\s*", " ", str(value)).strip()
    text = "".join(_MD_HTML.get(char, char) for char in text)
    return _MD_SPECIAL.sub(r"\\\1", text)


@cache
def environment(kind: TemplateKind) -> jinja2.Environment:
    """The environment for ``kind`` (built once per process)."""
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(templates_dir() / "report"),
        autoescape=kind == "html",
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters["md"] = markdown_text
    return env
