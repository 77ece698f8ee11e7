"""A client profile given to ``questionnaire export --profile``: who the client is and which
management-system certificates it holds, read from a YAML file's ``client:`` mapping (an
answer file will do)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict

from readiness.inputs.cellvalues import text
from readiness.models.answers import Client
from readiness.sources.validation import validate_document
from readiness.sources.yaml import load_yaml_file

Location = tuple[str | int, ...]


class _ProfileFile(BaseModel):
    """Only ``client`` is read; an answer file's other keys are left alone."""

    model_config = ConfigDict(extra="ignore")

    client: Client


def load_profile(path: Path) -> Client:
    """The client profile in ``path``; InputError naming the line of every problem."""
    document = load_yaml_file(path)
    return validate_document(_ProfileFile, document, what="a client profile (client: …)").client


CERTIFICATE_ROWS: dict[str, str] = {
    "certificate": "standard",
    "certificate_scope": "scope",
    "certificate_number": "number",
    "certificate_expires": "expires",
}
"""Rows of the workbook's profile sheet (repeated, one per certificate) → certificate fields."""


def certificate_place(key: str, seen: dict[str, int]) -> Location:
    """Where a certificate cell of the profile sheet goes: the n-th row of ``key`` belongs to
    the n-th certificate (``seen`` counts the rows of each key so far)."""
    index = seen.get(key, 0)
    seen[key] = index + 1
    return ("client", "certificates", index, CERTIFICATE_ROWS[key])


def store_certificate_cell(place: Location, value: Any, client: dict[str, Any]) -> None:
    """Put one certificate cell's value (a formula already refused) into ``client``'s raw data."""
    index, field = place[2], str(place[3])
    assert isinstance(index, int)
    certificates: list[dict[str, Any]] = client.setdefault("certificates", [])
    while len(certificates) <= index:
        certificates.append({})
    if isinstance(value, dt.datetime):
        value = value.date()
    elif not isinstance(value, dt.date):
        value = text(value)
    if value is not None:
        certificates[index][field] = value


def drop_empty_certificates(client: dict[str, Any]) -> None:
    """Certificates of which no cell was filled in are no certificates."""
    if "certificates" in client:
        client["certificates"] = [c for c in client["certificates"] if c]
        if not client["certificates"]:
            del client["certificates"]
