"""The plan configuration: shipped defaults, a consultant's override merged over them, errors."""

from __future__ import annotations

import re
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path

import pytest

from readiness.errors import InputError
from readiness.models.catalogue import Catalogue
from readiness.models.plan import AuditTimeTable, Kind, PhaseId, PlanConfig
from readiness.paths import plans_dir
from readiness.planning import load_plan_config, make_plan
from readiness.planning.config import area_graph, find_cycle
from readiness.sources.validation import validate_document
from readiness.sources.yaml import load_yaml_file
from tests.plan.conftest import START

Writer = Callable[..., Path]


def test_shipped_defaults_load(plan_config: PlanConfig, catalogue: Catalogue) -> None:
    assert plan_config.source == "plans/plan.yaml"
    assert list(plan_config.scenarios) == ["standard", "fast-track"]
    assert set(plan_config.deliverables) == set(Kind)
    assert plan_config.table.name == "iso27006" and plan_config.table.proxy
    assert plan_config.costs.currency == "CNY"
    assert plan_config.costs.contingency_percent == Decimal(10)
    assert plan_config.phases.implementation.min_months == 3
    assert plan_config.phases.training.rounds == 2
    assert plan_config.phases.surveillance.months == [10, 22]
    assert plan_config.deliverables[Kind.PROCEDURE].effort.major == Decimal(3)
    # every area the defaults name exists in the catalogue
    deps = plan_config.dependencies
    named = {*deps.foundation, *deps.after, *(a for v in deps.after.values() for a in v)}
    assert all(catalogue.has_area(area) for area in named)
    # every phase has a name in both languages
    for phase in PhaseId:
        name = getattr(plan_config.phases, phase.value).name
        assert name.en and name.zh


def test_every_shipped_audit_time_table_loads_and_increases() -> None:
    files = sorted(plans_dir().glob("audit-time-*.yaml"))
    assert len(files) >= 1
    for path in files:
        table = validate_document(AuditTimeTable, load_yaml_file(path), what="a table")
        assert path.name == f"audit-time-{table.name}.yaml"
        assert table.falling_rows() == []
        assert table.source


def test_audit_time_tables_hold_the_domain_values() -> None:
    # IAF MD 5 covers QMS, EMS and OHSMS only: it is not shipped as a basis for SMS audits
    assert not (plans_dir() / "audit-time-iaf-md5.yaml").exists()
    iso = validate_document(
        AuditTimeTable, load_yaml_file(plans_dir() / "audit-time-iso27006.yaml"), what="t"
    )
    assert [(row.up_to, row.days) for row in iso.rows][:4] == [
        (10, Decimal(5)),
        (15, Decimal(6)),
        (25, Decimal(7)),
        (45, Decimal("8.5")),
    ]
    days = {row.up_to: row.days for row in iso.rows}
    assert len(iso.rows) == 22  # complete up to 10,700 persons (domain.md §4)
    assert (days[85], days[625], days[1550], days[2025], days[10700]) == (
        Decimal(11),
        Decimal("16.5"),
        Decimal("19.5"),
        Decimal(21),
        Decimal(28),
    )
    assert iso.proxy and "proxy" in iso.title.en and "参照" in iso.title.zh


def test_audit_time_settings_are_capped(write_config: Writer) -> None:
    for index, text in enumerate(
        (
            "audit_time: {max_reduction_percent: 35}\n",
            "audit_time: {combined_reduction_percent: 25}\n",
            "audit_time: {certificates_held: [iso14001]}\n",
            "audit_time: {adjustments: [{name: {en: a, zh: b}, percent: 0}]}\n",
            "phases: {surveillance: {months: [13, 24]}}\n",
        )
    ):
        with pytest.raises(InputError):
            load_plan_config(write_config(text, f"capped-{index}.yaml"))


