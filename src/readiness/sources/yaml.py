"""Safe YAML loading that remembers where every value came from.

Client files are untrusted. Instead of letting PyYAML build the document recursively (the C
composer crashes the interpreter on deeply nested input), the document is built here from the
parser's event stream, iteratively, with bounds on size, depth and node count. Aliases are
refused (they are how "billion laughs" files blow up), duplicate keys are reported instead of
silently keeping the last one, and the line of every key and item is kept so that validation
errors can name it.
"""

from __future__ import annotations

import codecs
import stat
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, NoReturn, cast

import yaml

from readiness.errors import InputError, Problem

Loader: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

MAX_BYTES = 5 * 1024 * 1024
"""Largest YAML file read, in bytes; a filled questionnaire is about 100 KiB."""
MAX_KEY_COLUMN = 1024
"""Longest key YAML reads without quotes or braces (a simple key, YAML 1.1 §9.1.1)."""
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
    """Read a text file as YAML allows it: UTF-8 (a byte-order mark is allowed), or UTF-16 or
    UTF-32 that starts with a byte-order mark. Refuse, with a hint, what is not text."""
    source = str(path)
    if path.is_dir():
        raise InputError(source, [Problem("", "this is a folder, not a file")])
    try:
        status = path.stat()
        if not stat.S_ISREG(status.st_mode):
            # A pipe would block the run and a device such as /dev/zero never ends.
            raise InputError(source, [Problem("", "this is not a file but a device or a pipe")])
        size = status.st_size
        if size > max_bytes:
            limit = max_bytes // (1024 * 1024)
            raise InputError(
                source, [Problem("", f"the file is {size:,} bytes; the limit is {limit} MiB")]
            )
        with path.open("rb") as stream:
            raw = stream.read(max_bytes + 1)  # the file may grow while it is read
        if len(raw) > max_bytes:
            limit = max_bytes // (1024 * 1024)
            raise InputError(source, [Problem("", f"the file is over the limit of {limit} MiB")])
    except FileNotFoundError:
        raise InputError(source, [Problem("", "the file does not exist")]) from None
    except PermissionError:
        raise InputError(
            source, [Problem("", "the file cannot be read (permission denied)")]
        ) from None
    except OSError as error:
        raise InputError(
            source, [Problem("", f"the file cannot be read ({error.strerror or error})")]
        ) from None
    return decode_text(raw, source)


_BOMS = (
    # UTF-32 first: its little-endian mark starts with UTF-16's.
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_SIGNATURES = (
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"%PDF-", "a PDF document"),
    (b"PK\x03\x04", "a zip archive (an Excel workbook needs the .xlsx extension)"),
    (bytes.fromhex("d0cf11e0a1b11ae1"), "an old Office document (.xls or .doc)"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"\x7fELF", "a program"),
    (b"MZ", "a Windows program"),
)


def decode_text(raw: bytes, source: str) -> str:
    """The text of a file's bytes (see :func:`read_text`), or an :class:`InputError`."""
    for bom, codec in _BOMS:
        if raw.startswith(bom):
            try:
                return raw.decode(codec).removeprefix("\ufeff")
            except UnicodeDecodeError as error:
                message = (
                    f"the file starts as {codec.upper()} but is damaged (byte {error.start + 1})"
                )
                raise InputError(source, [Problem("", message + "; save it as UTF-8")]) from None
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        _refuse_binary(raw, source)
        line = raw[: error.start].count(b"\n") + 1
        message = f"the file is not UTF-8 text (byte {error.start + 1}); save it as UTF-8"
        raise InputError(source, [Problem(f"line {line}", message)]) from None
    if "\0" in text:
        _refuse_binary(raw, source)
    return text


