"""``instansi.yaml``: the agency, its people and its strategic setting (BAB I)."""

from __future__ import annotations

from typing import Literal

from lkjip_cli.model.common import Jumlah, Orang, Source, Tanggal, Teks, Tercetak, YaTidak


class Laporan(Source):
    """Where, when and by whom the report is signed."""

    tempat: Teks
    """Place of signing, e.g. Blitar."""
    tanggal: Tanggal
    """Date of the report."""
    penandatangan: Orang
    """Who signs the report."""


class Pegawai(Source):
    """One row of Tabel 1.1."""

    jabatan: Teks
    """Kind of position."""
    jumlah: Jumlah
    """Number of staff."""
    asn: YaTidak = True
    """Whether these are civil servants (ASN)."""


class Permasalahan(Source):
    """One row of Tabel 1.2."""

    pokok: Teks
    """Main problem."""
    masalah: list[Teks] = []
    """Problems."""
    akar: list[Teks] = []
    """Root causes."""


class UnitOrganisasi(Source):
    """One box of the organisation chart (Gambar 1.1) and the units below it."""

    nama: Teks
    """Name of the unit, e.g. Sekretariat, Bidang Rehabilitasi Sosial."""
    jabatan: str | None = None
    """Title of the unit's head, e.g. Kepala Dinas, Sekretaris Dinas."""
    bawahan: list[UnitOrganisasi] = []
    """Units directly below this one, drawn left to right in this order."""
    garis: Literal["komando", "koordinasi"] = "komando"
    """Line to the unit above: komando (solid, line of command) or koordinasi
    (dashed, e.g. Kelompok Jabatan Fungsional and UPT)."""


class InstansiTercetak(Source):
    """Figures as printed (transcriptions only)."""

    jumlah_pegawai: Jumlah | list[Tercetak[Jumlah]] | None = None
    """Total staff as printed."""
    jumlah_asn: Jumlah | list[Tercetak[Jumlah]] | None = None
    """Civil servants as printed."""


class Instansi(Source):
    """The agency."""

    nama: Teks
    """Full name, e.g. Dinas Sosial Kabupaten Blitar."""
    nama_singkat: Teks
    """Short name, e.g. Dinas Sosial."""
    pemerintah: Teks
    """The government, e.g. Pemerintah Kabupaten Blitar."""
    daerah: Teks
    """The district, e.g. Kabupaten Blitar."""
    alamat: str | None = None
    """Street address."""
    telepon: str | None = None
    """Telephone."""
    website: str | None = None
    """Website."""
    email: str | None = None
    """E-mail."""
    laporan: Laporan
    """The report's signature."""
    fungsi: list[Teks] = []
    """Functions of the agency."""
    pegawai: list[Pegawai] = []
    """Staff composition (Tabel 1.1)."""
    permasalahan: list[Permasalahan] = []
    """Problem map (Tabel 1.2)."""
    isu_strategis: list[Teks] = []
    """Strategic issues."""
    dasar_hukum: list[Teks] = []
    """Legal basis of the report."""
    struktur: UnitOrganisasi | None = None
    """Organisation chart (Gambar 1.1): the head of the agency and the units below it."""
    tercetak: InstansiTercetak | None = None
    """Figures as printed (transcriptions only)."""
