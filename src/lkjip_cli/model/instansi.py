"""``instansi.yaml``: the agency, its people and its strategic setting (BAB I)."""

from typing import Literal

from lkjip_cli.model.common import Jumlah, Orang, Source, Tanggal, Teks, Tercetak, YaTidak


class Laporan(Source):
    """Tempat, tanggal, dan penanda tangan laporan."""

    tempat: Teks
    """Tempat penandatanganan (kota atau ibu kota kabupaten)."""
    tanggal: Tanggal
    """Tanggal laporan."""
    penandatangan: Orang
    """Penanda tangan laporan."""


class Pegawai(Source):
    """Satu baris Tabel 1.1."""

    jabatan: Teks
    """Jenis jabatan."""
    jumlah: Jumlah
    """Jumlah pegawai."""
    asn: YaTidak = True
    """Apakah pegawai ini ASN."""


class Permasalahan(Source):
    """Satu baris Tabel 1.2."""

    pokok: Teks
    """Pokok permasalahan."""
    masalah: list[Teks] = []
    """Masalah."""
    akar: list[Teks] = []
    """Akar masalah."""


class UnitOrganisasi(Source):
    """Satu kotak bagan organisasi (Gambar 1.1) beserta unit di bawahnya."""

    nama: Teks
    """Nama unit, mis. Sekretariat, Bidang Pelayanan."""
    jabatan: str | None = None
    """Jabatan kepala unit, mis. Kepala Dinas, Sekretaris Dinas."""
    bawahan: "list[UnitOrganisasi]" = []
    """Unit langsung di bawahnya, digambar dari kiri ke kanan sesuai urutan ini."""
    garis: Literal["komando", "koordinasi"] = "komando"
    """Garis ke unit di atasnya: komando (garis penuh, garis komando) atau koordinasi
    (garis putus-putus, mis. Kelompok Jabatan Fungsional dan UPT)."""


class InstansiTercetak(Source):
    """Angka sebagaimana tercetak (hanya untuk transkripsi)."""

    jumlah_pegawai: Jumlah | list[Tercetak[Jumlah]] | None = None
    """Jumlah pegawai sebagaimana tercetak."""
    jumlah_asn: Jumlah | list[Tercetak[Jumlah]] | None = None
    """Jumlah ASN sebagaimana tercetak."""


class Instansi(Source):
    """Data instansi."""

    nama: Teks
    """Nama lengkap, mis. Dinas … Kabupaten … atau Kecamatan …."""
    nama_singkat: Teks
    """Nama singkat, mis. Dinas Kesehatan."""
    pemerintah: Teks
    """Pemerintah daerah, mis. Pemerintah Kabupaten … atau Pemerintah Kota …."""
    daerah: Teks
    """Daerah, mis. Kabupaten … atau Kota …."""
    alamat: str | None = None
    """Alamat kantor."""
    telepon: str | None = None
    """Nomor telepon."""
    website: str | None = None
    """Situs web."""
    email: str | None = None
    """Alamat e-mail."""
    logo: str | None = None
    """Logo daerah pada sampul dan kop surat: berkas PNG atau JPEG, relatif ke direktori data."""
    laporan: Laporan
    """Penandatanganan laporan."""
    fungsi: list[Teks] = []
    """Fungsi instansi."""
    pegawai: list[Pegawai] = []
    """Komposisi pegawai (Tabel 1.1)."""
    permasalahan: list[Permasalahan] = []
    """Peta permasalahan (Tabel 1.2)."""
    isu_strategis: list[Teks] = []
    """Isu strategis."""
    dasar_hukum: list[Teks] = []
    """Dasar hukum laporan."""
    struktur: UnitOrganisasi | None = None
    """Bagan organisasi (Gambar 1.1): kepala dinas dan unit-unit di bawahnya."""
    tercetak: InstansiTercetak | None = None
    """Angka sebagaimana tercetak (hanya untuk transkripsi)."""
