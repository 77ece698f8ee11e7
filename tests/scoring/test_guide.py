"""The interview guide: which answers each role is asked about first, in which order, and why.

Hand-built cases over the shipped catalogue (every question answered F with evidence, then a
few answers changed), and the shipped example with its two respondents.
"""

from __future__ import annotations

from typing import Any

import pytest

from readiness.data.interview import load_interview
from readiness.inputs.answers import load_answer_file
from readiness.models.answers import AnswerFile
from readiness.models.assessment import Assessment
from readiness.models.catalogue import Catalogue
from readiness.models.common import Extent, Rating
from readiness.models.guide import InterviewData, InterviewGuide, ProbeKind, RoleGuide
from readiness.models.questionnaire import Questionnaire
from readiness.models.scoring import ScoringConfig
from readiness.scoring.assess import assess
from readiness.scoring.guide import build_guide, respondent_roles, weak_areas
from readiness.scoring.merge import merge_respondents
from tests.conftest import EXAMPLE, full_answers

OPS = EXAMPLE.with_name("acme-cloud-services-ops.yaml")
DNP, DIS, NOE, WEAK = (
    ProbeKind.DOCUMENTED_NOT_PRACTISED,
    ProbeKind.DISAGREEMENT,
    ProbeKind.NO_EVIDENCE,
    ProbeKind.WEAKEST,
)


@pytest.fixture(scope="module")
def interview(questionnaire: Questionnaire) -> InterviewData:
    return load_interview(questionnaire)


def _file(questionnaire: Questionnaire, changes: dict[str, Any]) -> AnswerFile:
    data = full_answers(
        questionnaire, "F", documented="yes", practised="yes", evidence=["Record 1"]
    )
    data["roles"] = {"sms_owner": "Li Wei", "process_owners": {"B.CHG": "Zhao Lei"}}
    for question, answer in changes.items():
        data["answers"][question] = answer
    return AnswerFile.model_validate(data)


def _assess(
    files: list[AnswerFile],
    catalogue: Catalogue,
    questionnaire: Questionnaire,
    config: ScoringConfig,
) -> Assessment:
    named = [(f"r{n}.yaml", f) for n, f in enumerate(files, start=1)]
    answers, disagreements = merge_respondents(named) if len(files) > 1 else (files[0], [])
    result = assess(answers, catalogue, questionnaire, config)
    result.disagreements = disagreements
    result.respondents = [name for name, _ in named]
    return result


def _role(guide: InterviewGuide, role_id: str) -> RoleGuide:
    return next(role for role in guide.roles if role.id == role_id)


def test_roles_are_one_per_process_and_one_per_part_for_the_rest(catalogue: Catalogue) -> None:
    roles = respondent_roles(catalogue)
    ids = [role for role, _, _ in roles]
    assert ids[0] == "A" and ids[-1] == "C"
    assert ids[1:-1] == [a.id for a in catalogue.processes()]  # the 13, in catalogue order
    covered = [area for _, _, areas in roles for area in areas]
    assert sorted(covered) == sorted(a.id for a in catalogue.areas)  # every area, once


def test_all_fully_achieved_with_evidence_gives_nothing_to_probe(
    catalogue: Catalogue, questionnaire: Questionnaire, config: ScoringConfig, interview: Any
) -> None:
    result = _assess([_file(questionnaire, {})], catalogue, questionnaire, config)
    guide = build_guide(result, catalogue, questionnaire, interview)
    assert sum(guide.counts.values()) == 0
    assert all(role.probes == [] for role in guide.roles)
    # ties at 100 %: the first three processes in catalogue order are the "weakest"
    assert [w.area for w in guide.weak_areas] == ["B.SLM", "B.REP", "B.SCA"]
    assert _role(guide, "A").holder == "Li Wei" and _role(guide, "B.CHG").holder == "Zhao Lei"


