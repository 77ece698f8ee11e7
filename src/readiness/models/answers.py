"""An answer file: the client's profile, ratings, figures and role matrix."""

from __future__ import annotations

import datetime as dt
import math
import re
from typing import Annotated, Any, Literal

from pydantic import (
    AfterValidator,
    BeforeValidator,
    Field,
    StringConstraints,
    WithJsonSchema,
    field_validator,
    model_validator,
)

from readiness.models import answer_schema
from readiness.models.common import Extent, NonEmpty, Rating, Strict
from readiness.version import __version__

SHORT = 300
LONG = 5000

_UNPRINTABLE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")
"""Control characters (but tab and line breaks), lone surrogates and non-characters: they
cannot be written to a workbook, break HTML and can drive a terminal."""


def printable(value: str) -> str:
    """``value`` if it holds no control character; the reason otherwise."""
    found = _UNPRINTABLE.search(value)
    if found:
        raise ValueError(
            f"the text holds the control character U+{ord(found.group()):04X} "
            f"(character {found.start() + 1}); remove it"
        )
    return value


ShortText = Annotated[
    str,
    StringConstraints(strip_whitespace=True, max_length=SHORT),
    AfterValidator(printable),
]
LongText = Annotated[
    str, StringConstraints(strip_whitespace=True, max_length=LONG), AfterValidator(printable)
]
Name = Annotated[
    str,
    StringConstraints(strip_whitespace=True, min_length=1, max_length=SHORT),
    AfterValidator(printable),
]
"""A name that must be given: the client's, a work item's."""

RATING_WORDS: dict[str, Rating] = {
    "n": Rating.N,
    "p": Rating.P,
    "l": Rating.L,
    "f": Rating.F,
    "na": Rating.NA,
    "n/a": Rating.NA,
    "not achieved": Rating.N,
    "partially achieved": Rating.P,
    "largely achieved": Rating.L,
    "fully achieved": Rating.F,
    "not applicable": Rating.NA,
    "partially": Rating.P,
    "partly": Rating.P,
    "largely": Rating.L,
    "fully": Rating.F,
    "未": Rating.N,
    "未实现": Rating.N,
    "部分": Rating.P,
    "部分实现": Rating.P,
    "大部分": Rating.L,
    "大部分实现": Rating.L,
    "完全": Rating.F,
    "完全实现": Rating.F,
    "不适用": Rating.NA,
}
"""Spellings of the scale a client may type, in English and Chinese, any case."""

EXTENT_WORDS: dict[str, Extent] = {
    "yes": Extent.YES,
    "y": Extent.YES,
    "true": Extent.YES,
    "是": Extent.YES,
    "有": Extent.YES,
    "partly": Extent.PARTLY,
    "partial": Extent.PARTLY,
    "部分": Extent.PARTLY,
    "no": Extent.NO,
    "n": Extent.NO,
    "false": Extent.NO,
    "否": Extent.NO,
    "无": Extent.NO,
}


def parse_rating(value: Any) -> Any:
    """Read a rating as a client may write it; pass other types on for pydantic to refuse."""
    if value is None or isinstance(value, Rating):
        return value
    if isinstance(value, str):
        word = " ".join(value.split()).lower()
        if not word:
            return None
        if word in RATING_WORDS:
            return RATING_WORDS[word]
        first = word.split(" ", 1)[0]
        if first in RATING_WORDS and first.isascii():  # a dropdown label such as "F 完全实现"
            return RATING_WORDS[first]
        raise ValueError(f"'{value.strip()}' is not a rating; use N, P, L, F or NA")
    raise ValueError(f"{value!r} is not a rating; use N, P, L, F or NA")


def parse_extent(value: Any) -> Any:
    """Read yes/partly/no; YAML turns bare yes/no into booleans, which are accepted too."""
    if value is None or isinstance(value, Extent):
        return value
    if isinstance(value, bool):
        return Extent.YES if value else Extent.NO
    if isinstance(value, str):
        word = " ".join(value.split()).lower()
        if not word:
            return None
        if word in EXTENT_WORDS:
            return EXTENT_WORDS[word]
        raise ValueError(f"'{value.strip()}' is not one of yes, partly, no")
    raise ValueError(f"{value!r} is not one of yes, partly, no")


