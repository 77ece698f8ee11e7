"""The brand file: found, loaded, validated with file and line; the logo checked."""

from __future__ import annotations

from pathlib import Path

import pytest

from readiness.errors import InputError
from readiness.inputs.brand import (
    DEFAULT_NAME,
    MAX_LOGO_BYTES,
    find_brand,
    image_facts,
    load_brand,
)
from readiness.language import Language
from tests.brands import BRAND_YAML, FIRM, FIRM_ZH, png, write_brand


def test_a_full_brand_loads(tmp_path: Path) -> None:
    brand = load_brand(write_brand(tmp_path))
    assert brand.firm(Language.EN) == FIRM
    assert brand.firm(Language.ZH) == FIRM_ZH
    assert brand.file.colours.primary == "#0B4F6C"
    assert brand.logo is not None
    assert (brand.logo.kind, brand.logo.width, brand.logo.height) == ("png", 60, 20)
    assert brand.logo.data == (tmp_path / "logo.png").read_bytes()  # embedded as given
    assert brand.file.title.plan is None  # ours is kept where the brand names none


def test_one_text_stands_for_both_languages(tmp_path: Path) -> None:
    brand = load_brand(write_brand(tmp_path, "firm: Lotus Consulting\nfooter: Confidential\n"))
    assert brand.firm(Language.ZH) == "Lotus Consulting"
    assert brand.file.footer is not None and brand.file.footer.get(Language.ZH) == "Confidential"
    assert brand.logo is None
    assert brand.file.colours.primary == "#2c6fbb"  # ours


def test_found_in_the_working_folder(tmp_path: Path) -> None:
    assert find_brand(None, tmp_path) is None
    path = write_brand(tmp_path)
    assert path.name == DEFAULT_NAME
    assert find_brand(None, tmp_path) == path
    given = tmp_path / "other.yaml"
    assert find_brand(given, tmp_path) == given  # --brand wins


@pytest.mark.parametrize(
    ("text", "place", "message"),
    [
        (
            BRAND_YAML.replace("#0B4F6C", "blue"),
            "line 3, colours → primary",
            "six hex digits, like #0B4F6C",
        ),
        (BRAND_YAML.replace("firm:", "firma:"), "line 1", "firm"),
        (BRAND_YAML + "colour: red\n", "line 9, colour", "not a known key"),
        (BRAND_YAML.replace("logo.png", "missing.png"), "line 2, logo", "not a file"),
    ],
)
def test_a_bad_brand_file_names_file_and_line(
    tmp_path: Path, text: str, place: str, message: str
) -> None:
    path = write_brand(tmp_path, text)
    with pytest.raises(InputError) as caught:
        load_brand(path)
    assert caught.value.source == str(path)
    assert place in str(caught.value)
    assert message in str(caught.value)


def _with_logo(tmp_path: Path, name: str, data: bytes) -> Path:
    path = write_brand(tmp_path, BRAND_YAML.replace("logo.png", name))
    (tmp_path / name).write_bytes(data)
    return path


@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        ("logo.svg", b"<svg xmlns='http://www.w3.org/2000/svg'/>", "SVG logo is refused"),
        ("logo.png", b"<?xml version='1.0'?><svg onload='alert(1)'/>", "SVG logo is refused"),
        ("logo.png", b"GIF89a\x01\x00\x01\x00", "not a PNG or JPEG"),
        ("logo.png", png(5000, 1)[:33], "5000 × 1 pixels"),
        ("logo.png", b"\x89PNG\r\n\x1a\n\0\0\0\rXXXX", "damaged PNG"),
        ("logo.jpg", b"\xff\xd8\xff\xe0\x00\x02", "damaged JPEG"),
        ("logo.png", b"\x89PNG\r\n\x1a\n" + b"\0" * MAX_LOGO_BYTES, "larger than 1024 KiB"),
    ],
)
def test_bad_logos_are_refused(tmp_path: Path, name: str, data: bytes, message: str) -> None:
    with pytest.raises(InputError, match=message) as caught:
        load_brand(_with_logo(tmp_path, name, data))
    assert "line 2, logo" in str(caught.value)


def test_jpeg_size_read_from_its_frame_header() -> None:
    # SOI, an APP0 segment of 16 bytes, then a baseline frame header: 8 bits, 40 high, 120 wide
    jpeg = b"\xff\xd8" + b"\xff\xe0\x00\x10" + b"JFIF\0" + b"\0" * 9
    jpeg += b"\xff\xc0\x00\x11\x08\x00\x28\x00\x78\x03" + b"\0" * 9 + b"\xff\xd9"
    assert image_facts(jpeg) == ("jpeg", 120, 40)
    assert image_facts(png(3, 7)) == ("png", 3, 7)
