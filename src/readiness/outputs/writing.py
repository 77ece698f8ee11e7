"""Writing outputs safely: whole or not at all, and never over an input.

Every output is written to a hidden temporary file beside it, flushed to disk, then renamed
over the target: a reader sees the old file or the new one, never half of one. A run killed
with SIGKILL (or a power cut) cannot remove its temporary file; the name of that file carries
the writer's process id (``.report.html.readiness-4711.k3x9q2ab.tmp``), so the next run in the
same folder can tell a leftover of a dead run from the file of a run still writing, and
removes the leftovers.

The outputs of one run are written together (:func:`write_outputs`): every new file is
written beside its target first, then each target is replaced in turn, keeping the old file
until all are in place; if one cannot be replaced (on Windows, a report still open in Excel),
those already replaced are put back. A run killed between two renames leaves a journal
(:mod:`readiness.outputs.journal`); the next run in the folder puts the old files back before
anything else, so the folder never mixes two runs' outputs. A file is never written through a
symbolic link.
"""

from __future__ import annotations

import contextlib
import functools
import os
import re
import secrets
import shutil
import sys
import tempfile
import time
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

from readiness.errors import OutputError
from readiness.outputs.journal import begin, finish, journals, roll_back, writer_of

TEMP_MARK = "readiness"
"""Word in the name of every temporary file of ours, so that no other file is ever removed."""
_TEMP_NAME = re.compile(rf"^\.(?P<target>.+)\.{TEMP_MARK}-(?P<pid>\d+)\.[A-Za-z0-9_]+\.tmp$")
WINDOWS = sys.platform == "win32"
"""Windows paths in this module; tests patch it to run them anywhere."""
STALE_AFTER = 3600.0
"""Seconds after which a temporary file is a leftover even if its process id is in use again."""


def _file_mode() -> int:
    """Permissions of a new ordinary file under the current umask."""
    mask = os.umask(0)
    os.umask(mask)
    return 0o666 & ~mask


_FILE_MODE = _file_mode()


def output_folder(value: str | Path) -> Path:
    """The ``--out`` a consultant typed, refused when empty (it would mean the current folder).

    Raises ValueError (the command line turns it into a usage error).
    """
    if isinstance(value, Path):
        return value
    if not value.strip():
        raise ValueError("give a folder name; an empty --out would write into the current folder")
    return Path(value)


_JUNCTION = 0xA0000003
"""IO_REPARSE_TAG_MOUNT_POINT: a Windows junction, a link to a folder that is no symlink."""


def _is_link(path: Path) -> bool:
    """A symbolic link, or on Windows a junction (which ``is_symlink`` does not see)."""
    if path.is_symlink():
        return True
    if not WINDOWS:
        return False
    try:
        return getattr(os.lstat(path), "st_reparse_tag", 0) == _JUNCTION
    except OSError:
        return False


def check_folder(folder: Path) -> None:
    """Refuse an output folder that is a file, a symbolic link or a junction (OutputError)."""
    if _is_link(folder):
        raise OutputError(
            f"{folder}: the output folder is a symbolic link; give the folder it points to"
        )
    if folder.exists() and not folder.is_dir():
        raise OutputError(f"{folder}: the output folder is a file")


def refuse_existing(path: Path) -> None:
    """Refuse to replace a file that exists: it may hold a client's answers (OutputError)."""
    if path.is_symlink() or path.is_file():
        raise OutputError(
            f"{path}: the file exists and may hold a client's answers; give --force to replace it"
        )


def prepare_folder(folder: Path, inputs: Iterable[Path] = ()) -> Path:
    """Create ``folder`` if needed; refuse one that is a file or a link; undo the runs killed
    in it between two renames and remove the leftover temporary files of killed runs."""
    check_folder(folder)
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise OutputError(f"{folder}: cannot create the output folder ({error.strerror})") from None
    recover_interrupted(folder)
    remove_stale_temporaries(folder)
    return folder


def recover_interrupted(folder: Path) -> list[Path]:
    """Put back the previous outputs wherever a run in ``folder`` died between two renames
    (its journal is still there, its writer is gone); return the outputs put back or removed.

    Raises OutputError when an old file cannot be put back (on Windows, a report open in
    another program): writing new outputs then would lose it.
    """
    restored: list[Path] = []
    for journal in journals(folder):
        if _writer_alive(writer_of(journal)) and not _older_than(journal, STALE_AFTER):
            continue
        try:
            restored += roll_back(journal, _is_temporary_of)
        except OSError as error:
            where = Path(error.filename) if error.filename else folder
            reason = (
                f"it is open in another program; close {where.name} and run again"
                if WINDOWS and isinstance(error, PermissionError)
                else f"{error.strerror}"
            )
            raise OutputError(
                f"{where}: the outputs of an interrupted run cannot be put back ({reason})"
            ) from None
    if restored:
        _sync_folder(folder)
    return restored


