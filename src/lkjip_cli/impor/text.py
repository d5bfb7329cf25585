"""An import's result in words: what changes, old → new, and the totals."""

from __future__ import annotations

from lkjip_cli.impor.anggaran import ImportResult
from lkjip_cli.numbers import format_money_plain

LABEL = {"pagu_murni": "pagu murni", "pagu_perubahan": "pagu perubahan", "realisasi": "realisasi"}


def describe(result: ImportResult, *, dry_run: bool) -> str:
    """The changes per sub kegiatan, the totals before and after, and what was done."""
    lines: list[str] = []
    current = None
    for change in result.changes:
        if change.path != current:
            current = change.path
            lines.append(change.nama)
        old = "-" if change.old is None else format_money_plain(change.old)
        lines.append(f"  {LABEL[change.field]}: {old} → {format_money_plain(change.new)}")
    for added in result.added:
        amounts = ", ".join(f"{LABEL[k]} {format_money_plain(v)}" for k, v in added.amounts.items())
        lines.append(f"Baru di kegiatan '{added.kegiatan_nama}': {added.nama} ({amounts})")
    if result.changes or result.added:
        lines.append("")
        lines.append("Jumlah seluruh sub kegiatan (sebelum → sesudah):")
        for name, (before, after) in result.totals.items():
            mark = "" if before == after else "  (berubah)"
            lines.append(
                f"  {LABEL[name]}: {format_money_plain(before)} → {format_money_plain(after)}{mark}"
            )
    if result.matched:
        lines.append(_columns_read(result))
    changed = len({c.path for c in result.changes})
    sheet = f" dari lembar '{result.sheet}'" if result.sheet else ""
    summary = f"{result.matched} sub kegiatan terbaca{sheet}, {changed} berubah"
    if result.added:
        summary += f", {len(result.added)} baru"
    if dry_run:
        summary += "; --periksa: tidak ada yang ditulis"
    elif result.written is not None:
        summary += f"; ditulis: {result.written}"
    elif not result.changes and not result.added:
        summary += "; anggaran.yaml tidak diubah"
    else:
        summary += "; anggaran.yaml tidak diubah karena galat di atas"
    lines.append(summary)
    return "\n".join(lines) + "\n"


def _columns_read(result: ImportResult) -> str:
    """Which amount columns were read, and a hint for those the sheet seemed not to have.

    A sheet whose realisasi column is headed otherwise ("Realisasi s.d. Desember")
    would otherwise change nothing without saying why.
    """
    from openpyxl.utils import get_column_letter

    read = ", ".join(
        f"{LABEL[name]} (kolom {get_column_letter(col)})" for name, col in result.columns.items()
    )
    line = f"Kolom angka terbaca: {read}"
    missing = [name for name in LABEL if name not in result.columns]
    if missing:
        names = " dan ".join(LABEL[name] for name in missing)
        line += (
            f"; kolom {names} tidak ditemukan, nilainya tidak diubah (bila judulnya lain, "
            f'sebutkan dengan --kolom {missing[0]}="JUDUL")'
        )
    return line