def _refuse_binary(raw: bytes, source: str) -> None:
    """Name what a file that is not UTF-8 text most likely is, if it can be told."""
    for signature, what in _SIGNATURES:
        if raw.startswith(signature):
            raise InputError(source, [Problem("", f"this is {what}, not a YAML answer file")])
    head = raw[:512]
    if len(head) >= 4 and head.count(b"\0") * 3 >= len(head):
        message = "the file looks like UTF-16 text without a byte-order mark; save it as UTF-8"
        raise InputError(source, [Problem("", message)])


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


def _unreadable(tag: str, value: str) -> str:
    shown = value if len(value) <= 40 else value[:37] + "..."
    if tag.endswith(":timestamp"):
        return f"'{shown}' is not a valid date; write it as YYYY-MM-DD"
    if tag.endswith(":int"):
        return f"'{shown}' is a number of {len(value):,} digits, too long to be read"
    return f"'{shown}' cannot be read as a value of type {tag.rsplit(':', 1)[-1]}"


_BOOL_TAG = "tag:yaml.org,2002:bool"
_STR_TAG = "tag:yaml.org,2002:str"
_PLAIN_COLLECTION_TAGS = {None, "!", "tag:yaml.org,2002:seq", "tag:yaml.org,2002:map"}
_PLAIN_SCALAR_TAGS = {
    f"tag:yaml.org,2002:{name}" for name in ("str", "int", "float", "bool", "null", "timestamp")
}


def _tag_problem(tag: str) -> str:
    """Why a YAML tag (``!!python/object``, ``!include``, ``<<``) is refused."""
    if tag == "tag:yaml.org,2002:merge":
        return "the YAML merge key '<<' is not accepted; write the keys out in full"
    short = tag.replace("tag:yaml.org,2002:", "!!")
    return f"unsupported YAML tag '{short}': write the plain value, without a tag"


def parse_yaml(text: str, source: str) -> YamlDocument:
    """Parse one YAML document from text; raise :class:`InputError` naming the line if bad."""
    if not text.strip():
        raise InputError(source, [Problem("", "the file is empty")])
    builder = _Builder(source)
    loader = Loader(text)
    get_event = loader.get_event
    feed = builder.feed
    try:
        while True:
            event = get_event()  # type: ignore[no-untyped-call]
            if type(event) is yaml.StreamEndEvent:
                break
            feed(loader, event)
    except yaml.constructor.ConstructorError as error:
        mark = error.problem_mark
        place = f"line {mark.line + 1}" if mark else ""
        message = f"unsupported YAML tag {error.problem or ''}".strip()
        raise InputError(source, [Problem(place, message)]) from None
    except yaml.reader.ReaderError as error:
        raise InputError(source, [_reader_problem(text, error)]) from None
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        if mark and "nesting depth" in (error.problem or ""):
            # libyaml 0.2.5 as bundled since PyYAML 6.0.4 stops deep nesting itself.
            deep = f"the document is nested more than {MAX_DEPTH} levels deep"
            raise InputError(source, [Problem(f"line {mark.line + 1}", deep)]) from None
        place = f"line {mark.line + 1}, column {mark.column + 1}" if mark else ""
        what = error.problem or error.context or "invalid YAML"
        if mark and mark.column > MAX_KEY_COLUMN and "mapping values" in what:
            # YAML reads a key only within its first 1,024 characters (a "simple key").
            raise InputError(source, [Problem(f"line {mark.line + 1}", (
                f"a key longer than YAML allows ({MAX_KEY_COLUMN:,} characters) ends at "
                f"column {mark.column + 1:,}: shorten it"))]) from None  # fmt: skip
        raise InputError(source, [Problem(place, f"YAML syntax error: {what}")]) from None
    except yaml.YAMLError as error:
        raise InputError(source, [Problem("", f"YAML error: {error}")]) from None
    finally:
        loader.dispose()
    if builder.problems:
        raise InputError(source, builder.problems)
    if builder.root is None:
        raise InputError(source, [Problem("", "the file is empty (it holds only comments)")])
    return YamlDocument(source, builder.root, builder.lines)


