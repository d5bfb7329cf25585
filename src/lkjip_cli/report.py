"""The computed Report: every figure the LKjIP prints beyond the raw data.

Built once by :mod:`lkjip_cli.compute`; read by checks and every writer. Values
are exact ``Decimal``; nothing here is rounded.
"""

from decimal import Decimal
from typing import Annotated, Any

from pydantic import BaseModel, ConfigDict, PlainSerializer

from lkjip_cli.model.anggaran import IndikatorProgram, Kinerja, RencanaAksi
from lkjip_cli.model.config import Interval
from lkjip_cli.model.tabel import Kolom

D = Annotated[Decimal, PlainSerializer(lambda v: str(v), return_type=str, when_used="json")]


class Hasil(BaseModel):
    """Base of computed models: frozen, attribute docstrings in the schema."""

    model_config = ConfigDict(
        frozen=True,
        defer_build=True,
    )


class Uang(Hasil):
    """Budget figures of one node of the DPA tree."""

    pagu_murni: D
    """Original allocation."""
    pagu_perubahan: D
    """Revised allocation."""
    realisasi: D
    """Spending."""
    serapan: D | None
    """realisasi ÷ pagu_perubahan × 100; none when the allocation is 0."""


class SubKegiatanHasil(Uang):
    """A sub kegiatan with its figures."""

    nama: str
    """Name."""
    kode: str | None
    """Budget code."""
    rencana_aksi: RencanaAksi | None
    """Action plan."""
    kinerja: Kinerja | None
    """Cascade, staff level."""


class KegiatanHasil(Uang):
    """A kegiatan with sums over its sub kegiatan."""

    nama: str
    """Name."""
    kode: str | None
    """Budget code."""
    indikator: list[IndikatorProgram]
    """Indicators."""
    sub_kegiatan: list[SubKegiatanHasil]
    """Sub kegiatan."""


class ProgramHasil(Uang):
    """A program with sums over its kegiatan."""

    id: str
    """Id."""
    nama: str
    """Name."""
    kode: str | None
    """Budget code."""
    sasaran: str
    """Sasaran id."""
    penanggung_jawab: str | None
    """Person in charge."""
    indikator: list[IndikatorProgram]
    """Indicators."""
    kegiatan: list[KegiatanHasil]
    """Kegiatan."""


class AnggaranHasil(Uang):
    """The whole DPA."""

    jumlah_program: int
    """Number of programs."""
    jumlah_kegiatan: int
    """Number of kegiatan."""
    jumlah_sub_kegiatan: int
    """Number of sub kegiatan."""
    program: list[ProgramHasil]
    """Programs in order."""


class PembandingHasil(Hasil):
    """Benchmark district."""

    daerah: str
    """District."""
    tahun: int
    """Year."""
    realisasi: D
    """Its realization."""
    jumlah: int | None
    """Its denominator."""
    tertangani: int | None
    """Its numerator."""


class IndikatorHasil(Hasil):
    """An indicator with its realization and achievement."""

    id: str
    """Id."""
    nama: str
    """Name."""
    sasaran: str
    """Sasaran id."""
    utama: bool
    """An IKU."""
    satuan: str
    """Unit."""
    polaritas: str
    """naik / turun."""
    target: D | None
    """Target of the PK in force (PK Perubahan when there is one)."""
    target_murni: D | None
    """Target of the original PK."""
    realisasi: D | None
    """This year's realization."""
    capaian: D | None
    """Achievement in percent."""
    predikat: str | None
    """Category of the achievement."""
    keterangan: str | None
    """Remark."""
    riwayat: dict[int, D]
    """Realization in earlier years."""
    selisih_tahun: dict[int, D]
    """This year's realization minus that year's."""
    pembanding: PembandingHasil | None
    """Benchmark."""
    selisih_pembanding: D | None
    """This year's realization minus the benchmark's."""
    target_renstra: D | None
    """Medium-term target."""
    capaian_renstra: D | None
    """Achievement against the medium-term target."""


class SasaranHasil(Hasil):
    """A sasaran: its indicators' mean achievement and its budget."""

    id: str
    """Id."""
    nama: str
    """Name."""
    tujuan: str
    """Name of its tujuan."""
    indikator: list[str]
    """Ids of its indicators (those with a PK target)."""
    jumlah_indikator: int
    """Number of indicators."""
    capaian: D | None
    """Mean of its indicators' capaian."""
    predikat: str | None
    """Category."""
    program: list[str]
    """Ids of the programs that serve it."""
    pagu: D
    """Revised allocation of its programs."""
    pagu_murni: D
    """Original allocation of its programs."""
    realisasi: D
    """Spending of its programs."""
    serapan: D | None
    """Absorption in percent."""
    efisiensi: D | None
    """Efficiency by the configured method."""


class PegawaiHasil(Hasil):
    """Staff totals."""

    jumlah: int
    """All staff."""
    asn: int
    """Civil servants."""


class BarisHasil(Hasil):
    """A row of a declared table with every value resolved."""

    id: str | None
    """The row's name, if it has one."""
    nilai: dict[str, Any]
    """Values by column id: typed, summed from rincian or rows, or computed by formula."""
    dihitung: dict[str, Any]
    """Sums of the rincian (a group row) or of the rows (the total row), by column id."""
    rincian: list["BarisHasil"]
    """Sub-rows."""


class TabelHasil(Hasil):
    """A declared table, resolved: what it prints and what narratives read."""

    nama: str
    """Name (the directive and ``ref()`` name)."""
    judul: str
    """Caption, with the year filled in."""
    sumber: str | None
    """Source line."""
    catatan: list[str]
    """Notes under the table."""
    kolom: list[Kolom]
    """Columns."""
    nomor: bool
    """Whether a numbering column comes first."""
    kecil: bool
    """Small print."""
    label_jumlah: str
    """The total row's label."""
    baris: list[BarisHasil]
    """Rows."""
    jumlah: BarisHasil | None
    """The total row, if the table has one."""


class RpjmdHasil(Hasil):
    """An RPJMD indicator (Tabel 3.5)."""

    nama: str
    """Name."""
    satuan: str
    """Unit."""
    polaritas: str
    """naik / turun."""
    target_awal: D | None
    """Baseline."""
    target: dict[int, D]
    """Targets per year."""
    realisasi: dict[int, D]
    """Realization per year."""
    selisih: D | None
    """Last year's realization minus this year's."""


class Report(Hasil):
    """Every computed figure of one year's report."""

    tahun: int
    """Year."""
    skala: list[Interval]
    """The predikat scale in force."""
    metode_efisiensi: str
    """Efficiency method."""
    batas_capaian: D | None
    """Cap on capaian."""
    anggaran: AnggaranHasil
    """The DPA with sums."""
    program: dict[str, ProgramHasil]
    """Programs by id."""
    sasaran: dict[str, SasaranHasil]
    """Sasaran by id, in order."""
    indikator: dict[str, IndikatorHasil]
    """Indicators by id, in order."""
    pegawai: PegawaiHasil
    """Staff totals."""
    tabel: dict[str, TabelHasil]
    """Declared tables by name."""
    rpjmd: list[RpjmdHasil]
    """RPJMD indicators."""
