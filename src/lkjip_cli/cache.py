"""A small on-disk cache, so that work done for an unchanged input is not redone.

Used for the compiled narratives: compiling the year's narratives costs about
0.05 s of every ``check`` and ``build``, and between two runs a planner
changes one narrative at most. An entry's name is a hash of everything that
goes into it (the text, the versions of lkjip, Jinja and Python, and the
sandbox's settings), so a changed input never meets a stale entry; the cache
is only ever a shortcut to the same result.

Where: ``LKJIP_CACHE_DIR``, else ``$XDG_CACHE_HOME/lkjip``, else
``~/.cache/lkjip`` (``%LOCALAPPDATA%\\lkjip\\cache`` on Windows).
``LKJIP_NO_CACHE=1`` turns it off. A cache that cannot be read or written is
silently skipped: the run costs a little more, nothing else changes.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import sys
import tempfile
from collections.abc import Iterable
from pathlib import Path

MAX_ENTRIES = 256
"""Entries kept per kind; the oldest go first when a new one is written."""


def directory() -> Path | None:
    """The cache's root directory, or None when caching is off."""
    if os.environ.get("LKJIP_NO_CACHE", "").strip() not in ("", "0"):
        return None
    if chosen := os.environ.get("LKJIP_CACHE_DIR", "").strip():
        return Path(chosen)
    if sys.platform == "win32" and (local := os.environ.get("LOCALAPPDATA")):
        return Path(local) / "lkjip" / "cache"
    if base := os.environ.get("XDG_CACHE_HOME", "").strip():
        return Path(base) / "lkjip"
    try:
        return Path.home() / ".cache" / "lkjip"
    except RuntimeError:  # no home directory
        return None


def key(*parts: str) -> str:
    """An entry's name from everything its content depends on."""
    digest = hashlib.sha256()
    for part in parts:
        encoded = part.encode("utf-8", "surrogatepass")
        digest.update(len(encoded).to_bytes(8, "big"))
        digest.update(encoded)
    return digest.hexdigest()


def get(kind: str, name: str) -> bytes | None:
    """The entry ``name`` of ``kind``, or None (missing, unreadable or caching off)."""
    root = directory()
    if root is None:
        return None
    try:
        return (root / kind / name).read_bytes()
    except OSError:
        return None


def put(kind: str, name: str, data: bytes) -> None:
    """Store an entry (atomically: a reader sees all of it or none); never raises OSError."""
    root = directory()
    if root is None:
        return
    folder = root / kind
    try:
        root.mkdir(parents=True, exist_ok=True, mode=0o700)  # the user's own
        folder.mkdir(exist_ok=True, mode=0o700)
        fd, temp = tempfile.mkstemp(dir=folder, prefix=".tmp-")
        try:
            with os.fdopen(fd, "wb") as handle:
                handle.write(data)
            os.replace(temp, folder / name)
        except BaseException:
            with contextlib.suppress(OSError):
                os.unlink(temp)
            raise
        _prune(folder.iterdir())
    except OSError:
        return


def _prune(entries: Iterable[Path]) -> None:
    """Keep the newest :data:`MAX_ENTRIES` entries (by modification time)."""
    dated: list[tuple[float, str, Path]] = []
    for entry in entries:
        with contextlib.suppress(OSError):
            dated.append((entry.stat().st_mtime, entry.name, entry))
    dated.sort(reverse=True)
    for _, _, entry in dated[MAX_ENTRIES:]:
        with contextlib.suppress(OSError):
            entry.unlink()
