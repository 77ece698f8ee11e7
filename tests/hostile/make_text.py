"""Hostile text files: huge, deep, in the wrong encoding, binary, or not files at all."""

from __future__ import annotations

import os
from pathlib import Path

from tests.hostile.generate import HEADER, builder


@builder
def huge_yaml(path: Path) -> None:
    """A valid-looking answer file padded with comments past the 5 MiB limit."""
    padding = "# " + "x" * 76 + "\n"
    path.write_text(HEADER + "answers:\n" + padding * (5 * 2**20 // 80 + 1000), encoding="utf-8")


@builder
def deep_flow_10k(path: Path) -> None:
    """``answers: [[[[…]]]]`` 10,000 levels deep."""
    path.write_text(HEADER + "answers: " + "[" * 10_000 + "]" * 10_000 + "\n", encoding="utf-8")


@builder
def deep_flow_100k(path: Path) -> None:
    """100,000 levels of ``{a: {a: …}}`` (the C composer would overflow the stack)."""
    path.write_text(HEADER + "matrix: " + "{a: " * 100_000 + "1" + "}" * 100_000 + "\n")


@builder
def deep_block(path: Path) -> None:
    """Block mappings indented 2,000 levels deep."""
    lines = [" " * level + f"k{level}:" for level in range(2_000)]
    path.write_text(HEADER + "answers:\n" + "\n".join(" " + line for line in lines) + " 1\n")


@builder
def many_values(path: Path) -> None:
    """300,000 small values: under the size limit, over the node limit."""
    path.write_text(HEADER + "matrix: [" + "0," * 300_000 + "0]\n", encoding="utf-8")


@builder
def long_scalar(path: Path) -> None:
    """One text value of 4 MiB in the assessor field."""
    path.write_text(HEADER + "assessor: " + "x" * (4 * 2**20) + "\n", encoding="utf-8")


@builder
def long_key(path: Path) -> None:
    """A mapping key of 1 MB (YAML reads simple keys of at most 1,024 characters)."""
    path.write_text(HEADER + "answers:\n  " + "K" * 2**20 + ": L\n", encoding="utf-8")


@builder
def long_rating(path: Path) -> None:
    """A rating of 1 MB: the message keeps its start and end, not the whole value."""
    path.write_text(HEADER + "answers:\n  B.SLM.01: " + "L" * 2**20 + "\n", encoding="utf-8")


@builder
def latin1(path: Path) -> None:
    """An answer file saved as ISO-8859-1 (é is one byte, not UTF-8)."""
    path.write_bytes(HEADER.replace("Acme", "Société Générale").encode("latin-1"))


@builder
def gbk(path: Path) -> None:
    """An answer file saved in the Chinese GBK code page, as old Windows editors do."""
    path.write_bytes((HEADER + "assessor: 陈静\n").encode("gbk"))


@builder
def utf8_bom(path: Path) -> None:
    """A UTF-8 file that starts with a byte-order mark (Windows Notepad): accepted."""
    path.write_bytes(b"\xef\xbb\xbf" + (HEADER + "assessor: 陈静\n").encode())


@builder
def utf16_bom(path: Path) -> None:
    """UTF-16 with a byte-order mark ("Unicode" in Notepad and Excel): accepted, as YAML allows."""
    path.write_bytes((HEADER + "assessor: 陈静\n").encode("utf-16"))


@builder
def utf16_no_bom(path: Path) -> None:
    """UTF-16 little-endian without a byte-order mark."""
    path.write_bytes((HEADER + "assessor: 陈静\n").encode("utf-16-le"))


@builder
def utf32_bom(path: Path) -> None:
    """UTF-32 with a byte-order mark: accepted."""
    path.write_bytes((HEADER + "assessor: 陈静\n").encode("utf-32"))


@builder
def nul_byte(path: Path) -> None:
    """A NUL byte on line 4 of otherwise valid YAML."""
    path.write_bytes(HEADER.encode() + b"assessor: Chen\x00Jing\n")


@builder
def escape_byte(path: Path) -> None:
    """A raw ESC control byte (a terminal escape sequence) in a value."""
    path.write_bytes(HEADER.encode() + b"assessor: \x1b[2J\x1b]0;pwned\x07\n")


@builder
def png_as_yaml(path: Path) -> None:
    """A PNG image renamed .yaml."""
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + b"\0\0\0\rIHDR" + bytes(range(256)) * 4)


@builder
def pdf_as_yaml(path: Path) -> None:
    """A PDF document renamed .yaml."""
    path.write_bytes(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n")


@builder
def folder(path: Path) -> None:
    """A folder where a file is expected."""
    path.mkdir()
    (path / "answers.yaml").write_text(HEADER, encoding="utf-8")


@builder
def missing(path: Path) -> None:
    """Nothing at all."""


@builder
def fifo(path: Path) -> None:
    """A named pipe: opening it would wait for a writer forever."""

    os.mkfifo(path)


@builder
def endless_device(path: Path) -> None:
    """A link to /dev/zero: a "file" that never ends."""
    path.symlink_to("/dev/zero")


@builder
def many_unknown_ids(path: Path) -> None:
    """4,000 question ids that do not exist: the message lists 100 and counts the rest."""
    rows = "".join(f"  X.Q.{n:04d}: L\n" for n in range(4_000))
    path.write_text(HEADER + "answers:\n" + rows, encoding="utf-8")
