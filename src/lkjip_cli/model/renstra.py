"""``renstra.yaml``: vision, mission, RPJMD chain, tujuan and sasaran."""

from pydantic import Field

from lkjip_cli.model.common import Nilai, Rupiah, Source, Teks, Tercetak

Id = Field(pattern=r"^[A-Za-z][A-Za-z0-9_]*$")


class Periode(Source):
    """Tahun-tahun periode rencana."""

    awal: int
    """Tahun awal."""
    akhir: int
    """Tahun akhir."""


class Rpjmd(Source):
    """Tujuan dan sasaran RPJMD yang didukung instansi ini."""

    tujuan: Teks
    """Tujuan RPJMD."""
    indikator_tujuan: Teks
    """Indikator tujuan RPJMD."""
    sasaran: Teks
    """Sasaran RPJMD."""
    indikator_sasaran: Teks
    """Indikator sasaran RPJMD."""


class SasaranTercetak(Source):
    """Angka sasaran sebagaimana tercetak (hanya untuk transkripsi)."""

    capaian: Nilai | list[Tercetak[Nilai]] | None = None
    """Rata-rata capaian."""
    predikat: str | list[Tercetak[str]] | None = None
    """Predikat."""
    pagu: Rupiah | list[Tercetak[Rupiah]] | None = None
    """Pagu program-programnya."""
    realisasi: Rupiah | list[Tercetak[Rupiah]] | None = None
    """Realisasi anggaran program-programnya."""
    serapan: Nilai | list[Tercetak[Nilai]] | None = None
    """Serapan, dalam persen."""
    efisiensi: Nilai | list[Tercetak[Nilai]] | None = None
    """Efisiensi, dalam persen."""


class Sasaran(Source):
    """Sasaran strategis."""

    id: str = Id
    """Id tetap, mis. S1."""
    nama: Teks
    """Nama, mis. Meningkatnya Akuntabilitas Kinerja."""
    tercetak: SasaranTercetak | None = None
    """Angka sebagaimana tercetak (hanya untuk transkripsi)."""


class Tujuan(Source):
    """Tujuan Renstra."""

    id: str = Id
    """Id tetap, mis. T1."""
    nama: Teks
    """Nama."""
    indikator: str | None = None
    """Indikator tujuan."""
    sasaran: list[Sasaran] = Field(min_length=1)
    """Sasaran di bawahnya."""


class Renstra(Source):
    """Rencana Strategis (Renstra)."""

    periode: Periode
    """Periode Renstra."""
    visi: Teks
    """Visi daerah."""
    misi: Teks
    """Misi yang didukung instansi ini."""
    misi_ke: str | None = None
    """Nomor misi tersebut dalam RPJMD, mis. I."""
    rpjmd: Rpjmd | None = None
    """Tujuan dan sasaran RPJMD."""
    tujuan: list[Tujuan] = Field(min_length=1)
    """Tujuan, masing-masing beserta sasarannya."""

    def all_sasaran(self) -> list[Sasaran]:
        """Every sasaran in document order."""
        return [s for t in self.tujuan for s in t.sasaran]