def test_override_is_merged_deeply_and_lists_replace(write_config: Writer) -> None:
    path = write_config(
        "roles:\n"
        "  consultant: {people: 3}\n"
        "schedule:\n"
        "  holidays: [2027-05-03]\n"
        "phases:\n"
        "  preparation:\n"
        "    activities:\n"
        "      - {id: kickoff, name: {en: Kick-off, zh: 启动}, effort: {sms_manager: 1}}\n"
    )
    config = load_plan_config(path)
    defaults = load_plan_config()
    assert config.source == str(path)
    assert config.roles["consultant"].people == 3
    assert config.roles["consultant"].availability == defaults.roles["consultant"].availability
    assert config.roles["consultant"].name == defaults.roles["consultant"].name
    assert config.roles["sms_manager"] == defaults.roles["sms_manager"]
    assert [a.id for a in config.phases.preparation.activities] == ["kickoff"]
    assert config.phases.gap_analysis == defaults.phases.gap_analysis
    assert [str(day) for day in config.schedule.holidays] == ["2027-05-03"]


def test_a_table_is_chosen_by_name_or_file(write_config: Writer, tmp_path: Path) -> None:
    assert (
        load_plan_config(write_config("audit_time: {table: iso27006}\n")).table.name == "iso27006"
    )
    (tmp_path / "cb.yaml").write_text(
        "name: acme-cb\ntitle: {en: Our body, zh: 认证机构}\nsource: quotation 2026\n"
        "rows:\n  - {up_to: 100, days: 4}\n  - {up_to: 500, days: 8}\n",
        encoding="utf-8",
    )
    config = load_plan_config(write_config("audit_time: {table: cb.yaml}\n", "mine.yaml"))
    assert config.table.name == "acme-cb"


def test_negative_rate(write_config: Writer) -> None:
    path = write_config("costs:\n  rates:\n    consultant: {part: consulting, day_rate: -100}\n")
    with pytest.raises(InputError) as caught:
        load_plan_config(path)
    message = str(caught.value)
    assert message.startswith(str(path))
    assert "line 3, costs → rates → consultant → day_rate" in message
    assert "greater than or equal to 0 (found -100)" in message


def test_unknown_roles_are_named_where_used(write_config: Writer) -> None:
    path = write_config(
        "deliverables:\n"
        "  procedure: {role: auditor}\n"
        "phases:\n"
        "  gap_analysis:\n"
        "    activities:\n"
        "      - {id: interviews, name: {en: x, zh: y}, effort: {writer: 2}}\n"
        "scenarios:\n"
        "  fast-track:\n"
        "    roles: {coach: {people: 2}}\n"
    )
    with pytest.raises(InputError) as caught:
        load_plan_config(path)
    message = str(caught.value)
    assert str(path) in message
    assert "line 2, deliverables → procedure → role: unknown role 'auditor'" in message
    assert "line 6, phases → gap_analysis → activities → 0 → effort → writer" in message
    assert "line 9, scenarios → fast-track → roles → coach: unknown role 'coach'" in message


def test_circular_dependency_among_areas_names_the_cycle(write_config: Writer) -> None:
    path = write_config("dependencies:\n  after:\n    B.CFG: [B.CHG]\n")
    with pytest.raises(InputError) as caught:
        load_plan_config(path)
    message = str(caught.value)
    assert message == (
        f"{path}: line 3, dependencies → after → B.CFG: circular dependency: B.CFG → B.CHG → B.CFG"
    )


def test_a_cycle_through_the_foundation(write_config: Writer) -> None:
    path = write_config("dependencies:\n  after:\n    A.CTX: [B.SLM]\n")
    with pytest.raises(InputError, match=re.escape("A.CTX → B.SLM → C.CAT → A.CTX")):
        load_plan_config(path)


def test_circular_dependency_among_activities(write_config: Writer) -> None:
    path = write_config(
        "phases:\n"
        "  management_review:\n"
        "    activities:\n"
        "      - {id: inputs, name: {en: a, zh: b}, effort: {sms_manager: 1}, after: [meeting]}\n"
        "      - {id: meeting, name: {en: a, zh: b}, effort: {sms_manager: 1}, after: [inputs]}\n"
    )
    with pytest.raises(InputError) as caught:
        load_plan_config(path)
    assert "line 4, phases → management_review → activities → 0 → after" in str(caught.value)
    assert "inputs → meeting → inputs" in str(caught.value)


def test_unknown_activity_and_duplicate_ids(write_config: Writer) -> None:
    path = write_config(
        "phases:\n"
        "  preparation:\n"
        "    activities:\n"
        "      - {id: kickoff, name: {en: a, zh: b}, effort: {}}\n"
        "      - {id: kickoff, name: {en: a, zh: b}, effort: {}, after: [launch]}\n"
    )
    with pytest.raises(InputError) as caught:
        load_plan_config(path)
    message = str(caught.value)
    assert "activity id 'kickoff' is used twice" in message
    assert (
        "line 5, phases → preparation → activities → 1 → after → 0: no activity 'launch'" in message
    )


