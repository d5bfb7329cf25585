"""``spm.yaml``: minimum service standard achievement (Tabel 3.11–3.12)."""

from lkjip_cli.model.common import Jumlah, Nilai, Source, Teks


class IndeksSpm(Source):
    """Target dan realisasi indeks SPM per tahun, dalam persen."""

    target: dict[int, Nilai] = {}
    """Target per tahun."""
    realisasi: dict[int, Nilai] = {}
    """Realisasi per tahun."""


class RincianSpm(Source):
    """Satu layanan dalam sebuah layanan dasar."""

    nama: Teks
    """Nama."""
    satuan: Teks = "orang"
    """Satuan."""
    target: Jumlah
    """Target."""
    realisasi: Jumlah
    """Realisasi."""


class LayananSpm(Source):
    """Layanan dasar SPM bidang sosial."""

    nama: Teks
    """Nama."""
    indeks: IndeksSpm | None = None
    """Indeks per tahun (Tabel 3.11)."""
    target: Jumlah | None = None
    """Jumlah orang yang harus dilayani tahun ini (Tabel 3.12)."""
    realisasi: Jumlah | None = None
    """Jumlah orang yang terlayani tahun ini."""
    sumber_data: str | None = None
    """Sumber angka-angka ini."""
    rincian: list[RincianSpm] = []
    """Rincian layanan."""


class Spm(Source):
    """Berkas SPM."""

    layanan: list[LayananSpm] = []
    """Layanan dasar."""
