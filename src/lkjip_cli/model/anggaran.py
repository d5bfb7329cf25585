"""``anggaran.yaml``: the DPA tree, its Rencana Aksi and performance cascade."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from lkjip_cli.model.common import Jumlah, Nilai, Orang, Rupiah, Source, Tanggal, Teks, Tercetak
from lkjip_cli.model.renstra import Id

Triwulan = Literal["I", "II", "III", "IV"]


class IndikatorProgram(Source):
    """An output/outcome indicator of a program or kegiatan."""

    nama: Teks
    """Name."""
    satuan: Teks
    """Unit."""
    target: Nilai | None = None
    """Target."""


class Jumlah3(Source):
    """Totals as printed in the DPA, checked against the sub kegiatan."""

    pagu_murni: Rupiah | None = None
    """Original allocation."""
    pagu_perubahan: Rupiah | None = None
    """Revised allocation."""
    realisasi: Rupiah | None = None
    """Spending."""


class SerapanTercetak(Source):
    """Absorption as printed (transcriptions only)."""

    serapan: Nilai | list[Tercetak[Nilai]] | None = None
    """Absorption in percent."""


class RencanaAksi(Source):
    """A sub kegiatan's action plan."""

    indikator: Teks
    """Output indicator."""
    satuan: Teks
    """Unit."""
    target: Nilai
    """Target."""
    triwulan: list[Triwulan] = []
    """Quarters in which it runs."""
    kegiatan: str | None = None
    """Activities carried out."""
    penanggung_jawab: str | None = None
    """Person in charge."""
    anggaran: Rupiah | None = None
    """Amount as printed in the Rencana Aksi (transcriptions only)."""


class Kinerja(Source):
    """Staff level of the performance cascade."""

    sasaran_staf: Teks
    """Staff objective."""
    indikator_staf: list[Teks] = []
    """Staff indicators."""


class SubKegiatan(Source):
    """A sub kegiatan: the leaf of the budget tree."""

    kode: str | None = None
    """Budget code, where known."""
    nama: Teks
    """Name."""
    pagu_murni: Rupiah
    """Original allocation (DPA murni)."""
    pagu_perubahan: Rupiah
    """Revised allocation (DPA perubahan)."""
    realisasi: Rupiah | None = None
    """Spending; empty when not (yet) known."""
    rencana_aksi: RencanaAksi | None = None
    """Action plan."""
    kinerja: Kinerja | None = None
    """Performance cascade, staff level."""
    tercetak: SerapanTercetak | None = None
    """Figures as printed (transcriptions only)."""


class Kegiatan(Source):
    """A kegiatan: a group of sub kegiatan."""

    kode: str | None = None
    """Budget code, where known."""
    nama: Teks
    """Name."""
    indikator: list[IndikatorProgram] = []
    """Indicators (Rencana Aksi, cascade)."""
    jumlah: Jumlah3 | None = None
    """Totals as printed."""
    sub_kegiatan: list[SubKegiatan] = Field(min_length=1)
    """Its sub kegiatan."""
    tercetak: SerapanTercetak | None = None
    """Figures as printed (transcriptions only)."""


class Program(Source):
    """A program: the top of the budget tree."""

    id: str = Id
    """Stable id, e.g. rehabilitasi."""
    kode: str | None = None
    """Budget code, where known."""
    nama: Teks
    """Name."""
    sasaran: str
    """Id of the sasaran it serves (renstra.yaml)."""
    penanggung_jawab: str | None = None
    """Person in charge."""
    indikator: list[IndikatorProgram] = []
    """Indicators."""
    jumlah: Jumlah3 | None = None
    """Totals as printed."""
    kegiatan: list[Kegiatan] = Field(min_length=1)
    """Its kegiatan."""
    tercetak: SerapanTercetak | None = None
    """Figures as printed (transcriptions only)."""


class AnggaranTercetak(Source):
    """Whole-budget figures as printed (transcriptions only)."""

    serapan: Nilai | list[Tercetak[Nilai]] | None = None
    """Absorption in percent."""
    pagu_murni_terbilang: str | list[Tercetak[str]] | None = None
    """Original allocation in words."""
    pagu_perubahan_terbilang: str | list[Tercetak[str]] | None = None
    """Revised allocation in words."""
    realisasi_terbilang: str | list[Tercetak[str]] | None = None
    """Spending in words."""
    jumlah_program: Jumlah | None = None
    """Number of programs."""
    jumlah_kegiatan: Jumlah | None = None
    """Number of kegiatan."""
    jumlah_sub_kegiatan: Jumlah | None = None
    """Number of sub kegiatan."""


class Pengesahan(Source):
    """Who signs the Rencana Aksi and the performance cascade, where and when."""

    tempat: Teks
    """Place of signing."""
    tanggal: Tanggal | None = None
    """Date of signing; empty when unknown."""
    penandatangan: Orang
    """The signatory."""


class Anggaran(Source):
    """The DPA."""

    program: list[Program] = Field(min_length=1)
    """Programs in report order."""
    jumlah: Jumlah3 | None = None
    """Grand totals as printed."""
    pengesahan: Pengesahan | None = None
    """Signature of the Rencana Aksi and cascade; empty = the PK's head of agency."""
    rencana_aksi_jumlah: Rupiah | None = None
    """The Rencana Aksi's TOTAL row as printed."""
    tercetak: AnggaranTercetak | None = None
    """Figures as printed (transcriptions only)."""
