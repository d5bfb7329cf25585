"""Pieces shared by the appendices: titles, layout tables, signatures, lists."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Literal

from lkjip_cli.model import DataTahun
from lkjip_cli.model.common import Orang
from lkjip_cli.model.pk import PerjanjianKinerja
from lkjip_cli.numbers import format_tanggal
from lkjip_cli.render.blocks import (
    Align,
    Cell,
    Letterhead,
    Paragraph,
    Row,
    Section,
    Signature,
    Signatures,
    Table,
    plain,
)
from lkjip_cli.render.frontmatter import contact_line

ROMAN = ("I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X")
DATE_GAP = "............"
"""Printed in place of an unknown day and month, as on a form still to be dated."""


def roman(n: int) -> str:
    """1 → ``I``; the appendices never number past ten."""
    return ROMAN[n - 1]


def section(orientation: Literal["portrait", "landscape"]) -> Section:
    """An appendix section: page numbers continue the report's arabic numbering."""
    return Section(orientation, "decimal", restart=False)


def cell(
    text: object, *, align: Align = "left", colspan: int = 1, rowspan: int = 1, bold: bool = False
) -> Cell:
    """A cell from text (``None`` → ``-``)."""
    return Cell(
        "-" if text is None else str(text), colspan=colspan, rowspan=rowspan, align=align, bold=bold
    )


def kop(data: DataTahun) -> Letterhead:
    """The agency's letterhead (kop surat), printed before the appendix's heading;
    :func:`lkjip_cli.render.lampiran.lampiran` gives it the logo."""
    ins = data.instansi
    return Letterhead(ins.pemerintah.upper(), ins.nama_singkat.upper(), contact_line(ins))


def head(*titles: str) -> Row:
    """A header row of centred bold cells."""
    return tuple(Cell(t, align="center", bold=True) for t in titles)


def title(*lines: str) -> list[Paragraph]:
    """Centred bold title lines."""
    return [Paragraph(plain(line), align="center", style="center-bold") for line in lines]


def paragraph(text: str, align: Align = "justify") -> Paragraph:
    """A body paragraph."""
    return Paragraph(plain(text), align=align)


def layout(rows: Sequence[Row], widths: tuple[float, ...]) -> Table:
    """A borderless table that only lines text up (``Nama : ...``)."""
    return Table(header=(), body=tuple(rows), widths=widths, borders=False)


def place_date(tempat: str, tanggal: dt.date | None, tahun: int) -> str:
    """``<tempat>, 12 Juni 2024``; ``<tempat>, ............ 2024`` when the date is unknown."""
    if tanggal is None:
        return f"{tempat}, {DATE_GAP} {tahun}"
    return f"{tempat}, {format_tanggal(tanggal)}"


def identity(person: Orang) -> tuple[str, ...]:
    """The lines under a signed name: rank, then NIP, each when known."""
    lines = []
    if person.pangkat:
        lines.append(person.pangkat)
    if person.nip:
        lines.append(f"NIP. {person.nip}")
    return tuple(lines)


def signature(
    person: Orang,
    above: Sequence[str],
    align: Literal["left", "right", "center"] = "right",
    dated: tuple[tuple[str, str], ...] = (),
) -> Signature:
    """A signature block for ``person`` under the lines ``above`` (and ``dated``'s
    ``label : value`` lines above those)."""
    return Signature(tuple(above), person.nama, identity(person), align=align, dated=dated)


def signatures(
    left: Orang, left_above: Sequence[str], right: Orang, right_above: Sequence[str]
) -> Signatures:
    """Two parties side by side; the shorter heading is padded so both names line up."""
    size = max(len(left_above), len(right_above))
    pad_left = ("",) * (size - len(left_above)) + tuple(left_above)
    pad_right = ("",) * (size - len(right_above)) + tuple(right_above)
    return Signatures(signature(left, pad_left, "center"), signature(right, pad_right, "center"))


def numbered(items: Sequence[str]) -> str:
    """Items in one cell: alone as it is, several as ``1. …`` lines, none as ``-``."""
    if not items:
        return "-"
    if len(items) == 1:
        return items[0]
    return "\n".join(f"{i}. {item}" for i, item in enumerate(items, 1))


def legal_items(items: Sequence[str]) -> list[str]:
    """Considerations punctuated the Indonesian legal way: ``…;`` and the last ``….``"""
    out = []
    for i, item in enumerate(items):
        text = item.rstrip(" ;.")
        out.append(text + ("." if i == len(items) - 1 else ";"))
    return out


def head_of_agency(data: DataTahun) -> tuple[str, dt.date | None, Orang]:
    """Place, date and signatory of the Rencana Aksi and the cascade.

    ``anggaran.yaml``'s ``pengesahan`` when given; otherwise the head of agency
    of the original PK, undated.
    """
    sah = data.anggaran.pengesahan
    if sah is not None:
        return sah.tempat, sah.tanggal, sah.penandatangan
    return tempat_pk(data, data.pk.murni), None, data.pk.murni.pihak_pertama


def tempat_pk(data: DataTahun, pk: PerjanjianKinerja) -> str:
    """Where a PK is signed: its own ``tempat``, else the report's (``instansi.yaml``)."""
    return pk.tempat or data.instansi.laporan.tempat
