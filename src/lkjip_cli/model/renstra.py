"""``renstra.yaml``: vision, mission, RPJMD chain, tujuan and sasaran."""

from __future__ import annotations

from pydantic import Field

from lkjip_cli.model.common import Nilai, Rupiah, Source, Teks, Tercetak

Id = Field(pattern=r"^[A-Za-z][A-Za-z0-9_]*$")


class Periode(Source):
    """The plan's years."""

    awal: int
    """First year."""
    akhir: int
    """Last year."""


class Rpjmd(Source):
    """The district plan's goal and target this agency serves."""

    tujuan: Teks
    """RPJMD goal."""
    indikator_tujuan: Teks
    """Its indicator."""
    sasaran: Teks
    """RPJMD target."""
    indikator_sasaran: Teks
    """Its indicator."""


class SasaranTercetak(Source):
    """A sasaran's figures as printed (transcriptions only)."""

    capaian: Nilai | list[Tercetak[Nilai]] | None = None
    """Mean achievement."""
    predikat: str | list[Tercetak[str]] | None = None
    """Category."""
    pagu: Rupiah | list[Tercetak[Rupiah]] | None = None
    """Budget of its programs."""
    realisasi: Rupiah | list[Tercetak[Rupiah]] | None = None
    """Spending of its programs."""
    serapan: Nilai | list[Tercetak[Nilai]] | None = None
    """Absorption in percent."""
    efisiensi: Nilai | list[Tercetak[Nilai]] | None = None
    """Efficiency in percent."""


class Sasaran(Source):
    """A strategic objective."""

    id: str = Id
    """Stable id, e.g. S1."""
    nama: Teks
    """Name, e.g. Meningkatnya Kesejahteraan PMKS."""
    tercetak: SasaranTercetak | None = None
    """Figures as printed (transcriptions only)."""


class Tujuan(Source):
    """A goal of the Renstra."""

    id: str = Id
    """Stable id, e.g. T1."""
    nama: Teks
    """Name."""
    indikator: str | None = None
    """Its indicator."""
    sasaran: list[Sasaran] = Field(min_length=1)
    """Its sasaran."""


class Renstra(Source):
    """The strategic plan."""

    periode: Periode
    """Plan period."""
    visi: Teks
    """Vision of the district."""
    misi: Teks
    """The mission this agency serves."""
    misi_ke: str | None = None
    """Number of that mission in the RPJMD, e.g. I."""
    rpjmd: Rpjmd | None = None
    """RPJMD goal and target."""
    tujuan: list[Tujuan] = Field(min_length=1)
    """Goals, each with its sasaran."""

    def all_sasaran(self) -> list[Sasaran]:
        """Every sasaran in document order."""
        return [s for t in self.tujuan for s in t.sasaran]
