"""``psks.yaml``: social-welfare potential and resources (Tabel 3.10)."""

from lkjip_cli.model.common import Jumlah, Source, Teks


class Psks(Source):
    """Satu jenis PSKS."""

    nama: Teks
    """Nama."""
    jumlah: Jumlah
    """Jumlah."""
    satuan: Teks = "orang"
    """Satuan: orang atau lembaga."""


class DaftarPsks(Source):
    """Tabel PSKS (Tabel 3.10)."""

    psks: list[Psks] = []
    """Baris tabel."""
