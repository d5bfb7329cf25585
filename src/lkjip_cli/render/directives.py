"""The narratives' directives: numbered, then placed with what they name.

Before any narrative renders, :func:`number_directives` scans every ``::: tabel`` and
``::: gambar`` line (and every picture) to number tables and figures per
chapter, so that ``ref('pegawai')`` (:func:`ref_function`) can say "Tabel 1.1"
wherever it is used. While the rendered text is turned into blocks,
:func:`place` resolves each directive through :mod:`.registry` and returns the
blocks that stand where it is written, or the finding that says why not.
:mod:`.document` assembles the chapters around them.
"""

from __future__ import annotations

import dataclasses
import difflib
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from lkjip_cli.findings import Finding, error
from lkjip_cli.loader import Position
from lkjip_cli.model import DataTahun
from lkjip_cli.render import registry
from lkjip_cli.render.blocks import Block, Figure, ListBlock, Paragraph, Table
from lkjip_cli.render.jinja import FilterValueError
from lkjip_cli.render.limits import MAX_FINDINGS
from lkjip_cli.render.narrative import KINDS, Directive, image_lines, scan
from lkjip_cli.report import Report


@dataclass
class Numbering:
    """The number and label of every table and figure the narratives place."""

    labels: dict[str, str] = field(default_factory=dict)
    """Directive name → "Tabel 3.8" / "Gambar 3.1"."""
    numbers: dict[str, str] = field(default_factory=dict)
    """Directive name → "3.8"."""
    twice: set[str] = field(default_factory=set)
    """Names written twice in the narratives' text (already a finding)."""
    pictures: dict[str, list[str]] = field(default_factory=dict)
    """Chapter → the numbers of the pictures its text writes (``![teks](…)``), in order."""


def number_directives(
    data: DataTahun, chapters: Iterable[tuple[str, int]], findings: list[Finding]
) -> Numbering:
    """Number every table and figure the narratives place, per chapter ``n.k``.

    ``chapters`` are the BABs (narrative key and number) in order; a name placed
    twice is a finding and keeps its first number.
    """
    result = Numbering()
    for key, chapter_number in chapters:
        narasi = data.narasi.get(key)
        if narasi is None:
            continue
        counts = {"tabel": 0, "gambar": 0}
        pictures = result.pictures.setdefault(key, [])
        # a picture is a figure numbered in sequence with the charts around it
        for _, d in sorted(
            [(d.line, d) for d in scan(narasi.text)]
            + [(line, None) for line in image_lines(narasi.text)],
            key=lambda x: x[0],
        ):
            if d is None:
                counts["gambar"] += 1
                pictures.append(f"{chapter_number}.{counts['gambar']}")
            elif d.kind in counts:
                if d.name in result.labels:
                    result.twice.add(d.name)
                    findings.append(
                        error(
                            "narasi.tabel-ganda",
                            f"'{d.name}' sudah ditempatkan sebagai {result.labels[d.name]}; "
                            "setiap tabel dan gambar hanya ditempatkan sekali",
                            Position(narasi.file, d.line, 1),
                        )
                    )
                    continue
                counts[d.kind] += 1
                number = f"{chapter_number}.{counts[d.kind]}"
                result.numbers[d.name] = number
                result.labels[d.name] = f"{'Tabel' if d.kind == 'tabel' else 'Gambar'} {number}"
    return result


def ref_function(numbering: Numbering, unknown: dict[str, None]) -> Callable[[object], str]:
    """``ref('pegawai')`` → "Tabel 1.1"; an unknown name is noted in ``unknown``, once."""

    def ref(name: object) -> str:
        if not isinstance(name, str):
            raise FilterValueError(
                "ref() membutuhkan nama tabel atau gambar sebagai teks dalam tanda kutip, "
                f"misalnya ref('pegawai'), bukan {type(name).__name__} ({name!r:.40})"
            )
        if name not in numbering.labels:
            if len(unknown) <= MAX_FINDINGS:
                unknown[name] = None
            return f"[{name}?]"
        return numbering.labels[name]

    return ref


def placed_twice(d: Directive, file: str) -> Finding:
    """The finding of a directive a loop wrote a second time."""
    return error(
        "narasi.tabel-ganda",
        f"'::: {d.kind} {d.name}' sudah ditempatkan; setiap tabel, gambar, daftar dan tanda "
        "tangan hanya ditempatkan sekali",
        Position(file, d.line, 1),
    )