def _is_temporary_of(name: str, target: str) -> bool:
    found = _TEMP_NAME.match(name)
    return found is not None and found["target"] == target


def temporary_files(folder: Path) -> list[Path]:
    """Our temporary files and journals in ``folder`` (of runs alive or dead)."""
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return []
    found = [Path(entry.path) for entry in entries if _TEMP_NAME.match(entry.name)]
    return sorted([*found, *journals(folder)])


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
    """Whether process ``pid`` runs (ours included: another thread may be writing).

    On Windows ``os.kill`` with any signal but the console events *terminates* the process,
    so the question is asked of the Windows API instead (:func:`_windows_process_alive`).
    """
    if pid == os.getpid():
        return True
    if WINDOWS:
        return _windows_process_alive(pid)
    try:
        os.kill(pid, 0)  # POSIX only: signal 0 checks the process and sends nothing
    except ProcessLookupError:
        return False
    except OSError:
        return True  # a process of another user: leave its file alone
    return True


_QUERY_LIMITED_INFORMATION = 0x1000
_STILL_ACTIVE = 259
_INVALID_PARAMETER = 87


def _windows_process_alive(pid: int, kernel32: Any = None) -> bool:
    """Whether process ``pid`` runs, asked of ``kernel32`` (OpenProcess, GetExitCodeProcess)."""
    if kernel32 is None:  # pragma: no cover - Windows only
        import ctypes

        kernel32 = ctypes.windll.kernel32  # type: ignore[attr-defined,unused-ignore]
    handle = kernel32.OpenProcess(_QUERY_LIMITED_INFORMATION, False, pid)
    if not handle:
        return bool(kernel32.GetLastError() != _INVALID_PARAMETER)  # denied: alive, not ours
    try:
        import ctypes

        code = ctypes.c_ulong(0)
        if not kernel32.GetExitCodeProcess(handle, ctypes.byref(code)):
            return True
        return code.value == _STILL_ACTIVE
    finally:
        kernel32.CloseHandle(handle)


def _older_than(path: Path, seconds: float) -> bool:
    try:
        return time.time() - path.stat().st_mtime > seconds
    except OSError:
        return False


def write_atomic(path: Path, data: str | bytes, *, inputs: Iterable[Path] = ()) -> Path:
    """Write ``data`` to ``path`` through a temporary file and a rename.

    A run killed midway leaves the old file (or none), never half a file. Refuses to write
    over any of ``inputs`` or through a symbolic link.
    """
    _write_together(path.parent, {path.name: data}, list(inputs))
    return path


def write_outputs(
    folder: Path, outputs: Mapping[str, str | bytes], *, inputs: Iterable[Path] = ()
) -> list[Path]:
    """Write every output of one run into ``folder`` (named by ``outputs``' keys) together:
    all of them replace the old files, or none does (OutputError says which one failed)."""
    sources = list(inputs)
    prepare_folder(folder, sources)
    return _write_together(folder, outputs, sources)


def _write_together(
    folder: Path, outputs: Mapping[str, str | bytes], inputs: list[Path]
) -> list[Path]:
    recover_interrupted(folder)
    targets = [_checked_target(folder / name, inputs) for name in outputs]
    temporaries: list[Path] = []
    try:
        for target, data in zip(targets, outputs.values(), strict=True):
            payload = data.encode("utf-8") if isinstance(data, str) else data
            remove_stale_temporaries(folder, target.name)
            temporaries.append(_write_temporary(target, payload))
        _replace_all(folder, list(zip(targets, temporaries, strict=True)))
    finally:
        for temporary in temporaries:
            with contextlib.suppress(OSError):
                temporary.unlink()
    _sync_folder(folder)
    return targets


def _checked_target(path: Path, inputs: list[Path]) -> Path:
    """``path``, refused if it is an input, a symbolic link or a folder."""
    if path.is_symlink():
        raise OutputError(f"{path}: is a symbolic link; refusing to write through it")
    if path.is_dir():
        raise OutputError(f"{path}: cannot write here (it is a folder)")
    if inputs and _is_input(path, tuple(str(source) for source in inputs)):
        raise OutputError(f"{path}: refusing to write over an input file")
    return path


def _path_key(path: str | Path) -> str:
    return os.path.normcase(os.path.realpath(path))


