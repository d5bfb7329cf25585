"""The computed Report: every figure the LKjIP prints beyond the raw data.

Built once by :mod:`lkjip_cli.compute`; read by checks and every writer. Values
are exact ``Decimal``; nothing here is rounded.
"""

from decimal import Decimal
from typing import Annotated, Any

from pydantic import BaseModel, ConfigDict, PlainSerializer

from lkjip_cli.model.anggaran import IndikatorProgram, Kinerja, RencanaAksi
from lkjip_cli.model.config import Interval
from lkjip_cli.model.tabel import Kolom

D = Annotated[Decimal, PlainSerializer(lambda v: str(v), return_type=str, when_used="json")]


class Hasil(BaseModel):
    """Dasar model hasil hitungan: tidak dapat diubah, keterangan atribut masuk skema."""

    model_config = ConfigDict(
        frozen=True,
        defer_build=True,
    )


class Uang(Hasil):
    """Angka anggaran satu simpul pohon DPA."""

    pagu_murni: D
    """Pagu murni."""
    pagu_perubahan: D
    """Pagu perubahan."""
    realisasi: D
    """Realisasi anggaran."""
    serapan: D | None
    """realisasi ÷ pagu_perubahan × 100; kosong bila pagunya 0."""


class SubKegiatanHasil(Uang):
    """Sub kegiatan beserta angkanya."""

    nama: str
    """Nama."""
    kode: str | None
    """Kode rekening anggaran."""
    rencana_aksi: RencanaAksi | None
    """Rencana aksi."""
    kinerja: Kinerja | None
    """Cascading kinerja, tingkat staf."""


class KegiatanHasil(Uang):
    """Kegiatan beserta jumlah dari sub kegiatannya."""

    nama: str
    """Nama."""
    kode: str | None
    """Kode rekening anggaran."""
    indikator: list[IndikatorProgram]
    """Indikator."""
    sub_kegiatan: list[SubKegiatanHasil]
    """Sub kegiatan."""


class ProgramHasil(Uang):
    """Program beserta jumlah dari kegiatannya."""

    id: str
    """Id."""
    nama: str
    """Nama."""
    kode: str | None
    """Kode rekening anggaran."""
    sasaran: str
    """Id sasaran."""
    penanggung_jawab: str | None
    """Penanggung jawab."""
    indikator: list[IndikatorProgram]
    """Indikator."""
    kegiatan: list[KegiatanHasil]
    """Kegiatan."""


class AnggaranHasil(Uang):
    """Seluruh DPA."""

    jumlah_program: int
    """Banyaknya program."""
    jumlah_kegiatan: int
    """Banyaknya kegiatan."""
    jumlah_sub_kegiatan: int
    """Banyaknya sub kegiatan."""
    program: list[ProgramHasil]
    """Program, berurutan."""


class PembandingHasil(Hasil):
    """Daerah pembanding."""

    daerah: str
    """Nama daerah."""
    tahun: int
    """Tahun."""
    realisasi: D
    """Realisasinya."""
    jumlah: int | None
    """Penyebutnya."""
    tertangani: int | None
    """Pembilangnya."""


class IndikatorHasil(Hasil):
    """Indikator beserta realisasi dan capaiannya."""

    id: str
    """Id."""
    nama: str
    """Nama."""
    sasaran: str
    """Id sasaran."""
    utama: bool
    """Apakah indikator kinerja utama (IKU)."""
    satuan: str
    """Satuan."""
    polaritas: str
    """Polaritas: naik (makin tinggi makin baik) / turun."""
    target: D | None
    """Target PK yang berlaku (PK Perubahan bila ada)."""
    target_murni: D | None
    """Target PK murni."""
    realisasi: D | None
    """Realisasi tahun ini."""
    capaian: D | None
    """Capaian dalam persen."""
    predikat: str | None
    """Predikat capaian."""
    keterangan: str | None
    """Keterangan."""
    riwayat: dict[int, D]
    """Realisasi tahun-tahun sebelumnya, menurut tahun."""
    selisih_tahun: dict[int, D]
    """Realisasi tahun ini dikurangi realisasi tahun itu, menurut tahun."""
    pembanding: PembandingHasil | None
    """Pembanding (realisasi daerah lain)."""
    selisih_pembanding: D | None
    """Realisasi tahun ini dikurangi realisasi pembanding."""
    target_renstra: D | None
    """Target Renstra (jangka menengah)."""
    capaian_renstra: D | None
    """Capaian terhadap target Renstra (jangka menengah), dalam persen."""


