"""Report + narratives → :class:`Dokumen`: the chaptered LKjIP as blocks.

Three passes: scan every narrative's directives to number tables and figures
per chapter (so ``ref('pegawai')`` can say "Tabel 1.1" wherever it is used), render
the narratives' placeholders, then parse them into blocks and put the
generated tables, figures, lists and signatures where the directives stand.
The cover, the indexes and the legal lists come from :mod:`.frontmatter`, the
numbered tables from :mod:`.registry` (built-in and declared), the figures from :mod:`.charts` and
:mod:`.orgchart`.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field

from lkjip_cli.findings import Finding, error, warning
from lkjip_cli.loader import Position
from lkjip_cli.model import NARRATIVES, DataTahun
from lkjip_cli.model.instansi import UnitOrganisasi
from lkjip_cli.numbers import format_tanggal
from lkjip_cli.render import frontmatter, registry
from lkjip_cli.render.blocks import (
    Block,
    Dokumen,
    Figure,
    Heading,
    Paragraph,
    Section,
    Signature,
    Table,
)
from lkjip_cli.render.context import narrative_context
from lkjip_cli.render.narrative import KINDS, Directive, scan, split, to_blocks
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


def _number(data: DataTahun, findings: list[Finding]) -> _Numbering:
    result = _Numbering()
    for chapter in CHAPTERS:
        narasi = data.narasi.get(chapter.key)
        if narasi is None or chapter.number is None:
            continue
        counts = {"tabel": 0, "gambar": 0}
        for d in scan(narasi.text):
            if d.kind in counts:
                if d.name in result.labels:
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
    """Every narrative problem (placeholders, refs, directives), as warnings.

    ``lkjip check`` runs this so that a misspelt figure name is seen before a
    build; it renders the narratives but draws no chart and builds no appendix.
    """
    # What is missing (a chapter, a table's placement) is the build's to warn about.
    # The rest are warnings here: a year not yet filled (lkjip new) has prose that
    # names figures still empty; the build stops on them as errors.
    later = {"narasi.tidak-ada", "narasi.tabel-tidak-ditempatkan"}
    return [
        dataclasses.replace(
            f, severity="warning", message=f"{f.message} (lkjip build akan berhenti di sini)"
        )
        for f in build_document(data, report, draw=False)[1]
        if f.rule not in later
    ]


def build_document(
    data: DataTahun, report: Report, *, draw: bool = True
) -> tuple[Dokumen | None, list[Finding]]:
    """The whole report as blocks, or the findings that prevent it.

    With ``draw=False`` only the findings are of use: figures get no image,
    tables are looked up but not built, the Markdown is not parsed and the
    appendices are left out.
    """
    from lkjip_cli.render.sandbox import NarrativeError, render_narrative

    findings: list[Finding] = []
    numbering = _number(data, findings)
    placed: set[str] = set()
    blocks: list[Block] = [
        *frontmatter.cover(data, report),
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
        unknown_refs: list[str] = []

        def ref(name: str, _unknown: list[str] = unknown_refs) -> str:
            if name not in numbering.labels:
                _unknown.append(name)
                return f"[{name}?]"
            return numbering.labels[name]

        try:
            text = render_narrative(narasi.text, narasi.file, narrative_context(data, report, ref))
        except NarrativeError as exc:
            findings.append(
                error("narasi.placeholder", exc.message, Position(narasi.file, exc.line or 1, 1))
            )
            continue
        for name in unknown_refs:
            line = _line_of(narasi.text, name)
            findings.append(
                error(
                    "narasi.rujukan-tidak-dikenal",
                    f"ref('{name}') tidak merujuk tabel atau gambar mana pun; yang ada: "
                    + ", ".join(sorted(numbering.labels)),
                    Position(narasi.file, line, 1),
                )
            )
        for part in split(text):
            if isinstance(part, str):
                if draw:  # Markdown always parses: only the blocks need it
                    blocks.extend(to_blocks(part))
                continue
            made = _directive(part, data, report, numbering, narasi.file, findings, draw)
            if isinstance(made, list):
                blocks.extend(made)
                placed.add(part.name)
            elif made is not None:
                blocks.append(made)
                placed.add(part.name)
    if draw:
        blocks.extend(_lampiran(data, report))
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


_UNBUILT = Paragraph(())
"""What a placed table stands for when only the findings are wanted (``draw=False``)."""


def _line_of(source: str, needle: str) -> int:
    for number, line in enumerate(source.splitlines(), 1):
        if needle in line:
            return number
    return 1


def _directive(
    d: Directive,
    data: DataTahun,
    report: Report,
    numbering: _Numbering,
    file: str,
    findings: list[Finding],
    draw: bool,
) -> Block | list[Block] | None:
    where = Position(file, d.line, 1)
    if d.kind not in KINDS:
        findings.append(
            error(
                "narasi.arahan-tidak-dikenal",
                f"arahan '::: {d.kind}' tidak dikenal; gunakan {', '.join(KINDS)}",
                where,
            )
        )
        return None
    if d.kind == "tabel":
        known = registry.names(data, report)
        if d.name not in known:
            findings.append(
                error(
                    "narasi.tabel-tidak-dikenal",
                    f"tabel '{d.name}' tidak dikenal; yang ada: " + ", ".join(sorted(known)),
                    where,
                )
            )
            return None
        if not draw:  # known and placed is all a check needs of a table
            return _UNBUILT
        made = registry.build(d.name, data, report) or []
        return [
            dataclasses.replace(b, label=d.name, number=numbering.numbers.get(d.name))
            if isinstance(b, Table)
            else b
            for b in made
        ]
    if d.kind == "gambar":
        return _figure(d, data, report, numbering, where, findings, draw)
    if d.kind == "daftar":
        return frontmatter.daftar(d.name, data, where, findings)
    if d.name != "laporan":
        findings.append(
            error(
                "narasi.tanda-tangan-tidak-dikenal",
                f"tanda tangan '{d.name}' tidak dikenal; yang ada: laporan",
                where,
            )
        )
        return None
    lap = data.instansi.laporan
    who = lap.penandatangan
    return Signature(
        (f"{lap.tempat}, {format_tanggal(lap.tanggal)}", who.jabatan),
        who.nama,
        tuple(x for x in (who.pangkat, f"NIP. {who.nip}" if who.nip else None) if x),
    )


def _figure(
    d: Directive,
    data: DataTahun,
    report: Report,
    numbering: _Numbering,
    where: Position,
    findings: list[Finding],
    draw: bool,
) -> Block | None:
    # imported here: Pillow stays off the path of `lkjip check`
    from lkjip_cli.render import charts, orgchart

    number = numbering.numbers.get(d.name, "")
    if d.name == "struktur-organisasi":
        struktur = data.instansi.struktur
        if struktur is None:
            findings.append(
                error(
                    "narasi.gambar-tidak-dikenal",
                    "gambar 'struktur-organisasi' tidak dapat digambar: "
                    "isi 'struktur' (bagan organisasi) di instansi.yaml",
                    where,
                )
            )
            return None
        return Figure(
            orgchart.struktur_organisasi(struktur) if draw else b"",
            d.name,
            number,
            f"Struktur Organisasi {data.instansi.nama}",
            alt=_uraian_struktur(struktur),
        )
    if d.name == "tren-rpjmd" and report.rpjmd:
        r = report.rpjmd[0]
        years = sorted(r.realisasi)
        caption = f"Grafik Pencapaian Target IKU {data.instansi.daerah}"
        if years:
            caption += f" Tahun {years[0]} - {years[-1]}"
        png = charts.tren_rpjmd(r) if draw else b""
        return Figure(png, d.name, number, caption, alt=r.nama)
    if d.name.startswith("tren-") and d.name[5:] in report.sasaran:
        s = report.sasaran[d.name[5:]]
        inds = [report.indikator[i] for i in s.indikator]
        if inds:
            ind = inds[0]
            years = sorted({*ind.riwayat, report.tahun})
            caption = (
                f"Grafik Pencapaian Target IKU {data.instansi.nama_singkat} "
                f"Tahun {years[0]} - {years[-1]}"
            )
            png = charts.tren_indikator(ind, report.tahun) if draw else b""
            return Figure(png, d.name, number, caption, alt=ind.nama)
    findings.append(
        error(
            "narasi.gambar-tidak-dikenal",
            f"gambar '{d.name}' tidak dikenal; yang ada: struktur-organisasi, "
            "tren-rpjmd, " + ", ".join(f"tren-{k}" for k in report.sasaran),
            where,
        )
    )
    return None


def _uraian_struktur(unit: UnitOrganisasi) -> str:
    """The chart in words, for readers who cannot see it (alt text)."""

    def uraian(u: UnitOrganisasi) -> str:
        notes = [
            x for x in (u.jabatan, "garis koordinasi" if u.garis == "koordinasi" else None) if x
        ]
        text = f"{u.nama} ({'; '.join(notes)})" if notes else u.nama
        if u.bawahan:
            text += " membawahi [" + "; ".join(uraian(b) for b in u.bawahan) + "]"
        return text

    return f"Bagan struktur organisasi: {uraian(unit)}"


def _lampiran(data: DataTahun, report: Report) -> list[Block]:
    from lkjip_cli.render.lampiran import lampiran

    return list(lampiran(data, report))
