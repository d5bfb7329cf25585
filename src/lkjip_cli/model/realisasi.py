"""``realisasi.yaml``: indicator realization, history, benchmark, RPJMD indicator."""

from __future__ import annotations

from typing import Literal

from lkjip_cli.model.common import Jumlah, Nilai, Source, Teks, Tercetak


class Pembanding(Source):
    """Another district's realization of the same indicator (benchmark)."""

    daerah: Teks
    """The district, e.g. Kabupaten Lombok Tengah."""
    tahun: int
    """Year."""
    realisasi: Nilai
    """Its realization."""
    jumlah: Jumlah | None = None
    """Its denominator (e.g. PMKS counted), where known."""
    tertangani: Jumlah | None = None
    """Its numerator (e.g. PMKS handled), where known."""


class RealisasiTercetak(Source):
    """An indicator's figures as printed (transcriptions only)."""

    realisasi: Nilai | list[Tercetak[Nilai]] | None = None
    """This year's realization."""
    capaian: Nilai | list[Tercetak[Nilai]] | None = None
    """This year's achievement."""
    capaian_renstra: Nilai | list[Tercetak[Nilai]] | None = None
    """Achievement against the Renstra target."""
    selisih_tahun: dict[int, Nilai] = {}
    """This year's realization minus that year's."""
    selisih_pembanding: Nilai | list[Tercetak[Nilai]] | None = None
    """This year's realization minus the benchmark's."""


class RealisasiIndikator(Source):
    """Realization of one indicator."""

    indikator: str
    """Indicator id (iku.yaml)."""
    realisasi: Nilai | None = None
    """This year's realization, when not computed from other data."""
    keterangan: str | None = None
    """A remark printed with the realization."""
    riwayat: dict[int, Nilai] = {}
    """Realization in earlier years."""
    pembanding: Pembanding | None = None
    """Benchmark district."""
    tercetak: RealisasiTercetak | None = None
    """Figures as printed (transcriptions only)."""


class RpjmdTercetak(Source):
    """RPJMD indicator figures as printed."""

    selisih: Nilai | list[Tercetak[Nilai]] | None = None
    """Last year's realization minus this year's."""


class IndikatorRpjmd(Source):
    """An RPJMD indicator the agency reports on (Tabel 3.5)."""

    nama: Teks
    """Name."""
    satuan: Teks = "%"
    """Unit."""
    polaritas: Literal["naik", "turun"] = "naik"
    """naik: higher is better; turun: lower is better."""
    target_awal: Nilai | None = None
    """Baseline of the RPJMD."""
    target: dict[int, Nilai] = {}
    """Targets per year."""
    realisasi: dict[int, Nilai] = {}
    """Realization per year."""
    tercetak: RpjmdTercetak | None = None
    """Figures as printed (transcriptions only)."""


class Realisasi(Source):
    """The realization file."""

    indikator: list[RealisasiIndikator] = []
    """Per indicator."""
    rpjmd: list[IndikatorRpjmd] = []
    """RPJMD indicators."""
