"""Report + narratives → :class:`Dokumen`: the chaptered LKjIP as blocks.

Three passes: scan every narrative's directives to number tables and figures
per chapter (so ``ref('pegawai')`` can say "Tabel 1.1" wherever it is used), render
the narratives' placeholders, then parse them into blocks and put the
generated tables, figures, lists and signatures where the directives stand.
The cover and the indexes come from :mod:`.frontmatter`; every directive's
name (tables built-in and declared, figures, lists, signatures) is resolved
and built by :mod:`.registry`.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from dataclasses import dataclass, field

from lkjip_cli.errors import InputError
from lkjip_cli.findings import Finding, error, warning
from lkjip_cli.loader import Position
from lkjip_cli.model import NARRATIVES, DataTahun
from lkjip_cli.render import frontmatter, registry
from lkjip_cli.render.blocks import (
    Block,
    Dokumen,
    Figure,
    Heading,
    ListBlock,
    Paragraph,
    Section,
    Table,
)
from lkjip_cli.render.context import narrative_context
from lkjip_cli.render.jinja import FilterValueError
from lkjip_cli.render.limits import MAX_FINDINGS, Budget, cap_findings
from lkjip_cli.render.narrative import (
    KINDS,
    Directive,
    at_source,
    image_lines,
    line_of,
    number_pictures,
    pictures_made,
    read_pictures,
    scan,
    split,
    to_blocks,
)
from lkjip_cli.render.pictures import OPENING, Picture, load_picture
from lkjip_cli.render.unfilled import unfilled
from lkjip_cli.report import Report

ROMAN = ("I", "II", "III", "IV", "V", "VI")


@dataclass(frozen=True)
class Chapter:
    """A front-matter part or a BAB, fed by one narrative file."""

    key: str
    title: str
    number: int | None = None
    """Chapter number for BAB I–IV (tables are numbered ``n.k``)."""

    @property
    def label(self) -> str | None:
        """``BAB III`` for chapters, none for front matter."""
        return f"BAB {ROMAN[self.number - 1]}" if self.number else None


CHAPTERS = (
    Chapter("kata-pengantar", "KATA PENGANTAR"),
    Chapter("ikhtisar-eksekutif", "IKHTISAR EKSEKUTIF"),
    Chapter("bab-1", "PENDAHULUAN", 1),
    Chapter("bab-2", "PERENCANAAN KINERJA", 2),
    Chapter("bab-3", "AKUNTABILITAS KINERJA", 3),
    Chapter("bab-4", "PENUTUP", 4),
)
assert tuple(c.key for c in CHAPTERS) == NARRATIVES

REQUIRED_TABLES = (
    "pegawai",
    "permasalahan",
    "iku",
    "pk",
    "anggaran",
    "predikat",
    "capaian-sasaran",
    "realisasi-anggaran",
)


@dataclass
class _Numbering:
    labels: dict[str, str] = field(default_factory=dict)
    """Directive name → "Tabel 3.8" / "Gambar 3.1"."""
    numbers: dict[str, str] = field(default_factory=dict)
    """Directive name → "3.8"."""
    twice: set[str] = field(default_factory=set)
    """Names written twice in the narratives' text (already a finding)."""
    pictures: dict[str, list[str]] = field(default_factory=dict)
    """Chapter → the numbers of the pictures its text writes (``![teks](…)``), in order."""


def _number(data: DataTahun, findings: list[Finding]) -> _Numbering:
    result = _Numbering()
    for chapter in CHAPTERS:
        narasi = data.narasi.get(chapter.key)
        if narasi is None or chapter.number is None:
            continue
        counts = {"tabel": 0, "gambar": 0}
        pictures = result.pictures.setdefault(chapter.key, [])
        # a picture is a figure numbered in sequence with the charts around it
        for _, d in sorted(
            [(d.line, d) for d in scan(narasi.text)]
            + [(line, None) for line in image_lines(narasi.text)],
            key=lambda x: x[0],
        ):
            if d is None:
                counts["gambar"] += 1
                pictures.append(f"{chapter.number}.{counts['gambar']}")
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
                number = f"{chapter.number}.{counts[d.kind]}"
                result.numbers[d.name] = number
                result.labels[d.name] = f"{'Tabel' if d.kind == 'tabel' else 'Gambar'} {number}"
    return result


