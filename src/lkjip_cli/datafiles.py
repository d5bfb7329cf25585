"""The one way to read a file of a data directory: a regular file inside it.

A data file or narrative that is a symlink leading out of the data directory
would publish whatever it points at (``/etc/passwd``, a CI token) in the
report; a FIFO or a device would block the read forever. Every reader of
the data directory goes through :func:`read_data_file`, which refuses both
before opening anything and reads at most ``limit`` bytes.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

from lkjip_cli.errors import InputError

OUTSIDE = "input.di-luar-direktori"
"""Rule id: a file (or a folder on its way) leads out of the data directory."""
NOT_REGULAR = "input.bukan-berkas-biasa"
"""Rule id: a directory, FIFO, device or socket where a file belongs."""

_KINDS = (
    (stat.S_ISDIR, "direktori"),
    (stat.S_ISFIFO, "FIFO (pipa bernama)"),
    (stat.S_ISCHR, "perangkat"),
    (stat.S_ISBLK, "perangkat"),
    (stat.S_ISSOCK, "soket"),
)


def _kind(mode: int) -> str:
    return next((name for test, name in _KINDS if test(mode)), "bukan berkas biasa")


def _not_regular(label: str, mode: int) -> InputError:
    return InputError(
        f"{label} bukan berkas biasa melainkan {_kind(mode)}; data hanya dibaca dari "
        "berkas biasa: ganti dengan berkas berisi data",
        rule=NOT_REGULAR,
    )


def _unreadable(label: str, exc: OSError) -> InputError:
    return InputError(f"berkas tidak dapat dibaca: {label} ({exc.strerror or exc})")


def _inside(root: Path, path: Path, label: str) -> Path:
    """``path`` with every symlink resolved; refused unless it stays inside ``root``."""
    real_root = root.resolve()
    real = path.resolve()
    if real != real_root and real_root not in real.parents:
        raise InputError(
            f"{label} menunjuk ke luar direktori data ({real}); lkjip hanya membaca berkas di "
            f"dalam {root}: salin isinya ke sana sebagai berkas biasa",
            rule=OUTSIDE,
        )
    return real


def read_data_file(root: Path, path: Path, *, label: str, limit: int) -> bytes:
    """The bytes of ``path``, a regular file inside ``root`` of at most ``limit`` bytes.

    Raises :class:`InputError` (its message names ``label``) for a missing,
    unreadable, too big or non-regular file and for one outside ``root``.
    """
    if not os.path.lexists(path):
        raise InputError(f"berkas tidak ditemukan: {label}")
    try:
        real = _inside(root, path, label)
        mode = real.stat().st_mode
    except FileNotFoundError:  # a symlink to nothing
        raise InputError(
            f"berkas tidak ditemukan: {label} (tautan ke berkas yang tidak ada)"
        ) from None
    except RuntimeError:  # pathlib's word for a symlink loop
        raise InputError(f"berkas tidak dapat dibaca: {label} (tautan simbolik berputar)") from None
    except OSError as exc:
        raise _unreadable(label, exc) from None
    if not stat.S_ISREG(mode):
        raise _not_regular(label, mode)
    # O_NONBLOCK: should the file become a FIFO after the check, open must not wait
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOFOLLOW", 0)
    try:
        fd = os.open(real, flags)
    except OSError as exc:
        raise _unreadable(label, exc) from None
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise _not_regular(label, info.st_mode)
        if info.st_size > limit:
            raise _too_big(f"{info.st_size} bita", label, limit)
        # bounded: a file growing meanwhile must not be read whole
        with os.fdopen(fd, "rb") as handle:
            fd = -1
            raw = handle.read(limit + 1)
    except OSError as exc:
        raise _unreadable(label, exc) from None
    finally:
        if fd >= 0:
            os.close(fd)
    if len(raw) > limit:
        raise _too_big(f"lebih dari {limit} bita", label, limit)
    return raw


def _too_big(size: str, label: str, limit: int) -> InputError:
    """The error for a file over ``limit`` bytes."""
    return InputError(f"berkas terlalu besar: {label} ({size}; paling besar {limit} bita)")
