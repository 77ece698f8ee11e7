"""Integrity of the shipped catalogue: every clause of ISO/IEC 20000-1:2018, bilingual, mapped."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from readiness.data.catalogue import load_catalogue
from readiness.errors import InputError
from readiness.models.catalogue import Catalogue
from readiness.paths import clauses_dir

CJK = re.compile(r"[\u4e00-\u9fff]")

# Clauses 4 to 10 as listed in shared/domain.md section 1.
CLAUSES_2018 = [
    "4",
    "4.1",
    "4.2",
    "4.3",
    "4.4",
    "5",
    "5.1",
    "5.2",
    "5.2.1",
    "5.2.2",
    "5.3",
    "6",
    "6.1",
    "6.2",
    "6.2.1",
    "6.2.2",
    "6.3",
    "7",
    "7.1",
    "7.2",
    "7.3",
    "7.4",
    "7.5",
    "7.5.1",
    "7.5.2",
    "7.5.3",
    "7.5.4",
    "7.6",
    "8",
    "8.1",
    "8.2",
    "8.2.1",
    "8.2.2",
    "8.2.3",
    "8.2.4",
    "8.2.5",
    "8.2.6",
    "8.3",
    "8.3.1",
    "8.3.2",
    "8.3.3",
    "8.3.4",
    "8.3.4.1",
    "8.3.4.2",
    "8.4",
    "8.4.1",
    "8.4.2",
    "8.4.3",
    "8.5",
    "8.5.1",
    "8.5.1.1",
    "8.5.1.2",
    "8.5.1.3",
    "8.5.2",
    "8.5.2.1",
    "8.5.2.2",
    "8.5.2.3",
    "8.5.3",
    "8.6",
    "8.6.1",
    "8.6.2",
    "8.6.3",
    "8.7",
    "8.7.1",
    "8.7.2",
    "8.7.3",
    "8.7.3.1",
    "8.7.3.2",
    "8.7.3.3",
    "9",
    "9.1",
    "9.2",
    "9.3",
    "9.4",
    "10",
    "10.1",
    "10.2",
]

# The 13 processes of the 2011 edition and where they live in 2018 (domain.md section 2).
PROCESSES = {
    "B.SLM": ("6.1", "8.3.3"),
    "B.REP": ("6.2", "9.4"),
    "B.SCA": ("6.3", "8.7.1"),
    "B.BUD": ("6.4", "8.4.1"),
    "B.CAP": ("6.5", "8.4.3"),
    "B.ISM": ("6.6", "8.7.3.1"),
    "B.BRM": ("7.1", "8.3.2"),
    "B.SUP": ("7.2", "8.3.4.1"),
    "B.INC": ("8.1", "8.6.1"),
    "B.PRB": ("8.2", "8.6.3"),
    "B.CFG": ("9.1", "8.2.6"),
    "B.CHG": ("9.2", "8.5.1.1"),
    "B.REL": ("9.3", "8.5.3"),
}


def test_every_shipped_yaml_file_loads(catalogue: Catalogue) -> None:
    files = list(clauses_dir().rglob("*.yaml"))
    assert len(files) >= 7
    assert catalogue.edition == "2018"


def test_every_2018_clause_is_present_in_order(catalogue: Catalogue) -> None:
    assert [c.id for c in catalogue.clauses] == CLAUSES_2018


def test_every_leaf_clause_has_requirements(catalogue: Catalogue) -> None:
    leaves = [c.id for c in catalogue.clauses if not catalogue.children(c.id)]
    assert len(leaves) == 57
    for clause_id in leaves:
        assert 1 <= len(catalogue.requirements_under(clause_id)) <= 6, clause_id
    assert len(catalogue.requirements) >= 200


# Requirements taken out of the catalogue (practice, double counting, 2011 and ISO 9001 text).
# Their numbers are never reused: saved assessments and comparisons name findings by id.
RETIRED = {
    "R-5.3-04",
    "R-7.5.4-01",
    "R-7.5.4-02",
    "R-7.5.4-04",
    "R-7.5.4-05",
    "R-7.5.4-06",
    "R-7.6-03",
    "R-8.3.1-02",
    "R-8.5.1.1-03",
    "R-8.5.1.3-05",
    "R-8.7.3.1-03",
}


def test_requirement_ids_follow_their_clause(catalogue: Catalogue) -> None:
    for clause in catalogue.clauses:
        own = [r.id for r in catalogue.requirements if r.clause == clause.id]
        numbers = [int(i.rsplit("-", 1)[1]) for i in own]
        assert numbers == sorted(set(numbers)), clause.id
        assert all(i.startswith(f"R-{clause.id}-") for i in own)
        highest = max(numbers, default=0)
        expected = {f"R-{clause.id}-{n:02d}" for n in range(1, highest + 1)}
        assert expected - set(own) <= RETIRED, clause.id
    assert not RETIRED & {r.id for r in catalogue.requirements}


def test_every_text_is_bilingual(catalogue: Catalogue) -> None:
    texts = [c.title for c in catalogue.clauses] + [a.title for a in catalogue.areas]
    for requirement in catalogue.requirements:
        texts.append(requirement.text)
        texts += requirement.evidence
        if requirement.documented:
            texts.append(requirement.documented.name)
    for text in texts:
        assert CJK.search(text.zh), text
        assert not CJK.search(text.en), text


def test_the_13_processes_are_mapped(catalogue: Catalogue) -> None:
    processes = {a.id: a for a in catalogue.processes()}
    assert set(processes) == set(PROCESSES)
    for area_id, (clause_2011, clause_2018) in PROCESSES.items():
        assert processes[area_id].clause_2011 == clause_2011
        assert clause_2018 in processes[area_id].clauses
        assert catalogue.area_requirements(area_id)


def test_parts_and_additions_of_2018(catalogue: Catalogue) -> None:
    part_c = {a.id: a.clauses for a in catalogue.areas if a.part == "C"}
    assert sorted(c for clauses in part_c.values() for c in clauses) == [
        "7.6",
        "8.2.1",
        "8.2.2",
        "8.2.3",
        "8.2.4",
        "8.2.5",
        "8.4.2",
        "8.6.2",
    ]
    # the 2011 edition counted service requests in incident management
    assert "8.6.2" in catalogue.area("B.INC").also


def test_mandatory_documented_information_is_marked(catalogue: Catalogue) -> None:
    # domain.md section 8: documents an auditor asks for, by clause
    for clause_id in [
        "4.3",
        "5.2.1",
        "6.2.1",
        "6.3",
        "8.2.4",
        "8.2.6",
        "8.3.3",
        "8.5.1.1",
        "8.7.2",
        "8.7.3.1",
        "9.2",
        "9.3",
        "10.1",
    ]:
        marked = [r for r in catalogue.requirements_under(clause_id) if r.documented]
        assert marked, f"clause {clause_id} marks no documented information"


def test_broken_catalogue_names_every_problem(tmp_path: Path) -> None:
    folder = tmp_path / "clauses"
    (folder / "iso20000-1-2018").mkdir(parents=True)
    source = clauses_dir()
    (folder / "areas.yaml").write_text(
        (source / "areas.yaml").read_text(encoding="utf-8"), encoding="utf-8"
    )
    (folder / "iso20000-1-2018" / "clauses.yaml").write_text(
        (source / "iso20000-1-2018" / "clauses.yaml").read_text(encoding="utf-8"), encoding="utf-8"
    )
    (folder / "iso20000-1-2018" / "requirements-x.yaml").write_text(
        "requirements:\n  - id: R-4.1-01\n    clause: '4.1'\n    weight: 7\n"
        "    text: {en: a, zh: 甲}\n",
        encoding="utf-8",
    )
    with pytest.raises(InputError) as caught:
        load_catalogue(folder)
    assert str(caught.value).startswith(str(folder / "iso20000-1-2018" / "requirements-x.yaml"))
    assert "line 4, requirements → 0 → weight: Input should be less than or equal to 3" in str(
        caught.value
    )
