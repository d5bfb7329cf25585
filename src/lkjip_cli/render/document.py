"""Report + narratives → :class:`Dokumen`: the chaptered LKjIP as blocks.

Three passes: scan every narrative's directives to number tables and figures
per chapter (so ``ref('pegawai')`` can say "Tabel 1.1" wherever it is used), render
the narratives' placeholders, then parse them into blocks and put the
generated tables, figures, lists and signatures where the directives stand.
The cover and the indexes come from :mod:`.frontmatter`; numbering and placing
the directives is :mod:`.directives`' work, which resolves every name (tables
built-in and declared, figures, lists, signatures) through :mod:`.registry`.
"""

from __future__ import annotations

import os
from dataclasses import dataclass

from lkjip_cli.errors import InputError
from lkjip_cli.findings import Finding, error, warning
from lkjip_cli.loader import Position
from lkjip_cli.model import NARRATIVES, DataTahun
from lkjip_cli.render import frontmatter
from lkjip_cli.render.blocks import Block, Dokumen, Heading, Section
from lkjip_cli.render.context import narrative_context
from lkjip_cli.render.directives import (
    has_data,
    number_directives,
    place,
    placed_twice,
    ref_function,
)
from lkjip_cli.render.limits import MAX_FINDINGS, Budget, cap_findings
from lkjip_cli.render.narrative import (
    KINDS,
    at_source,
    line_of,
    malformed,
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
    numbering = number_directives(data, ((c.key, c.number) for c in CHAPTERS if c.number), findings)
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
        where = data.root / "narasi" / f"{chapter.key}.md"
        if narasi is None and os.path.lexists(where):
            continue  # there but refused (outside the data, too big, not UTF-8): said already
        if narasi is None:
            findings.append(
                warning(
                    "narasi.tidak-ada",
                    f"narasi/{chapter.key}.md tidak ada; bab ini hanya berisi judul",
                    Position(str(where), 1, 1),
                )
            )
            continue
        unknown_refs: dict[str, None] = {}  # each name once, at most MAX_FINDINGS of them
        start = len(findings)
        findings.extend(
            error(
                "narasi.arahan-tidak-dikenal",
                f"baris '{written}' bukan arahan yang sah dan akan tercetak apa adanya; "
                f"tulis '::: jenis nama' dipisah spasi, mis. '::: tabel pegawai' "
                f"(jenis: {', '.join(KINDS)})",
                Position(narasi.file, line, 1),
            )
            for line, written in malformed(narasi.text)
        )
        numbers = iter(numbering.pictures.get(chapter.key, ()))
        shown = 0  # the pictures its rendered text shows

        text: str | None = None
        try:
            text = render_narrative(
                narasi.text,
                narasi.file,
                narrative_context(data, report, ref_function(numbering, unknown_refs)),
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
                    place(d, data, report, numbering, narasi.file, findings, draw=False)
                placed.add(d.name)
            continue
        for part in at_source(split(text), narasi.text):
            if len(findings) - start > MAX_FINDINGS:
                break  # a loop can write a directive a million times
            if isinstance(part, str):
                pictures, problems = read_pictures(data.root, part, narasi.text, narasi.file, shown)
                findings.extend(problems)
                shown += len(OPENING.findall(part))
                if draw:  # Markdown always parses: only the blocks need it
                    blocks.extend(number_pictures(to_blocks(part, pictures), numbers))
                continue
            if (part.kind, part.name) in seen:
                if part.name not in numbering.twice:  # written once, repeated by a loop
                    findings.append(placed_twice(part, narasi.file))
                continue
            seen.add((part.kind, part.name))
            made = place(part, data, report, numbering, narasi.file, findings, draw)
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
        # a table whose data is left out (an optional 'permasalahan') cannot be placed:
        # asking for it would only lead to narasi.arahan-tanpa-data
        if name not in placed and has_data("tabel", name, data, report):
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


def _lampiran(data: DataTahun, report: Report, logo: Picture | None) -> list[Block]:
    from lkjip_cli.render.lampiran import lampiran

    return list(lampiran(data, report, logo))