class SasaranHasil(Hasil):
    """Sasaran: rata-rata capaian indikatornya dan anggarannya."""

    id: str
    """Id."""
    nama: str
    """Nama."""
    tujuan: str
    """Nama tujuannya."""
    indikator: list[str]
    """Id indikatornya (yang memiliki target PK)."""
    jumlah_indikator: int
    """Banyaknya indikator."""
    capaian: D | None
    """Rata-rata capaian indikatornya."""
    predikat: str | None
    """Predikat."""
    program: list[str]
    """Id program yang mendukungnya."""
    pagu: D
    """Pagu perubahan program-programnya."""
    pagu_murni: D
    """Pagu murni program-programnya."""
    realisasi: D
    """Realisasi anggaran program-programnya."""
    serapan: D | None
    """Serapan anggaran dalam persen."""
    efisiensi: D | None
    """Efisiensi menurut metode yang ditetapkan."""


class PegawaiHasil(Hasil):
    """Jumlah pegawai."""

    jumlah: int
    """Seluruh pegawai."""
    asn: int
    """Pegawai ASN."""


class BarisHasil(Hasil):
    """Satu baris tabel yang dideklarasikan, semua nilainya terhitung."""

    id: str | None
    """Nama baris, bila ada."""
    nilai: dict[str, Any]
    """Nilai menurut id kolom: diketik, jumlah rincian atau baris, atau hasil rumus."""
    dihitung: dict[str, Any]
    """Jumlah rincian (baris kelompok) atau jumlah baris (baris total), menurut id kolom."""
    rincian: list["BarisHasil"]
    """Baris rincian."""


class TabelHasil(Hasil):
    """Tabel yang dideklarasikan, terhitung: yang dicetak dan yang dibaca narasi."""

    nama: str
    """Nama (dipakai arahan dan ``ref()``)."""
    judul: str
    """Judul tabel, dengan tahun terisi."""
    sumber: str | None
    """Baris sumber data."""
    catatan: list[str]
    """Catatan di bawah tabel."""
    kolom: list[Kolom]
    """Kolom."""
    nomor: bool
    """Apakah kolom nomor ada di depan."""
    kecil: bool
    """Dicetak dengan huruf kecil."""
    label_jumlah: str
    """Label baris jumlah."""
    baris: list[BarisHasil]
    """Baris."""
    jumlah: BarisHasil | None
    """Baris jumlah, bila tabel memilikinya."""


class RpjmdHasil(Hasil):
    """Indikator RPJMD (Tabel 3.5)."""

    nama: str
    """Nama."""
    satuan: str
    """Satuan."""
    polaritas: str
    """Polaritas: naik (makin tinggi makin baik) / turun."""
    target_awal: D | None
    """Kondisi awal (target awal)."""
    target: dict[int, D]
    """Target per tahun."""
    realisasi: dict[int, D]
    """Realisasi per tahun."""
    selisih: D | None
    """Realisasi tahun lalu dikurangi realisasi tahun ini."""


class Report(Hasil):
    """Semua angka hasil hitungan laporan satu tahun."""

    tahun: int
    """Tahun."""
    skala: list[Interval]
    """Skala predikat yang berlaku."""
    metode_efisiensi: str
    """Metode efisiensi."""
    batas_capaian: D | None
    """Batas atas capaian (persen), bila ada."""
    anggaran: AnggaranHasil
    """DPA beserta jumlahnya."""
    program: dict[str, ProgramHasil]
    """Program menurut id."""
    sasaran: dict[str, SasaranHasil]
    """Sasaran menurut id, berurutan."""
    indikator: dict[str, IndikatorHasil]
    """Indikator menurut id, berurutan."""
    pegawai: PegawaiHasil
    """Jumlah pegawai."""
    tabel: dict[str, TabelHasil]
    """Tabel yang dideklarasikan, menurut nama."""
    rpjmd: list[RpjmdHasil]
    """Indikator RPJMD."""
