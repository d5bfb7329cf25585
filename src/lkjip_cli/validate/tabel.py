"""Declared tables: read ``tabel/*.yaml`` and resolve each into :class:`TabelData`.

Pydantic checks a table's shape (:class:`Tabel`); this module then checks what
depends on its own columns — formulas, constraints, every row's keys, each
cell parsed by its column's kind — and records where every cell stands. Each
problem is one finding; a bad cell is left empty and the rest still checks.
Cells are typed by :mod:`.sel`, spreadsheet rows read by :mod:`.lembar`.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from lkjip_cli import rujukan
from lkjip_cli.errors import InputError
from lkjip_cli.findings import Finding, error
from lkjip_cli.loader import Document, PathKey, Position, load_file
from lkjip_cli.model.tabel import (
    NUMERIC,
    Batasan,
    BatasanData,
    Kolom,
    Tabel,
    TabelData,
)
from lkjip_cli.rumus import Ekspresi, RumusError, columns, parse, parse_syarat
from lkjip_cli.validate.messages import format_path
from lkjip_cli.validate.salvage import validate_document
from lkjip_cli.validate.sel import CellParser, RawRow
from lkjip_cli.validate.sel import hint as _hint

FOLDER = "tabel"
FILE_NAME = re.compile(r"^[a-z][a-z0-9_-]*$")


@dataclass
class Loaded:
    """What reading ``tabel/`` produced."""

    tables: dict[str, TabelData] = field(default_factory=dict)
    documents: dict[str, Document] = field(default_factory=dict)
    incomplete: set[tuple[str, PathKey]] = field(default_factory=set)


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
        if path.suffix not in (".yaml", ".yml"):
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
            doc = load_file(path, shown, root=root)
        except InputError as exc:
            findings.append(
                Finding(
                    exc.rule,
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
        raw = [_yaml_row(doc, row, ("baris", i), findings) for i, row in enumerate(tabel.baris)]
    if not raw and len(findings) == before:
        findings.append(
            error(
                "tabel.tanpa-baris",
                f"tabel '{name}' tidak memiliki baris; isi 'baris' atau 'baris_dari'",
                doc.position(()),
            )
        )
    parser = CellParser(cols, programs, findings)
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
    resolved = TabelData(
        nama=name,
        file=key,
        tabel=tabel,
        baris=rows,
        jumlah=total,
        label_jumlah=label,
        rumus=formulas,
        batasan=constraints,
    )
    for i, t in enumerate(tabel.terbilang):
        why = rujukan.problem(f"tabel.{name}.{t.nilai}", {name: resolved}, [])
        if why is not None:
            findings.append(
                error(
                    "input.referensi-tidak-dikenal",
                    f"terbilang[{i + 1}].nilai: {why}",
                    doc.position(("terbilang", i, "nilai")),
                )
            )
    return resolved


def _yaml_row(
    doc: Document, row: dict[str, Any], path: PathKey, findings: list[Finding], depth: int = 0
) -> RawRow:
    subs = row.get("rincian")
    rincian: tuple[RawRow, ...] = ()
    if "rincian" in row and (depth > 0 or not isinstance(subs, list)):
        findings.append(
            error(
                "input.nilai-tidak-sah",
                f"{format_path((*path, 'rincian'))}: "
                + (
                    "rincian hanya satu tingkat: sebuah rincian tidak memiliki rincian"
                    if depth > 0
                    else "rincian harus berupa daftar baris (- {...})"
                ),
                doc.position((*path, "rincian")),
            )
        )
    elif isinstance(subs, list):
        rincian = tuple(
            _yaml_row(doc, r, (*path, "rincian", j), findings, depth + 1)
            for j, r in enumerate(subs)
            if isinstance(r, dict)
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
