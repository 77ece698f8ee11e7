"""The one Jinja environment factory of the reports: templates from ``templates/report``.

HTML is autoescaped; Markdown gets an ``md`` filter that makes client text inert. Both use
``StrictUndefined`` so a misspelt name in a template fails loudly instead of printing nothing.

Every value a template prints, filtered or not, also passes :func:`_finalize_html` or
:func:`_finalize_markdown`: control and bidirectional characters and noncharacters are dropped,
and in Markdown ``<`` and ``>`` become entities, so no name from a plan configuration or a
saved assessment can carry raw HTML or drive a terminal, whichever template prints it.
"""

from __future__ import annotations

import contextlib
import re
from functools import cache
from pathlib import Path
from typing import Literal

import jinja2
import jinja2.bccache
from jinja2.sandbox import ImmutableSandboxedEnvironment
from markupsafe import Markup

from readiness.data.cache import cache_folder, safe_folder
from readiness.errors import InputError, Problem
from readiness.paths import templates_dir
from readiness.render.text import document_text

TemplateKind = Literal["html", "md"]

# Characters that Markdown or an HTML-capable Markdown viewer would act on.
_MD_SPECIAL = re.compile(r"([\\`*_\[\]|#!~])")
_MD_HTML = {"&": "&amp;", "<": "&lt;", ">": "&gt;"}


def markdown_text(value: object) -> str:
    """``value`` as inert Markdown: specials escaped, HTML neutralised, one line."""
    text = re.sub(r"\s*[\r\n]+\s*", " ", str(value)).strip()
    text = "".join(_MD_HTML.get(char, char) for char in text)
    return _MD_SPECIAL.sub(r"\\\1", text)


def _finalize_html(value: object) -> object:
    if isinstance(value, Markup):
        return Markup(document_text(str(value)))
    return document_text(value) if isinstance(value, str) else value


_MD_TAGS = {"<": "&lt;", ">": "&gt;"}


def _finalize_markdown(value: object) -> object:
    """Idempotent (text printed twice, through a macro, is not escaped twice): no template
    writes ``<`` or ``>`` itself."""
    if not isinstance(value, str):
        return value
    return re.sub("[<>]", lambda found: _MD_TAGS[found.group()], document_text(value))


class _QuietBytecodeCache(jinja2.FileSystemBytecodeCache):
    """Compiled templates kept between runs; a cache that cannot be read or written is skipped.

    Compiling the report templates costs more than rendering them. The cache is keyed by each
    template's source checksum, so an edited template is compiled again.
    """

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        try:
            super().load_bytecode(bucket)
        except Exception:  # a damaged or unreadable cache file: compile instead
            bucket.reset()

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        # A read-only home or a full disk: the next run compiles again.
        with contextlib.suppress(OSError):
            super().dump_bytecode(bucket)


_COMPILED_AS = "finalized-1"
"""Part of the cache folder's name: a change in how templates compile (the environment's
``finalize``) must not load code compiled the old way from the same template source."""


def _bytecode_cache() -> jinja2.BytecodeCache | None:
    """The compiled templates' cache, in the catalogue's cache folder (:func:`cache_folder`:
    the user's, never ``--out``), or None when the cache is off or the folder is not only this
    user's to write (compiled templates are code: a planted one would run)."""
    root = cache_folder()
    if root is None:
        return None
    folder = root / f"jinja-{jinja2.__version__}-{_COMPILED_AS}"
    try:
        folder.mkdir(parents=True, exist_ok=True)
        if not (safe_folder(root) and safe_folder(folder)):
            return None
    except OSError:
        return None
    return _QuietBytecodeCache(str(folder))


@cache
def environment(kind: TemplateKind, overrides: Path | None = None) -> jinja2.Environment:
    """The environment for ``kind`` (built once per process and ``overrides`` folder).

    With ``overrides`` (a consultant's ``--templates`` folder) a file there replaces the
    shipped one of the same name, and every template renders in Jinja's immutable sandbox:
    a consultant's template is not trusted to call into Python or change our data.
    """
    shipped = jinja2.FileSystemLoader(templates_dir() / "report")
    if overrides is not None:
        loader: jinja2.BaseLoader = jinja2.ChoiceLoader(
            [jinja2.FileSystemLoader(overrides), shipped]
        )
        factory: type[jinja2.Environment] = ImmutableSandboxedEnvironment
    else:
        loader, factory = shipped, jinja2.Environment
    env = factory(
        loader=loader,
        bytecode_cache=None if overrides is not None else _bytecode_cache(),
        autoescape=kind == "html",
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        finalize=_finalize_html if kind == "html" else _finalize_markdown,
    )
    env.filters["md"] = markdown_text
    return env


def render_template(env: jinja2.Environment, name: str, **context: object) -> str:
    """``name`` rendered with ``context``; a broken or unsafe template is an input error.

    Only a consultant's template can fail here (ours are tested), so the message names the
    template file and, for a syntax error, its line.
    """
    try:
        return env.get_template(name).render(**context)
    except jinja2.TemplateSyntaxError as error:
        where = error.filename or name
        raise InputError(where, [Problem(f"line {error.lineno}", error.message or "")]) from None
    except jinja2.TemplateError as error:
        raise InputError(name, [Problem("template", str(error))]) from None
