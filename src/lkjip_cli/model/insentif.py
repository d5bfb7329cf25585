"""``insentif_fiskal.yaml``: the fiscal-incentive fund and its use."""

from __future__ import annotations

from lkjip_cli.model.common import Jumlah, Rupiah, Source, Teks, Tercetak


class AlokasiTercetak(Source):
    """Figures as printed."""

    pagu_terbilang: str | list[Tercetak[str]] | None = None
    """Allocation in words."""
    realisasi_terbilang: str | list[Tercetak[str]] | None = None
    """Spending in words."""


class Alokasi(Source):
    """The fund's use in one program."""

    program: str
    """Program id (anggaran.yaml)."""
    pagu: Rupiah
    """Allocation."""
    realisasi: Rupiah
    """Spending."""
    sasaran_penerima: str | None = None
    """Who the beneficiaries are."""
    bentuk: Teks
    """Form of assistance."""
    nilai_per_penerima: Rupiah | None = None
    """Amount per beneficiary per month, for cash."""
    lama_bulan: Jumlah | None = None
    """Months of cash assistance."""
    target_penerima: Jumlah
    """Target beneficiaries."""
    berhasil_salur: Jumlah | None = None
    """Delivered."""
    gagal_salur: Jumlah | None = None
    """Not delivered."""
    alasan_gagal: str | None = None
    """Why not."""
    periode: str | None = None
    """Distribution period."""
    pengembalian: Rupiah | None = None
    """Amount returned to the treasury (STS)."""
    tercetak: AlokasiTercetak | None = None
    """Figures as printed (transcriptions only)."""


class InsentifTercetak(Source):
    """Figures as printed."""

    realisasi: Rupiah | list[Tercetak[Rupiah]] | None = None
    """Total spending."""
    jumlah_terbilang: str | list[Tercetak[str]] | None = None
    """Fund in words."""
    realisasi_terbilang: str | list[Tercetak[str]] | None = None
    """Spending in words."""


class InsentifFiskal(Source):
    """The fiscal-incentive fund."""

    jumlah: Rupiah
    """The fund received."""
    alokasi: list[Alokasi] = []
    """Its use per program."""
    tercetak: InsentifTercetak | None = None
    """Figures as printed (transcriptions only)."""
