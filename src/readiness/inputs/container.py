"""Checks on a workbook file before any XML in it is parsed.

An .xlsx file is a zip of XML parts. A hostile one can be a zip bomb (a few kilobytes that
inflate to gigabytes) or not a workbook at all; a password-protected workbook is an OLE
container with the zip encrypted inside. All of these are refused here, from the zip
directory alone, before openpyxl reads anything. openpyxl parses the XML with defusedxml
(installed as a dependency), which refuses entity expansion attacks.

The file is read once, and the bytes checked here are the bytes parsed: a file swapped
between the checks and the parse cannot slip through.
"""

from __future__ import annotations

import io
import os
import re
import stat
import zipfile
from collections import Counter
from collections.abc import Callable
from pathlib import Path

from readiness.errors import InputError, Problem

MAX_FILE_BYTES = 20 * 1024 * 1024
"""Largest workbook file read; a filled questionnaire is about 100 KiB."""
MAX_UNPACKED_BYTES = 100 * 1024 * 1024
"""Largest total size of the workbook's parts once inflated."""
MAX_PARTS = 2000
"""Most parts (files) inside the workbook's zip."""
MAX_RATIO = 200
"""Largest inflation ratio of a single part (XML compresses well, but not 1000 to 1)."""

OLE_SIGNATURE = bytes.fromhex("d0cf11e0a1b11ae1")


def check_container(path: Path) -> bytes:
    """The bytes of ``path``, refused unless they are a safe, plain .xlsx workbook (naming why).

    Parse the bytes returned, never the path again."""

    def refuse(message: str) -> InputError:
        return InputError(str(path), [Problem("", message)])

    data, size = _read_bytes(path, refuse)
    size = max(size, len(data))
    if size > MAX_FILE_BYTES:
        raise refuse(f"the workbook is {size:,} bytes; the limit is {MAX_FILE_BYTES // 2**20} MiB")
    head = data[:8]
    if head == OLE_SIGNATURE:
        raise refuse(_ole_message(path, data))
    if not zipfile.is_zipfile(io.BytesIO(data)):
        if path.suffix.lower() in OPENDOCUMENT_SUFFIXES:
            raise refuse(OPENDOCUMENT_MESSAGE)
        if head.startswith(b"PK\x03\x04"):
            raise refuse(
                "the workbook is incomplete or damaged (its zip directory is missing): "
                "download or save it again"
            )
        raise refuse("this is not an Excel workbook (.xlsx): it is not a zip container")
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            parts = archive.infolist()
    except (zipfile.BadZipFile, OSError) as error:
        raise refuse(f"the workbook is damaged ({error})") from None
    if not any(part.filename.startswith("xl/workbook") for part in parts) and (
        path.suffix.lower() in OPENDOCUMENT_SUFFIXES or _is_opendocument(data, parts)
    ):
        raise refuse(OPENDOCUMENT_MESSAGE)
    _check_parts(parts, refuse)
    return data


def _read_bytes(path: Path, refuse: Callable[[str], InputError]) -> tuple[bytes, int]:
    """The bytes of a regular file (none past the limit) and its size, read once."""
    if path.is_dir():
        raise refuse("this is a folder, not a file")
    try:
        if not stat.S_ISREG(path.stat().st_mode):  # before opening: a pipe would block
            raise refuse("this is not a file but a device or a pipe")
        flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
        with os.fdopen(os.open(path, flags), "rb") as stream:
            status = os.fstat(stream.fileno())
            if not stat.S_ISREG(status.st_mode):  # swapped since the check above
                raise refuse("this is not a file but a device or a pipe")
            size = status.st_size
            data = stream.read(MAX_FILE_BYTES + 1) if size <= MAX_FILE_BYTES else b""
    except FileNotFoundError:
        raise refuse("the file does not exist") from None
    except PermissionError:
        raise refuse("the file cannot be read (permission denied)") from None
    except OSError as error:
        raise refuse(f"the file cannot be read ({error.strerror})") from None
    return data, size


def _check_parts(parts: list[zipfile.ZipInfo], refuse: Callable[[str], InputError]) -> None:
    """Refuse a workbook whose parts are too many, doubled, outside the archive, not a
    workbook's, a zip bomb or encrypted."""
    if len(parts) > MAX_PARTS:
        raise refuse(f"the workbook holds {len(parts):,} parts; the limit is {MAX_PARTS:,}")
    names = {part.filename for part in parts}
    if len(names) < len(parts):
        counted = Counter(part.filename for part in parts)
        twice = next(name for name, count in counted.items() if count > 1)
        raise refuse(
            f"the workbook holds two parts named {twice!r} (Excel never writes such a file "
            "and refuses to open it): it was damaged or tampered with and is refused"
        )
    unsafe = next((name for name in sorted(names) if not _safe_name(name)), None)
    if unsafe is not None:
        raise refuse(
            f"the workbook holds a part named {unsafe!r}, a path that leads outside the "
            "workbook (Excel never writes one): the file was tampered with and is refused"
        )
    if "[Content_Types].xml" not in names or not any(n.startswith("xl/workbook") for n in names):
        raise refuse("this is a zip file but not an Excel workbook (.xlsx)")
    total = sum(part.file_size for part in parts)
    if total > MAX_UNPACKED_BYTES:
        raise refuse(
            f"the workbook inflates to {total:,} bytes (limit {MAX_UNPACKED_BYTES // 2**20} MiB): "
            "it may be a zip bomb"
        )
    for part in parts:
        if (
            part.compress_size
            and part.file_size / part.compress_size > MAX_RATIO
            and part.file_size > 2**20
        ):
            raise refuse(
                f"part {part.filename} inflates {part.file_size // part.compress_size}-fold: it may be a zip bomb"
            )
    if any(part.flag_bits & 0x1 for part in parts):
        raise refuse("the workbook's parts are encrypted; save it without a password")