def parse_figure(value: Any) -> Any:
    """A figure as a number or yes/no; "64 %", " 3 " and "是" are read too."""
    if value is None or isinstance(value, bool):
        return value
    if isinstance(value, int | float):
        return _finite(value, value)
    if isinstance(value, str):
        word = " ".join(value.split()).lower().removesuffix("%").strip()
        if not word:
            return None
        if word in EXTENT_WORDS and EXTENT_WORDS[word] is not Extent.PARTLY:
            return EXTENT_WORDS[word] is Extent.YES
        try:
            number = float(word.replace(",", ""))
        except ValueError:
            pass
        else:
            return _finite(number, value)
    raise ValueError(f"{_shown(value)} is not a number, nor yes or no")


MAX_FIGURE = 1e12
"""Largest figure accepted; counts and months in an answer file are far smaller."""


def _finite(number: float, written: Any) -> float:
    """``number`` if it is an ordinary number (not NaN, not infinite, not absurdly large)."""
    # Compare before any conversion to float: an integer may have hundreds of digits.
    if isinstance(number, float) and not math.isfinite(number):
        raise ValueError(f"{_shown(written)} is not a number")
    if abs(number) > MAX_FIGURE:
        raise ValueError(f"{_shown(written)} is too large (at most {MAX_FIGURE:,.0f})")
    return number


def _shown(value: Any) -> str:
    text = repr(value)
    return text if len(text) <= 40 else text[:37] + "..."


def _as_list(value: Any) -> Any:
    if isinstance(value, str):
        return [value] if value.strip() else []
    return [] if value is None else value


RATING_SCHEMA = answer_schema.rating_schema(RATING_WORDS, [rating.value for rating in Rating])
AnswerRating = Annotated[
    Rating | None, BeforeValidator(parse_rating), WithJsonSchema(RATING_SCHEMA)
]
AnswerExtent = Annotated[
    Extent | None,
    BeforeValidator(parse_extent),
    WithJsonSchema(answer_schema.extent_schema(EXTENT_WORDS, [extent.value for extent in Extent])),
]
TextList = Annotated[
    list[ShortText],
    BeforeValidator(_as_list),
    Field(max_length=50),
    WithJsonSchema(answer_schema.text_list_schema(SHORT, 50)),
]
Figure = Annotated[
    float | bool | None,
    BeforeValidator(parse_figure),
    WithJsonSchema(
        answer_schema.figure_schema(w for w, e in EXTENT_WORDS.items() if e is not Extent.PARTLY)
    ),
]


Standard = Literal["iso27001", "iso9001"]
"""A management-system standard whose certificate a client may hold."""


def parse_standard(value: Any) -> Any:
    """``iso27001`` from "ISO/IEC 27001:2022", "27001" or a provenance text naming it."""
    if isinstance(value, str | int):
        word = "".join(str(value).split())
        if "27001" in word:
            return "iso27001"
        if "9001" in word:
            return "iso9001"
    return value


def parse_yes_no(value: Any) -> Any:
    """yes or no (in any case, English or Chinese, or a YAML boolean) as a boolean."""
    extent = parse_extent(value)
    if extent is Extent.PARTLY:
        raise ValueError("'partly' is not an answer here; use yes or no")
    return None if extent is None else extent is Extent.YES


StandardName = Annotated[Standard, BeforeValidator(parse_standard)]
STANDARD_NAMES: dict[str, str] = {"iso27001": "ISO/IEC 27001", "iso9001": "ISO 9001"}


class Answer(Strict):
    """The client's answer to one question."""

    rating: AnswerRating = None
    grade: ShortText | None = Field(
        default=None,
        description="the rating on a method's finer scale (P-, L+ …); rating holds its band",
    )
    justification: LongText | None = Field(default=None, description="required when NA")
    documented: AnswerExtent = Field(default=None, description="is it documented?")
    practised: AnswerExtent = Field(default=None, description="is it practised, with records?")
    evidence: TextList = Field(default_factory=list)
    notes: LongText | None = None
    owner: ShortText | None = None
    carried_from: StandardName | None = Field(
        default=None, description="prefilled from the client's certified system of this standard"
    )
    confirmed: Annotated[bool | None, BeforeValidator(parse_yes_no)] = Field(
        default=None, description="a carried answer the consultant has confirmed or changed"
    )

    @model_validator(mode="after")
    def _na_needs_justification(self) -> Answer:
        if self.rating is Rating.NA and not self.justification:
            raise ValueError("NA needs a justification: say why the requirement does not apply")
        return self


