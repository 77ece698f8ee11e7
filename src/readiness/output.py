"""Writing outputs safely: whole or not at all, and never over an input."""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Iterable
from pathlib import Path

from readiness.errors import OutputError


def _file_mode() -> int:
    """Permissions of a new ordinary file under the current umask."""
    mask = os.umask(0)
    os.umask(mask)
    return 0o666 & ~mask


_FILE_MODE = _file_mode()


def prepare_folder(folder: Path, inputs: Iterable[Path]) -> Path:
    """Create ``folder`` if needed; refuse one that is a file."""
    if folder.exists() and not folder.is_dir():
        raise OutputError(f"{folder}: the output folder is a file")
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise OutputError(f"{folder}: cannot create the output folder ({error.strerror})") from None
    return folder


def write_atomic(path: Path, data: str | bytes, *, inputs: Iterable[Path] = ()) -> Path:
    """Write ``data`` to ``path`` through a temporary file and a rename.

    A run killed midway leaves the old file (or none), never half a file. Refuses to write
    over any of ``inputs``.
    """
    target = path.resolve()
    if any(target == Path(source).resolve() for source in inputs):
        raise OutputError(f"{path}: refusing to write over an input file")
    payload = data.encode("utf-8") if isinstance(data, str) else data
    try:
        handle, temporary = tempfile.mkstemp(
            prefix=f".{target.name}.", suffix=".tmp", dir=target.parent
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
    return path
