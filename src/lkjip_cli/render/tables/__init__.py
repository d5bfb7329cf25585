"""The report's numbered tables (Tabel 1.1–3.18), each built from the Report.

Every builder returns a :class:`Table` without a number; the document builder
numbers tables by their position. Figures are formatted in this package and only
here, from exact values (percentages rounded half up when printed). By report part:

- ``organisasi``: BAB I–II (pegawai, permasalahan, IKU, PK, anggaran);
- ``kinerja``: BAB III performance (predikat, capaian, realisasi per sasaran, RPJMD);
- ``deklarasi``: the tables an agency declares in ``tabel/`` (see :mod:`.registry`);
- ``keuangan``: BAB III budget per sasaran with its efisiensi;
- ``_cells``: the cells and lookups they share.
"""

from __future__ import annotations

from collections.abc import Callable

from lkjip_cli.model import DataTahun
from lkjip_cli.render.blocks import Table
from lkjip_cli.render.tables import keuangan, kinerja, organisasi
from lkjip_cli.render.tables.keuangan import METODE_EFISIENSI
from lkjip_cli.report import Report

__all__ = ["METODE_EFISIENSI", "TABLES", "Builder", "lookup"]

Builder = Callable[[DataTahun, Report, str | None], Table]

TABLES: dict[str, Builder] = {
    "pegawai": organisasi.pegawai,
    "permasalahan": organisasi.permasalahan,
    "iku": organisasi.iku,
    "pk": organisasi.pk,
    "anggaran": organisasi.anggaran,
    "predikat": kinerja.predikat,
    "capaian-sasaran": kinerja.capaian_sasaran,
    "realisasi-S": kinerja.realisasi_sasaran,
    "perkembangan-S": kinerja.perkembangan,
    "renstra-S": kinerja.renstra,
    "pembanding-S": kinerja.pembanding,
    "anggaran-S": keuangan.anggaran_sasaran,
    "rpjmd": kinerja.rpjmd,
    "realisasi-anggaran": kinerja.realisasi_anggaran,
}
"""Table builders by directive name; names ending in ``-S`` take a sasaran id suffix."""


def lookup(name: str, report: Report) -> tuple[Builder, str | None] | None:
    """Resolve ``realisasi-S1`` → (builder, "S1"); ``pegawai`` → (builder, None)."""
    if name in TABLES and not name.endswith("-S"):
        return TABLES[name], None
    for key in report.sasaran:
        suffix = f"-{key}"
        if name.endswith(suffix) and f"{name[: -len(suffix)]}-S" in TABLES:
            return TABLES[f"{name[: -len(suffix)]}-S"], key
    return None
