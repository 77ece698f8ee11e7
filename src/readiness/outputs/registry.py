"""The one registry of output formats: for each document, every format it can be written in,
the file name it gets and the renderer that makes it, instead of a chain of ifs per command.

A renderer takes the document's *subject* (the finished result and what it is read with:
catalogue, language, …) and returns the file's content; nothing is written here. Renderers
import their modules when called, so that the command line starts without them.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from enum import StrEnum
from typing import Generic, TypeVar

Format = TypeVar("Format", bound=StrEnum)
Subject = TypeVar("Subject")
Content = str | bytes


@dataclass(frozen=True)
class Output(Generic[Subject]):
    """One format of a document: the file it is written to and how it is made."""

    file_name: str
    render: Callable[[Subject], Content]


@dataclass(frozen=True)
class Document(Generic[Format, Subject]):
    """A document (gap report, progress report, plan) and the formats it comes in."""

    name: str
    outputs: Mapping[Format, Output[Subject]]

    def file_name(self, output: Format) -> str:
        """The file ``output`` is written to."""
        return self.outputs[output].file_name

    def render(self, subject: Subject, formats: Sequence[Format]) -> dict[Format, Content]:
        """Every requested format of ``subject``, in the order asked, in memory."""
        return {output: self.outputs[output].render(subject) for output in formats}


ALIASES = {"markdown": "md", "excel": "xlsx", "msproject": "mspdi", "xml": "mspdi", "word": "docx"}
"""Other names people use for a format."""


def parse_formats(value: str, choices: type[Format]) -> list[Format]:
    """``"html,md"`` → the formats, in the order given, without repeats.

    Raises ValueError naming the first word that is not one of ``choices``.
    """
    formats: list[Format] = []
    for word in (part.strip().lower() for part in value.split(",") if part.strip()):
        word = ALIASES.get(word, word)
        try:
            chosen = choices(word)
        except ValueError:
            names = ", ".join(c.value for c in choices)
            raise ValueError(f"'{word}' is not a format; use {names}") from None
        if chosen not in formats:
            formats.append(chosen)
    if not formats:
        raise ValueError("no format given")
    return formats
