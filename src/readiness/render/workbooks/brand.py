"""The consultant's brand on a finished workbook: the firm in every printed page header, the
brand's footer line in every page footer, the brand's title on the first sheet's title row,
and the firm, contact line and disclaimer below the first sheet's content.

Brand texts are untrusted: headers go through :func:`cells.header_text` (``&`` doubled, cut),
cells through :func:`cells.set_text` (always text, never a formula).
"""

from __future__ import annotations

from collections.abc import Mapping

from openpyxl.workbook.workbook import Workbook

from readiness.render.brand import BrandView
from readiness.render.workbooks import cells
from readiness.render.workbooks.tables import TITLE_ROW, put_merged


def brand_workbook(workbook: Workbook, brand: BrandView | None, words: Mapping[str, str]) -> None:
    """Put ``brand`` on ``workbook`` (nothing without one); ``words`` are the labels."""
    if brand is None or not workbook.worksheets:
        return
    for ws in workbook.worksheets:
        cells.header(ws).center.text = cells.header_text(brand.firm)
        if brand.footer:
            cells.footer(ws).left.text = cells.header_text(brand.footer)
    first = workbook.worksheets[0]
    if brand.title:
        cells.set_text(cells.cell_at(first, TITLE_ROW, 1), brand.title)
    width = max(first.max_column, 4)
    row = first.max_row + 2
    lines = [f"{words['brand_prepared_by']}: {brand.firm}"]
    if brand.contact:
        lines.append(brand.contact)
    put_merged(first, row, 1, width, "\n".join(lines), border=False)
    if brand.disclaimer:
        put_merged(
            first, row + 1, 1, width, f"{words['brand_disclaimer']}: {brand.disclaimer}",
            border=False,
        )  # fmt: skip
