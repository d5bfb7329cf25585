"""``pk.yaml``: the performance agreement and its revision."""

from __future__ import annotations

from typing import Literal

from lkjip_cli.model.common import Nilai, Orang, Rupiah, Source, Tanggal, Teks


class TargetPk(Source):
    """A target agreed for an indicator."""

    indikator: str
    """Indicator id (iku.yaml)."""
    target: Nilai
    """The agreed target."""


class ProgramPk(Source):
    """A program in the PK's budget table."""

    program: str
    """Program id (anggaran.yaml)."""
    kelompok: Literal["utama", "penunjang"] = "utama"
    """Program Utama or Program Penunjang."""
    anggaran: Rupiah | None = None
    """Amount as printed (transcriptions only; normally from the DPA)."""


class PerjanjianKinerja(Source):
    """One PK document."""

    tempat: Teks = "Blitar"
    """Place of signing."""
    tanggal: Tanggal | None = None
    """Date of signing; empty when unknown."""
    pihak_pertama: Orang
    """The head of agency."""
    pihak_kedua: Orang
    """The regent (superior)."""
    target: list[TargetPk]
    """Targets per indicator."""
    program: list[ProgramPk] = []
    """Programs and their budget."""
    jumlah: Rupiah | None = None
    """Total as printed (transcriptions only)."""


class Pk(Source):
    """PK and PK Perubahan."""

    murni: PerjanjianKinerja
    """The original agreement."""
    perubahan: PerjanjianKinerja | None = None
    """The revised agreement."""

    def berlaku(self) -> PerjanjianKinerja:
        """The agreement in force at year end."""
        return self.perubahan or self.murni