def test_kinds_come_in_order_and_each_answer_once(
    catalogue: Catalogue, questionnaire: Questionnaire, config: ScoringConfig, interview: Any
) -> None:
    first = _file(
        questionnaire,
        {
            # documented, not practised (and rated L without evidence: named second)
            "B.CHG.09": {"rating": "L", "documented": "yes", "practised": "no"},
            # rated without evidence: F before L, whatever the questionnaire order
            "B.CHG.02": {"rating": "L", "documented": "yes", "practised": "yes"},
            "B.CHG.03": {"rating": "F", "documented": "yes", "practised": "yes"},
            "B.CHG.04": {"rating": "F", "evidence": ["RFC"], "owner": "Sun Hao"},
            "B.CHG.05": {"rating": "F", "evidence": ["RFC"]},
        },
    )
    second = AnswerFile.model_validate(
        {
            "questionnaire": questionnaire.id,
            "questionnaire_version": questionnaire.version,
            "client": {"name": "Test Client"},
            # disagreements: F against L (spread 1) comes after F against N (spread 3)
            "answers": {"B.CHG.04": {"rating": "L", "evidence": ["RFC"]}, "B.CHG.05": "N"},
        }
    )
    result = _assess([first, second], catalogue, questionnaire, config)
    guide = build_guide(result, catalogue, questionnaire, interview)
    change = _role(guide, "B.CHG")
    assert [p.question for p in change.probes] == [
        "B.CHG.09",  # documented, not practised
        "B.CHG.05",  # disagreement, F vs N
        "B.CHG.04",  # disagreement, F vs L
        "B.CHG.03",  # F without evidence
        "B.CHG.02",  # L without evidence
    ]
    # the N of the second respondent makes change management the weakest process and its
    # answer a major: it is weakest too, but probed as a disagreement
    assert [p.kinds for p in change.probes] == [[DNP, NOE], [DIS, WEAK], [DIS], [NOE], [NOE]]
    assert change.probes[1].finding.value == "major"
    assert guide.counts == {DNP: 1, DIS: 2, NOE: 2, WEAK: 0}
    dnp = change.probes[0]
    assert (dnp.rating, dnp.documented, dnp.practised) == (Rating.L, Extent.YES, Extent.NO)
    prompts = interview.probes
    assert dnp.ask == [prompts[DNP].ask, prompts[NOE].ask, questionnaire.question("B.CHG.09").text]
    assert dnp.listen_for == questionnaire.question("B.CHG.09").guidance
    assert change.probes[1].disagreements[0].values == {"r1.yaml": "F", "r2.yaml": "N"}
    assert change.people == ["Sun Hao"]  # the owner named on a probed answer, not the holder


def test_weakest_takes_the_lowest_gaps_of_the_weakest_areas_only(
    catalogue: Catalogue, questionnaire: Questionnaire, config: ScoringConfig, interview: Any
) -> None:
    weak = {f"B.CAP.0{n}": {"rating": "N", "evidence": ["x"]} for n in range(1, 7)}
    weak["B.CAP.06"] = {"rating": "P", "evidence": ["x"]}  # a minor, after the majors
    result = _assess([_file(questionnaire, weak)], catalogue, questionnaire, config)
    assert weak_areas(result, catalogue, interview)[0] == "B.CAP"
    guide = build_guide(result, catalogue, questionnaire, interview)
    capacity = _role(guide, "B.CAP")
    limit = interview.selection.per_weak_area
    assert len(capacity.probes) == limit == 4
    assert all(p.kinds == [WEAK] for p in capacity.probes)
    assert [p.finding.value for p in capacity.probes] == ["major"] * limit
    assert "B.CAP.06" not in [p.question for p in capacity.probes]
    # the other weakest processes have no gaps: nothing is probed there
    assert sum(len(r.probes) for r in guide.roles) == limit


