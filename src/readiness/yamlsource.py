"""Safe YAML loading that remembers where every value came from.

Client files are untrusted. Instead of letting PyYAML build the document recursively (the C
composer crashes the interpreter on deeply nested input), the document is built here from the
parser's event stream, iteratively, with bounds on size, depth and node count. Aliases are
refused (they are how "billion laughs" files blow up), duplicate keys are reported instead of
silently keeping the last one, and the line of every key and item is kept so that validation
errors can name it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from readiness.errors import InputError, Problem

Loader: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

MAX_BYTES = 5 * 1024 * 1024
"""Largest YAML file read, in bytes; a filled questionnaire is about 100 KiB."""
MAX_DEPTH = 32
"""Deepest nesting of mappings and sequences accepted."""
MAX_NODES = 250_000
"""Most scalars, mappings and sequences in one document."""

Path_ = tuple[str | int, ...]


@dataclass
class YamlDocument:
    """A parsed YAML document with the line (1-based) of every key or item in it."""

    source: str
    data: Any
    lines: dict[Path_, int] = field(default_factory=dict)

    def line_of(self, location: Sequence[str | int]) -> int | None:
        """The line of the deepest part of ``location`` that exists in the file."""
        parts = tuple(location)
        while parts:
            line = self.lines.get(parts)
            if line is not None:
                return line
            parts = parts[:-1]
        return self.lines.get(())

    def place(self, location: Sequence[str | int]) -> str:
        """``line N, a → b → c`` for a location inside the document."""
        line = self.line_of(location)
        where = " → ".join(str(part) for part in location)
        if line is None:
            return where
        return f"line {line}, {where}" if where else f"line {line}"


def read_text(path: Path, *, max_bytes: int = MAX_BYTES) -> str:
    """Read a UTF-8 text file (a byte-order mark is allowed), refusing what is not one."""
    source = str(path)
    if path.is_dir():
        raise InputError(source, [Problem("", "this is a folder, not a file")])
    try:
        size = path.stat().st_size
        if size > max_bytes:
            limit = max_bytes // (1024 * 1024)
            raise InputError(
                source, [Problem("", f"the file is {size:,} bytes; the limit is {limit} MiB")]
            )
        raw = path.read_bytes()
    except FileNotFoundError:
        raise InputError(source, [Problem("", "the file does not exist")]) from None
    except PermissionError:
        raise InputError(
            source, [Problem("", "the file cannot be read (permission denied)")]
        ) from None
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        message = f"the file is not UTF-8 text (byte {error.start + 1}); save it as UTF-8"
        raise InputError(source, [Problem(f"line {line}", message)]) from None


def load_yaml_file(path: Path, *, max_bytes: int = MAX_BYTES) -> YamlDocument:
    """Read and parse one YAML file."""
    return parse_yaml(read_text(path, max_bytes=max_bytes), str(path))


class _Frame:
    __slots__ = ("container", "key", "key_line", "key_lines", "path")

    def __init__(self, container: dict[Any, Any] | list[Any], path: Path_) -> None:
        self.container = container
        self.path = path
        self.key: Any = _NO_KEY
        self.key_line = 0
        self.key_lines: dict[Any, int] = {}


_NO_KEY = object()
_PLAIN_COLLECTION_TAGS = {None, "!", "tag:yaml.org,2002:seq", "tag:yaml.org,2002:map"}


def parse_yaml(text: str, source: str) -> YamlDocument:
    """Parse one YAML document from text; raise :class:`InputError` naming the line if bad."""
    if not text.strip():
        raise InputError(source, [Problem("", "the file is empty")])
    builder = _Builder(source)
    loader = Loader(text)
    try:
        while True:
            event = loader.get_event()  # type: ignore[no-untyped-call]
            if isinstance(event, yaml.StreamEndEvent):
                break
            builder.feed(loader, event)
    except yaml.constructor.ConstructorError as error:
        mark = error.problem_mark
        place = f"line {mark.line + 1}" if mark else ""
        message = f"unsupported YAML tag {error.problem or ''}".strip()
        raise InputError(source, [Problem(place, message)]) from None
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        place = f"line {mark.line + 1}, column {mark.column + 1}" if mark else ""
        what = error.problem or error.context or "invalid YAML"
        raise InputError(source, [Problem(place, f"YAML syntax error: {what}")]) from None
    except yaml.YAMLError as error:
        raise InputError(source, [Problem("", f"YAML error: {error}")]) from None
    finally:
        loader.dispose()
    if builder.problems:
        raise InputError(source, builder.problems)
    return YamlDocument(source, builder.root, builder.lines)


class _Builder:
    """Turns parser events into plain Python data, one event at a time."""

    def __init__(self, source: str) -> None:
        self.source = source
        self.stack: list[_Frame] = []
        self.root: Any = None
        self.lines: dict[Path_, int] = {}
        self.problems: list[Problem] = []
        self.documents = 0
        self.nodes = 0
        self.scalars: dict[tuple[Any, ...], Any] = {}

    def fail(self, line: int, message: str) -> None:
        raise InputError(self.source, [Problem(f"line {line}", message)])

    def feed(self, loader: yaml.SafeLoader, event: yaml.Event) -> None:
        line = event.start_mark.line + 1 if event.start_mark else 0
        if isinstance(event, yaml.ScalarEvent):
            self.nodes += 1
            if self.nodes > MAX_NODES:
                self.fail(line, f"the document has more than {MAX_NODES:,} values")
            self.attach(self.scalar(loader, event), line)
            return
        if isinstance(event, yaml.DocumentStartEvent):
            self.documents += 1
            if self.documents > 1:
                self.fail(line, "the file holds more than one YAML document (a second '---')")
            return
        if isinstance(event, yaml.AliasEvent):
            self.fail(line, "YAML aliases (*name) are not accepted; write the value out in full")
        if isinstance(event, yaml.SequenceStartEvent | yaml.MappingStartEvent):
            self.nodes += 1
            if self.nodes > MAX_NODES:
                self.fail(line, f"the document has more than {MAX_NODES:,} values")
            if event.tag not in _PLAIN_COLLECTION_TAGS:
                self.fail(line, f"unsupported YAML tag {event.tag}")
            if len(self.stack) >= MAX_DEPTH:
                self.fail(line, f"the document is nested more than {MAX_DEPTH} levels deep")
            container: dict[Any, Any] | list[Any] = (
                [] if isinstance(event, yaml.SequenceStartEvent) else {}
            )
            path = self.attach(container, line)
            self.stack.append(_Frame(container, path))
        elif isinstance(event, yaml.SequenceEndEvent | yaml.MappingEndEvent):
            self.stack.pop()

    def scalar(self, loader: yaml.SafeLoader, event: yaml.ScalarEvent) -> Any:
        # Answer files repeat a few values ("L", "yes", owners' names) thousands of times;
        # scalars are immutable, so each distinct one is constructed once per document.
        key = (event.tag, event.value, event.implicit, event.style)
        if key in self.scalars:
            return self.scalars[key]
        tag = event.tag
        if tag is None or tag == "!":
            tag = loader.resolve(yaml.ScalarNode, event.value, event.implicit)  # type: ignore[no-untyped-call]
        node = yaml.ScalarNode(tag, event.value, style=event.style)
        node.start_mark = event.start_mark
        value = loader.construct_object(node)  # unknown tags raise ConstructorError
        self.scalars[key] = value
        return value

    def attach(self, value: Any, line: int) -> Path_:
        if not self.stack:
            self.root = value
            self.lines[()] = line
            return ()
        top = self.stack[-1]
        if isinstance(top.container, list):
            path = (*top.path, len(top.container))
            top.container.append(value)
            self.lines[path] = line
            return path
        if top.key is _NO_KEY:
            if isinstance(value, dict | list):
                self.fail(line, "a mapping or list cannot be used as a key")
            if value is None:
                value = "null"
            top.key, top.key_line = value, line
            return top.path
        key, key_line = top.key, top.key_line
        top.key = _NO_KEY
        path = (*top.path, key)
        if key in top.key_lines:
            first = top.key_lines[key]
            self.problems.append(
                Problem(f"line {key_line}", f"'{key}' appears twice (first on line {first})")
            )
        top.key_lines[key] = key_line
        top.container[key] = value
        self.lines[path] = key_line
        return path