def _answer_shorthand(value: Any) -> Any:
    """``B.SLM.01: L`` is short for ``B.SLM.01: {rating: L}``."""
    if isinstance(value, dict):
        return {
            key: {"rating": item} if item is None or isinstance(item, str | int | float) else item
            for key, item in value.items()
        }
    return value


class Certificate(Strict):
    """A management-system certificate the client holds (ISO/IEC 27001, ISO 9001)."""

    standard: StandardName
    scope: LongText | None = None
    number: ShortText | None = None
    expires: dt.date | None = None


class Client(Strict):
    """Who is assessed, and the scope of their service management system."""

    name: Name
    scope: LongText | None = None
    business_categories: list[ShortText] = Field(default_factory=list, max_length=14)
    personnel_in_scope: int | None = Field(default=None, ge=1, le=1_000_000)
    sites: TextList = Field(default_factory=list)
    services: TextList = Field(default_factory=list)
    edition: Literal["2018"] = "2018"
    management_basis: LongText | None = None
    expected_benefits: LongText | None = None
    certificates: list[Certificate] = Field(
        default_factory=list,
        max_length=10,
        exclude_if=lambda v: not v,
        description="ISO/IEC 27001 or ISO 9001 certificates held: their shared requirements are "
        "prefilled in the questionnaire, to be confirmed",
    )

    def holds(self) -> list[Standard]:
        """The standards certified, each once, in the order given."""
        return list(dict.fromkeys(c.standard for c in self.certificates))

    @field_validator("edition", mode="before")
    @classmethod
    def _edition(cls, value: Any) -> Any:
        if str(value).strip() == "2011":
            raise ValueError(
                "2011 certificates expired in 2021; answers are assessed against the 2018 "
                "edition (questions organised by the 2011 processes still score against it)"
            )
        return str(value).strip() if isinstance(value, int | str) else value


Assignment = Annotated[
    Literal["P", "B"],
    BeforeValidator(lambda v: v.strip().upper() if isinstance(v, str) else v),
    WithJsonSchema(answer_schema.assignment_schema()),
]


class MatrixRow(Strict):
    """A work item of the role and responsibility matrix: who is primary, who backs up."""

    item: Name
    area: str | None = None
    assign: dict[ShortText, Assignment] = Field(default_factory=dict, max_length=200)


class Roles(Strict):
    """Named holders of the roles an auditor asks for first."""

    sms_owner: ShortText | None = None
    process_owners: dict[str, ShortText | None] = Field(default_factory=dict)


class AnswerFile(Strict):
    """A filled questionnaire, as the client returns it (YAML, or read from a workbook)."""

    questionnaire: NonEmpty = Field(description="id of the questionnaire answered")
    questionnaire_version: NonEmpty
    assessed_on: dt.date | None = None
    assessor: ShortText | None = None
    client: Client
    answers: Annotated[dict[str, Answer], BeforeValidator(_answer_shorthand)] = Field(
        default_factory=dict, max_length=5000
    )
    capability: dict[str, dict[str, AnswerRating]] = Field(default_factory=dict)
    capability_evidence: dict[str, TextList] = Field(
        default_factory=dict,
        description="per Part B process, the evidence named for its attribute ratings: without"
        " it, an attribute rated L or F counts as P",
    )
    figures: dict[str, Figure] = Field(default_factory=dict)
    roles: Roles = Field(default_factory=Roles)
    matrix: list[MatrixRow] = Field(default_factory=list, max_length=2000)

    @field_validator("questionnaire_version", mode="before")
    @classmethod
    def _version_as_text(cls, value: Any) -> Any:
        return str(value) if isinstance(value, int | float) else value


def answer_file_schema() -> dict[str, Any]:
    """The JSON Schema of the answer file, accepting what the readers accept (``$id`` versioned
    with the tool), for editors' completion and checks."""
    document = AnswerFile.model_json_schema()
    return answer_schema.finish_answer_schema(document, __version__, shorthand=RATING_SCHEMA)
