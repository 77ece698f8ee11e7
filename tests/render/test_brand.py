"""The brand as one document shows it: language, title of that document, logo address."""

from __future__ import annotations

import base64
from pathlib import Path

from readiness.language import Language
from readiness.render.brand import brand_view
from tests.brands import FIRM_ZH, FOOTER_ZH, TITLE, TITLE_ZH, make_brand, png


def test_no_brand_no_view() -> None:
    assert brand_view(None, Language.EN, "report") is None


def test_texts_in_the_language_and_title_of_the_document(tmp_path: Path) -> None:
    brand = make_brand(tmp_path)
    zh = brand_view(brand, Language.ZH, "report")
    assert zh is not None
    assert (zh.firm, zh.footer, zh.title) == (FIRM_ZH, FOOTER_ZH, TITLE_ZH)
    assert (zh.primary, zh.accent) == ("#0b4f6c", "#f4a261")
    report = brand_view(brand, Language.EN, "report")
    assert report is not None and report.title == TITLE
    plan = brand_view(brand, Language.EN, "plan")
    assert plan is not None and plan.title is None  # the plan keeps our title


def test_logo_as_data_address(tmp_path: Path) -> None:
    view = brand_view(make_brand(tmp_path), Language.EN, "plan")
    assert view is not None and view.logo_uri is not None
    prefix = "data:image/png;base64,"
    assert view.logo_uri.startswith(prefix)
    assert base64.b64decode(view.logo_uri[len(prefix) :]) == png()
