"""The report's numbered tables (Tabel 1.1–3.18), each built from the Report.

Every builder returns a :class:`Table` without a number; the document builder
numbers tables by their position. Figures are formatted in this package and only
here, from exact values (percentages rounded half up when printed). By report part:

- ``organisasi``: BAB I–II (pegawai, permasalahan, IKU, PK, anggaran);
- ``kinerja``: BAB III performance (predikat, capaian, realisasi per sasaran, RPJMD);
- ``deklarasi``: the tables an agency declares in ``tabel/`` (placed by
  :mod:`lkjip_cli.render.registry`);
- ``keuangan``: BAB III budget per sasaran with its efisiensi;
- ``_cells``: the cells and lookups they share.

A planner may replace any built-in title in ``lkjip.yaml`` (``judul_tabel``):
:func:`apply_title` puts it on the built table where the document places it.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable

from lkjip_cli.model import DataTahun
from lkjip_cli.render.blocks import Table
from lkjip_cli.render.tables import keuangan, kinerja, organisasi
from lkjip_cli.render.tables.keuangan import METODE_EFISIENSI
from lkjip_cli.report import Report

__all__ = ["METODE_EFISIENSI", "TABLES", "Builder", "apply_title", "lookup", "names"]

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


ISIAN = ("{sasaran}", "{tahun}")
"""What a title in ``judul_tabel`` may contain: the sasaran's name (``-S`` tables) and the year."""


def names(report: Report) -> list[str]:
    """Every name a built-in table can be placed or titled by: ``pegawai``, ``realisasi-S1`` …"""
    out = [n for n in TABLES if not n.endswith("-S")]
    out += [f"{n[:-2]}-{key}" for n in TABLES if n.endswith("-S") for key in report.sasaran]
    return out


def title_key(name: str, data: DataTahun, report: Report) -> str | None:
    """The ``judul_tabel`` key that titles table ``name``: its own, else its ``-S`` family's."""
    overrides = data.config.judul_tabel
    if name in overrides:
        return name
    found = lookup(name, report)
    if found is not None and found[1] is not None:
        family = f"{name[: -len(found[1])]}S"
        if family in overrides:
            return family
    return None


def apply_title(name: str, table: Table, data: DataTahun, report: Report) -> Table:
    """``table`` with the caption ``lkjip.yaml``'s ``judul_tabel`` gives ``name``, if any."""
    key = title_key(name, data, report)
    if key is None:
        return table
    found = lookup(name, report)
    sasaran = report.sasaran[found[1]].nama if found is not None and found[1] else ""
    caption = data.config.judul_tabel[key]
    caption = caption.replace("{sasaran}", sasaran).replace("{tahun}", str(report.tahun))
    return dataclasses.replace(table, caption=caption)


def unknown_fills(title: str, *, per_sasaran: bool) -> list[str]:
    """The ``{…}`` in a title that :func:`apply_title` would not fill."""
    allowed = ISIAN if per_sasaran else ISIAN[1:]
    return [x for x in re.findall(r"\{[^{}]*\}", title) if x not in allowed]