@functools.lru_cache(maxsize=8)
def _input_identities(inputs: tuple[str, ...]) -> tuple[frozenset[str], frozenset[tuple[int, int]]]:
    """The resolved names and the (device, file) numbers of a run's inputs, found once per
    process: a portfolio of 200 files checks every output against all 200 (40,000 lookups
    otherwise). Stale numbers can only refuse a write (safe); a new hard link missed is
    harmless, since outputs are renamed into place, never written into an existing file."""
    names = frozenset(_path_key(source) for source in inputs)
    numbers = set()
    for source in inputs:
        with contextlib.suppress(OSError):
            status = Path(source).stat()
            numbers.add((status.st_dev, status.st_ino))
    return names, frozenset(numbers)


def _is_input(path: Path, inputs: tuple[str, ...]) -> bool:
    """Whether ``path`` names one of ``inputs``: by its resolved name, or as the same file on
    a case-insensitive disk or through a hard link."""
    names, numbers = _input_identities(inputs)
    if _path_key(path) in names:
        return True
    try:
        status = path.stat()
    except OSError:
        return False  # nothing there yet: no input to replace
    return (status.st_dev, status.st_ino) in numbers


def _temporary_name(target: Path) -> str:
    return f".{target.name}.{TEMP_MARK}-{os.getpid()}.{secrets.token_hex(4)}.tmp"


def _write_temporary(target: Path, payload: bytes) -> Path:
    """``payload`` in a new temporary file beside ``target``, on disk."""
    try:
        handle, name = tempfile.mkstemp(
            prefix=f".{target.name}.{TEMP_MARK}-{os.getpid()}.", suffix=".tmp", dir=target.parent
        )
    except OSError as error:
        raise OutputError(f"{target}: cannot write here ({error.strerror})") from None
    temporary = Path(name)
    try:
        if not WINDOWS:  # mkstemp makes 0600; a report is an ordinary file
            os.fchmod(handle, _FILE_MODE)
        with os.fdopen(handle, "wb") as stream:
            stream.write(payload)
            stream.flush()
            os.fsync(stream.fileno())
    except OSError as error:
        with contextlib.suppress(OSError):
            temporary.unlink()
        raise OutputError(f"{target}: cannot write here ({error.strerror})") from None
    except BaseException:
        with contextlib.suppress(OSError):
            temporary.unlink()
        raise
    return temporary


def _keep_old(target: Path) -> Path | None:
    """A copy of the file at ``target`` (a hard link where the disk allows), or None."""
    if not target.exists():
        return None
    backup = target.with_name(_temporary_name(target))
    try:
        os.link(target, backup)
    except OSError:
        shutil.copyfile(target, backup)
    return backup


def _replace_all(folder: Path, pairs: list[tuple[Path, Path]]) -> None:
    """Move each temporary over its target, the old files kept and journalled until all are
    in place; on a failure, put back the old files."""
    backups: list[Path | None] = []
    failing = folder  # the journal's
    try:
        for failing, _ in pairs:
            backups.append(_keep_old(failing))
        failing = folder
        listed = [(t, b, n) for (t, n), b in zip(pairs, backups, strict=True)]
        journal = begin(folder, listed) if len(pairs) > 1 else None
    except OSError as error:
        _remove(backups)
        raise _replace_error(failing, error, changed=False) from None
    _sync_folder(folder)
    done: list[tuple[Path, Path | None]] = []
    for (target, temporary), backup in zip(pairs, backups, strict=True):
        try:
            temporary.replace(target)
        except OSError as error:
            for replaced, old in reversed(done):
                with contextlib.suppress(OSError):
                    if old is None:
                        replaced.unlink()
                    else:
                        old.replace(replaced)
            _remove(backups)
            if journal is not None:
                finish(journal)
            raise _replace_error(target, error, changed=len(pairs) > 1) from None
        done.append((target, backup))
    if journal is not None:
        finish(journal)
        _sync_folder(folder)  # the journal is gone for good before the old files go
    _remove(backups)


def _remove(paths: Iterable[Path | None]) -> None:
    for path in paths:
        if path is not None:
            with contextlib.suppress(OSError):
                path.unlink()


def _replace_error(target: Path, error: OSError, *, changed: bool) -> OutputError:
    kept = "; no output was changed" if changed else ""
    if WINDOWS and isinstance(error, PermissionError):
        return OutputError(
            f"{target}: the file is open in another program; close {target.name} and run"
            f" again{kept}"
        )
    return OutputError(f"{target}: cannot write here ({error.strerror}){kept}")


def _sync_folder(folder: Path) -> None:
    """Make the rename durable (POSIX); a no-op where folders cannot be opened."""
    with contextlib.suppress(OSError, AttributeError):
        descriptor = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(descriptor)
        finally:
            os.close(descriptor)
