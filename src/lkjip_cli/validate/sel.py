"""Declared tables' cells: each typed by its column's kind, with its position.

A row (from YAML or a spreadsheet) arrives as a :class:`RawRow` of text or
spreadsheet values; :class:`CellParser` types every cell, refuses keys that
are no column, values typed in computed columns and program ids that do not
exist, and leaves a bad cell empty so that the rest still checks.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from lkjip_cli.findings import Finding, error
from lkjip_cli.loader import PathKey, Position
from lkjip_cli.model.tabel import NAME_PATTERN, NUMERIC, BarisData, Kolom, Value
from lkjip_cli.numbers import parse_count, parse_date, parse_decimal, parse_rupiah
from lkjip_cli.validate.messages import format_path

_ROW_KEYS = ("id", "rincian")


@dataclass(frozen=True)
class RawRow:
    """A row as read (YAML mapping or spreadsheet line), before its cells are parsed."""

    values: dict[str, Any]
    at: Position
    cells: dict[str, Position]
    path: PathKey = ()
    rincian: tuple[RawRow, ...] = ()


def hint(name: str, known: Iterable[str]) -> str:
    """``; maksud Anda 'x'?`` for the closest known name, or nothing."""
    close = difflib.get_close_matches(name, list(known), n=1)
    return f"; maksud Anda '{close[0]}'?" if close else ""


def parse_cell(jenis: str, value: Any) -> Value:
    """A cell's value by its column's kind; ``ValueError`` (Indonesian) when it is not one."""
    if value is None:
        return None
    if not isinstance(value, str):
        return _typed_cell(jenis, value)
    if not value.strip():
        return None
    if jenis == "bilangan":
        return parse_count(value)
    if jenis == "rupiah":
        return parse_rupiah(value)
    if jenis in ("persen", "desimal"):
        return parse_decimal(value, percent=jenis == "persen")
    if jenis == "tanggal":
        return parse_date(value)
    return value.strip()


def _typed_cell(jenis: str, value: Any) -> Value:
    """A spreadsheet's number or date cell (already exact, see :mod:`.lembar`)."""
    if isinstance(value, int | Decimal):
        if jenis == "bilangan":
            if value != int(value):
                raise ValueError(f"'{value}' bukan bilangan bulat")
            return int(value)
        if jenis in NUMERIC:
            return Decimal(value)
        if jenis == "tanggal":
            raise ValueError(f"'{value}' bukan tanggal")
        return str(value)
    return value  # type: ignore[no-any-return]


class CellParser:
    """Types the cells of a table's rows, recording a finding for each bad one."""

    def __init__(self, cols: dict[str, Kolom], programs: list[str], findings: list[Finding]):
        self.cols = cols
        self.programs = programs
        self.findings = findings

    def row(self, raw: RawRow, *, total: bool = False) -> BarisData:
        values: dict[str, Value] = {}
        row_id: str | None = None
        for key, text in raw.values.items():
            where = raw.cells.get(key, raw.at)
            if key == "id" and not total:
                row_id = self._row_id(text, where)
                continue
            k = self.cols.get(key)
            if k is None:
                allowed = [*self.cols, *(() if total else _ROW_KEYS)]
                self.findings.append(
                    error(
                        "input.kolom-tidak-dikenal",
                        f"{format_path((*raw.path, key))}: kolom '{key}' tidak ada di tabel"
                        f"{hint(key, allowed) or '; kolom yang ada: ' + ', '.join(self.cols)}",
                        where,
                    )
                )
                continue
            if k.rumus is not None:
                if text is not None:
                    self.findings.append(
                        error(
                            "tabel.kolom-terhitung-diisi",
                            f"{format_path((*raw.path, key))}: kolom '{key}' dihitung dengan "
                            f"rumus '{k.rumus}'; hapus nilai yang diketik",
                            where,
                        )
                    )
                continue
            values[key] = self._cell(k, text, (*raw.path, key), where)
        rincian = tuple(self.row(r) for r in raw.rincian)
        return BarisData(values, raw.at, dict(raw.cells), row_id, rincian)

    def _row_id(self, text: Any, where: Position) -> str | None:
        if isinstance(text, str) and re.match(NAME_PATTERN, text):
            return text
        self.findings.append(
            error(
                "input.nilai-tidak-sah",
                f"id baris '{text}' tidak sah; gunakan huruf kecil, angka dan garis bawah, "
                "diawali huruf",
                where,
            )
        )
        return None

    def _cell(self, k: Kolom, text: Any, path: PathKey, where: Position) -> Value:
        try:
            value = parse_cell(k.jenis, text)
        except ValueError as exc:
            rule = "input.tanggal-tidak-sah" if k.jenis == "tanggal" else "input.angka-tidak-sah"
            self.findings.append(error(rule, f"{format_path(path)}: {exc}", where))
            return None
        if isinstance(value, int | Decimal) and value < 0 and k.jenis in ("bilangan", "rupiah"):
            self.findings.append(
                error(
                    "input.nilai-negatif",
                    f"{format_path(path)}: nilai tidak boleh negatif (tertulis {text})",
                    where,
                )
            )
            return None
        if k.jenis == "program" and value is not None and value not in self.programs:
            why = hint(str(value), self.programs) or "; yang dikenal: " + ", ".join(self.programs)
            self.findings.append(
                error(
                    "input.referensi-tidak-dikenal",
                    f"{format_path(path)}: program '{value}' tidak dikenal{why}",
                    where,
                )
            )
            return None
        return value

    def unique_ids(self, rows: tuple[BarisData, ...]) -> None:
        seen: dict[str, Position] = {}
        for r in (*rows, *(sub for row in rows for sub in row.rincian)):
            if r.id is None:
                continue
            if r.id in seen:
                self.findings.append(
                    error(
                        "input.id-ganda",
                        f"id baris '{r.id}' dipakai dua kali (pertama di baris {seen[r.id].line})",
                        r.pos("id"),
                    )
                )
            else:
                seen[r.id] = r.pos("id")
