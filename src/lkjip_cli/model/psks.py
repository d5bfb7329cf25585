"""``psks.yaml``: social-welfare potential and resources (Tabel 3.10)."""

from __future__ import annotations

from lkjip_cli.model.common import Jumlah, Source, Teks


class Psks(Source):
    """One kind of PSKS."""

    nama: Teks
    """Name."""
    jumlah: Jumlah
    """Count."""
    satuan: Teks = "orang"
    """orang, lembaga."""


class DaftarPsks(Source):
    """The table."""

    psks: list[Psks] = []
    """Rows."""
