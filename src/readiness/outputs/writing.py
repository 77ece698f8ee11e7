"""Writing outputs safely: whole or not at all, and never over an input.

Every output is written to a hidden temporary file beside it, flushed to disk, then renamed
over the target: a reader sees the old file or the new one, never half of one. A run killed
with SIGKILL (or a power cut) cannot remove its temporary file; the name of that file carries
the writer's process id (``.report.html.readiness-4711.k3x9q2ab.tmp``), so the next run in the
same folder can tell a leftover of a dead run from the file of a run still writing, and
removes the leftovers.
"""

from __future__ import annotations

import contextlib
import os
import re
import tempfile
import time
from collections.abc import Iterable, Mapping
from pathlib import Path

from readiness.errors import OutputError

TEMP_MARK = "readiness"
"""Word in the name of every temporary file of ours, so that no other file is ever removed."""
_TEMP_NAME = re.compile(rf"^\.(?P<target>.+)\.{TEMP_MARK}-(?P<pid>\d+)\.[A-Za-z0-9_]+\.tmp$")
STALE_AFTER = 3600.0
"""Seconds after which a temporary file is a leftover even if its process id is in use again."""


def _file_mode() -> int:
    """Permissions of a new ordinary file under the current umask."""
    mask = os.umask(0)
    os.umask(mask)
    return 0o666 & ~mask


_FILE_MODE = _file_mode()


def prepare_folder(folder: Path, inputs: Iterable[Path]) -> Path:
    """Create ``folder`` if needed; refuse one that is a file; remove leftover temporary
    files of killed runs from it."""
    if folder.exists() and not folder.is_dir():
        raise OutputError(f"{folder}: the output folder is a file")
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise OutputError(f"{folder}: cannot create the output folder ({error.strerror})") from None
    remove_stale_temporaries(folder)
    return folder


def temporary_files(folder: Path) -> list[Path]:
    """Our temporary files in ``folder`` (of runs alive or dead)."""
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return []
    return sorted(Path(entry.path) for entry in entries if _TEMP_NAME.match(entry.name))


def remove_stale_temporaries(folder: Path, target: str | None = None) -> list[Path]:
    """Remove the temporary files left in ``folder`` by runs that died (all of them, or those
    of output ``target`` only); return what was removed. Never fails: it is housekeeping."""
    removed: list[Path] = []
    for path in temporary_files(folder):
        found = _TEMP_NAME.match(path.name)
        if found is None or (target is not None and found["target"] != target):
            continue
        if _writer_alive(int(found["pid"])) and not _older_than(path, STALE_AFTER):
            continue
        with contextlib.suppress(OSError):
            path.unlink()
            removed.append(path)
    return removed


def _writer_alive(pid: int) -> bool:
    """Whether process ``pid`` runs (ours included: another thread may be writing)."""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except (PermissionError, OSError):
        return True  # a process of another user: leave its file alone
    return True


def _older_than(path: Path, seconds: float) -> bool:
    try:
        return time.time() - path.stat().st_mtime > seconds
    except OSError:
        return False


def write_atomic(path: Path, data: str | bytes, *, inputs: Iterable[Path] = ()) -> Path:
    """Write ``data`` to ``path`` through a temporary file and a rename.

    A run killed midway leaves the old file (or none), never half a file. Refuses to write
    over any of ``inputs``.
    """
    target = path.resolve()
    if any(target == Path(source).resolve() for source in inputs):
        raise OutputError(f"{path}: refusing to write over an input file")
    payload = data.encode("utf-8") if isinstance(data, str) else data
    remove_stale_temporaries(target.parent, target.name)
    try:
        handle, temporary = tempfile.mkstemp(
            prefix=f".{target.name}.{TEMP_MARK}-{os.getpid()}.", suffix=".tmp", dir=target.parent
        )
    except OSError as error:
        raise OutputError(f"{path}: cannot write here ({error.strerror})") from None
    try:
        os.fchmod(handle, _FILE_MODE)  # mkstemp makes 0600; a report is an ordinary file
        with os.fdopen(handle, "wb") as stream:
            stream.write(payload)
            stream.flush()
            os.fsync(stream.fileno())
        Path(temporary).replace(target)
    except OSError as error:
        with contextlib.suppress(OSError):
            Path(temporary).unlink()
        raise OutputError(f"{path}: cannot write here ({error.strerror})") from None
    except BaseException:
        with contextlib.suppress(OSError):
            Path(temporary).unlink()
        raise
    _sync_folder(target.parent)
    return path


def _sync_folder(folder: Path) -> None:
    """Make the rename durable (POSIX); a no-op where folders cannot be opened."""
    with contextlib.suppress(OSError, AttributeError):
        descriptor = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(descriptor)
        finally:
            os.close(descriptor)


def write_outputs(
    folder: Path, files: Mapping[str, str | bytes], *, inputs: Iterable[Path] = ()
) -> list[Path]:
    """Write every one of ``files`` (name → content) into ``folder``, each atomically; return
    the paths written, in the order given."""
    return [write_atomic(folder / name, data, inputs=inputs) for name, data in files.items()]
