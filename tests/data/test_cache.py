"""The cache of the parsed catalogue and question bank: identical models, never stale, safe."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest

from readiness.data import cache as cache_module
from readiness.data import catalogue as catalogue_module
from readiness.data import questionnaire as questionnaire_module
from readiness.data.cache import KEEP, cache_folder, entry_path, read_entry, source_key
from readiness.data.catalogue import catalogue_key, load_catalogue
from readiness.data.questionnaire import DEFAULT_FOLDER, load_questionnaire
from readiness.models.catalogue import Catalogue
from readiness.models.questionnaire import Questionnaire
from readiness.paths import clauses_dir, questionnaires_dir


@pytest.fixture
def store(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """An empty cache folder of this test only."""
    folder = tmp_path / "cache"
    monkeypatch.setenv("READINESS_CACHE_DIR", str(folder))
    monkeypatch.delenv("READINESS_NO_CACHE", raising=False)
    return folder


@pytest.fixture
def clauses(tmp_path: Path) -> Path:
    """A copy of the shipped catalogue in a folder no other test has loaded."""
    return Path(shutil.copytree(clauses_dir(), tmp_path / "clauses"))


@pytest.fixture
def bank(tmp_path: Path) -> Path:
    """A copy of the shipped question bank in a folder no other test has loaded."""
    return Path(shutil.copytree(questionnaires_dir() / DEFAULT_FOLDER, tmp_path / "bank"))


def entries(store: Path, kind: str) -> list[Path]:
    return sorted(store.glob(f"{kind}-*.json"))


def fresh_load(clauses: Path) -> Catalogue:
    """What a new process would load: the per-process memo skipped."""
    return catalogue_module._load_catalogue.__wrapped__(clauses.resolve())


def never(*_: object) -> None:
    raise AssertionError("parsed again although the cache holds the entry")


def test_cached_models_are_identical_to_a_fresh_parse(
    store: Path, clauses: Path, bank: Path
) -> None:
    parsed_catalogue = catalogue_module._parse_catalogue(clauses.resolve())
    catalogue = load_catalogue(clauses)
    questionnaire = load_questionnaire(catalogue, bank)
    parsed_questionnaire = questionnaire_module._load(bank.resolve(), catalogue)
    [catalogue_entry] = entries(store, "catalogue")
    [questionnaire_entry] = entries(store, "questionnaire")
    key = catalogue_key(catalogue)
    assert key is not None and catalogue_entry == entry_path(store, "catalogue", key)
    from_cache = read_entry(Catalogue, store, "catalogue", key)
    assert from_cache is not None and from_cache is not catalogue
    assert from_cache == parsed_catalogue == catalogue
    assert from_cache.model_dump() == parsed_catalogue.model_dump()
    assert list(from_cache.index.requirement) == list(parsed_catalogue.index.requirement)
    questionnaire_key = questionnaire_entry.name.removeprefix("questionnaire-")[: -len(".json")]
    bank_from_cache = read_entry(Questionnaire, store, "questionnaire", questionnaire_key)
    assert bank_from_cache == parsed_questionnaire == questionnaire
    assert bank_from_cache is not None
    assert bank_from_cache.model_dump() == parsed_questionnaire.model_dump()


def test_a_second_run_reads_the_entry_instead_of_parsing(
    store: Path, clauses: Path, bank: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    first = fresh_load(clauses)
    load_questionnaire(first, bank)
    monkeypatch.setattr(catalogue_module, "_parse_catalogue", never)
    monkeypatch.setattr(questionnaire_module, "_load", never)
    second = fresh_load(clauses)
    assert second == first and second is not first
    assert load_questionnaire(second, bank) == load_questionnaire(first, bank)


def test_an_edited_yaml_file_is_parsed_again(store: Path, clauses: Path) -> None:
    first = fresh_load(clauses)
    head = clauses / "iso20000-1-2018" / "clauses.yaml"
    text = head.read_text(encoding="utf-8")
    head.write_text(text.replace(first.catalogue_version, "edited-9"), encoding="utf-8")
    second = fresh_load(clauses)
    assert second.catalogue_version == "edited-9"
    assert catalogue_key(second) != catalogue_key(first)
    assert len(entries(store, "catalogue")) == 2


def test_an_edited_catalogue_makes_a_new_question_bank_entry(
    store: Path, clauses: Path, bank: Path
) -> None:
    load_questionnaire(fresh_load(clauses), bank)
    areas = clauses / "areas.yaml"
    areas.write_text(areas.read_text(encoding="utf-8") + "\n# a comment\n", encoding="utf-8")
    load_questionnaire(fresh_load(clauses), bank)
    assert len(entries(store, "questionnaire")) == 2


@pytest.mark.parametrize(
    "damage",
    [
        lambda raw: raw[: len(raw) // 2],  # truncated
        lambda raw: b"not json at all",
        lambda raw: raw.replace(b'"format": 1', b'"format": 0', 1),  # another layout
        lambda raw: raw.split(b"\n", 1)[0] + b"\n" + b'{"standard": "x"}',  # fails validation
        lambda raw: b"\xff\xfe" + raw,  # not UTF-8
    ],
    ids=["truncated", "garbage", "other-format", "invalid-model", "binary"],
)
def test_a_corrupt_entry_is_ignored_and_rebuilt(store: Path, clauses: Path, damage: object) -> None:
    first = fresh_load(clauses)
    [entry] = entries(store, "catalogue")
    good = entry.read_bytes()
    entry.write_bytes(damage(good))  # type: ignore[operator]
    assert fresh_load(clauses) == first
    assert entry.read_bytes() == good


def test_a_foreign_entry_under_the_right_name_is_ignored(
    store: Path, clauses: Path, bank: Path
) -> None:
    catalogue = fresh_load(clauses)
    load_questionnaire(catalogue, bank)
    [catalogue_entry] = entries(store, "catalogue")
    [questionnaire_entry] = entries(store, "questionnaire")
    # A valid entry of the question bank renamed as the catalogue's: its header names another key.
    shutil.copyfile(questionnaire_entry, catalogue_entry)
    assert fresh_load(clauses) == catalogue
    header = json.loads(catalogue_entry.read_bytes().split(b"\n", 1)[0])
    assert header["kind"] == "catalogue" and header["model"] == "Catalogue"


def test_no_cache_when_turned_off(
    store: Path, clauses: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("READINESS_NO_CACHE", "1")
    assert cache_folder() is None
    fresh_load(clauses)
    assert not store.exists()


@pytest.mark.skipif(not hasattr(os, "getuid"), reason="POSIX permissions")
def test_a_folder_others_may_write_to_is_not_used(store: Path, clauses: Path) -> None:
    first = fresh_load(clauses)
    [entry] = entries(store, "catalogue")
    entry.write_bytes(b"planted")
    store.chmod(0o777)
    try:
        assert fresh_load(clauses) == first
        assert entry.read_bytes() == b"planted"  # neither read nor rewritten
    finally:
        store.chmod(0o700)


def test_a_catalogue_not_loaded_from_files_gives_no_bank_entry(
    store: Path, catalogue: Catalogue, bank: Path
) -> None:
    copied = catalogue.model_copy()
    assert catalogue_key(copied) is None
    assert load_questionnaire(copied, bank) == questionnaire_module._load(bank.resolve(), catalogue)
    assert entries(store, "questionnaire") == []


def test_the_key_covers_names_bytes_and_dependencies(tmp_path: Path) -> None:
    (tmp_path / "a.yaml").write_bytes(b"x: 1\n")
    (tmp_path / "b.yaml").write_bytes(b"x: 1\n")
    files = [tmp_path / "a.yaml"]
    key = source_key("k", tmp_path, files)
    assert key == source_key("k", tmp_path, files)
    assert key != source_key("k", tmp_path, [tmp_path / "b.yaml"])  # another name
    assert key != source_key("other", tmp_path, files)
    assert key != source_key("k", tmp_path, files, depends="catalogue")
    (tmp_path / "a.yaml").write_bytes(b"x: 2\n")
    assert key != source_key("k", tmp_path, files)
    assert source_key("k", tmp_path, [tmp_path / "missing.yaml"]) is None
    assert source_key("k", tmp_path, [tmp_path]) is None  # a folder is not hashed


def test_old_entries_are_pruned(store: Path, clauses: Path) -> None:
    head = clauses / "iso20000-1-2018" / "clauses.yaml"
    text = head.read_text(encoding="utf-8")
    keys = []
    for number in range(KEEP + 2):
        head.write_text(text + f"\n# edit {number}\n", encoding="utf-8")
        key = catalogue_key(fresh_load(clauses))
        assert key is not None
        keys.append(key)
        # Written in the same second: make the order of writing plain to the pruning.
        os.utime(entry_path(store, "catalogue", key), (1e9 + number, 1e9 + number))
    assert entries(store, "catalogue") == sorted(
        entry_path(store, "catalogue", key) for key in keys[-KEEP:]
    )
    assert not list(store.glob(".*.tmp"))


def test_the_code_fingerprint_is_stable_within_a_run() -> None:
    assert cache_module.code_fingerprint() == cache_module.code_fingerprint()
    assert len(cache_module.code_fingerprint()) == 64
