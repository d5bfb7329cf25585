"""``lkjip.yaml``: the year and the methods the report uses."""

from typing import Literal

from lkjip_cli.model.common import Nilai, Source, Teks


class Capaian(Source):
    """Batas capaian indikator."""

    batas_atas: Nilai | None = None
    """Batas atas capaian dalam persen (mis. 100 atau 120); kosong = tanpa batas."""


class Efisiensi(Source):
    """Cara menghitung efisiensi penggunaan sumber daya."""

    metode: Literal["100-serapan", "capaian-serapan"] = "100-serapan"
    """100-serapan (sesuai acuan) atau capaian-serapan."""


class Interval(Source):
    """Satu rentang predikat: capaian ≥ dari dan < sampai (dalam persen)."""

    dari: Nilai | None = None
    """Batas bawah (termasuk); kosong = tanpa batas bawah."""
    sampai: Nilai | None = None
    """Batas atas (tidak termasuk); kosong = tanpa batas atas."""
    predikat: Teks
    """Nama predikat, mis. Sangat Tinggi."""


class LabelPk(Source):
    """Label tingkat PK di kolom kanan cascading kinerja, dari atas ke bawah."""

    daerah: Teks = "PK KEPALA DAERAH"
    """Tingkat RPJMD (misi, tujuan, sasaran daerah)."""
    perangkat_daerah: Teks = "PK KEPALA OPD"
    """Tingkat Renstra perangkat daerah (tujuan, sasaran, indikator sasaran)."""
    program: Teks = "PK ESELON III"
    """Tingkat program dan kegiatan."""
    sub_kegiatan: Teks = "PK JF/ESELON IV"
    """Tingkat sub kegiatan."""
    staf: Teks = "PK STAF"
    """Tingkat staf."""


class Cascading(Source):
    """Pengaturan lampiran cascading kinerja."""

    pk: LabelPk = LabelPk()
    """Label tingkat PK; yang tidak diisi memakai label acuan."""


def _default_scale() -> list[Interval]:
    from decimal import Decimal

    bands = [
        (91, None, "Sangat Tinggi"),
        (76, 91, "Tinggi"),
        (66, 76, "Sedang"),
        (51, 66, "Rendah"),
        (None, 51, "Sangat Rendah"),
    ]
    return [
        Interval(
            dari=None if lo is None else Decimal(lo),
            sampai=None if hi is None else Decimal(hi),
            predikat=name,
        )
        for lo, hi, name in bands
    ]


class Pengakuan(Source):
    """Peringatan yang diakui instansi: benar, tetapi sudah dijelaskan."""

    aturan: Teks
    """Id aturan peringatan, mis. kelengkapan.tanpa-pembanding."""
    butir: Teks
    """Nama butir yang disebut pesan peringatannya, mis. Nilai SAKIP."""
    alasan: Teks
    """Alasan peringatan ini diakui (dicetak bersama peringatannya)."""


class Config(Source):
    """Pengaturan tahun laporan."""

    tahun: int
    """Tahun laporan."""
    kertas: Literal["A4", "F4"] = "A4"
    """Ukuran kertas DOCX."""
    templat: Teks | None = None
    """Templat DOCX relatif terhadap direktori tahun ini, mis. ../../templates/kop.docx;
    harus di dalam repositori data; kosong = templates/reference.docx repositori data, bila ada."""
    capaian: Capaian = Capaian()
    """Pengaturan capaian."""
    efisiensi: Efisiensi = Efisiensi()
    """Pengaturan efisiensi."""
    predikat: list[Interval] = []
    """Skala predikat (Tabel 3.1); kosong = skala acuan."""
    judul_tabel: dict[str, Teks] = {}
    """Judul pengganti tabel bawaan per nama tabel (pegawai, realisasi-S, realisasi-S1);
    {sasaran} dan {tahun} diisi nama sasaran dan tahun laporan."""
    cascading: Cascading = Cascading()
    """Pengaturan lampiran cascading kinerja."""
    diakui: list[Pengakuan] = []
    """Peringatan yang diakui: aturan, butir dan alasannya (lkjip check --strict lolos)."""

    def scale(self) -> list[Interval]:
        """The configured scale, or the reference's default."""
        return self.predikat or _default_scale()
