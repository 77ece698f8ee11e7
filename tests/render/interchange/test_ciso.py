"""Our CISO Assistant files checked against the rules of its loader and data wizard.

Each rule names where it comes from in intuitem/ciso-assistant-community (read at commit
f990d7b1, August 2026). The rules are restated here in our words; no code is copied.
"""

from __future__ import annotations

import csv
import io
import re
from typing import Any

import pytest
import yaml

from readiness.language import Language
from readiness.models.assessment import Assessment
from readiness.models.catalogue import Catalogue
from readiness.models.questionnaire import Questionnaire
from readiness.render.interchange import ciso

# backend/core/models.py, URN_REGEX and match_urn (StoredLibrary.store_library_content refuses
# a library whose lowercased URN does not match)
URN = re.compile(
    r"^urn:([a-zA-Z0-9_-]+):([a-zA-Z0-9_-]+):([a-zA-Z0-9_-]+)(?::([a-zA-Z0-9_-]+))?"
    r":([0-9A-Za-z\[\]\(\)\-\._:]+)$"
)
# backend/core/models.py, Question.Type
QUESTION_TYPES = {"text", "number", "boolean", "unique_choice", "multiple_choice", "date"}
# backend/core/models.py, RequirementAssessment.Result and RequirementAssessment.Status
RESULTS = {"not_assessed", "partially_compliant", "non_compliant", "compliant", "not_applicable"}
STATUSES = {"to_do", "in_progress", "in_review", "done"}


@pytest.fixture(scope="module")
def library(catalogue: Catalogue, questionnaire: Questionnaire) -> dict[str, Any]:
    data = yaml.safe_load(ciso.library_bytes(catalogue, questionnaire))
    assert isinstance(data, dict)
    return data


@pytest.fixture(scope="module")
def framework(library: dict[str, Any]) -> dict[str, Any]:
    framework = library["objects"]["framework"]
    assert isinstance(framework, dict)
    return framework


def all_urns(library: dict[str, Any]) -> list[str]:
    framework = library["objects"]["framework"]
    urns = [library["urn"], framework["urn"]]
    for node in framework["requirement_nodes"]:
        urns.append(node["urn"])
        urns += [node["parent_urn"]] if "parent_urn" in node else []
        for question_urn, question in node.get("questions", {}).items():
            urns += [question_urn] + [choice["urn"] for choice in question["choices"]]
    return urns


def test_library_has_the_fields_the_store_and_the_loader_require(library: dict[str, Any]) -> None:
    # backend/core/models.py StoredLibrary.REQUIRED_FIELDS: urn, name, version, objects;
    # backend/library/utils.py LibraryImporter.REQUIRED_FIELDS adds ref_id and locale
    assert {"urn", "name", "version", "objects", "ref_id", "locale"} <= set(library)
    # StoredLibrary.store_library_content: int(version); a stored library of the same URN and
    # locale with an equal or higher version is refused, so the version must rise on change
    assert isinstance(library["version"], int) and library["version"] == 1000100
    # LibraryImporter.init: objects hold 'framework' or 'frameworks', never both
    assert set(library["objects"]) == {"framework"}


def test_every_urn_matches_the_pattern_and_is_lowercase(library: dict[str, Any]) -> None:
    # the loader lowercases every URN it stores (RequirementNodeImporter.import_requirement_node,
    # FrameworkImporter.import_framework): a mixed-case parent_urn would point at nothing
    urns = all_urns(library)
    assert all(URN.match(urn) for urn in urns)
    assert all(urn == urn.lower() for urn in urns)
    # backend/core/models.py ReferentialObjectMixin.urn and Question.urn: unique, at most 255
    assert all(len(urn) <= 255 for urn in urns)
    framework = library["objects"]["framework"]
    declared = [framework["urn"]] + [node["urn"] for node in framework["requirement_nodes"]]
    declared += [q for node in framework["requirement_nodes"] for q in node.get("questions", {})]
    assert len(declared) == len(set(declared)) == 1 + 309 + 228


def test_framework_fields_and_scores(framework: dict[str, Any]) -> None:
    # backend/library/utils.py FrameworkImporter.REQUIRED_FIELDS: ref_id, urn; init: at least
    # one requirement node
    assert {"ref_id", "urn"} <= set(framework) and framework["requirement_nodes"]
    # FrameworkImporter.import_framework: 0 <= min_score < max_score (defaults 0 and 100)
    low, high = framework["min_score"], framework["max_score"]
    assert isinstance(low, int) and isinstance(high, int) and 0 <= low < high
    # scores_definition: a list of integer scores with names, inside min..max; N/P/L/F = 0..3
    scores = [(entry["score"], entry["name"]) for entry in framework["scores_definition"]]
    assert scores == [(0, "N"), (1, "P"), (2, "L"), (3, "F")]
    assert (low, high) == (0, 3)


def test_requirement_nodes(framework: dict[str, Any], catalogue: Catalogue) -> None:
    nodes = framework["requirement_nodes"]
    # RequirementNodeImporter.REQUIRED_FIELDS: urn
    assert all("urn" in node for node in nodes)
    # the loader keeps the file's order (order_id = index); a parent comes before its children
    seen: set[str] = set()
    for node in nodes:
        assert node.get("parent_urn") is None or node["parent_urn"] in seen
        seen.add(node["urn"])
    assessable = [node for node in nodes if node["assessable"]]
    assert len(assessable) == len(catalogue.requirements) == 232
    assert len(nodes) == len(catalogue.clauses) + 232
    # backend/core/models.py ReferentialObjectMixin: ref_id at most 100, name at most 200
    assert all(len(str(node.get("ref_id", ""))) <= 100 for node in nodes)
    assert all(len(node.get("name", "")) <= 200 for node in nodes)
    # implementation_groups name groups of implementation_groups_definition
    defined = {group["ref_id"] for group in framework["implementation_groups_definition"]}
    assert defined == {"A", "B", "C"} | {area.id for area in catalogue.processes()}
    assert len(defined) == 3 + 13
    assert all(set(node["implementation_groups"]) <= defined for node in assessable)
    first = next(node for node in assessable if node["ref_id"] == "R-4.1-01")
    assert first["implementation_groups"] == ["A"]
    assert first["weight"] == 2
    assert "SWOT" in first["typical_evidence"]
    assert "SWOT" in first["translations"]["zh"]["typical_evidence"]


