"""The Microsoft Project export: checked as XML, and read back (and rescheduled) by MPXJ.

MPXJ runs on the machine's Java through JPype. CI installs both (see ``.ci/run``); elsewhere
the MPXJ tests are skipped without them. JPype cannot restart a JVM, so one session-scoped
fixture starts it.
"""

from __future__ import annotations

import datetime as dt
import os
import shutil
import xml.etree.ElementTree as ET
from decimal import ROUND_HALF_UP, Decimal
from typing import Any, NoReturn

import pytest

from readiness.language import Language
from readiness.models.assessment import Assessment
from readiness.models.catalogue import Catalogue
from readiness.models.plan import Plan, PlanConfig
from readiness.planning import make_plan
from readiness.planning.calendar import WorkCalendar
from readiness.render.plan.mspdi import mspdi_bytes
from tests.plan.conftest import START

NS = {"p": "http://schemas.microsoft.com/project"}
TEXT1 = "188743731"
HOLIDAYS = [dt.date(2027, 2, 8), dt.date(2027, 5, 3), dt.date(2027, 10, 1)]


def effort_pairs(plan: Plan) -> int:
    return sum(1 for task in plan.tasks for days in task.effort.values() if days > 0)


def parse(data: bytes) -> ET.Element:
    return ET.fromstring(data)


def text(element: ET.Element, tag: str) -> str:
    return element.findtext(f"p:{tag}", namespaces=NS) or ""


def task_id(task: ET.Element) -> str:
    for attribute in task.findall("p:ExtendedAttribute", NS):
        if text(attribute, "FieldID") == TEXT1:
            return text(attribute, "Value")
    return ""


@pytest.fixture(scope="module")
def holiday_plan(
    example_assessment: Assessment, catalogue: Catalogue, plan_config: PlanConfig
) -> Plan:
    """The example scheduled around three holidays that fall inside tasks."""
    schedule = plan_config.schedule.model_copy(update={"holidays": HOLIDAYS})
    config = plan_config.model_copy(update={"schedule": schedule})
    return make_plan(example_assessment, catalogue, config, start=START)


# ------------------------------------------------------------------ plain XML


@pytest.mark.parametrize("language", list(Language))
def test_the_xml_holds_every_phase_task_role_and_assignment(
    standard: Plan, language: Language
) -> None:
    data = mspdi_bytes(standard, language)
    assert data.startswith(b'<?xml version="1.0" encoding="UTF-8"')
    root = parse(data)
    assert root.tag == "{http://schemas.microsoft.com/project}Project"
    assert text(root, "CurrencyCode") == "CNY"
    assert text(root, "StartDate") == "2027-01-04T08:00:00"
    assert text(root, "CreationDate") == text(root, "StartDate")
    assert text(root, "MinutesPerDay") == "480"
    tasks = root.findall("p:Tasks/p:Task", NS)
    assert len(tasks) == 1 + len(standard.phases) + len(standard.tasks)
    assert (text(tasks[0], "UID"), text(tasks[0], "OutlineLevel")) == ("0", "0")
    assert text(tasks[0], "Name").startswith(standard.client)
    phases = [task for task in tasks[1:] if text(task, "Summary") == "1"]
    assert [text(task, "Name") for task in phases] == [
        phase.name.get(language) for phase in standard.phases
    ]
    assert {text(task, "OutlineLevel") for task in phases} == {"1"}
    leaves = {task_id(task): task for task in tasks if text(task, "Summary") == "0"}
    assert list(leaves) == [
        task.id for phase in standard.phases for task in standard.tasks if task.phase == phase.id
    ]
    uids = {text(task, "UID"): key for key, task in leaves.items()}
    for task in standard.tasks:
        element = leaves[task.id]
        assert text(element, "Name") == task.name.get(language)
        assert text(element, "OutlineLevel") == "2"
        assert text(element, "Finish") == f"{task.finish}T17:00:00"
        assert text(element, "Duration") == f"PT{task.duration * 8}H0M0S"
        assert text(element, "Milestone") == str(int(task.milestone))
        booked = task.id in ("S1.AUDIT", "S2.AUDIT") or task.id.endswith(".AUDIT")
        if booked:  # the booked audits, and only they, start no earlier than their date
            assert text(element, "ConstraintType") == "4"
            assert text(element, "ConstraintDate") == text(element, "Start")
        else:
            assert (text(element, "ConstraintType"), text(element, "ConstraintDate")) == ("0", "")
        minutes = int(
            (sum(task.effort.values(), Decimal(0)) * 480).to_integral_value(ROUND_HALF_UP)
        )
        assert text(element, "Work") == f"PT{minutes // 60}H{minutes % 60}M0S"
        links = element.findall("p:PredecessorLink", NS)
        assert [uids[text(link, "PredecessorUID")] for link in links] == task.dependencies
        assert {text(link, "Type") for link in links} <= {"1"}
    resources = root.findall("p:Resources/p:Resource", NS)
    assert [text(r, "Name") for r in resources] == [r.name.get(language) for r in standard.roles]
    assert [text(r, "MaxUnits") for r in resources] == [
        "0.25",
        "0.6",
        "3.2",
        "1.2",
        "0.6",
        "1",
        "2",
        "85",  # the staff in scope
    ]
    assert len(root.findall("p:Assignments/p:Assignment", NS)) == effort_pairs(standard)


