"""A cache of the validated catalogue and question bank, so that they are parsed once.

Parsing and validating the YAML of the catalogue and the question bank takes about a quarter
of a second; reading the same models back from JSON takes a few milliseconds. An entry is
keyed by the SHA-256 of the YAML files' names and bytes and of the code that parses them (the
version, pydantic's version and the source of our models and loaders), so an edited YAML file
or a new release is parsed afresh and never served stale.

Entries live in the user's cache folder (``$READINESS_CACHE_DIR``, else
``$XDG_CACHE_HOME/readiness``, else ``%LOCALAPPDATA%\\readiness\\cache`` on Windows, else
``~/.cache/readiness``), never beside the inputs or the
outputs. They are JSON, never pickle: reading one runs the same pydantic validation as a fresh
parse, so a corrupt, truncated or foreign entry fails it and is ignored and rebuilt. A folder
that belongs to another user, or that others may write to, is not used. Entries are written
to a temporary file and renamed, so a reader never sees half of one. ``READINESS_NO_CACHE=1``
turns the cache off. A cache that cannot be read or written only costs the time of a parse.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import stat
import tempfile
from collections.abc import Callable, Sequence
from functools import cache
from pathlib import Path
from typing import TypeVar

from pydantic import BaseModel

from readiness.sources.yaml import MAX_BYTES

M = TypeVar("M", bound=BaseModel)

FORMAT = 1
"""Version of the entry layout; part of every key."""
KEEP = 8
"""Entries kept per kind (catalogue, questionnaire); older ones are removed on writing."""
MAX_ENTRY = 64 * 1024 * 1024
"""Largest entry read, in bytes (the shipped catalogue and bank are about 300 KB)."""
_CODE_FOLDERS = ("models", "data", "sources")
"""Packages whose source decides what a parse produces."""


def cache_folder() -> Path | None:
    """The folder of the cache entries, or None when the cache is turned off."""
    if os.environ.get("READINESS_NO_CACHE", "").strip() not in {"", "0"}:
        return None
    chosen = os.environ.get("READINESS_CACHE_DIR", "").strip()
    if chosen:
        return Path(chosen)
    base = os.environ.get("XDG_CACHE_HOME", "").strip()
    if base:
        return Path(base) / "readiness"
    if os.name == "nt" and os.environ.get("LOCALAPPDATA"):
        return Path(os.environ["LOCALAPPDATA"]) / "readiness" / "cache"
    return Path.home() / ".cache" / "readiness"


@cache
def code_fingerprint() -> str:
    """SHA-256 of what decides the parsed models: our version, pydantic's, and our source."""
    import pydantic

    from readiness.version import __version__

    digest = hashlib.sha256(f"{FORMAT}\0{__version__}\0{pydantic.VERSION}\0".encode())
    package = Path(__file__).resolve().parent.parent
    for name in _CODE_FOLDERS:
        for path in sorted((package / name).glob("*.py")):
            digest.update(f"{name}/{path.name}\0".encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()


def source_key(kind: str, folder: Path, files: Sequence[Path], *, depends: str = "") -> str | None:
    """The key of an entry built from ``files`` (under ``folder``), or None when one of them
    is not a regular file of a readable size (the parse then reports it)."""
    digest = hashlib.sha256(f"{kind}\0{code_fingerprint()}\0{depends}\0".encode())
    for path in files:
        try:
            status = path.stat()
            if not stat.S_ISREG(status.st_mode) or status.st_size > MAX_BYTES:
                return None
            data = path.read_bytes()
        except OSError:
            return None
        name = path.relative_to(folder).as_posix()
        digest.update(f"{name}\0{len(data)}\0".encode())
        digest.update(data)
    return digest.hexdigest()


def cached_model(model: type[M], kind: str, key: str | None, build: Callable[[], M]) -> M:
    """The model stored under ``key``, or ``build()`` stored under it for the next run."""
    folder = cache_folder()
    if key is None or folder is None:
        return build()
    found = read_entry(model, folder, kind, key)
    if found is not None:
        return found
    built = build()
    write_entry(built, folder, kind, key)
    return built


def entry_path(folder: Path, kind: str, key: str) -> Path:
    """Where the entry of ``kind`` under ``key`` is kept."""
    return folder / f"{kind}-{key}.json"


def _header(model: type[BaseModel], kind: str, key: str) -> bytes:
    fields = {"cache": "readiness", "format": FORMAT, "kind": kind, "model": model.__name__}
    return json.dumps({**fields, "key": key}, sort_keys=True).encode()


def read_entry(model: type[M], folder: Path, kind: str, key: str) -> M | None:
    """The validated model of an entry, or None if it is missing, unsafe, corrupt or foreign."""
    path = entry_path(folder, kind, key)
    try:
        if not safe_folder(folder):
            return None
        with path.open("rb") as stream:
            status = os.fstat(stream.fileno())
            if not stat.S_ISREG(status.st_mode) or status.st_size > MAX_ENTRY:
                return None
            raw = stream.read()
        header, _, body = raw.partition(b"\n")
        if header != _header(model, kind, key):
            return None
        return model.model_validate_json(body)
    except (OSError, ValueError):  # pydantic's ValidationError is a ValueError
        return None


def write_entry(value: BaseModel, folder: Path, kind: str, key: str) -> None:
    """Store ``value`` under ``key`` atomically; keep the newest entries of ``kind``."""
    try:
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        if not safe_folder(folder):
            return
        data = _header(type(value), kind, key) + b"\n" + value.model_dump_json().encode()
        handle, name = tempfile.mkstemp(dir=folder, prefix=f".{kind}-", suffix=".tmp")
        temporary = Path(name)
        try:
            with os.fdopen(handle, "wb") as stream:
                stream.write(data)
            temporary.replace(entry_path(folder, kind, key))
        except BaseException:
            with contextlib.suppress(OSError):
                temporary.unlink()
            raise
        _prune(folder, kind)
    except OSError:
        return  # a read-only or full disk: the next run parses again


def _prune(folder: Path, kind: str) -> None:
    entries = sorted(
        folder.glob(f"{kind}-*.json"), key=lambda path: path.stat().st_mtime, reverse=True
    )
    for old in entries[KEEP:]:
        with contextlib.suppress(OSError):
            old.unlink()


def safe_folder(folder: Path) -> bool:
    """True if only this user can write to ``folder`` (always true where there are no uids)."""
    if not hasattr(os, "getuid"):
        return True
    status = folder.stat()
    return status.st_uid == os.getuid() and not status.st_mode & (stat.S_IWGRP | stat.S_IWOTH)
