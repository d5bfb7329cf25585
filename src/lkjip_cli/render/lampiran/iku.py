"""Lampiran: the head of agency's decree fixing the IKU, and the IKU matrix.

The decree is portrait; the matrix, seven columns wide, gets a landscape section.
"""

from __future__ import annotations

from lkjip_cli.model import DataTahun
from lkjip_cli.model.iku import Indikator, Keputusan
from lkjip_cli.numbers import format_tanggal
from lkjip_cli.render.blocks import Block, Heading, Row, Table
from lkjip_cli.render.lampiran._common import (
    cell,
    head,
    kop,
    layout,
    legal_items,
    paragraph,
    section,
    signature,
    title,
)
from lkjip_cli.render.tables._cells import definisi_rumus
from lkjip_cli.report import Report

JUDUL = "Indikator Kinerja Utama"
"""The appendix's heading."""


def _letter(i: int) -> str:
    """0 → ``a.``, 25 → ``z.``, then ``aa.`` … (a decree never gets that far)."""
    letters = ""
    i += 1
    while i:
        i, rest = divmod(i - 1, 26)
        letters = chr(ord("a") + rest) + letters
    return f"{letters}."


def iku(data: DataTahun, report: Report, label: str) -> list[Block]:
    """The decree (when the data has one) and the IKU matrix."""
    blocks: list[Block] = []
    heading = Heading(1, f"{JUDUL} Tahun {report.tahun}", label=label)
    keputusan = data.iku.keputusan
    if keputusan is not None:
        blocks += [section("portrait"), kop(data), heading, *decree(data, keputusan)]
        blocks.append(section("landscape"))
    else:
        blocks += [section("landscape"), heading]
    blocks += matrix(data, report)
    return blocks


def _jabatan(data: DataTahun, keputusan: Keputusan) -> tuple[str, str]:
    """The signatory's office short (``KEPALA DINAS``) and with the district."""
    short = keputusan.penandatangan.jabatan.upper()
    daerah = data.instansi.daerah.upper()
    full = short if daerah in short else f"{short} {daerah}"
    return short, full


def decree(data: DataTahun, keputusan: Keputusan) -> list[Block]:
    """Title, considerations, legal basis, decisions and signature (the letterhead comes
    before the appendix's heading)."""
    short, full = _jabatan(data, keputusan)
    blocks: list[Block] = []
    blocks += title(
        f"KEPUTUSAN {short}",
        f"NOMOR: {keputusan.nomor.upper()}",
        "TENTANG",
        keputusan.tentang.upper(),
        f"{short},",
    )
    widths = (3, 0.5, 0.8, 11.7)
    considerations: list[Row] = []
    considerations += _clauses(
        "Menimbang",
        [_letter(i) for i in range(len(keputusan.menimbang))],
        legal_items(keputusan.menimbang),
    )
    considerations += _clauses(
        "Mengingat",
        [f"{i}." for i in range(1, len(keputusan.mengingat) + 1)],
        legal_items(keputusan.mengingat),
    )
    if considerations:
        blocks.append(layout(considerations, widths))
    blocks += title("MEMUTUSKAN")
    decisions: list[Row] = [
        (
            cell("Menetapkan"),
            cell(":"),
            cell(f"KEPUTUSAN {full} TENTANG {keputusan.tentang.upper()}", colspan=2),
        )
    ]
    for d in keputusan.diktum:
        decisions.append(
            (cell(d.label, bold=True), cell(":"), cell(d.isi, align="justify", colspan=2))
        )
    blocks.append(layout(decisions, widths))
    blocks.append(
        signature(
            keputusan.penandatangan,
            (f"{short},",),
            dated=(
                ("Ditetapkan di", keputusan.tempat),
                ("Pada tanggal", format_tanggal(keputusan.tanggal)),
            ),
        )
    )
    return blocks


def _clauses(name: str, markers: list[str], items: list[str]) -> list[Row]:
    rows: list[Row] = []
    for i, (marker, text) in enumerate(zip(markers, items, strict=True)):
        rows.append(
            (
                cell(name if i == 0 else ""),
                cell(":" if i == 0 else ""),
                cell(marker),
                cell(text, align="justify"),
            )
        )
    return rows


def formula(ind: Indikator) -> str:
    """The definition and the formula by the unit (``… × 100.000``); ``-`` for none."""
    return "\n".join(definisi_rumus(ind)) or "-"


def matrix(data: DataTahun, report: Report) -> list[Block]:
    """The IKU matrix: one row per key indicator."""
    tujuan_of = {s.id: t.nama for t in data.renstra.tujuan for s in t.sasaran}
    sasaran_of = {s.id: s.nama for s in data.renstra.all_sasaran()}
    body: list[Row] = []
    for number, ind in enumerate((i for i in data.iku.indikator if i.utama), 1):
        programs = [report.program[p].nama for p in ind.program if p in report.program]
        body.append(
            (
                cell(number, align="center"),
                cell(tujuan_of.get(ind.sasaran)),
                cell(sasaran_of.get(ind.sasaran)),
                cell(ind.nama),
                cell(formula(ind)),
                cell("\n".join(programs) or None),
                cell(ind.sumber_data),
            )
        )
    blocks: list[Block] = [
        *title("MATRIK INDIKATOR KINERJA UTAMA (IKU)", data.instansi.nama.upper())
    ]
    keputusan = data.iku.keputusan
    if keputusan is not None and keputusan.sasaran_rpjmd:
        blocks.append(paragraph(f"Sasaran RPJMD : {keputusan.sasaran_rpjmd}", align="left"))
    blocks.append(
        Table(
            header=(
                head(
                    "NO.",
                    "TUJUAN STRATEGIS",
                    "SASARAN STRATEGIS",
                    "INDIKATOR KINERJA UTAMA",
                    "PENJELASAN (FORMULASI PERHITUNGAN)",
                    "PROGRAM",
                    "SUMBER DATA",
                ),
            ),
            body=tuple(body),
            widths=(1, 3, 3, 3, 5, 4, 5),
            small=True,
        )
    )
    return blocks