def test_dates_durations_work_and_units(standard: Plan) -> None:
    root = parse(mspdi_bytes(standard, Language.EN))
    leaves = {task_id(task): task for task in root.findall("p:Tasks/p:Task", NS)}
    report = leaves["GAP.report"]  # 27 Jan – 2 Feb 2027, 5 days, consultant 3 person-days
    assert (text(report, "Start"), text(report, "Finish")) == (
        "2027-01-27T08:00:00",
        "2027-02-02T17:00:00",
    )
    assert text(report, "ConstraintType") == "0"  # as soon as possible: nothing pinned
    gate = leaves["M.GAP"]
    assert (text(gate, "Start"), text(gate, "Duration")) == ("2027-02-04T17:00:00", "PT0H0M0S")
    by_task: dict[str, list[ET.Element]] = {}
    for assignment in root.findall("p:Assignments/p:Assignment", NS):
        by_task.setdefault(text(assignment, "TaskUID"), []).append(assignment)
    (work,) = by_task[text(report, "UID")]
    assert (text(work, "Work"), text(work, "Units")) == ("PT24H0M0S", "0.6")
    tier3 = by_task[text(leaves["WP-A.PERF.T3"], "UID")]  # 4.50 + 0.36 person-days
    assert sorted(text(a, "Work") for a in tier3) == ["PT2H53M0S", "PT36H0M0S"]
    rates = {text(r, "Name"): text(r, "StandardRate") for r in root.iter(f"{{{NS['p']}}}Resource")}
    assert rates["Consultant"] == "250"  # 2,000 a day ÷ 8 hours
    assert rates["SMS manager"] == ""  # internal staff are not costed by default


def test_fixed_costs_and_contingency_make_the_plan_total(standard: Plan) -> None:
    """Work at the rates, the fixed costs on the phases and the contingency on the project
    add up to the plan's total (in cents, as MSPDI writes currency)."""
    root = parse(mspdi_bytes(standard, Language.EN))
    tasks = root.findall("p:Tasks/p:Task", NS)
    project = tasks[0]
    assert text(project, "FixedCost") == "2323300"  # the contingency: 23,233.00
    assert int(text(project, "Cost")) == int(standard.costs.total * 100) == 25556300
    work_cost = sum(
        int(text(a, "Cost") or 0) for a in root.findall("p:Assignments/p:Assignment", NS)
    )
    fixed = sum(int(text(t, "FixedCost") or 0) for t in tasks)
    assert work_cost + fixed == 25556300
    # the fixed lines: fees, travel, annual fees, course material, documents and posters
    fixed_lines = sum(line.amount for line in standard.costs.lines if line.role is None)
    # 5,000 + 18 audit days × 800 + 3 × 2,000 + 170 × 100 + 2,000 + 3,000 = 47,400
    assert fixed - 2323300 == int(fixed_lines * 100) == 4740000
    phases = [t for t in tasks[1:] if text(t, "Summary") == "1"]
    assert sum(int(text(t, "Cost")) for t in phases) + 2323300 == 25556300


