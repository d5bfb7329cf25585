"""``pmks.yaml``: people with social-welfare problems, by category (Tabel 3.8)."""

from __future__ import annotations

from pydantic import Field

from lkjip_cli.model.common import Jumlah, Source, Teks


class RincianPmks(Source):
    """A sub-category."""

    nama: Teks
    """Name, e.g. Fisik."""
    jumlah: Jumlah
    """People counted."""
    tertangani: Jumlah | None = None
    """People handled, where known."""


class KategoriPmks(Source):
    """One of the 26 PMKS categories."""

    nama: Teks
    """Name."""
    jumlah: Jumlah
    """People counted."""
    tertangani: Jumlah
    """People handled."""
    rincian: list[RincianPmks] = []
    """Sub-categories."""


class JumlahPmks(Source):
    """Totals as printed."""

    jumlah: Jumlah | None = None
    """People counted."""
    tertangani: Jumlah | None = None
    """People handled."""


class Pmks(Source):
    """The PMKS table."""

    sumber: str | None = None
    """Source of the data."""
    kategori: list[KategoriPmks] = Field(min_length=1)
    """Categories."""
    jumlah: JumlahPmks | None = None
    """Totals as printed."""
