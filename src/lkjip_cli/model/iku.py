"""``iku.yaml``: the indicators and the decree that fixes the IKU."""

from decimal import Decimal
from typing import Literal, Self

from pydantic import Field, model_validator

from lkjip_cli.model.common import Jumlah, Nilai, Orang, Source, Tanggal, Teks, YaTidak
from lkjip_cli.model.renstra import Id
from lkjip_cli.satuan import faktor_satuan


class Diktum(Source):
    """Satu diktum keputusan."""

    label: Teks
    """KESATU, KEDUA, ..."""
    isi: Teks
    """Isi diktum."""


class Keputusan(Source):
    """Keputusan kepala dinas tentang penetapan IKU."""

    nomor: Teks
    """Nomor, mis. 37 Tahun 2024."""
    tentang: Teks
    """Perihal keputusan (tentang)."""
    tempat: Teks
    """Tempat penetapan."""
    tanggal: Tanggal
    """Tanggal penetapan."""
    penandatangan: Orang
    """Penanda tangan."""
    menimbang: list[Teks] = []
    """Butir-butir menimbang."""
    mengingat: list[Teks] = []
    """Dasar hukum (mengingat)."""
    diktum: list[Diktum] = []
    """Diktum keputusan."""
    sasaran_rpjmd: str | None = None
    """Sasaran RPJMD yang tercantum di atas matriks IKU."""


class Rumus(Source):
    """Rumus indikator: pembilang ÷ penyebut × faktor, atau uraian saja."""

    pembilang: Teks | None = None
    """Pembilang; tanpa penyebut tercetak apa adanya."""
    penyebut: Teks | None = None
    """Penyebut; kosong = bukan rasio (mis. indeks yang dihitung BPS)."""
    faktor: Jumlah | None = None
    """Pengali rasio; kosong = menurut satuan (% → 100, per 100.000 … → 100.000, lainnya 1)."""
    uraian: Teks | None = None
    """Uraian cara menghitung, dicetak di bawah rumus (atau sendiri bila tanpa pembilang)."""

    @model_validator(mode="after")
    def _lengkap(self) -> Self:
        if self.penyebut is not None and self.pembilang is None:
            raise ValueError("rumus dengan penyebut memerlukan pembilang")
        if self.pembilang is None and self.uraian is None:
            raise ValueError("rumus memerlukan pembilang (dengan atau tanpa penyebut) atau uraian")
        if self.faktor is not None and self.faktor < 1:
            raise ValueError(f"faktor rumus paling kecil 1 (tertulis {self.faktor})")
        return self


class RealisasiDari(Source):
    """Realisasi yang dihitung dari data: pembilang ÷ penyebut × faktor."""

    pembilang: Teks
    """Rujukan pembilang, mis. tabel.<nama>.jumlah.<kolom> atau anggaran.realisasi."""
    penyebut: Teks
    """Rujukan penyebut, mis. tabel.<nama>.baris.<id baris>.<kolom>."""
    faktor: Nilai | None = None
    """Pengali; bawaan dari satuan (% → 100, per 100.000 → 100.000, lainnya 1)."""


class Indikator(Source):
    """Indikator kinerja sebuah sasaran."""

    id: str = Id
    """Id tetap, mis. capaian_layanan."""
    sasaran: str
    """Id sasaran yang diukur (renstra.yaml)."""
    nama: Teks
    """Nama."""
    utama: YaTidak = True
    """Apakah termasuk indikator kinerja utama (IKU, Tabel 2.1)."""
    satuan: Teks = "%"
    """Satuan: %, per 100.000 kelahiran hidup, hari, atau kata jenis angka seperti nilai, indeks."""
    polaritas: Literal["naik", "turun"] = "naik"
    """naik: makin tinggi makin baik; turun: makin rendah makin baik."""
    metode: Literal["target/realisasi", "2target-realisasi"] | None = None
    """Untuk polaritas turun: cara menghitung capaian."""
    definisi: str | None = None
    """Definisi operasional; tercetak di Tabel 2.1 dan lampiran IKU."""
    rumus: Rumus | None = None
    """Rumus perhitungan."""
    penjelasan: list[Teks] = []
    """Penjelasan: butir-butir di bawah rumus pada Tabel 2.1."""
    sumber_data: str | None = None
    """Sumber data."""
    program: list[str] = []
    """Id program yang bertanggung jawab (anggaran.yaml)."""
    target_renstra: Nilai | None = None
    """Target jangka menengah dalam Renstra."""
    realisasi_dari: RealisasiDari | None = None
    """Realisasi tahun ini dihitung dari data; kosong = realisasi.yaml."""

    def faktor(self) -> Decimal:
        """The ratio's multiplier: ``rumus.faktor`` when stated, else :func:`faktor_satuan`."""
        if self.rumus is not None and self.rumus.faktor is not None:
            return Decimal(self.rumus.faktor)
        return faktor_satuan(self.satuan)


class Iku(Source):
    """Dokumen IKU."""

    keputusan: Keputusan | None = None
    """Keputusan penetapan IKU."""
    indikator: list[Indikator] = Field(min_length=1)
    """Semua indikator (indikator IKU dan indikator PK)."""
