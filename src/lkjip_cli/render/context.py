"""Report → the names a narrative may use: the only place that shapes them."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from lkjip_cli.model import DataTahun
from lkjip_cli.report import BarisHasil, Report, TabelHasil


def narrative_context(data: DataTahun, report: Report, ref: Callable[[str], str]) -> dict[str, Any]:
    """Everything ``{{ ... }}`` in ``narasi/*.md`` can read (see docs/data-format.md)."""
    return {
        "tahun": report.tahun,
        "instansi": data.instansi,
        "renstra": data.renstra,
        "anggaran": report.anggaran,
        "program": report.program,
        "sasaran": report.sasaran,
        "indikator": report.indikator,
        "rpjmd": report.rpjmd,
        "pegawai": report.pegawai,
        "tabel": {name: tabel_view(t, report) for name, t in report.tabel.items()},
        "ref": ref,
    }


class Baris(dict[str, Any]):
    """A row for narratives: ``baris.<kolom>``, ``baris.<kolom>_nama``, ``baris.rincian``."""


class DaftarBaris(list[Baris]):
    """Rows by position (``baris[0]``) or by row id (``baris.<id>``, ``baris['<id>']``)."""

    def __getattr__(self, name: str) -> Baris:
        for row in self:
            if row.get("id") == name:
                return row
        raise AttributeError(name)

    def __getitem__(self, key: Any) -> Any:
        if isinstance(key, str):
            try:
                return self.__getattr__(key)
            except AttributeError:
                raise KeyError(key) from None
        return super().__getitem__(key)


def _baris(row: BarisHasil, t: TabelHasil, report: Report) -> Baris:
    view = Baris(row.nilai)
    for k in t.kolom:
        value = row.nilai.get(k.id)
        if k.jenis == "program" and value in report.program:
            view[f"{k.id}_nama"] = report.program[value].nama
    view["id"] = row.id
    view["rincian"] = DaftarBaris(_baris(r, t, report) for r in row.rincian)
    return view


def tabel_view(t: TabelHasil, report: Report) -> dict[str, Any]:
    """A declared table as narratives read it: ``judul``, ``sumber``, ``jumlah``, ``baris``."""
    return {
        "judul": t.judul,
        "sumber": t.sumber,
        "catatan": t.catatan,
        "jumlah": _baris(t.jumlah, t, report) if t.jumlah is not None else None,
        "baris": DaftarBaris(_baris(r, t, report) for r in t.baris),
    }
