"""Conditional formats of the workbooks: rating cells coloured by their code, a missing NA
justification flagged (shared by the questionnaire's sheets)."""

from __future__ import annotations

from openpyxl.formatting.rule import Rule
from openpyxl.styles import PatternFill
from openpyxl.styles.differential import DifferentialStyle

from readiness.render.workbooks.sheets import Sheet

RATING_COLOURS = {"N": "FFC7CE", "P": "FCD5B4", "L": "FFEB9C", "F": "C6EFCE"}
"""Fill of a rating cell by its code: N red, P orange, L yellow, F green."""
ALERT = "FF7C80"
"""Fill of an NA justification that is missing."""


def _first_token(ref: str) -> str:
    """Formula for the first word of a cell, upper-cased: "F" for "F 完全实现" or "f"."""
    return f'UPPER(LEFT(TRIM({ref})&" ",FIND(" ",TRIM({ref})&" ")-1))'


def rating_fill(code: str) -> PatternFill:
    """The fill of a rating code (N, P, L or F)."""
    colour = RATING_COLOURS[code]
    return PatternFill("solid", start_color=colour, end_color=colour)


def colour_ratings(ws: Sheet, rating_range: str, first_cell: str) -> None:
    """Colour rating cells by their code (N red, P orange, L yellow, F green)."""
    for code in RATING_COLOURS:
        formula = f'{_first_token(first_cell)}="{code}"'
        ws.conditional_formatting.add(rating_range, _formula_rule(formula, rating_fill(code)))


def flag_missing_justification(
    ws: Sheet, justification_range: str, rating_cell: str, justification_cell: str
) -> None:
    """Turn a justification cell red while its row is rated NA and it is still empty."""
    fill = PatternFill("solid", start_color=ALERT, end_color=ALERT)
    formula = f'AND({_first_token(rating_cell)}="NA",LEN(TRIM({justification_cell}))=0)'
    ws.conditional_formatting.add(justification_range, _formula_rule(formula, fill))


def _formula_rule(formula: str, fill: PatternFill) -> Rule:
    """A conditional format filling the cells where ``formula`` holds (openpyxl's untyped
    ``FormulaRule``, built the same way)."""
    rule = Rule(type="expression", formula=[formula])
    rule.dxf = DifferentialStyle(fill=fill)
    return rule
