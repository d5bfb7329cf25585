"""Sheet rows → sub kegiatan of the budget tree: by code first, then by name.

A name is compared normalised (case, spaces, punctuation). Where a name stands
under more than one kegiatan (``Penyediaan Permakanan``), the row's kegiatan
decides: its kegiatan column when the sheet has one, else the last kegiatan
row above it (exports list each kegiatan above its sub kegiatan). Rows naming a
program or kegiatan are those headings, not sub kegiatan. A row that matches
nothing is reported and never added; one that matches several is reported
with the candidates; two rows for one sub kegiatan are reported (an error when
their amounts differ).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from lkjip_cli.findings import Finding, error, warning
from lkjip_cli.impor.columns import normalise
from lkjip_cli.impor.rows import SheetRow
from lkjip_cli.model.anggaran import Anggaran, SubKegiatan

Path3 = tuple[int, int, int]
"""(program, kegiatan, sub kegiatan) indexes in anggaran.yaml."""


@dataclass
class Matched:
    """The rows that found their sub kegiatan, and the findings of those that did not."""

    rows: dict[Path3, SheetRow] = field(default_factory=dict)
    findings: list[Finding] = field(default_factory=list)
    headings: int = 0
    """Rows that name a program or kegiatan (passed over)."""
    unknown: list[SheetRow] = field(default_factory=list)
    """Rows of no sub kegiatan in the tree, when new ones may be added (once per name)."""


@dataclass(frozen=True)
class _Tree:
    by_code: dict[str, list[Path3]]
    by_name: dict[str, list[Path3]]
    kegiatan: dict[str, list[tuple[int, int]]]
    program: set[str]


def _index(anggaran: Anggaran) -> _Tree:
    tree = _Tree({}, {}, {}, set())
    for pi, p in enumerate(anggaran.program):
        tree.program.add(normalise(p.nama))
        if p.kode:
            tree.program.add(_code(p.kode))
        for ki, k in enumerate(p.kegiatan):
            for key in (normalise(k.nama), _code(k.kode or "")):
                if key:
                    tree.kegiatan.setdefault(key, []).append((pi, ki))
            for si, sk in enumerate(k.sub_kegiatan):
                if sk.kode:
                    tree.by_code.setdefault(_code(sk.kode), []).append((pi, ki, si))
                tree.by_name.setdefault(normalise(sk.nama), []).append((pi, ki, si))
    return tree


def _code(text: str) -> str:
    return "".join(text.split())


def sub_kegiatan(anggaran: Anggaran, path: Path3) -> SubKegiatan:
    """The sub kegiatan at ``path``."""
    pi, ki, si = path
    return anggaran.program[pi].kegiatan[ki].sub_kegiatan[si]


def find_kegiatan(anggaran: Anggaran, text: str) -> list[tuple[int, int]]:
    """The kegiatan named (or coded) ``text``: (program, kegiatan) indexes."""
    tree = _index(anggaran)
    return tree.kegiatan.get(normalise(text)) or tree.kegiatan.get(_code(text)) or []


def match_rows(anggaran: Anggaran, rows: list[SheetRow], *, adding: bool = False) -> Matched:
    """Each row's sub kegiatan; unknown, ambiguous and duplicate rows as findings.

    With ``adding``, rows of no known sub kegiatan are collected in
    :attr:`Matched.unknown` (to be added) instead of reported.
    """
    tree = _index(anggaran)
    out = Matched()
    context: list[tuple[int, int]] = []
    new: dict[str, SheetRow] = {}
    for row in rows:
        candidates = _candidates(tree, row, context)
        if candidates is None:  # a program or kegiatan heading row
            out.headings += 1
            continue
        if row.blank:  # a title or a heading of no level we know: nothing to import
            continue
        if not candidates and adding:
            first = new.setdefault(normalise(row.nama), row)
            if first is row:
                out.unknown.append(row)
            else:
                out.findings.append(_duplicate(row, first, row.nama))
            continue
        if not candidates:
            out.findings.append(
                warning(
                    "impor.tidak-dikenal",
                    f"{row.where()}: sub kegiatan '{row.nama or row.kode}' tidak ada di "
                    "anggaran.yaml; tidak ditambahkan (bila memang baru, tambahkan dahulu "
                    "ke kegiatannya)",
                    row.position(),
                )
            )
            continue
        if len(candidates) > 1:
            names = "; ".join(anggaran.program[pi].kegiatan[ki].nama for pi, ki, _ in candidates)
            out.findings.append(
                error(
                    "impor.ambigu",
                    f"{row.where()}: '{row.nama}' ada di {len(candidates)} kegiatan ({names}); "
                    "tambahkan kolom kode atau nama kegiatan (--kolom kegiatan=...)",
                    row.position(),
                )
            )
            continue
        path = candidates[0]
        earlier = out.rows.get(path)
        if earlier is None:
            out.rows[path] = row
            continue
        out.findings.append(_duplicate(row, earlier, sub_kegiatan(anggaran, path).nama))
    return out


def _duplicate(row: SheetRow, first: SheetRow, nama: str) -> Finding:
    """A second row for one sub kegiatan: a warning when its amounts agree, else an error."""
    same = first.amounts == row.amounts
    report = warning if same else error
    return report(
        "impor.ganda",
        f"{row.where()}: sub kegiatan '{nama}' sudah ada di {first.where()}"
        + ("; angkanya sama, dipakai sekali" if same else " dengan angka lain; pilih satu"),
        row.position(),
    )


def _candidates(tree: _Tree, row: SheetRow, context: list[tuple[int, int]]) -> list[Path3] | None:
    """Sub kegiatan the row may be; None for a program or kegiatan heading row."""
    code = _code(row.kode)
    if code and code in tree.by_code:
        return tree.by_code[code]
    name = normalise(row.nama)
    found = tree.by_name.get(name, [])
    if not found:
        heading = tree.kegiatan.get(name) or tree.kegiatan.get(code)
        if heading:
            context[:] = heading
            return None
        if name in tree.program or (code and code in tree.program):
            return None
        return []
    if len(found) > 1:
        narrowed = [
            p
            for p in found
            if (p[0], p[1]) in (tree.kegiatan.get(normalise(row.kegiatan)) or context)
        ]
        return narrowed or found
    return found
