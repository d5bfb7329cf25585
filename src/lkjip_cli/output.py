"""Atomic, deterministic writing of a build's files.

Every file is first written in full under a temporary name beside its target,
then all are renamed into place. If anything fails before the renames, the
temporaries are removed and the previous outputs stay as they were; if a
rename fails, the files already replaced are put back from hard-link backups.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import secrets
import shutil
import tempfile
from collections.abc import Mapping
from pathlib import Path


class OutputError(OSError):
    """A build's files could not be written; the previous outputs are untouched."""


def _check_name(name: str) -> None:
    if not name or name in (".", "..") or Path(name).name != name or "\\" in name:
        raise ValueError(f"nama berkas keluaran tidak sah: {name!r} (tanpa direktori)")


def _write_temp(out_dir: Path, name: str, data: bytes) -> Path:
    fd, temp = tempfile.mkstemp(dir=out_dir, prefix=f".{name}.tmp-")
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(temp, 0o644)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temp)
        raise
    return Path(temp)


def _backup(target: Path) -> Path:
    """A second name for the current ``target`` (a hard link, else a copy)."""
    while True:
        backup = target.with_name(f".{target.name}.bak-{secrets.token_hex(4)}")
        try:
            os.link(target, backup)
        except FileExistsError:
            continue
        except OSError:  # no hard links on this filesystem
            shutil.copy2(target, backup)
        return backup


def _fsync_dir(path: Path) -> None:
    # Makes the renames durable; not every platform can open a directory.
    try:
        fd = os.open(path, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def write_outputs(out_dir: Path, files: Mapping[str, bytes]) -> list[Path]:
    """Write ``files`` (name → content) into ``out_dir`` all at once, or not at all."""
    for name in files:
        _check_name(name)
    out_dir.mkdir(parents=True, exist_ok=True)
    temps: dict[str, Path] = {}
    backups: dict[str, Path] = {}
    replaced: list[str] = []
    try:
        for name, data in files.items():
            temps[name] = _write_temp(out_dir, name, data)
        for name in files:
            target = out_dir / name
            if target.is_file():
                backups[name] = _backup(target)
        for name in files:
            os.replace(temps[name], out_dir / name)
            del temps[name]
            replaced.append(name)
    except BaseException:
        _roll_back(out_dir, replaced, backups)
        for temp in temps.values():
            with contextlib.suppress(OSError):
                temp.unlink()
        raise
    finally:
        for backup in backups.values():
            with contextlib.suppress(OSError):
                backup.unlink()
    _fsync_dir(out_dir)
    return [out_dir / name for name in files]


def _roll_back(out_dir: Path, replaced: list[str], backups: dict[str, Path]) -> None:
    """Put back what the failed build replaced; remove what it newly created."""
    for name in reversed(replaced):
        target = out_dir / name
        with contextlib.suppress(OSError):
            if name in backups:
                os.replace(backups.pop(name), target)
            else:
                target.unlink()


def source_date(default: dt.date, environ: Mapping[str, str] | None = None) -> dt.date:
    """The build date: ``SOURCE_DATE_EPOCH`` (UTC) when set, else ``default``."""
    env = os.environ if environ is None else environ
    raw = env.get("SOURCE_DATE_EPOCH", "").strip()
    if not raw:
        return default
    try:
        seconds = int(raw)
        return dt.datetime.fromtimestamp(seconds, tz=dt.UTC).date()
    except (ValueError, OverflowError, OSError):
        raise ValueError(
            f"SOURCE_DATE_EPOCH harus jumlah detik sejak 1970-01-01 (bilangan bulat), bukan {raw!r}"
        ) from None
