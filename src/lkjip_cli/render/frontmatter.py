"""The report's front matter and its lists: cover, indexes and legal lists.

The cover opens the document in its own unnumbered section (each writer lays
it out over its page); the indexes (DAFTAR ISI, DAFTAR TABEL, DAFTAR GAMBAR)
are placed empty and filled once every heading, table and figure is known;
``::: daftar`` directives print the instansi's lists punctuated the Indonesian
legal way.
"""

from __future__ import annotations

import dataclasses

from lkjip_cli.model import DataTahun
from lkjip_cli.model.instansi import Instansi
from lkjip_cli.render.blocks import (
    Block,
    Cover,
    Figure,
    Heading,
    Index,
    ListBlock,
    ListItem,
    Run,
    Section,
    Table,
)
from lkjip_cli.render.pictures import Picture
from lkjip_cli.report import Report


def contact_line(ins: Instansi) -> str:
    """The agency's address, telephone, website and e-mail on one line, as a letterhead
    prints them; empty when the data gives none."""
    return ", ".join(
        x
        for x in (
            ins.alamat,
            f"Telp. {ins.telepon}" if ins.telepon else None,
            f"Website: {ins.website}" if ins.website else None,
            f"Email: {ins.email}" if ins.email else None,
        )
        if x
    )


def cover(data: DataTahun, report: Report, logo: Picture | None = None) -> list[Block]:
    """The cover page, in its own section without page numbers."""
    ins = data.instansi
    page = Cover(
        # Two balanced lines: in the cover's large type the title does not fit one.
        title=(
            "LAPORAN KINERJA",
            "INSTANSI PEMERINTAH DAERAH",
            "(LKjIP)",
            f"TAHUN ANGGARAN {report.tahun}",
        ),
        issuer=ins.pemerintah.upper(),
        agency=ins.nama.upper(),
        contact=contact_line(ins),
        logo=logo,
    )
    return [Section("portrait", "none", restart=False), page]


def indexes() -> list[Block]:
    """The headings and (still empty) indexes of contents, tables and figures."""
    return [
        Heading(1, "DAFTAR ISI"),
        Index("toc", ""),
        Heading(1, "DAFTAR TABEL"),
        Index("tables", ""),
        Heading(1, "DAFTAR GAMBAR"),
        Index("figures", ""),
    ]


def fill_indexes(blocks: list[Block]) -> list[Block]:
    """``blocks`` with each index holding the entries of its headings, tables or figures."""
    headings = tuple(
        (b.level, f"{b.label} {b.text}" if b.label else b.text)
        for b in blocks
        if isinstance(b, Heading) and b.in_toc
    )
    tabs = tuple(
        (1, f"Tabel {b.number} {b.caption}") for b in blocks if isinstance(b, Table) and b.number
    )
    figs = tuple(
        (1, f"Gambar {b.number} {b.caption}")
        for b in blocks
        if isinstance(b, Figure) and b.number  # as Word lists them: numbered captions only
    )
    entries = {"toc": headings, "tables": tabs, "figures": figs}
    return [
        dataclasses.replace(b, entries=entries[b.kind]) if isinstance(b, Index) else b
        for b in blocks
    ]


LISTS = ("fungsi", "isu_strategis", "dasar_hukum")
"""The instansi's lists a ``::: daftar`` directive may print."""


def legal_list(items: list[str]) -> ListBlock:
    """A numbered list punctuated the Indonesian legal way: ``…;``, ``…; dan``, ``….``"""
    out = []
    for i, item in enumerate(items):
        text = item.rstrip(" ;.")
        if i < len(items) - 2:
            text += ";"
        elif i == len(items) - 2:
            text += "; dan"
        else:
            text += "."
        out.append(ListItem((Run(text),)))
    return ListBlock(tuple(out))
