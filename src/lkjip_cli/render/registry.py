"""One registry per directive kind: what names exist for this data, how to build each.

``::: tabel``, ``::: gambar``, ``::: daftar`` and ``::: tanda-tangan`` are all
resolved here, by ``lkjip check`` and ``lkjip build`` alike, so a name is valid
in check exactly when build can place it. Tables are the built-in ones
(``realisasi-S1`` for every sasaran) and those the agency declares in
``tabel/``; a declared name equal to a built-in one is a finding
(:func:`clashes`), and the built-in keeps the name.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from lkjip_cli.findings import Finding, error
from lkjip_cli.model import DataTahun
from lkjip_cli.numbers import format_tanggal
from lkjip_cli.render import figures, frontmatter, tables
from lkjip_cli.render.blocks import Block, Paragraph, Signature, plain
from lkjip_cli.render.tables import deklarasi
from lkjip_cli.report import Report


@dataclass(frozen=True)
class Kind:
    """A directive kind: its names for some data, and the blocks of one name."""

    names: Callable[[DataTahun, Report], list[str]]
    build: Callable[[str, DataTahun, Report, bool], list[Block]]
    """Build a known name; with ``draw=False`` figures get no image."""
    hint: Callable[[str, DataTahun, Report], str] | None = None
    """The message for a name this data has not (default: the names there are)."""


def _table_names(data: DataTahun, report: Report) -> list[str]:
    builtin = tables.names(report)
    return builtin + [n for n in report.tabel if n not in builtin]


def _table(name: str, data: DataTahun, report: Report, draw: bool) -> list[Block]:
    found = tables.lookup(name, report)
    if found is not None:
        builder, key = found
        return [tables.apply_title(name, builder(data, report, key), data, report)]
    table, notes = deklarasi.build(report.tabel[name], report)
    return [table, *(Paragraph(plain(n), align="left", style="small") for n in notes)]


def _figure(name: str, data: DataTahun, report: Report, draw: bool) -> list[Block]:
    figure = figures.build(name, data, report, draw)
    return [figure] if figure is not None else []


def _list_names(data: DataTahun, report: Report) -> list[str]:
    return list(frontmatter.LISTS)


def _list(name: str, data: DataTahun, report: Report, draw: bool) -> list[Block]:
    return [frontmatter.legal_list(getattr(data.instansi, name))]


def _signature(name: str, data: DataTahun, report: Report, draw: bool) -> list[Block]:
    lap = data.instansi.laporan
    who = lap.penandatangan
    return [
        Signature(
            (f"{lap.tempat}, {format_tanggal(lap.tanggal)}", who.jabatan),
            who.nama,
            tuple(x for x in (who.pangkat, f"NIP. {who.nip}" if who.nip else None) if x),
        )
    ]


REGISTRY: dict[str, Kind] = {
    "tabel": Kind(_table_names, _table),
    "gambar": Kind(figures.names, _figure, figures.hint),
    "daftar": Kind(_list_names, _list),
    "tanda-tangan": Kind(lambda data, report: ["laporan"], _signature),
}
"""Every directive kind, by the word after ``:::``."""


def clashes(data: DataTahun, report: Report) -> list[Finding]:
    """Declared tables whose name a built-in table already has."""
    builtin = tables.names(report)
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


def names(kind: str, data: DataTahun, report: Report) -> list[str]:
    """Every name ``::: kind`` accepts for this data (none for an unknown kind)."""
    entry = REGISTRY.get(kind)
    return entry.names(data, report) if entry is not None else []


def build(
    kind: str, name: str, data: DataTahun, report: Report, *, draw: bool = True
) -> list[Block] | None:
    """The blocks of ``::: kind name``, or none when this data has no such name."""
    entry = REGISTRY.get(kind)
    if entry is None or name not in entry.names(data, report):
        return None
    return entry.build(name, data, report, draw)
