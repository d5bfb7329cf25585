"""``pmks.yaml``: people with social-welfare problems, by category (Tabel 3.8)."""

from pydantic import Field

from lkjip_cli.model.common import Jumlah, Source, Teks


class RincianPmks(Source):
    """Satu subkategori."""

    nama: Teks
    """Nama, mis. Fisik."""
    jumlah: Jumlah
    """Jumlah orang yang terdata."""
    tertangani: Jumlah | None = None
    """Jumlah orang yang tertangani, bila diketahui."""


class KategoriPmks(Source):
    """Satu dari 26 jenis PMKS."""

    nama: Teks
    """Nama."""
    jumlah: Jumlah
    """Jumlah orang yang terdata."""
    tertangani: Jumlah
    """Jumlah orang yang tertangani."""
    rincian: list[RincianPmks] = []
    """Rincian subkategori."""


class JumlahPmks(Source):
    """Jumlah sebagaimana tercetak."""

    jumlah: Jumlah | None = None
    """Jumlah orang yang terdata."""
    tertangani: Jumlah | None = None
    """Jumlah orang yang tertangani."""


class Pmks(Source):
    """Tabel PMKS."""

    sumber: str | None = None
    """Sumber data."""
    kategori: list[KategoriPmks] = Field(min_length=1)
    """Jenis-jenis PMKS."""
    jumlah: JumlahPmks | None = None
    """Jumlah sebagaimana tercetak."""
