"""Checks on a workbook file before any XML in it is parsed.

An .xlsx file is a zip of XML parts. A hostile one can be a zip bomb (a few kilobytes that
inflate to gigabytes) or not a workbook at all; a password-protected workbook is an OLE
container with the zip encrypted inside. All of these are refused here, from the zip
directory alone, before openpyxl reads anything. openpyxl parses the XML with defusedxml
(installed as a dependency), which refuses entity expansion attacks.
"""

from __future__ import annotations

import zipfile
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


def check_container(path: Path) -> None:
    """Refuse a file that is not a safe, plain .xlsx workbook, naming why."""
    source = str(path)

    def refuse(message: str) -> InputError:
        return InputError(source, [Problem("", message)])

    if path.is_dir():
        raise refuse("this is a folder, not a file")
    try:
        size = path.stat().st_size
        with path.open("rb") as stream:
            head = stream.read(8)
    except FileNotFoundError:
        raise refuse("the file does not exist") from None
    except PermissionError:
        raise refuse("the file cannot be read (permission denied)") from None
    if size > MAX_FILE_BYTES:
        raise refuse(f"the workbook is {size:,} bytes; the limit is {MAX_FILE_BYTES // 2**20} MiB")
    if head == OLE_SIGNATURE:
        raise refuse(
            "the workbook is password-protected or in the old .xls format; "
            "save it as an .xlsx workbook without a password"
        )
    if not zipfile.is_zipfile(path):
        raise refuse("this is not an Excel workbook (.xlsx): it is not a zip container")
    try:
        with zipfile.ZipFile(path) as archive:
            parts = archive.infolist()
    except (zipfile.BadZipFile, OSError) as error:
        raise refuse(f"the workbook is damaged ({error})") from None
    if len(parts) > MAX_PARTS:
        raise refuse(f"the workbook holds {len(parts):,} parts; the limit is {MAX_PARTS:,}")
    names = {part.filename for part in parts}
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
