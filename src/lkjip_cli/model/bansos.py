"""``bansos.yaml``: social assistance distributed to the poor (Tabel 3.9)."""

from lkjip_cli.model.common import Jumlah, Source, Teks


class Bansos(Source):
    """Satu program bantuan sosial."""

    nama: Teks
    """Nama."""
    penerima: Jumlah
    """Jumlah penerima."""
    satuan: Teks
    """Satuan: KPM, ORG, atau KLM."""
    sumber: str | None = None
    """Saluran / sumber dana."""


class DaftarBansos(Source):
    """Tabel bantuan sosial (Tabel 3.9)."""

    bansos: list[Bansos] = []
    """Baris tabel."""
