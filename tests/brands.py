"""Brand files for tests: a consultancy with a hostile name, a logo made here, every field."""

from __future__ import annotations

import struct
import zlib
from pathlib import Path

from readiness.inputs.brand import load_brand
from readiness.models.brand import Brand

FIRM = 'Lotus <script>alert("x")</script> & Partners'
FIRM_ZH = "莲花咨询有限公司"
FOOTER = "Confidential: for the client's management"
FOOTER_ZH = "保密：仅供客户管理层使用"
DISCLAIMER = "Predicted findings, not a certification audit."
DISCLAIMER_ZH = "预测的审核发现，并非认证审核。"
CONTACT = "88 Century Avenue, Shanghai · iso@lotus.example"
TITLE = "ISO/IEC 20000-1 gap analysis by Lotus"
TITLE_ZH = "ISO/IEC 20000-1 差距分析报告（莲花）"

BRAND_YAML = f"""\
firm: {{en: '{FIRM}', zh: "{FIRM_ZH}"}}
logo: logo.png
colours: {{primary: "#0B4F6C", accent: "#F4A261"}}
contact: "{CONTACT}"
footer: {{en: "{FOOTER}", zh: "{FOOTER_ZH}"}}
disclaimer: {{en: "{DISCLAIMER}", zh: "{DISCLAIMER_ZH}"}}
title:
  report: {{en: "{TITLE}", zh: "{TITLE_ZH}"}}
"""


def png(width: int = 60, height: int = 20) -> bytes:
    """A small valid PNG (one colour), made without an imaging library."""
    row = b"\x00" + b"\x0b\x4f\x6c" * width
    raw = zlib.compress(row * height)

    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", raw) + chunk(b"IEND", b"")


def write_brand(folder: Path, text: str = BRAND_YAML, name: str = "readiness-brand.yaml") -> Path:
    """``text`` as a brand file in ``folder``, with ``logo.png`` beside it."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "logo.png").write_bytes(png())
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def make_brand(folder: Path) -> Brand:
    """The test brand, loaded."""
    return load_brand(write_brand(folder))
