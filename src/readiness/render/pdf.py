"""PDF from our HTML and its print CSS, with WeasyPrint (an optional extra: it needs Pango).

WeasyPrint embeds subsets of the fonts it uses, makes the PDF's bookmarks from the headings
and numbers the pages from ``templates/report/pdf.css``. No browser runs.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from readiness.errors import OutputError
from readiness.paths import templates_dir

EXTRA = "pip install 'readiness[pdf]'"


def pdf_stylesheet(templates: Path | None = None) -> str:
    """The PDF additions to the print CSS (a consultant's ``pdf.css`` in ``templates`` wins)."""
    own = templates / "pdf.css" if templates is not None else None
    path = own if own is not None and own.is_file() else templates_dir() / "report" / "pdf.css"
    return path.read_text(encoding="utf-8")


def html_to_pdf(html: str, when: dt.date | None = None, templates: Path | None = None) -> bytes:
    """``html`` (one of our self-contained reports) as PDF bytes.

    The creation and modification dates are ``when`` (the assessment's date), so the same
    inputs give the same bytes. Raises OutputError naming the extra when WeasyPrint or its
    system libraries are missing.
    """
    try:
        import weasyprint
    except (ImportError, OSError) as error:  # OSError: the package is there, Pango is not
        raise OutputError(
            f"PDF needs WeasyPrint and Pango: {EXTRA} (Debian: apt-get install libpango-1.0-0)"
            f" [{type(error).__name__}: {error}]"
        ) from None
    stamp = (when or dt.date(2000, 1, 1)).isoformat()
    document = weasyprint.HTML(string=html, base_url=None).render(
        stylesheets=[weasyprint.CSS(string=pdf_stylesheet(templates))]
    )
    document.metadata.created = stamp
    document.metadata.modified = stamp
    return bytes(document.write_pdf(uncompressed_pdf=False))
