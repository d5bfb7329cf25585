"""``anggaran.yaml``: the DPA tree, its Rencana Aksi and performance cascade."""

from typing import Literal

from pydantic import Field

from lkjip_cli.model.common import Jumlah, Nilai, Orang, Rupiah, Source, Tanggal, Teks, Tercetak
from lkjip_cli.model.renstra import Id

Triwulan = Literal["I", "II", "III", "IV"]


class IndikatorProgram(Source):
    """Indikator keluaran/hasil sebuah program atau kegiatan."""

    nama: Teks
    """Nama."""
    satuan: Teks
    """Satuan."""
    target: Nilai | None = None
    """Target."""


class Jumlah3(Source):
    """Jumlah sebagaimana tercetak di DPA, dicocokkan dengan sub kegiatan."""

    pagu_murni: Rupiah | None = None
    """Pagu murni."""
    pagu_perubahan: Rupiah | None = None
    """Pagu perubahan."""
    realisasi: Rupiah | None = None
    """Realisasi anggaran."""


class SerapanTercetak(Source):
    """Serapan sebagaimana tercetak (hanya untuk transkripsi)."""

    serapan: Nilai | list[Tercetak[Nilai]] | None = None
    """Serapan, dalam persen."""


class RencanaAksi(Source):
    """Rencana Aksi sebuah sub kegiatan."""

    indikator: Teks
    """Indikator keluaran."""
    satuan: Teks
    """Satuan."""
    target: Nilai
    """Target."""
    triwulan: list[Triwulan] = []
    """Triwulan pelaksanaan."""
    kegiatan: str | None = None
    """Kegiatan yang dilaksanakan."""
    penanggung_jawab: str | None = None
    """Penanggung jawab."""
    anggaran: Rupiah | None = None
    """Anggaran sebagaimana tercetak di Rencana Aksi (hanya untuk transkripsi)."""


class Kinerja(Source):
    """Cascading kinerja tingkat staf."""

    sasaran_staf: Teks
    """Sasaran staf."""
    indikator_staf: list[Teks] = []
    """Indikator staf."""


class SubKegiatan(Source):
    """Sub kegiatan: ujung pohon anggaran."""

    kode: str | None = None
    """Kode anggaran, bila diketahui."""
    nama: Teks
    """Nama."""
    pagu_murni: Rupiah
    """Pagu awal (DPA murni), dalam rupiah."""
    pagu_perubahan: Rupiah
    """Pagu setelah perubahan (DPA perubahan), dalam rupiah."""
    realisasi: Rupiah | None = None
    """Realisasi anggaran; kosongkan bila belum diketahui."""
    rencana_aksi: RencanaAksi | None = None
    """Rencana Aksi."""
    kinerja: Kinerja | None = None
    """Cascading kinerja tingkat staf."""
    tercetak: SerapanTercetak | None = None
    """Angka sebagaimana tercetak (hanya untuk transkripsi)."""


class Kegiatan(Source):
    """Kegiatan: kumpulan sub kegiatan."""

    kode: str | None = None
    """Kode anggaran, bila diketahui."""
    nama: Teks
    """Nama."""
    indikator: list[IndikatorProgram] = []
    """Indikator (Rencana Aksi, cascading kinerja)."""
    jumlah: Jumlah3 | None = None
    """Jumlah sebagaimana tercetak."""
    sub_kegiatan: list[SubKegiatan] = Field(min_length=1)
    """Sub kegiatan di bawahnya."""
    tercetak: SerapanTercetak | None = None
    """Angka sebagaimana tercetak (hanya untuk transkripsi)."""


class Program(Source):
    """Program: puncak pohon anggaran."""

    id: str = Id
    """Id tetap, mis. rehabilitasi."""
    kode: str | None = None
    """Kode anggaran, bila diketahui."""
    nama: Teks
    """Nama."""
    sasaran: str
    """Id sasaran yang didukung (renstra.yaml)."""
    penanggung_jawab: str | None = None
    """Penanggung jawab."""
    indikator: list[IndikatorProgram] = []
    """Indikator."""
    jumlah: Jumlah3 | None = None
    """Jumlah sebagaimana tercetak."""
    kegiatan: list[Kegiatan] = Field(min_length=1)
    """Kegiatan di bawahnya."""
    tercetak: SerapanTercetak | None = None
    """Angka sebagaimana tercetak (hanya untuk transkripsi)."""


class AnggaranTercetak(Source):
    """Angka anggaran keseluruhan sebagaimana tercetak (hanya untuk transkripsi)."""

    serapan: Nilai | list[Tercetak[Nilai]] | None = None
    """Serapan, dalam persen."""
    pagu_murni_terbilang: str | list[Tercetak[str]] | None = None
    """Pagu murni dalam huruf (terbilang)."""
    pagu_perubahan_terbilang: str | list[Tercetak[str]] | None = None
    """Pagu perubahan dalam huruf (terbilang)."""
    realisasi_terbilang: str | list[Tercetak[str]] | None = None
    """Realisasi dalam huruf (terbilang)."""
    jumlah_program: Jumlah | None = None
    """Jumlah program."""
    jumlah_kegiatan: Jumlah | None = None
    """Jumlah kegiatan."""
    jumlah_sub_kegiatan: Jumlah | None = None
    """Jumlah sub kegiatan."""


class Pengesahan(Source):
    """Penanda tangan Rencana Aksi dan cascading kinerja, serta tempat dan tanggalnya."""

    tempat: Teks
    """Tempat penandatanganan."""
    tanggal: Tanggal | None = None
    """Tanggal penandatanganan; kosongkan bila tidak diketahui."""
    penandatangan: Orang
    """Penanda tangan."""


class Anggaran(Source):
    """Dokumen Pelaksanaan Anggaran (DPA)."""

    program: list[Program] = Field(min_length=1)
    """Daftar program, urut sesuai laporan."""
    jumlah: Jumlah3 | None = None
    """Jumlah total sebagaimana tercetak."""
    pengesahan: Pengesahan | None = None
    """Pengesahan Rencana Aksi dan cascading kinerja; kosong = kepala dinas pada PK."""
    rencana_aksi_jumlah: Rupiah | None = None
    """Baris JUMLAH Rencana Aksi sebagaimana tercetak."""
    tercetak: AnggaranTercetak | None = None
    """Angka sebagaimana tercetak (hanya untuk transkripsi)."""