def _reader_problem(text: str, error: yaml.reader.ReaderError) -> Problem:
    """A character YAML does not allow (NUL, other control characters), with its line."""
    position = min(max(error.position, 0), len(text))
    line = text.count("\n", 0, position) + 1
    column = position - (text.rfind("\n", 0, position) + 1) + 1
    code = ord(text[position]) if position < len(text) else error.character
    message = (
        f"the file holds a control character (U+{code:04X}) that YAML does not allow; "
        "remove it, or save the file again as plain UTF-8 text"
    )
    return Problem(f"line {line}, column {column}", message)


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

    def fail(self, line: int, message: str) -> NoReturn:
        raise InputError(self.source, [Problem(f"line {line}", message)])

    def expects_key(self) -> bool:
        return (
            bool(self.stack)
            and isinstance(self.stack[-1].container, dict)
            and (self.stack[-1].key is _NO_KEY)
        )

    def feed(self, loader: yaml.SafeLoader, event: yaml.Event) -> None:
        # Called once per event (thousands per answer file): exact type tests, not isinstance.
        line = event.start_mark.line + 1 if event.start_mark else 0
        kind = type(event)
        if kind is yaml.ScalarEvent:
            scalar = cast(yaml.ScalarEvent, event)
            self.nodes += 1
            if self.nodes > MAX_NODES:
                self.fail(line, f"the document has more than {MAX_NODES:,} values")
            value = self.scalar(loader, scalar)
            if type(value) is not str and self.expects_key():
                # Keys are names: `yes:`, `1:` or `2026-01-01:` mean the text as written, and
                # `1` and `true` must not collide as the same Python key.
                value = scalar.value or "null"
            self.attach(value, line)
            return
        if kind is yaml.MappingEndEvent or kind is yaml.SequenceEndEvent:
            self.stack.pop()
            return
        if kind is yaml.DocumentStartEvent:
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
                self.fail(line, _tag_problem(str(event.tag)))
            if len(self.stack) >= MAX_DEPTH:
                self.fail(line, f"the document is nested more than {MAX_DEPTH} levels deep")
            container: dict[Any, Any] | list[Any] = (
                [] if isinstance(event, yaml.SequenceStartEvent) else {}
            )
            path = self.attach(container, line)
            self.stack.append(_Frame(container, path))

    def scalar(self, loader: yaml.SafeLoader, event: yaml.ScalarEvent) -> Any:
        # Answer files repeat a few values ("L", "yes", owners' names) thousands of times;
        # scalars are immutable, so each distinct one is constructed once per document.
        key = (event.tag, event.value, event.implicit, event.style)
        known = self.scalars.get(key, _NO_KEY)
        if known is not _NO_KEY:
            return known
        tag = event.tag
        if tag is None or tag == "!":
            tag = loader.resolve(yaml.ScalarNode, event.value, event.implicit)  # type: ignore[no-untyped-call]
            if tag == _BOOL_TAG and event.value.lower() not in ("true", "false"):
                # YAML 1.1 reads yes, no, on, off as booleans; kept as written, a message can
                # say "'no' is not a rating" (and the models read yes and no as words).
                tag = _STR_TAG
        if tag == _STR_TAG:  # most values: the text as written, as the constructor gives it
            self.scalars[key] = event.value
            return event.value
        line = event.start_mark.line + 1 if event.start_mark else 0
        if tag not in _PLAIN_SCALAR_TAGS:
            self.fail(line, _tag_problem(str(tag)))
        node = yaml.ScalarNode(tag, event.value, style=event.style)
        node.start_mark = event.start_mark
        try:
            value = loader.construct_object(node)  # unknown tags raise ConstructorError
        except (ValueError, OverflowError):
            # An impossible date (2026-13-45) or an integer of thousands of digits.
            self.fail(line, _unreadable(str(tag), event.value))
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
