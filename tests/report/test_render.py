"""HTML and Markdown reports: golden files, self-containment, and inert client text.

After a deliberate change to a template or the view, rewrite the golden files with
``pytest tests/report --update-golden`` and review the diff.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

from readiness.language import Language
from readiness.models.assessment import Assessment
from readiness.models.catalogue import Catalogue
from readiness.models.questionnaire import Questionnaire
from readiness.render.environment import markdown_text
from readiness.render.report.model import ReportView
from readiness.render.report.render import render_html, render_markdown
from readiness.render.report.view import build_view
from tests.report.conftest import HOSTILE

GOLDEN = Path(__file__).resolve().parent / "golden"
RENDERERS = {"html": render_html, "md": render_markdown}


@pytest.mark.parametrize("language", list(Language))
@pytest.mark.parametrize("kind", ["md", "html"])
def test_golden(
    views: dict[Language, ReportView], language: Language, kind: str, update_golden: bool
) -> None:
    text = RENDERERS[kind](views[language])
    golden = GOLDEN / f"report-{language.value}.{kind}"
    if update_golden:
        golden.write_text(text, encoding="utf-8")
    expected = golden.read_text(encoding="utf-8")
    assert text == expected, f"{golden.name} differs: run pytest tests/report --update-golden"


def test_rendering_is_deterministic(
    example_assessment: Assessment, catalogue: Catalogue, questionnaire: Questionnaire
) -> None:
    first = build_view(example_assessment, catalogue, questionnaire, Language.ZH)
    second = build_view(
        example_assessment.model_copy(deep=True), catalogue, questionnaire, Language.ZH
    )
    assert render_markdown(first) == render_markdown(second)
    assert render_html(first) == render_html(second)


class _Page(HTMLParser):
    """Tags, references and text of a page."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[str] = []
        self.references: list[str] = []
        self.ids: set[str] = set()
        self.anchors: list[str] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        for name, value in attrs:
            if name in {"src", "href", "xlink:href", "data"} and value:
                self.references.append(value)
                if name == "href" and value.startswith("#"):
                    self.anchors.append(value[1:])
            if name == "id" and value:
                self.ids.add(value)

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def _parse(html: str) -> _Page:
    page = _Page()
    page.feed(html)
    return page


@pytest.mark.parametrize("language", list(Language))
def test_html_is_self_contained_with_five_charts(
    views: dict[Language, ReportView], language: Language
) -> None:
    html = render_html(views[language])
    page = _parse(html)
    assert "script" not in page.tags
    assert "link" not in page.tags and "img" not in page.tags
    # every reference is a link inside the page, and every one of them resolves
    assert all(ref.startswith("#") for ref in page.references), page.references
    assert set(page.anchors) <= page.ids
    assert page.tags.count("svg") == 5  # the what-if bars and the four of the report
    assert "http://" not in html.replace("http://www.w3.org/2000/svg", "")
    assert "https://" not in html
    assert "@media print" in html and "break-before: page" in html
    assert f'<html lang="{views[language].meta.html_lang}">' in html


def test_html_content(views: dict[Language, ReportView]) -> None:
    html = render_html(views[Language.EN])
    text = " ".join(_parse(html).text)
    assert "Verdict: Not ready" in text
    assert "53.3 %" in text
    for heading in (
        "Executive summary",
        "Not applicable items and their justification",
        "Evidence requests",
    ):
        assert heading in text
    # the finding behind a stage 1 blocker, with its answer, evidence and action
    article = html[html.index('id="area-B.CAP"') : html.index('id="area-B.ISM"')]
    assert "R-8.4.3-02" in article and "B.CAP.02" in article
    assert "Write, approve and publish Capacity plan" in article


def test_chinese_html_and_markdown_have_no_english_headings(
    views: dict[Language, ReportView],
) -> None:
    view = views[Language.ZH]
    html = render_html(view)
    markdown = render_markdown(view)
    headings = re.findall(r"<h[1-4][^>]*>(.*?)</h[1-4]>", html)
    english = {w for w in views[Language.EN].words.values() if len(w) > 3}
    assert not [h for h in headings if h in english]
    for key in ("h_summary", "h_findings", "h_na", "h_evidence", "h_documents"):
        assert f"## {view.words[key]}" in markdown
        assert view.words[key] in html
    assert "严重不符合" in markdown and "变更管理" in markdown


def test_hostile_text_is_inert(
    hostile_assessment: Assessment, catalogue: Catalogue, questionnaire: Questionnaire
) -> None:
    view = build_view(hostile_assessment, catalogue, questionnaire, Language.EN)
    html = render_html(view)
    page = _parse(html)
    assert "script" not in page.tags
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    text = " ".join(page.text)
    for hostile in HOSTILE:
        assert hostile.strip() in text
    markdown = render_markdown(view)
    assert "<script>" not in markdown
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in markdown
    assert markdown_text('=HYPERLINK("http://x","y")') in markdown


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("plain text", "plain text"),
        ("a | b", "a \\| b"),
        ("<b>x</b> & y", "&lt;b&gt;x&lt;/b&gt; &amp; y"),
        ("*bold* _it_ `code` [link](x)", "\\*bold\\* \\_it\\_ \\`code\\` \\[link\\](x)"),
        ("line one\n\n  line two", "line one line two"),
        ("# not a heading", "\\# not a heading"),
        ("back\\slash", "back\\\\slash"),
    ],
)
def test_markdown_text_escapes(raw: str, expected: str) -> None:
    assert markdown_text(raw) == expected


def test_template_cache_is_optional(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from readiness.render import environment as module

    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    monkeypatch.setenv("READINESS_CACHE_DIR", str(blocker))
    assert module._bytecode_cache() is None  # cannot create the folder: compile every time
    shared = tmp_path / "shared"
    shared.mkdir()
    shared.chmod(0o777)
    monkeypatch.setenv("READINESS_CACHE_DIR", str(shared))
    assert module._bytecode_cache() is None  # others may write there: a planted one would run
    monkeypatch.setenv("READINESS_CACHE_DIR", str(tmp_path / "cache"))
    cache = module._bytecode_cache()
    assert cache is not None
    assert [p.name[:6] for p in (tmp_path / "cache").iterdir()] == ["jinja-"]
    monkeypatch.setenv("READINESS_NO_CACHE", "1")
    assert module._bytecode_cache() is None
    # a damaged cache file is ignored, not an error
    import jinja2

    env = jinja2.Environment(loader=jinja2.DictLoader({"t": "{{ 1 + 1 }}"}), bytecode_cache=cache)
    assert env.get_template("t").render() == "2"
    for damaged in (tmp_path / "cache").rglob("*.cache"):
        damaged.write_bytes(b"garbage")
    fresh = jinja2.Environment(loader=jinja2.DictLoader({"t": "{{ 1 + 1 }}"}), bytecode_cache=cache)
    assert fresh.get_template("t").render() == "2"
