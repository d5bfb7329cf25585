"""``insentif_fiskal.yaml``: the fiscal-incentive fund and its use."""

from lkjip_cli.model.common import Jumlah, Rupiah, Source, Teks, Tercetak


class AlokasiTercetak(Source):
    """Angka sebagaimana tercetak."""

    pagu_terbilang: str | list[Tercetak[str]] | None = None
    """Pagu dalam huruf (terbilang)."""
    realisasi_terbilang: str | list[Tercetak[str]] | None = None
    """Realisasi dalam huruf (terbilang)."""


class Alokasi(Source):
    """Penggunaan dana pada satu program."""

    program: str
    """Id program (anggaran.yaml)."""
    pagu: Rupiah
    """Pagu."""
    realisasi: Rupiah
    """Realisasi."""
    sasaran_penerima: str | None = None
    """Sasaran penerima bantuan."""
    bentuk: Teks
    """Bentuk bantuan."""
    nilai_per_penerima: Rupiah | None = None
    """Nilai per penerima per bulan, untuk bantuan tunai."""
    lama_bulan: Jumlah | None = None
    """Lama bantuan tunai, dalam bulan."""
    target_penerima: Jumlah
    """Target penerima."""
    berhasil_salur: Jumlah | None = None
    """Jumlah yang berhasil disalurkan."""
    gagal_salur: Jumlah | None = None
    """Jumlah yang gagal disalurkan."""
    alasan_gagal: str | None = None
    """Alasan gagal salur."""
    periode: str | None = None
    """Periode penyaluran."""
    pengembalian: Rupiah | None = None
    """Jumlah yang disetor kembali ke kas daerah (STS)."""
    tercetak: AlokasiTercetak | None = None
    """Angka sebagaimana tercetak (hanya untuk transkripsi)."""


class InsentifTercetak(Source):
    """Angka sebagaimana tercetak."""

    realisasi: Rupiah | list[Tercetak[Rupiah]] | None = None
    """Total realisasi."""
    jumlah_terbilang: str | list[Tercetak[str]] | None = None
    """Jumlah dana dalam huruf (terbilang)."""
    realisasi_terbilang: str | list[Tercetak[str]] | None = None
    """Realisasi dalam huruf (terbilang)."""


class InsentifFiskal(Source):
    """Dana insentif fiskal."""

    jumlah: Rupiah
    """Jumlah dana yang diterima."""
    alokasi: list[Alokasi] = []
    """Penggunaan dana per program."""
    tercetak: InsentifTercetak | None = None
    """Angka sebagaimana tercetak (hanya untuk transkripsi)."""