def test_questions_and_choices(framework: dict[str, Any], questionnaire: Questionnaire) -> None:
    found = 0
    for node in framework["requirement_nodes"]:
        # backend/core/models.py _sync_questions_from_data: questions is a mapping of URN to
        # question; the question's ref_id is the last part of its URN; choices are a list
        for question_urn, question in node.get("questions", {}).items():
            found += 1
            assert question_urn.startswith(node["urn"] + ":question:")
            assert question["type"] in QUESTION_TYPES and question["text"]
            assert question["translations"]["zh"]["text"]
            values = [choice["value"] for choice in question["choices"]]
            assert [v.split(":")[0] for v in values] == ["N", "P", "L", "F", "NA"]
            assert len({choice["urn"] for choice in question["choices"]}) == 5
    assert found == len(questionnaire.questions()) == 228


def test_the_library_is_the_same_twice(catalogue: Catalogue, questionnaire: Questionnaire) -> None:
    assert ciso.library_bytes(catalogue, questionnaire) == ciso.library_bytes(
        catalogue, questionnaire
    )


@pytest.mark.parametrize("language", list(Language))
def test_assessment_file_reads_as_the_data_wizard_reads_it(
    example_assessment: Assessment,
    questionnaire: Questionnaire,
    framework: dict[str, Any],
    language: Language,
) -> None:
    data = ciso.assessment_csv_bytes(example_assessment, questionnaire, language)
    # backend/data_wizard/views.py LoadFileView: a CSV is read as utf-8-sig (the BOM is
    # dropped) and normalize_df_columns lowercases and strips the headers, refusing duplicates
    text = data.decode("utf-8-sig")
    rows = list(csv.DictReader(io.StringIO(text, newline="")))
    header = list(rows[0])
    assert header == [h.strip().lower() for h in header] and len(set(header)) == len(header)
    assert len(rows) == len(example_assessment.requirements)
    nodes = {node["urn"]: node for node in framework["requirement_nodes"]}
    by_ref = {node.get("ref_id"): node for node in nodes.values()}
    for row in rows:
        # _reconcile_compliance_requirements: rows need ref_id or urn of the framework's
        # node, 'assessable' true; compliance_result and requirement_progress take the model's
        # values; score lies in the framework's min..max
        assert by_ref[row["ref_id"]]["urn"] == row["urn"] and nodes[row["urn"]]["assessable"]
        assert row["assessable"] == "True"
        assert row["compliance_result"] in RESULTS and row["requirement_progress"] in STATUSES
        assert row["score"] == "" or 0 <= int(row["score"]) <= 3
        # answers: one 'question text >> choice value' line per answered question
        questions = nodes[row["urn"]].get("questions", {})
        texts = {q["text"]: {c["value"] for c in q["choices"]} for q in questions.values()}
        for line in filter(None, row["answers"].split("\n")):
            asked, _, chosen = (part.strip() for part in line.partition(">>"))
            assert chosen in texts[asked]
    first = next(row for row in rows if row["ref_id"] == "R-4.1-01")  # 67.5 % → L → 2
    assert (first["compliance_result"], first["score"]) == ("partially_compliant", "2")
    assert first["answers"] == f"{questionnaire.question('A.CTX.01').text.en} >> L: " + (
        "Largely achieved (>50-85 %)"
    )
    assert first["observations"].split("\n")[0].endswith("observation")


@pytest.mark.parametrize(
    ("catalogue_version", "questionnaire_version", "expected"),
    [
        ("1.0", "1.0", 1000100),
        ("1.2", "2.0", 1020200),
        ("1.10", "1.0", 1100100),
        ("3", "v2.1", 3000201),
    ],
)
def test_library_version_rises_with_either_version(
    catalogue: Catalogue,
    questionnaire: Questionnaire,
    catalogue_version: str,
    questionnaire_version: str,
    expected: int,
) -> None:
    changed_catalogue = catalogue.model_copy(update={"catalogue_version": catalogue_version})
    changed_questions = questionnaire.model_copy(update={"version": questionnaire_version})
    assert ciso.library_version(changed_catalogue, changed_questions) == expected


def test_good_practice_is_marked_as_not_a_requirement(
    catalogue: Catalogue, questionnaire: Questionnaire
) -> None:
    from readiness.models.common import Basis

    data = questionnaire.model_dump()
    data["areas"][0]["questions"][0]["basis"] = Basis.PRACTICE.value
    practice = Questionnaire.model_validate(data)
    first = practice.questions()[0]
    assert first.basis is Basis.PRACTICE
    nodes = yaml.safe_load(ciso.library_bytes(catalogue, practice))["objects"]["framework"]
    node = next(n for n in nodes["requirement_nodes"] if n.get("ref_id") == first.covers[0])
    question = next(iter(node["questions"].values()))
    assert question["annotation"].startswith("Good practice, not a requirement")
    assert question["translations"]["zh"]["annotation"].startswith("良好实践")
