"""Declared tables: read ``tabel/*.yaml`` and resolve each into :class:`TabelData`.

Pydantic checks a table's shape (:class:`Tabel`); this module then checks what
depends on its own columns — formulas, constraints, every row's keys, each
cell parsed by its column's kind — and records where every cell stands. Each
problem is one finding; a bad cell is left empty and the rest still checks.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any

from lkjip_cli.findings import Finding, error
from lkjip_cli.loader import Document, InputError, PathKey, Position, load_file
from lkjip_cli.model.tabel import (
    NAME_PATTERN,
    NUMERIC,
    BarisData,
    Batasan,
    BatasanData,
    Kolom,
    Tabel,
    TabelData,
    Value,
)
from lkjip_cli.numbers import parse_count, parse_date, parse_decimal, parse_rupiah
from lkjip_cli.rumus import Ekspresi, RumusError, columns, parse, parse_syarat
from lkjip_cli.validate.messages import format_path
from lkjip_cli.validate.salvage import validate_document

FOLDER = "tabel"
FILE_NAME = re.compile(r"^[a-z][a-z0-9_-]*$")
_ROW_KEYS = ("id", "rincian")


@dataclass
class Loaded:
    """What reading ``tabel/`` produced."""

    tables: dict[str, TabelData] = field(default_factory=dict)
    documents: dict[str, Document] = field(default_factory=dict)
    incomplete: set[tuple[str, PathKey]] = field(default_factory=set)


@dataclass(frozen=True)
class RawRow:
    """A row as read (YAML mapping or spreadsheet line), before its cells are parsed."""

    values: dict[str, Any]
    at: Position
    cells: dict[str, Position]
    path: PathKey = ()
    rincian: tuple[RawRow, ...] = ()


def load_tables(
    root: Path,
    label: Callable[[Path], str],
    programs: Iterable[str],
    findings: list[Finding],
) -> Loaded:
    """Every ``tabel/<nama>.yaml`` of ``root``, validated and resolved."""
    result = Loaded()
    folder = root / FOLDER
    if not folder.is_dir():
        return result
    known_programs = list(programs)
    for path in sorted(folder.iterdir()):
        if path.suffix not in (".yaml", ".yml") or path.is_dir():
            continue
        key = f"{FOLDER}/{path.name}"
        shown = label(path)
        if not FILE_NAME.match(path.stem):
            findings.append(
                error(
                    "tabel.nama-tidak-sah",
                    f"nama tabel '{path.stem}' tidak sah; gunakan huruf kecil, angka, - dan _, "
                    "diawali huruf",
                    Position(shown, 1, 1),
                )
            )
            continue
        try:
            doc = load_file(path, shown)
        except InputError as exc:
            findings.append(
                Finding(
                    "input.tidak-terbaca",
                    "error",
                    exc.message,
                    exc.position or Position(shown, 1, 1),
                    unreadable=True,
                )
            )
            continue
        value, file_findings, dropped, doc = validate_document(doc, Tabel)
        result.documents[key] = doc
        findings.extend(file_findings)
        result.incomplete.update((key, p) for p in dropped)
        if value is None:
            continue
        resolved = resolve(path.stem, key, value, doc, path.parent, known_programs, findings)
        if resolved is not None:
            result.tables[path.stem] = resolved
    return result


def resolve(
    name: str,
    key: str,
    tabel: Tabel,
    doc: Document,
    folder: Path,
    programs: list[str],
    findings: list[Finding],
) -> TabelData | None:
    """The table with formulas and constraints parsed and every cell typed."""
    before = len(findings)
    cols = {k.id: k for k in tabel.kolom}
    formulas = _formulas(tabel, doc, findings)
    if len(cols) != len(tabel.kolom):
        seen: set[str] = set()
        for i, k in enumerate(tabel.kolom):
            if k.id in seen:
                findings.append(
                    error(
                        "input.id-ganda",
                        f"kolom[{i + 1}].id: kolom '{k.id}' dipakai dua kali",
                        doc.position(("kolom", i, "id")),
                    )
                )
            seen.add(k.id)
    constraints = _constraints(tabel, cols, doc, findings)
    if tabel.baris and tabel.baris_dari is not None:
        findings.append(
            error(
                "tabel.baris-ganda",
                "isi 'baris' atau 'baris_dari', tidak keduanya",
                doc.position(("baris_dari",)),
            )
        )
    if tabel.baris_dari is not None:
        from lkjip_cli.validate.lembar import read_sheet

        raw = read_sheet(tabel.baris_dari, tabel.kolom, folder, doc, findings)
    else:
        raw = [_yaml_row(doc, row, ("baris", i)) for i, row in enumerate(tabel.baris)]
    if not raw and len(findings) == before:
        findings.append(
            error(
                "tabel.tanpa-baris",
                f"tabel '{name}' tidak memiliki baris; isi 'baris' atau 'baris_dari'",
                doc.position(()),
            )
        )
    parser = _CellParser(cols, programs, findings)
    rows = tuple(parser.row(r) for r in raw)
    parser.unique_ids(rows)
    total = None
    label = "Jumlah"
    if tabel.jumlah is not None:
        stated = dict(tabel.jumlah)
        label = stated.pop("label", None) or "Jumlah"
        total = parser.row(
            RawRow(
                stated,
                doc.position(("jumlah",)),
                {c: doc.position(("jumlah", c)) for c in stated},
                ("jumlah",),
            ),
            total=True,
        )
    return TabelData(
        nama=name,
        file=key,
        tabel=tabel,
        baris=rows,
        jumlah=total,
        label_jumlah=label,
        rumus=formulas,
        batasan=constraints,
    )


def _yaml_row(doc: Document, row: dict[str, Any], path: PathKey) -> RawRow:
    subs = row.get("rincian")
    rincian = (
        tuple(_yaml_row(doc, r, (*path, "rincian", j)) for j, r in enumerate(subs))
        if isinstance(subs, list)
        else ()
    )
    return RawRow(
        {k: v for k, v in row.items() if k != "rincian"},
        doc.position(path),
        {k: doc.position((*path, k)) for k in row},
        path,
        rincian,
    )


def _formulas(tabel: Tabel, doc: Document, findings: list[Finding]) -> dict[str, Ekspresi]:
    result: dict[str, Ekspresi] = {}
    kinds = {k.id: k.jenis for k in tabel.kolom}
    computed = {k.id for k in tabel.kolom if k.rumus is not None}
    for i, k in enumerate(tabel.kolom):
        if k.rumus is None:
            continue
        where = doc.position(("kolom", i, "rumus"))
        try:
            node = parse(k.rumus)
        except RumusError as exc:
            findings.append(error("tabel.rumus-tidak-sah", f"kolom '{k.id}': {exc}", where))
            continue
        problem = _operands(k, columns(node), kinds, computed, result)
        if problem:
            findings.append(error("tabel.rumus-tidak-sah", f"kolom '{k.id}': {problem}", where))
            continue
        if k.jenis not in NUMERIC:
            findings.append(
                error(
                    "tabel.rumus-tidak-sah",
                    f"kolom '{k.id}' berjenis {k.jenis} tidak dapat dihitung dengan rumus; "
                    f"gunakan jenis {', '.join(sorted(NUMERIC))}",
                    doc.position(("kolom", i, "jenis")),
                )
            )
            continue
        result[k.id] = node
    return result


def _operands(
    k: Kolom,
    names: list[str],
    kinds: Mapping[str, str],
    computed: set[str],
    earlier: dict[str, Ekspresi],
) -> str | None:
    for name in names:
        if name not in kinds:
            return f"rumus '{k.rumus}' menyebut kolom '{name}' yang tidak ada{_hint(name, kinds)}"
        if kinds[name] not in NUMERIC:
            return (
                f"rumus '{k.rumus}' memakai kolom '{name}' berjenis {kinds[name]}; "
                "rumus hanya dapat menghitung kolom angka"
            )
        if name in computed and name not in earlier:
            return (
                f"rumus '{k.rumus}' memakai kolom terhitung '{name}' yang tidak mendahuluinya; "
                "kolom terhitung hanya dapat memakai kolom terhitung di sebelah kirinya"
            )
    return None


def _hint(name: str, known: Iterable[str]) -> str:
    close = difflib.get_close_matches(name, list(known), n=1)
    return f"; maksud Anda '{close[0]}'?" if close else ""


def _constraints(
    tabel: Tabel, cols: dict[str, Kolom], doc: Document, findings: list[Finding]
) -> tuple[BatasanData, ...]:
    result = []
    for i, b in enumerate(tabel.batasan):
        spec = b if isinstance(b, Batasan) else Batasan(syarat=b)
        path: PathKey = ("batasan", i) if isinstance(b, str) else ("batasan", i, "syarat")
        where = doc.position(path)
        try:
            syarat = parse_syarat(spec.syarat)
        except RumusError as exc:
            findings.append(error("tabel.batasan-tidak-sah", str(exc), where))
            continue
        bad = [
            n
            for n in columns(syarat.left) + columns(syarat.right)
            if n not in cols or cols[n].jenis not in NUMERIC
        ]
        if bad:
            n = bad[0]
            why = (
                f"kolom '{n}' tidak ada{_hint(n, cols)}"
                if n not in cols
                else f"kolom '{n}' berjenis {cols[n].jenis}, bukan angka"
            )
            findings.append(
                error("tabel.batasan-tidak-sah", f"batasan '{spec.syarat}': {why}", where)
            )
            continue
        result.append(BatasanData(syarat, spec.tingkat, spec.pesan, where))
    return tuple(result)


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


class _CellParser:
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
                        f"{_hint(key, allowed) or '; kolom yang ada: ' + ', '.join(self.cols)}",
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
            hint = _hint(str(value), self.programs) or "; yang dikenal: " + ", ".join(self.programs)
            self.findings.append(
                error(
                    "input.referensi-tidak-dikenal",
                    f"{format_path(path)}: program '{value}' tidak dikenal{hint}",
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
