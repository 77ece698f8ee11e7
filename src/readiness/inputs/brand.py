"""Load the consultant's brand file and check its logo.

The brand file is found as ``--brand FILE`` or, without it, as ``readiness-brand.yaml`` in the
working folder. It is read like every other YAML input (safe loader, size and depth limits,
file and line in every problem).

The logo is a PNG or a JPEG, at most :data:`MAX_LOGO_BYTES` and :data:`MAX_LOGO_PIXELS` on a
side, recognised by its first bytes (not its name) and embedded byte for byte. An SVG logo is
refused: SVG is a document, not a picture — it can carry script, event handlers and links to
other files or servers, which a browser, WeasyPrint or Word would act on — and cleaning SVG
safely is a problem of its own; every logo tool exports PNG.
"""

from __future__ import annotations

from pathlib import Path
from typing import Literal

from readiness.errors import InputError, Problem
from readiness.models.brand import Brand, BrandFile, Logo
from readiness.sources.validation import validate_document
from readiness.sources.yaml import load_yaml_file

DEFAULT_NAME = "readiness-brand.yaml"
"""The brand file looked for in the working folder when ``--brand`` is not given."""
MAX_LOGO_BYTES = 1024 * 1024
MAX_LOGO_PIXELS = 4000
_SVG = "an SVG logo is refused (it can carry script and links to other files); export it as PNG"
_PNG = b"\x89PNG\r\n\x1a\n"
# JPEG start-of-frame markers (baseline, progressive, lossless…): they carry the size.
_SOF = {0xC0, 0xC1, 0xC2, 0xC3, 0xC5, 0xC6, 0xC7, 0xC9, 0xCA, 0xCB, 0xCD, 0xCE, 0xCF}


def find_brand(given: Path | None, folder: Path | None = None) -> Path | None:
    """The brand file to use: ``given``, else ``readiness-brand.yaml`` in ``folder`` (the
    working folder) if there is one, else none."""
    if given is not None:
        return given
    default = (folder or Path.cwd()) / DEFAULT_NAME
    return default if default.is_file() else None


def load_brand(path: Path) -> Brand:
    """The brand in ``path``, its logo read and checked; InputError naming file and line."""
    document = load_yaml_file(path)
    brand = validate_document(BrandFile, document, what="a brand file")
    logo = None
    if brand.logo is not None:
        try:
            logo = read_logo(path.parent / brand.logo)
        except ValueError as error:
            problem = Problem(document.place(("logo",)), str(error))
            raise InputError(document.source, [problem]) from None
    return Brand(brand, logo, document.source)


def read_logo(path: Path) -> Logo:
    """The checked logo at ``path``; ValueError saying what is wrong with it."""
    if path.suffix.lower() in {".svg", ".svgz"}:
        raise ValueError(_SVG)
    if not path.is_file():
        raise ValueError(f"the logo {path.name!r} is not a file next to the brand file")
    try:
        with path.open("rb") as file:  # never more than the limit, even from a growing file
            data = file.read(MAX_LOGO_BYTES + 1)
    except OSError as error:
        raise ValueError(f"the logo cannot be read: {error.strerror or error}") from None
    if len(data) > MAX_LOGO_BYTES:
        raise ValueError(f"the logo is larger than {MAX_LOGO_BYTES // 1024} KiB; make it smaller")
    kind, width, height = image_facts(data)
    if not (0 < width <= MAX_LOGO_PIXELS and 0 < height <= MAX_LOGO_PIXELS):
        raise ValueError(
            f"the logo is {width} × {height} pixels; at most {MAX_LOGO_PIXELS} on a side"
        )
    return Logo(data, kind, width, height)


def image_facts(data: bytes) -> tuple[Literal["png", "jpeg"], int, int]:
    """``("png" | "jpeg", width, height)`` from the image's own header; ValueError if the bytes
    are neither a PNG nor a JPEG."""
    if data.startswith(_PNG):
        if len(data) < 24 or data[12:16] != b"IHDR":
            raise ValueError("the logo is a damaged PNG (no header chunk)")
        return "png", int.from_bytes(data[16:20], "big"), int.from_bytes(data[20:24], "big")
    if data.startswith(b"\xff\xd8\xff"):
        return ("jpeg", *_jpeg_size(data))
    head = data[:256].lstrip().lower()
    if head.startswith((b"<?xml", b"<svg", b"<!doctype svg")):
        raise ValueError(_SVG)
    raise ValueError("the logo is not a PNG or JPEG image")


def _jpeg_size(data: bytes) -> tuple[int, int]:
    at = 2
    while at + 4 <= len(data):
        if data[at] != 0xFF:
            break
        marker = data[at + 1]
        if marker == 0xFF:  # fill byte
            at += 1
            continue
        if marker in {0xD8, 0x01} or 0xD0 <= marker <= 0xD7:  # no length
            at += 2
            continue
        length = int.from_bytes(data[at + 2 : at + 4], "big")
        if marker in _SOF:
            if at + 9 > len(data):
                break
            height = int.from_bytes(data[at + 5 : at + 7], "big")
            width = int.from_bytes(data[at + 7 : at + 9], "big")
            return width, height
        if length < 2:
            break
        at += 2 + length
    raise ValueError("the logo is a damaged JPEG (no frame header)")