def check_narratives(data: DataTahun, report: Report) -> list[Finding]:
    """Every narrative finding ``lkjip build`` would report, with the same severity.

    ``lkjip check`` runs this so that what stops a build stops the check too; it
    renders the narratives but draws no chart and builds no appendix. A year not
    filled yet (``lkjip new``) has prose naming figures still empty: those are
    errors here as in a build, each saying which value is still to be filled.
    """
    return build_document(data, report, draw=False)[1]


def build_document(
    data: DataTahun, report: Report, *, draw: bool = True
) -> tuple[Dokumen | None, list[Finding]]:
    """The whole report as blocks, or the findings that prevent it.

    With ``draw=False`` only the findings are of use: the organisation chart is not laid out,
    tables are looked up but not built, the Markdown is not parsed and the
    appendices are left out.
    """
    from lkjip_cli.render.sandbox import NarrativeError, render_narrative

    findings: list[Finding] = []
    numbering = _number(data, findings)
    placed: set[str] = set()
    seen: set[tuple[str, str]] = set()
    budget = Budget()  # one for all the narratives: together they cannot exhaust the machine
    logo = _logo(data, findings)
    blocks: list[Block] = [
        *frontmatter.cover(data, report, logo),
        Section("portrait", "lower-roman", restart=True),
    ]
    for chapter in CHAPTERS:
        if chapter.number == 1:
            blocks.extend(frontmatter.indexes())
            blocks.append(Section("portrait", "decimal", restart=True))
        blocks.append(Heading(1, chapter.title, label=chapter.label))
        narasi = data.narasi.get(chapter.key)
        if narasi is None:
            findings.append(
                warning(
                    "narasi.tidak-ada",
                    f"narasi/{chapter.key}.md tidak ada; bab ini hanya berisi judul",
                    Position(str(data.root / "narasi" / f"{chapter.key}.md"), 1, 1),
                )
            )
            continue
        unknown_refs: dict[str, None] = {}  # each name once, at most MAX_FINDINGS of them
        start = len(findings)
        numbers = iter(numbering.pictures.get(chapter.key, ()))
        shown = 0  # the pictures its rendered text shows

        text: str | None = None
        try:
            text = render_narrative(
                narasi.text,
                narasi.file,
                narrative_context(data, report, _ref(numbering, unknown_refs)),
                budget,
            )
        except NarrativeError as exc:
            findings.extend(
                error(
                    "narasi.placeholder",
                    unfilled(p.path or "", p.message, report),
                    Position(narasi.file, p.line or 1, 1),
                )
                for p in exc.problems
            )
        for name in unknown_refs:
            line = line_of(narasi.text, name)
            findings.append(
                error(
                    "narasi.rujukan-tidak-dikenal",
                    f"ref('{name}') tidak merujuk tabel atau gambar mana pun; yang ada: "
                    + ", ".join(sorted(numbering.labels)),
                    Position(narasi.file, line, 1),
                )
            )
        if text is None:
            # each directive as written is checked all the same (the render's problems
            # do not hide them); not placing them is not another finding
            for d in scan(narasi.text):
                if (d.kind, d.name) not in seen and d.name not in numbering.twice:
                    seen.add((d.kind, d.name))
                    _directive(d, data, report, numbering, narasi.file, findings, draw=False)
                placed.add(d.name)
            continue
        for part in at_source(split(text), narasi.text):
            if len(findings) - start > MAX_FINDINGS:
                break  # a loop can write a directive a million times
            if isinstance(part, str):
                pictures, problems = read_pictures(data.root, part, narasi.text, narasi.file)
                findings.extend(problems)
                shown += len(OPENING.findall(part))
                if draw:  # Markdown always parses: only the blocks need it
                    blocks.extend(number_pictures(to_blocks(part, pictures), numbers))
                continue
            if (part.kind, part.name) in seen:
                if part.name not in numbering.twice:  # written once, repeated by a loop
                    findings.append(_placed_twice(part, narasi.file))
                continue
            seen.add((part.kind, part.name))
            made = _directive(part, data, report, numbering, narasi.file, findings, draw)
            if made is not None:
                blocks.extend(made)
                placed.add(part.name)
        written = numbering.pictures.get(chapter.key)
        if written is not None and shown > len(written):
            findings.append(pictures_made(narasi.text, narasi.file, shown, len(written)))
        cap_findings(findings, start, narasi.file)
    if draw:
        blocks.extend(_lampiran(data, report, logo))
    for name in REQUIRED_TABLES:
        if name not in placed:
            findings.append(
                warning(
                    "narasi.tabel-tidak-ditempatkan",
                    f"tabel '{name}' tidak ditempatkan di narasi mana pun "
                    f"(tulis '::: tabel {name}')",
                    Position(str(data.root / "narasi"), 1, 1),
                )
            )
    if any(f.severity == "error" for f in findings):
        return None, findings
    blocks = frontmatter.fill_indexes(blocks)
    dok = Dokumen(
        title=f"Laporan Kinerja Instansi Pemerintah {data.instansi.nama} Tahun {report.tahun}",
        subject=f"LKjIP {report.tahun}",
        author=data.instansi.nama,
        date=data.instansi.laporan.tanggal,
        paper=data.config.kertas,
        blocks=tuple(blocks),
    )
    return dok, findings


