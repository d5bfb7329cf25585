"""The ``::: tabel`` names of one year's data: what exists and how to build each.

``lkjip check`` and ``lkjip build`` both ask :func:`names` and :func:`build`,
so a name is valid in check exactly when build can place it. The names are
the built-in tables (``realisasi-S1`` for every sasaran) and the tables the
agency declares in ``tabel/``; a declared name equal to a built-in one is a
finding (:func:`clashes`), and the built-in keeps the name.
"""

from __future__ import annotations

from lkjip_cli.findings import Finding, error
from lkjip_cli.model import DataTahun
from lkjip_cli.render import tables
from lkjip_cli.render.blocks import Block, Paragraph, plain
from lkjip_cli.render.tables import deklarasi
from lkjip_cli.report import Report


def builtin_names(report: Report) -> list[str]:
    """The built-in tables' names for this data (``-S`` tables once per sasaran)."""
    names = [n for n in tables.TABLES if not n.endswith("-S")]
    names += [
        f"{n[:-2]}-{key}" for n in tables.TABLES if n.endswith("-S") for key in report.sasaran
    ]
    return names


def names(data: DataTahun, report: Report) -> list[str]:
    """Every name ``::: tabel`` accepts for this data."""
    builtin = builtin_names(report)
    return builtin + [n for n in report.tabel if n not in builtin]


def clashes(data: DataTahun, report: Report) -> list[Finding]:
    """Declared tables whose name a built-in table already has."""
    builtin = set(builtin_names(report))
    return [
        error(
            "tabel.nama-ganda",
            f"tabel '{name}' sudah ada sebagai tabel bawaan; beri berkas tabel/{name}.yaml "
            "nama lain",
            data.pos(t.file),
        )
        for name, t in data.tabel.items()
        if name in builtin
    ]


def build(name: str, data: DataTahun, report: Report) -> list[Block] | None:
    """The table ``name`` (and the lines under it), or none when no table has that name."""
    found = tables.lookup(name, report)
    if found is not None:
        builder, key = found
        return [builder(data, report, key)]
    if name in report.tabel:
        table, notes = deklarasi.build(report.tabel[name], report)
        return [table, *(Paragraph(plain(n), align="left", style="small") for n in notes)]
    return None