OPENDOCUMENT_SUFFIXES = {".ods", ".fods"}
OPENDOCUMENT_MESSAGE = (
    "this is an OpenDocument spreadsheet (.ods, as LibreOffice Calc saves by default), which "
    "is not read: open it and save it as .xlsx (File > Save As, type Excel 2007-365 .xlsx)"
)


def _is_opendocument(data: bytes, parts: list[zipfile.ZipInfo]) -> bool:
    """Whether the zip's first part is an OpenDocument ``mimetype`` naming a spreadsheet."""
    first = parts[0] if parts else None
    if first is None or first.filename != "mimetype" or first.file_size > 100:
        return False
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        kind = archive.read(first).decode("ascii", "replace")
    return kind.startswith("application/vnd.oasis.opendocument.spreadsheet")


def _safe_name(name: str) -> bool:
    """Whether a part name stays inside the archive: relative, no ``..``, no drive or backslash."""
    segments = name.split("/")
    return not (
        name.startswith("/")
        or "\\" in name
        or ".." in segments
        or (segments and ":" in segments[0])
    )


ENCRYPTED_STREAM = "EncryptedPackage".encode("utf-16-le")
"""Name of the stream of an encrypted (password-protected) .xlsx inside its OLE container."""


def _ole_message(path: Path, data: bytes) -> str:
    """What an OLE (compound file) container given as a workbook is, and what to do."""
    if ENCRYPTED_STREAM in data:
        return (
            "the workbook is password-protected (encrypted), so it cannot be read; "
            "remove the password in Excel (File > Info > Protect Workbook) and save it again"
        )
    if path.suffix.lower() == ".xls" or "Workbook".encode("utf-16-le") in data:
        return (
            "this is an Excel 97-2003 workbook (.xls), which is not read; "
            "open it in Excel and save it as an .xlsx workbook"
        )
    return (
        "the workbook is password-protected or in the old .xls format; "
        "save it as an .xlsx workbook without a password"
    )


def explain_read_error(error: BaseException) -> str:
    """Why openpyxl could not read a workbook that passed :func:`check_container`, in the
    user's terms (an XML bomb, damaged XML, a damaged zip)."""
    causes: list[BaseException] = []
    cause: BaseException | None = error
    while cause is not None and len(causes) < 10:
        causes.append(cause)
        cause = cause.__cause__ or cause.__context__
    if any(type(c).__module__.startswith("defusedxml") for c in causes):
        return (
            "the workbook's XML declares entities (a DOCTYPE), which Excel never writes: "
            "it may be an XML bomb or try to read other files, and is refused; "
            "save the answers in a new workbook"
        )
    if any(type(c).__name__ in {"ParseError", "ExpatError"} for c in causes):
        detail = str(causes[-1]).split("\n", 1)[0]
        return f"the workbook is damaged: its XML cannot be parsed ({detail}); open and save it in Excel"
    if any(type(c).__name__ in {"BadZipFile", "LargeZipFile"} for c in causes):
        return f"the workbook is damaged ({causes[-1]}); open and save it in Excel"
    detail = str(error).split("\n", 1)[0]
    return (
        f"the workbook cannot be read ({type(error).__name__}: {detail[:200]}); "
        "it is damaged or was not saved by Excel: open it in Excel and save it again"
    )


_MERGE = re.compile(rb'<(?:\w+:)?mergeCell\s+ref="([A-Z]{1,3})(\d{1,7}):([A-Z]{1,3})(\d{1,7})"')


def merged_ranges(data: bytes, part: str) -> list[tuple[int, int, int, int]]:
    """The merged ranges of sheet ``part`` of the workbook in ``data``, as (first column,
    first row, last column, last row); openpyxl's read-only mode does not give them."""
    from openpyxl.utils import column_index_from_string

    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            xml = archive.read(part.lstrip("/"))
    except (KeyError, zipfile.BadZipFile, OSError):
        return []
    return [
        (
            column_index_from_string(first.decode()),
            int(top),
            column_index_from_string(last.decode()),
            int(bottom),
        )
        for first, top, last, bottom in _MERGE.findall(xml)
    ]