def _ref(numbering: _Numbering, unknown: dict[str, None]) -> Callable[[object], str]:
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


def _logo(data: DataTahun, findings: list[Finding]) -> Picture | None:
    """The agency's logo for the cover (``logo:`` in instansi.yaml), or a finding."""
    source = data.instansi.logo
    if source is None:
        return None
    try:
        return load_picture(data.root, source, f"Logo {data.instansi.pemerintah}")
    except InputError as exc:
        findings.append(
            error("instansi.logo", f"logo: {exc.message}", data.pos("instansi.yaml", ("logo",)))
        )
        return None


def _placed_twice(d: Directive, file: str) -> Finding:
    return error(
        "narasi.tabel-ganda",
        f"'::: {d.kind} {d.name}' sudah ditempatkan; setiap tabel, gambar, daftar dan tanda "
        "tangan hanya ditempatkan sekali",
        Position(file, d.line, 1),
    )


_UNBUILT = Paragraph(())
"""What a placed table stands for when only the findings are wanted (``draw=False``)."""


def _directive(
    d: Directive,
    data: DataTahun,
    report: Report,
    numbering: _Numbering,
    file: str,
    findings: list[Finding],
    draw: bool,
) -> list[Block] | None:
    where = Position(file, d.line, 1)
    kind = registry.REGISTRY.get(d.kind)
    if kind is None:
        findings.append(
            error(
                "narasi.arahan-tidak-dikenal",
                f"arahan '::: {d.kind}' tidak dikenal; gunakan {', '.join(KINDS)}",
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
                else f"{d.kind} '{d.name}' tidak dikenal; yang ada: " + ", ".join(known),
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


def _has_content(block: Block) -> bool:
    """A table with a body row, a list with an item, anything else."""
    if isinstance(block, Table):
        return bool(block.body)
    if isinstance(block, ListBlock):
        return bool(block.items)
    return not isinstance(block, Paragraph)


def _lampiran(data: DataTahun, report: Report, logo: Picture | None) -> list[Block]:
    from lkjip_cli.render.lampiran import lampiran

    return list(lampiran(data, report, logo))
