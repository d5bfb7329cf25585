"""Atomic, deterministic writing of a build's files.

Every file is first written in full under a temporary name beside its target
(``.NAME.tmp-<8 random characters>``), then all are renamed into place. If anything fails
before the renames, the temporaries are removed and the previous outputs stay
as they were; if a rename fails, the files already replaced are put back from
hard-link backups (``.NAME.bak-<8 random characters>``). A build killed meanwhile leaves
these behind: the next build into the directory (which holds it alone, by a
lock) finishes the interrupted one's rollback before writing. A failure of the
user's machine (no permission, a read-only or full disk, a name taken by a
directory) is an :class:`OutputError` naming the path.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import errno
import os
import re
import secrets
import shutil
import sys
import tempfile
from collections.abc import Iterator, Mapping
from pathlib import Path

from lkjip_cli.errors import OutputError, write_error

if sys.platform != "win32":
    import fcntl

__all__ = ["OutputError", "recover", "source_date", "write_outputs"]

_LEFTOVER = re.compile(r"\.(?P<name>.+)\.(?:(?P<temp>tmp-[a-z0-9_]{8})|bak-[0-9a-f]{8})")
"""The temporaries and backups of :func:`write_outputs` (see ``_write_temp``, ``_backup``)."""


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
    """Write ``files`` (name → content) into ``out_dir`` all at once, or not at all.

    Raises :class:`OutputError` when the machine refuses; nothing is changed then.
    """
    for name in files:
        _check_name(name)
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise write_error(out_dir, exc) from None
    for name in files:
        target = out_dir / name
        if target.is_dir() and not target.is_symlink():
            raise write_error(target, IsADirectoryError(errno.EISDIR, os.strerror(errno.EISDIR)))
    with _alone_in(out_dir):
        _finish_interrupted(out_dir)
        _write_all(out_dir, files)
    return [out_dir / name for name in files]


def recover(out_dir: Path) -> None:
    """Put back the previous report where a build was killed while writing into ``out_dir``.

    :func:`write_outputs` does so too; a build calls this first so that even one
    stopped by the data's errors leaves the last complete report, not a mix.
    """
    if out_dir.is_dir():
        with _alone_in(out_dir):
            _finish_interrupted(out_dir)


def _write_all(out_dir: Path, files: Mapping[str, bytes]) -> None:
    temps: dict[str, Path] = {}
    backups: dict[str, Path] = {}
    replaced: list[str] = []
    at = out_dir
    try:
        for name, data in files.items():
            at = out_dir / name
            temps[name] = _write_temp(out_dir, name, data)
        for name in files:
            at = out_dir / name
            if at.is_file():
                backups[name] = _backup(at)
        for name in files:
            at = out_dir / name
            os.replace(temps[name], at)
            del temps[name]
            replaced.append(name)
    except BaseException as exc:
        _roll_back(out_dir, replaced, backups)
        for temp in temps.values():
            with contextlib.suppress(OSError):
                temp.unlink()
        if isinstance(exc, OSError):
            raise write_error(at, exc) from None
        raise
    finally:
        for backup in backups.values():
            with contextlib.suppress(OSError):
                backup.unlink()
    _fsync_dir(out_dir)


@contextlib.contextmanager
def _alone_in(out_dir: Path) -> Iterator[None]:
    """Hold ``out_dir`` for this build alone, so that no other build's files look left over."""
    if sys.platform == "win32":  # no flock; builds there are not run side by side
        yield
        return
    try:
        fd = os.open(out_dir, os.O_RDONLY)
    except OSError:  # a directory one may write but not read: no lock, as before
        yield
        return
    try:
        with contextlib.suppress(OSError):  # a file system without locks: none, as before
            fcntl.flock(fd, fcntl.LOCK_EX)
        yield
    finally:
        os.close(fd)  # releases the lock


def _finish_interrupted(out_dir: Path) -> None:
    """Undo what a build killed while writing into ``out_dir`` left there.

    Temporaries left mean it had not renamed them all: its backups are put back,
    so the outputs are again those of the last complete build. Backups alone
    mean it had renamed everything: they are removed.
    """
    temps: list[Path] = []
    backups: dict[str, list[Path]] = {}
    try:
        entries = sorted(out_dir.iterdir())
    except OSError:  # not readable: nothing can be found, nothing to undo
        return
    for entry in entries:
        found = _LEFTOVER.fullmatch(entry.name)
        if found is None or entry.is_symlink() or not entry.is_file():
            continue
        if found["temp"]:
            temps.append(entry)
        else:
            backups.setdefault(found["name"], []).append(entry)
    try:
        for name, copies in backups.items():
            if temps:
                _put_back(copies.pop(), out_dir / name)
            for extra in copies:
                extra.unlink()
        for temp in temps:
            temp.unlink()
    except OSError as exc:
        raise write_error(out_dir, exc) from None


def _put_back(backup: Path, target: Path) -> None:
    """``backup`` becomes ``target`` again; a rename of two links of one file would do nothing."""
    if target.exists() and os.path.samefile(backup, target):
        backup.unlink()  # the file was not replaced yet
    else:
        os.replace(backup, target)


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
