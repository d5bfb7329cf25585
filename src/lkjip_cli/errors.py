"""The errors of the user's input and machine, each with its exit code.

An error of lkjip itself is any other exception (exit 3). ``cli.py`` is the
one place that turns these into a message and an exit code.
"""

from __future__ import annotations

import errno
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar

if TYPE_CHECKING:
    from lkjip_cli.loader import Position


class LkjipError(Exception):
    """A problem of the user's input, command line or machine; its message says what to do."""

    exit_code: ClassVar[int] = 2

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class InputError(LkjipError):
    """Input that cannot be read at all (missing, unreadable, not YAML, outside the data)."""

    def __init__(
        self, message: str, position: Position | None = None, rule: str = "input.tidak-terbaca"
    ) -> None:
        super().__init__(message)
        self.position = position
        self.rule = rule
        """The finding's rule id when the error becomes a finding."""


class OutputError(LkjipError):
    """A build's files could not be written; the previous outputs are untouched."""


_REASONS = {
    errno.EACCES: ("izin ditolak", "periksa hak aksesnya atau pilih direktori lain dengan {opt}"),
    errno.EPERM: ("izin ditolak", "periksa hak aksesnya atau pilih direktori lain dengan {opt}"),
    errno.EROFS: ("sistem berkasnya hanya dapat dibaca", "pilih direktori lain dengan {opt}"),
    errno.ENOSPC: ("disk penuh", "kosongkan ruang disk atau pilih direktori lain dengan {opt}"),
    errno.EDQUOT: (
        "kuota disk habis",
        "kosongkan ruang disk atau pilih direktori lain dengan {opt}",
    ),
    errno.EEXIST: (
        "sudah ada sebagai berkas, bukan direktori",
        "pilih direktori lain dengan {opt} atau pindahkan berkas itu",
    ),
    errno.ENOTDIR: (
        "salah satu bagian jalurnya berkas, bukan direktori",
        "pilih direktori lain dengan {opt}",
    ),
    errno.EISDIR: (
        "nama itu sudah dipakai sebuah direktori",
        "pindahkan atau hapus direktori itu, atau pilih direktori lain dengan {opt}",
    ),
}


def write_error(path: Path, exc: OSError, option: str = "--out") -> OutputError:
    """The user's words for ``exc``, raised while writing ``path``: what happened, what to do."""
    reason, advice = _REASONS.get(
        exc.errno or 0,
        (exc.strerror or str(exc), "periksa direktori itu atau pilih yang lain dengan {opt}"),
    )
    return OutputError(f"tidak dapat menulis ke {path}: {reason}; {advice.format(opt=option)}")