@pytest.mark.parametrize(
    ("text", "place", "words"),
    [
        (
            "roles:\n  consultant: {people: 0}\n",
            "line 2, roles → consultant → people",
            "more than 0",
        ),
        (
            "roles:\n  it_staff:\n    availability: 1.5\n",
            "line 3, roles → it_staff → availability",
            "above 0 and at most 1 (found 1.5)",
        ),
        (
            "roles:\n  it_staff:\n    availability: 0\n",
            "line 3, roles → it_staff → availability",
            "above 0 and at most 1",
        ),
        (
            "scenarios:\n  fast-track:\n    roles: {consultant: {people: 0}}\n",
            "line 3, scenarios → fast-track → roles → consultant → people",
            "more than 0",
        ),
    ],
)
def test_capacity_must_be_above_zero(
    write_config: Writer, text: str, place: str, words: str
) -> None:
    path = write_config(text)
    with pytest.raises(InputError) as caught:
        load_plan_config(path)
    message = str(caught.value)
    assert f"{path}: {place}: " in message
    assert words in message


def test_unknown_key_and_area(write_config: Writer, catalogue: Catalogue) -> None:
    with pytest.raises(InputError, match=r"line 2, roles → consultant → peeple: 'peeple' is not"):
        load_plan_config(write_config("roles:\n  consultant: {peeple: 2}\n"))
    path = write_config("dependencies:\n  after:\n    B.RDM: [B.CFG]\n", "area.yaml")
    load_plan_config(path)  # well-formed; only the catalogue knows B.RDM does not exist
    with pytest.raises(InputError, match=r"line 3, dependencies → after → B.RDM: unknown area"):
        load_plan_config(path, catalogue=catalogue)


def test_audit_time_table_must_increase(write_config: Writer, tmp_path: Path) -> None:
    table = tmp_path / "falling.yaml"
    table.write_text(
        "name: falling\ntitle: {en: x, zh: y}\nsource: test\n"
        "rows:\n  - {up_to: 10, days: 3}\n  - {up_to: 20, days: 2}\n",
        encoding="utf-8",
    )
    with pytest.raises(InputError) as caught:
        load_plan_config(write_config("audit_time: {table: falling.yaml}\n"))
    assert str(caught.value) == (
        f"{table}: line 6, rows → 1: the table must increase: "
        "up to 20 people, 2 days follows up to 10 people, 3 days"
    )


def test_missing_table_is_named(write_config: Writer) -> None:
    path = write_config("audit_time:\n  table: nowhere\n")
    with pytest.raises(
        InputError, match=r"line 2, audit_time → table: no audit-time table 'nowhere'"
    ):
        load_plan_config(path)


def test_not_a_mapping(write_config: Writer) -> None:
    with pytest.raises(InputError, match="expected a mapping"):
        load_plan_config(write_config("- a\n- b\n"))


def test_unknown_scenario_names_the_configuration(
    example_assessment, catalogue: Catalogue, plan_config: PlanConfig
) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(InputError) as caught:
        make_plan(example_assessment, catalogue, plan_config, start=START, scenario="turbo")
    assert str(caught.value) == (
        "plans/plan.yaml: scenarios: no scenario 'turbo'; the configuration has standard, fast-track"
    )
    assert caught.value.exit_code == 3


def test_find_cycle_and_area_graph() -> None:
    assert find_cycle({"a": ["b"], "b": ["c"], "c": []}) is None
    assert find_cycle({"a": ["b"], "b": ["c"], "c": ["a"]}) == ["a", "b", "c", "a"]
    assert find_cycle({"a": ["a"]}) == ["a", "a"]
    graph = area_graph(["F"], {"X": ["Y"]}, ["F", "X", "Y", "Z"])
    assert graph == {"F": [], "X": ["Y", "F"], "Y": ["F"], "Z": ["F"]}


def test_the_default_file_is_commented() -> None:
    text = (plans_dir() / "plan.yaml").read_text(encoding="utf-8")
    assert sum(line.lstrip().startswith("#") for line in text.splitlines()) >= 40
    assert re.search(r"merged over this one", text)
