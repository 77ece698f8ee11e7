"""The journal of one run's renames, so that a run killed between two of them is undone.

A run replaces its outputs one rename at a time. Before the first rename it writes a journal
beside them (``.readiness-4711.k3x9q2ab.journal``): for each output, the temporary file that
replaces it and the copy of the old file kept until all are in place (none when there was no
old file). When every rename is done the journal is removed first, then the copies: a journal
on disk means its run did not finish. The next run in the folder finds it, sees that its
writer is dead, and puts every old file back (and removes the outputs that did not exist
before): the folder holds the previous run's outputs, all of them, as if the killed run had
never started. A journal that cannot be read was cut short while being written, before any
rename: it is only removed.

Every name in a journal is a plain file name in its own folder, checked before it is used:
a journal planted in the folder can point at nothing outside it.
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import secrets
from collections.abc import Callable, Sequence
from pathlib import Path

JOURNAL_NAME = re.compile(r"^\.readiness-(?P<pid>\d+)\.[0-9a-f]+\.journal$")

Entry = tuple[Path, Path | None, Path]
"""An output, the copy of its old file (None: there was none), the temporary replacing it."""


def journals(folder: Path) -> list[Path]:
    """The journals in ``folder``, of runs alive or dead."""
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return []
    return sorted(Path(entry.path) for entry in entries if JOURNAL_NAME.match(entry.name))


def writer_of(journal: Path) -> int:
    """The process id of the run that wrote ``journal``."""
    found = JOURNAL_NAME.match(journal.name)
    return int(found["pid"]) if found else 0


def begin(folder: Path, entries: Sequence[Entry]) -> Path:
    """Write the journal of ``entries`` to disk, before any of them is renamed."""
    journal = folder / f".readiness-{os.getpid()}.{secrets.token_hex(4)}.journal"
    listed = [
        {"output": out.name, "old": old.name if old else None, "new": new.name}
        for out, old, new in entries
    ]
    payload = json.dumps({"renames": listed}, ensure_ascii=True).encode("ascii")
    descriptor = os.open(journal, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0))
    try:
        os.write(descriptor, payload)
        os.fsync(descriptor)
    finally:
        os.close(descriptor)
    return journal


def finish(journal: Path) -> None:
    """The run is complete: its journal goes (the old copies after it)."""
    with contextlib.suppress(FileNotFoundError):
        journal.unlink()


def roll_back(journal: Path, is_temporary: Callable[[str, str], bool]) -> list[Path]:
    """Put back the old outputs of the dead run of ``journal``, remove the new ones it left
    and the journal; return the outputs put back or removed.

    ``is_temporary(name, output)`` says whether ``name`` is a temporary file of ``output``;
    an entry naming anything else is skipped. Raises OSError if an old file cannot be put
    back (the journal stays, for the next run to try again).
    """
    folder = journal.parent
    try:
        listed = json.loads(journal.read_bytes())["renames"]
        entries = [(str(e["output"]), e["old"], str(e["new"])) for e in listed]
    except (OSError, ValueError, KeyError, TypeError):
        entries = []  # cut short while being written: no rename had started
    restored: list[Path] = []
    for output, old, new in reversed(entries):
        if not _plain(output) or not is_temporary(new, output):
            continue
        if old is not None and not (isinstance(old, str) and is_temporary(old, output)):
            continue
        target = folder / output
        if old is not None and (folder / old).exists():
            (folder / old).replace(target)
            restored.append(target)
            with contextlib.suppress(OSError):  # a hard link of the target itself stays
                (folder / old).unlink()
        elif old is None and not (folder / new).exists() and not target.is_symlink():
            with contextlib.suppress(FileNotFoundError):
                target.unlink()  # it did not exist before the run
                restored.append(target)
        with contextlib.suppress(OSError):
            (folder / new).unlink()
    journal.unlink()
    return restored


def _plain(name: str) -> bool:
    """A file name of the folder itself: no separator, not '.' or '..'."""
    return bool(name) and name not in {".", ".."} and not re.search(r"[/\\:\x00]", name)
