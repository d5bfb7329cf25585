"""``iku.yaml``: the indicators and the decree that fixes the IKU."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from lkjip_cli.model.common import Nilai, Orang, Source, Tanggal, Teks, YaTidak
from lkjip_cli.model.renstra import Id


class Diktum(Source):
    """One operative clause of the decree."""

    label: Teks
    """KESATU, KEDUA, ..."""
    isi: Teks
    """Its text."""


class Keputusan(Source):
    """The head of agency's decree on the IKU."""

    nomor: Teks
    """Number, e.g. 37 Tahun 2024."""
    tentang: Teks
    """Subject."""
    tempat: Teks
    """Place."""
    tanggal: Tanggal
    """Date."""
    penandatangan: Orang
    """Signatory."""
    menimbang: list[Teks] = []
    """Considerations."""
    mengingat: list[Teks] = []
    """Legal references."""
    diktum: list[Diktum] = []
    """Operative clauses."""
    sasaran_rpjmd: str | None = None
    """The RPJMD target shown above the IKU matrix."""


class Rumus(Source):
    """An indicator's formula: numerator ÷ denominator."""

    pembilang: Teks
    """Numerator."""
    penyebut: Teks
    """Denominator."""


class Indikator(Source):
    """A performance indicator of a sasaran."""

    id: str = Id
    """Stable id, e.g. pmks_tertangani."""
    sasaran: str
    """Id of the sasaran it measures (renstra.yaml)."""
    nama: Teks
    """Name."""
    utama: YaTidak = True
    """Whether it is a key indicator (IKU, Tabel 2.1)."""
    satuan: Teks = "%"
    """Unit: % or a word such as nilai."""
    polaritas: Literal["naik", "turun"] = "naik"
    """naik: higher is better; turun: lower is better."""
    metode: Literal["target/realisasi", "2target-realisasi"] | None = None
    """For polaritas turun: how capaian is computed."""
    definisi: str | None = None
    """Operational definition."""
    rumus: Rumus | None = None
    """Formula."""
    penjelasan: list[Teks] = []
    """Explanations."""
    sumber_data: str | None = None
    """Data source."""
    program: list[str] = []
    """Ids of the programs responsible (anggaran.yaml)."""
    target_renstra: Nilai | None = None
    """Medium-term target of the Renstra."""
    realisasi_dari: Literal["pmks"] | None = None
    """Where this year's realization is computed from; empty = realisasi.yaml."""


class Iku(Source):
    """The IKU document."""

    keputusan: Keputusan | None = None
    """The decree."""
    indikator: list[Indikator] = Field(min_length=1)
    """All indicators (IKU and PK indicators)."""