_UNBUILT = Paragraph(())
"""What a placed table stands for when only the findings are wanted (``draw=False``)."""


def place(
    d: Directive,
    data: DataTahun,
    report: Report,
    numbering: Numbering,
    file: str,
    findings: list[Finding],
    draw: bool,
) -> list[Block] | None:
    """The blocks standing where ``d`` is written, numbered; None (with a finding) if unknown.

    With ``draw=False`` a table is looked up and checked but not built.
    """
    where = Position(file, d.line, 1)
    kind = registry.REGISTRY.get(d.kind)
    if kind is None:
        findings.append(
            error(
                "narasi.arahan-tidak-dikenal",
                f"arahan '::: {d.kind}' tidak dikenal;{_close(d.kind, KINDS)} "
                f"gunakan {', '.join(KINDS)}",
                where,
            )
        )
        return None
    known = kind.names(data, report)
    if d.name not in known:
        findings.append(
            error(
                f"narasi.{d.kind}-tidak-dikenal",
                kind.hint(d.name, data, report)
                if kind.hint is not None
                else f"{d.kind} '{d.name}' tidak dikenal;{_close(d.name, known)} yang ada: "
                + ", ".join(known),
                where,
            )
        )
        return None
    built = kind.build(d.name, data, report, draw)
    # a figure's data is in its names (figures.names); tables and lists may be empty
    if d.kind in ("tabel", "daftar") and not any(_has_content(b) for b in built):
        findings.append(
            error(
                "narasi.arahan-tanpa-data",
                f"'::: {d.kind} {d.name}' tidak dapat ditempatkan: datanya kosong "
                f"({_source_of(d)}); isi datanya atau hapus arahan ini",
                where,
            )
        )
        return []  # placed, though empty: the finding above says so
    if d.kind == "tabel" and not draw:  # known, built and placed is all a check needs
        return [_UNBUILT]
    number = numbering.numbers.get(d.name)
    return [
        dataclasses.replace(b, label=d.name, number=number)
        if isinstance(b, Table)
        else dataclasses.replace(b, number=number or "")
        if isinstance(b, Figure)
        else b
        for b in built
    ]


_SOURCES = {
    ("tabel", "pegawai"): "'pegawai' di instansi.yaml",
    ("tabel", "permasalahan"): "'permasalahan' di instansi.yaml",
    ("tabel", "iku"): "indikator di iku.yaml",
    ("tabel", "pk"): "sasaran dan indikator di pk.yaml",
    ("tabel", "anggaran"): "program di anggaran.yaml",
    ("tabel", "rpjmd"): "'rpjmd' di realisasi.yaml",
}
"""Where the data of a directive whose data may be empty is written."""


_PER_SASARAN = {
    "pembanding": "'pembanding' indikator sasaran {} di realisasi.yaml (yang ditandai # ISI "
    "bila ada)",
    "perkembangan": "'riwayat' indikator sasaran {} di realisasi.yaml",
    "renstra": "'target_renstra' indikator sasaran {} di iku.yaml",
}
"""The same, for a table of one sasaran (``pembanding-S1``)."""


def _source_of(d: Directive) -> str:
    if d.kind == "daftar":
        return f"'{d.name}' di instansi.yaml"
    if (d.kind, d.name) in _SOURCES:
        return _SOURCES[d.kind, d.name]
    prefix, _, key = d.name.rpartition("-")
    if d.kind == "tabel" and prefix in _PER_SASARAN:
        return _PER_SASARAN[prefix].format(key)
    return f"data tabel '{d.name}'"


def has_data(kind: str, name: str, data: DataTahun, report: Report) -> bool:
    """Whether ``::: kind name`` would place something (a table with a body row, ...)."""
    return any(_has_content(b) for b in registry.REGISTRY[kind].build(name, data, report, False))


def _has_content(block: Block) -> bool:
    """A table with a body row, a list with an item, anything else."""
    if isinstance(block, Table):
        return bool(block.body)
    if isinstance(block, ListBlock):
        return bool(block.items)
    return not isinstance(block, Paragraph)


def _close(name: str, known: Iterable[str]) -> str:
    """`` maksud Anda 'x'?`` for the known name closest to a mistyped one, else nothing."""
    close = difflib.get_close_matches(name, list(known), n=1)
    return f" maksud Anda '{close[0]}'?" if close else ""
