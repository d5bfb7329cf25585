"""``tabel/<nama>.yaml``: a table the agency declares (columns, rows, total, constraints).

The source model (:class:`Tabel`) mirrors the file; its cells stay text until
:mod:`lkjip_cli.validate.tabel` parses each by its column's kind and records
where it stands, giving a :class:`TabelData` (the resolved rows) for compute,
checks and narratives.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Annotated, Any, Literal

from pydantic import Field, WithJsonSchema

from lkjip_cli.loader import Position
from lkjip_cli.model.common import Jumlah, Nilai, Source, Teks, YaTidak
from lkjip_cli.rumus import Ekspresi, Syarat

JenisKolom = Literal["teks", "bilangan", "rupiah", "persen", "desimal", "tanggal", "program"]
"""The kinds a column may have."""

NUMERIC: frozenset[str] = frozenset({"bilangan", "rupiah", "persen", "desimal"})
"""Kinds whose cells are numbers (formulas, sums, constraints)."""

SUMMED_BY_DEFAULT: frozenset[str] = frozenset({"bilangan", "rupiah"})
"""Kinds whose rincian and rows add up unless ``jumlahkan: tidak``."""

NAME_PATTERN = r"^[a-z][a-z0-9_]*$"

Sel = Annotated[
    str | None,
    WithJsonSchema({"type": ["string", "number", "boolean", "null"]}, mode="validation"),
]
"""A cell as typed: text (parsed by its column's kind) or empty. An editor's YAML
parser reads ``103.110`` as a number, so the schema accepts numbers too."""


class Kolom(Source):
    """Satu kolom tabel."""

    id: str = Field(pattern=NAME_PATTERN)
    """Nama kolom dalam baris, rumus, batasan, dan narasi, mis. tertangani."""
    judul: Teks
    """Judul kolom yang dicetak di kepala tabel."""
    jenis: JenisKolom
    """teks, bilangan, rupiah, persen, desimal, tanggal, atau program."""
    satuan: str | None = None
    """Satuan yang dicetak di belakang nilai, mis. hari."""
    desimal: Jumlah | None = None
    """Banyaknya angka di belakang koma yang dicetak."""
    rumus: str | None = None
    """Rumus kolom terhitung, mis. tertangani / jumlah; nilainya tidak diketik."""
    jumlahkan: YaTidak | None = None
    """Apakah rincian dan baris dijumlahkan pada kolom ini (bawaan: ya untuk bilangan, rupiah)."""
    kelompok: str | None = None
    """Judul kelompok di atas kolom-kolom bersebelahan yang sama kelompoknya."""
    lebar: Nilai | None = None
    """Lebar relatif kolom."""
    tampil: YaTidak = True
    """Tidak: kolom tetap menjadi data, tetapi tidak dicetak."""

    @property
    def summed(self) -> bool:
        """Whether rincian and rows add up in this column."""
        if self.rumus is not None or self.jenis not in NUMERIC:
            return False
        return self.jenis in SUMMED_BY_DEFAULT if self.jumlahkan is None else self.jumlahkan


class Batasan(Source):
    """Batasan antarkolom yang diperiksa pada setiap baris."""

    syarat: Teks
    """Syaratnya, mis. tertangani <= jumlah."""
    tingkat: Literal["galat", "peringatan"] = "galat"
    """galat atau peringatan."""
    pesan: str | None = None
    """Penjelasan tambahan dalam temuan."""


class BarisDari(Source):
    """Baris tabel diambil dari berkas CSV atau XLSX di samping berkas tabel."""

    berkas: Teks
    """Nama berkas, mis. puskesmas.xlsx."""
    lembar: str | None = None
    """Nama lembar (XLSX); bawaan: lembar pertama."""
    baris_judul: Jumlah = Field(default=1, ge=1)
    """Nomor baris judul kolom; baris data menyusul sampai baris kosong pertama."""


class Terbilang(Source):
    """Angka tabel yang tercetak dengan huruf (hanya untuk transkripsi), diperiksa."""

    nilai: Teks
    """Angka yang dimaksud: jumlah.<kolom> atau baris.<id baris>.<kolom>."""
    huruf: Teks
    """Angka itu sebagaimana tercetak dengan huruf."""
    di: str | None = None
    """Letak cetakannya (paragraf, tabel)."""


class Tabel(Source):
    """Tabel yang dideklarasikan."""

    judul: Teks
    """Judul tabel; {tahun} diganti tahun laporan."""
    sumber: str | None = None
    """Sumber data, dicetak di bawah tabel."""
    catatan: list[Teks] = []
    """Catatan yang dicetak di bawah tabel."""
    nomor: YaTidak = True
    """Kolom No. pertama yang menomori baris."""
    kecil: YaTidak = False
    """Huruf tabel kecil."""
    kolom: list[Kolom] = Field(min_length=1)
    """Kolom-kolom, dalam urutan cetak."""
    batasan: list[Teks | Batasan] = []
    """Batasan antarkolom, mis. tertangani <= jumlah."""
    baris: list[dict[str, Sel | list[dict[str, Sel | list[Any]]]]] = []
    """Baris-baris: nilai per id kolom, id baris, dan rincian."""
    baris_dari: BarisDari | None = None
    """Baris diambil dari berkas CSV/XLSX (pengganti baris)."""
    jumlah: dict[str, Sel] | None = None
    """Baris jumlah: label dan jumlah yang tertulis (diperiksa); tanpa ini tanpa baris jumlah."""
    terbilang: list[Terbilang] = []
    """Angka tabel yang tercetak dengan huruf di laporan (transkripsi), diperiksa."""


Value = int | Decimal | str | dt.date | None
"""A parsed cell: a count, an amount or a decimal, text (also a program id), a date."""


@dataclass(frozen=True)
class BarisData:
    """A row with its cells parsed and the position of each."""

    nilai: dict[str, Value]
    """Typed values by column id (computed columns absent)."""
    at: Position
    """Where the row stands."""
    cells: dict[str, Position] = field(default_factory=dict)
    """Where each typed cell stands."""
    id: str | None = None
    """The row's name for narratives and indicators."""
    rincian: tuple[BarisData, ...] = ()
    """Sub-rows."""

    def pos(self, column: str) -> Position:
        """Where a cell stands, or the row when the cell is empty."""
        return self.cells.get(column, self.at)


@dataclass(frozen=True)
class BatasanData:
    """A parsed constraint."""

    syarat: Syarat
    tingkat: str
    pesan: str | None
    at: Position


@dataclass(frozen=True)
class TabelData:
    """A declared table, resolved: parsed rows, formulas and constraints."""

    nama: str
    """The table's name (its file stem)."""
    file: str
    """The data file's key, ``tabel/<nama>.yaml``."""
    tabel: Tabel
    """The source model."""
    baris: tuple[BarisData, ...]
    """Rows."""
    jumlah: BarisData | None
    """The total row as written (stated values only); none without a total row."""
    label_jumlah: str = "Jumlah"
    """The total row's label."""
    rumus: dict[str, Ekspresi] = field(default_factory=dict)
    """Computed columns' formulas by column id."""
    batasan: tuple[BatasanData, ...] = ()
    """Constraints."""

    @property
    def kolom(self) -> dict[str, Kolom]:
        """Columns by id."""
        return {k.id: k for k in self.tabel.kolom}