def test_levelled_tasks_carry_a_levelling_delay(standard: Plan) -> None:
    root = parse(mspdi_bytes(standard, Language.EN))
    leaves = {task_id(task): task for task in root.findall("p:Tasks/p:Task", NS)}
    # the feasibility study waits for the SMS manager, busy with the team: kick-off ends on
    # 5 January, feasibility starts on 12 January, 4 working days later than its link allows
    feasibility = leaves["PREP.feasibility"]
    assert text(feasibility, "Start") == "2027-01-12T08:00:00"
    assert (text(feasibility, "LevelingDelay"), text(feasibility, "LevelingDelayFormat")) == (
        str(4 * 4800),
        "7",
    )
    assert text(leaves["PREP.team"], "LevelingDelay") == ""


def test_the_same_plan_gives_the_same_bytes(standard: Plan) -> None:
    assert mspdi_bytes(standard, Language.ZH) == mspdi_bytes(standard, Language.ZH)
    assert mspdi_bytes(standard, Language.EN) != mspdi_bytes(standard, Language.ZH)


def test_text_is_escaped(standard: Plan) -> None:
    client = 'R&D <Ops> "Cloud" 云服务\x01'
    data = mspdi_bytes(standard.model_copy(update={"client": client}), Language.ZH)
    assert b"R&amp;D &lt;Ops&gt;" in data
    assert text(parse(data), "Company") == 'R&D <Ops> "Cloud" 云服务'  # control character dropped


def test_holidays_become_calendar_exceptions(holiday_plan: Plan) -> None:
    root = parse(mspdi_bytes(holiday_plan, Language.EN, holidays=reversed(HOLIDAYS)))
    periods = root.findall("p:Calendars/p:Calendar/p:Exceptions/p:Exception/p:TimePeriod", NS)
    assert [text(period, "FromDate") for period in periods] == [f"{d}T00:00:00" for d in HOLIDAYS]
    assert parse(mspdi_bytes(holiday_plan, Language.EN)).find(".//p:Exceptions", NS) is None


# ------------------------------------------------------------------ MPXJ on Java


def _unavailable(reason: str) -> NoReturn:
    if os.environ.get("CI"):
        pytest.fail(f"{reason}; CI must install default-jre-headless and the test extras")
    pytest.skip(f"{reason}: install a Java runtime and `pip install -e .[test]` to run")


@pytest.fixture(scope="session")
def jvm() -> Any:
    """JPype with a started JVM and MPXJ on its class path (started once per test session)."""
    if shutil.which("java") is None:
        _unavailable("java is not on PATH")
    try:
        import jpype
        import mpxj  # noqa: F401  (importing it puts MPXJ's jars on the class path)
    except ImportError as error:
        _unavailable(f"mpxj or JPype1 is not installed ({error})")
    if not jpype.isJVMStarted():
        try:
            jpype.startJVM()
        except (OSError, jpype.JVMNotFoundException) as error:
            _unavailable(f"JPype cannot start the JVM ({error})")
    return jpype


def read(jvm: Any, data: bytes) -> Any:
    """The MSPDI document as MPXJ's ProjectFile."""
    stream = jvm.JClass("java.io.ByteArrayInputStream")(data)
    return jvm.JClass("org.mpxj.mspdi.MSPDIReader")().read(stream)


def day(value: Any) -> dt.date:
    return dt.date.fromisoformat(str(value.toLocalDate()))


@pytest.mark.slow
@pytest.mark.parametrize("language", list(Language))
def test_mpxj_reads_tasks_dates_links_resources_and_assignments(
    jvm: Any, standard: Plan, language: Language
) -> None:
    project = read(jvm, mspdi_bytes(standard, language))
    properties = project.getProjectProperties()
    assert str(properties.getCurrencyCode()) == "CNY"
    assert str(properties.getProjectTitle()).startswith(standard.client)
    tasks = [task for task in project.getTasks() if int(task.getUniqueID()) != 0]
    assert len(tasks) == len(standard.phases) + len(standard.tasks)
    summaries = [task for task in tasks if task.getSummary()]
    assert [str(task.getName()) for task in summaries] == [
        phase.name.get(language) for phase in standard.phases
    ]
    leaves = {str(task.getText(1)): task for task in tasks if not task.getSummary()}
    assert len(leaves) == len(standard.tasks)
    finish_to_start = jvm.JClass("org.mpxj.RelationType").FINISH_START
    for ours in standard.tasks:
        theirs = leaves[ours.id]
        assert str(theirs.getName()) == ours.name.get(language)
        assert (day(theirs.getStart()), day(theirs.getFinish())) == (ours.start, ours.finish)
        assert bool(theirs.getMilestone()) == ours.milestone
        links = {
            (str(link.getPredecessorTask().getText(1)), link.getType() == finish_to_start)
            for link in theirs.getPredecessors()
        }
        assert links == {(before, True) for before in ours.dependencies}
        assert len(theirs.getPredecessors()) == len(ours.dependencies)
    resources = [r for r in project.getResources() if int(r.getUniqueID()) != 0]
    assert [str(r.getName()) for r in resources] == [r.name.get(language) for r in standard.roles]
    assignments = list(project.getResourceAssignments())
    assert len(assignments) == effort_pairs(standard)
    work = sum(float(a.getWork().getDuration()) for a in assignments)  # hours
    assert work == pytest.approx(float(sum(standard.total_effort.values())) * 8, abs=1)


