"""``realisasi.yaml``: indicator realization, history, benchmark, RPJMD indicator."""

from typing import Literal

from lkjip_cli.model.common import Jumlah, Nilai, Source, Teks, Tercetak


class Pembanding(Source):
    """Realisasi indikator yang sama di daerah lain (pembanding)."""

    daerah: Teks
    """Daerah pembanding, mis. Kabupaten … atau Kota …."""
    tahun: int
    """Tahun."""
    realisasi: Nilai
    """Realisasinya."""
    jumlah: Jumlah | None = None
    """Penyebutnya (mis. jumlah yang terdata), bila diketahui."""
    tertangani: Jumlah | None = None
    """Pembilangnya (mis. jumlah yang tertangani), bila diketahui."""


class RealisasiTercetak(Source):
    """Angka indikator sebagaimana tercetak (hanya untuk transkripsi)."""

    realisasi: Nilai | list[Tercetak[Nilai]] | None = None
    """Realisasi tahun ini."""
    capaian: Nilai | list[Tercetak[Nilai]] | None = None
    """Capaian tahun ini."""
    capaian_renstra: Nilai | list[Tercetak[Nilai]] | None = None
    """Capaian terhadap target Renstra."""
    selisih_tahun: dict[int, Nilai] = {}
    """Realisasi tahun ini dikurangi realisasi tahun tersebut."""
    selisih_pembanding: Nilai | list[Tercetak[Nilai]] | None = None
    """Realisasi tahun ini dikurangi realisasi pembanding."""


class RealisasiIndikator(Source):
    """Realisasi satu indikator."""

    indikator: str
    """Id indikator (iku.yaml)."""
    realisasi: Nilai | None = None
    """Realisasi tahun ini, bila tidak dihitung dari data lain."""
    keterangan: str | None = None
    """Keterangan yang dicetak bersama realisasi."""
    riwayat: dict[int, Nilai] = {}
    """Realisasi tahun-tahun sebelumnya."""
    pembanding: Pembanding | None = None
    """Daerah pembanding."""
    tercetak: RealisasiTercetak | None = None
    """Angka sebagaimana tercetak (hanya untuk transkripsi)."""


class RpjmdTercetak(Source):
    """Angka indikator RPJMD sebagaimana tercetak."""

    selisih: Nilai | list[Tercetak[Nilai]] | None = None
    """Realisasi tahun lalu dikurangi realisasi tahun ini."""


class IndikatorRpjmd(Source):
    """Indikator RPJMD yang dilaporkan instansi (Tabel 3.5)."""

    nama: Teks
    """Nama."""
    satuan: Teks = "%"
    """Satuan."""
    polaritas: Literal["naik", "turun"] = "naik"
    """naik: makin tinggi makin baik; turun: makin rendah makin baik."""
    target_awal: Nilai | None = None
    """Kondisi awal (baseline) RPJMD."""
    target: dict[int, Nilai] = {}
    """Target per tahun."""
    realisasi: dict[int, Nilai] = {}
    """Realisasi per tahun."""
    tercetak: RpjmdTercetak | None = None
    """Angka sebagaimana tercetak (hanya untuk transkripsi)."""


class Realisasi(Source):
    """Berkas realisasi."""

    indikator: list[RealisasiIndikator] = []
    """Realisasi per indikator."""
    rpjmd: list[IndikatorRpjmd] = []
    """Indikator RPJMD."""
