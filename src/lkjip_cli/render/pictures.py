"""Pictures a planner adds: a Markdown image in a narrative, read from the data directory.

``![Kegiatan lapangan](foto/kegiatan.jpg)`` names a PNG or JPEG file relative to the
year's directory. The file is read only through :func:`read_data_file` (inside
the directory, a regular file, at most :data:`MAX_PICTURE_BYTES`); its kind comes
from its first bytes and its size in pixels from its header (PNG's IHDR chunk,
JPEG's SOF marker), without any imaging library. Anything else is a finding
naming the narrative's line: the picture is then left out.
"""

from __future__ import annotations

import re
import struct
from dataclasses import dataclass
from pathlib import Path

from lkjip_cli.datafiles import read_data_file
from lkjip_cli.errors import InputError

MAX_PICTURE_BYTES = 8 * 1024 * 1024
"""Largest picture read (a phone photo is 2–5 MB)."""

_PNG = b"\x89PNG\r\n\x1a\n"
_SOF = frozenset({0xC0, 0xC1, 0xC2, 0xC3, 0xC5, 0xC6, 0xC7, 0xC9, 0xCA, 0xCB, 0xCD, 0xCE, 0xCF})
IMAGE = re.compile(r"!\[(?P<alt>[^\]\n]*)\]\((?P<src>[^)\s]+)(?:\s+\"(?P<title>[^\"\n]*)\")?\)")
"""A Markdown image, as a narrative writes it."""
OPENING = re.compile(r"!\[[^\]\n]*\]\(")
"""The start of a Markdown image, whatever its path (which may be a placeholder)."""


@dataclass(frozen=True)
class Picture:
    """A PNG or JPEG picture from the data directory, placed on its own line."""

    data: bytes
    """The file's bytes, embedded as they are."""
    kind: str
    """``png`` or ``jpeg``."""
    width: int
    """Width in pixels."""
    height: int
    """Height in pixels."""
    alt: str
    """The image's text (Markdown ``![text](...)``)."""
    source: str
    """Its path as the narrative wrote it, relative to the data directory."""
    width_cm: float = 15.0
    """Printed width (at most the text width)."""

    @property
    def mime(self) -> str:
        """``image/png`` or ``image/jpeg``."""
        return f"image/{self.kind}"


def image_size(data: bytes) -> tuple[str, int, int] | None:
    """``(kind, width, height)`` of a PNG or JPEG, or None when it is neither (or broken)."""
    if data.startswith(_PNG):
        if len(data) < 24 or data[12:16] != b"IHDR":
            return None
        width, height = struct.unpack(">II", data[16:24])
        return ("png", width, height) if width and height else None
    if not data.startswith(b"\xff\xd8"):
        return None
    i = 2
    while i + 4 <= len(data):
        if data[i] != 0xFF:
            return None
        marker = data[i + 1]
        if marker == 0xFF:  # fill byte
            i += 1
            continue
        if marker in (0xD8, 0x01) or 0xD0 <= marker <= 0xD7:  # no length
            i += 2
            continue
        (length,) = struct.unpack(">H", data[i + 2 : i + 4])
        if marker in _SOF:
            if i + 9 > len(data):
                return None
            height, width = struct.unpack(">HH", data[i + 5 : i + 9])
            return ("jpeg", width, height) if width and height else None
        if length < 2:
            return None
        i += 2 + length
    return None


def load_picture(root: Path, source: str, alt: str) -> Picture:
    """The picture ``source`` (relative to ``root``); :class:`InputError` says why not."""
    label = source
    if (
        not source
        or source.startswith(("/", "\\"))
        or re.match(r"^[a-zA-Z][a-zA-Z0-9+.-]*:", source)
    ):
        raise InputError(
            f"gambar '{label}' harus berupa path berkas relatif terhadap direktori data "
            "(mis. foto/kegiatan.jpg), bukan alamat web atau path mutlak"
        )
    data = read_data_file(root, root / source, label=f"gambar '{label}'", limit=MAX_PICTURE_BYTES)
    size = image_size(data)
    if size is None:
        raise InputError(f"gambar '{label}' bukan berkas PNG atau JPEG yang utuh")
    kind, width, height = size
    return Picture(data, kind, width, height, alt.strip(), source)
