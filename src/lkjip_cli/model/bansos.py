"""``bansos.yaml``: social assistance distributed to the poor (Tabel 3.9)."""

from __future__ import annotations

from lkjip_cli.model.common import Jumlah, Source, Teks


class Bansos(Source):
    """One assistance programme."""

    nama: Teks
    """Name."""
    penerima: Jumlah
    """Recipients."""
    satuan: Teks
    """KPM, ORG, KLM."""
    sumber: str | None = None
    """Channel / funding source."""


class DaftarBansos(Source):
    """The table."""

    bansos: list[Bansos] = []
    """Rows."""