def test_a_role_beyond_its_limit_lists_the_rest(
    catalogue: Catalogue, questionnaire: Questionnaire, config: ScoringConfig, interview: Any
) -> None:
    changes = {
        f"B.CHG.{n:02d}": {"rating": "P", "documented": "yes", "practised": "no", "evidence": ["x"]}
        for n in range(1, 5)
    }
    small = interview.model_copy(
        update={"selection": interview.selection.model_copy(update={"max_per_role": 2})}
    )
    result = _assess([_file(questionnaire, changes)], catalogue, questionnaire, config)
    change = _role(build_guide(result, catalogue, questionnaire, small), "B.CHG")
    assert len(change.probes) == 2
    assert len(change.probes) + len(change.if_time_allows) == 4


def test_the_example_probes_documented_not_practised_then_disagreements_first(
    catalogue: Catalogue, questionnaire: Questionnaire, config: ScoringConfig, interview: Any
) -> None:
    loaded = [(p.name, load_answer_file(p, questionnaire, catalogue)) for p in (EXAMPLE, OPS)]
    merged, disagreements = merge_respondents(loaded)
    result = assess(merged, catalogue, questionnaire, config)
    result.disagreements = disagreements
    guide = build_guide(result, catalogue, questionnaire, interview)
    order = guide.order
    assert order == [DNP, DIS, NOE, WEAK]
    for role in guide.roles:  # within every role the kinds never go back in the order
        firsts = [order.index(p.kinds[0]) for p in role.probes]
        assert firsts == sorted(firsts), role.id
    placed = {p.question: p for role in guide.roles for p in role.probes}
    expected_dnp = {
        q
        for q, a in merged.answers.items()
        if a.documented in (Extent.YES, Extent.PARTLY) and a.practised is Extent.NO
    }
    assert expected_dnp <= placed.keys()  # every such answer is named, none left for later
    assert all(DNP in placed[q].kinds for q in expected_dnp)
    expected_dis = {d.subject for d in disagreements if questionnaire.has_question(d.subject)}
    assert expected_dis == {
        "A.OPS.01", "B.CHG.01", "B.CHG.04", "B.CHG.08", "B.CFG.02",
        "B.REL.03", "B.REL.05", "B.INC.03", "B.INC.04", "C.SRQ.04",
    }  # fmt: skip
    assert expected_dis <= placed.keys()
    change = _role(guide, "B.CHG")
    # B.CHG.08: practised no by the operations lead, and rated N against L
    assert change.probes[0].question == "B.CHG.08"
    assert change.probes[0].kinds == [DNP, DIS, WEAK]
    # figures are not questions: reported differently, they go with the role of their area
    assert [d.subject for d in change.reported_differently] == ["emergency_change_share"]
    assert all(not r.reported_differently for r in guide.roles if r.id != "B.CHG")
    incident = _role(guide, "B.INC")  # a strong process: only its disagreements are probed
    assert [p.question for p in incident.probes] == ["B.INC.03", "B.INC.04"]
    assert incident.holder == "Zhang Min"


def test_areas_below_the_floor_are_weakest_too_weakest_first(
    catalogue: Catalogue, questionnaire: Questionnaire, config: ScoringConfig, interview: Any
) -> None:
    low = {q.id: {"rating": "N", "evidence": ["x"]} for q in questionnaire.questions()
           if q.area_id == "A.PERF"}  # fmt: skip
    low |= {"B.REL.01": {"rating": "P", "evidence": ["x"]}}
    result = _assess([_file(questionnaire, low)], catalogue, questionnaire, config)
    scores = {a.id: a.score_exact for a in result.areas}
    assert scores["A.PERF"] == 0.0 < result.area_floor  # not a process, but below the floor
    weak = weak_areas(result, catalogue, interview)
    # the three lowest processes (B.REL lowest, then ties at 100 % in catalogue order) and A.PERF
    assert weak == ["A.PERF", "B.REL", "B.SLM", "B.REP"]
    no_floor = interview.model_copy(
        update={"selection": interview.selection.model_copy(update={"below_floor": False})}
    )
    assert weak_areas(result, catalogue, no_floor) == ["B.REL", "B.SLM", "B.REP"]