@pytest.mark.slow
def test_mpxj_reads_delays_and_reschedules_within_the_links(jvm: Any, holiday_plan: Plan) -> None:
    """Each task's start is the earliest its links allow plus its levelling delay, as MPXJ reads
    them back; rescheduled by MPXJ (whose scheduler, unlike Microsoft Project, ignores levelling
    delays) nothing breaks a link and every booked audit keeps its date or later."""
    project = read(jvm, mspdi_bytes(holiday_plan, Language.EN, holidays=HOLIDAYS))
    calendar = WorkCalendar(holiday_plan.start, HOLIDAYS)
    ours = {task.id: task for task in holiday_plan.tasks}
    leaves = {str(t.getText(1)): t for t in project.getTasks() if not t.getSummary()}
    leaves.pop("None", None)
    for task in holiday_plan.tasks:
        theirs = leaves[task.id]
        delay = theirs.getLevelingDelay()
        days = round(float(delay.getDuration())) if delay is not None else 0
        if task.milestone:
            continue
        earliest = max(
            (calendar.index_on_or_after(ours[d].finish) + 1 for d in task.dependencies),
            default=0,
        )
        assert calendar.index_on_or_after(task.start) == earliest + days, task.id
    start = project.getProjectProperties().getStartDate()
    jvm.JClass("org.mpxj.cpm.MicrosoftScheduler")().schedule(project, start)
    rescheduled = {str(t.getText(1)): t for t in project.getTasks() if not t.getSummary()}
    for task in holiday_plan.tasks:
        theirs = rescheduled[task.id]
        for link in theirs.getPredecessors():
            before = link.getPredecessorTask()
            assert day(theirs.getStart()) >= day(before.getFinish()), task.id
        if task.id.endswith(".AUDIT"):
            assert day(theirs.getStart()) >= task.start


@pytest.mark.slow
def test_elements_follow_the_schema_order(jvm: Any, standard: Plan) -> None:
    """Microsoft Project validates element order; MPXJ's schema classes carry it."""
    xml_type = jvm.JClass("jakarta.xml.bind.annotation.XmlType")
    schema = "org.mpxj.mspdi.schema.Project"
    classes = {
        "Project": schema,
        "Calendar": f"{schema}$Calendars$Calendar",
        "Exception": f"{schema}$Calendars$Calendar$Exceptions$Exception",
        "Task": f"{schema}$Tasks$Task",
        "PredecessorLink": f"{schema}$Tasks$Task$PredecessorLink",
        "Resource": f"{schema}$Resources$Resource",
        "Assignment": f"{schema}$Assignments$Assignment",
    }
    order = {
        tag: [
            str(p).lower()
            for p in jvm.JClass("java.lang.Class").forName(name).getAnnotation(xml_type).propOrder()
        ]
        for tag, name in classes.items()
    }
    root = parse(mspdi_bytes(standard, Language.EN, holidays=HOLIDAYS))
    checked = 0
    for element in root.iter():
        tag = element.tag.split("}")[1]
        if tag not in order:
            continue
        children = [child.tag.split("}")[1].lower() for child in element]
        positions = [order[tag].index(child) for child in children]
        assert positions == sorted(positions), f"{tag}: {children}"
        checked += 1
    assert checked > len(standard.tasks)
