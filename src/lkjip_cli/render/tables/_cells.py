"""Cells and lookups every table builder shares.

Figures are formatted here and only here, from exact values: a cell gets text,
never a number to format later.
"""

from __future__ import annotations

from decimal import Decimal

from lkjip_cli.model.iku import Indikator
from lkjip_cli.numbers import format_decimal_id, format_number
from lkjip_cli.render.blocks import Cell, Row
from lkjip_cli.report import IndikatorHasil, Report, SasaranHasil
from lkjip_cli.satuan import pendek, persen, tanpa_satuan


def c(text: object, align: str = "left", **kw: object) -> Cell:
    """A cell from any value (``None`` → ``-``)."""
    return Cell("-" if text is None else str(text), align=align, **kw)  # type: ignore[arg-type]


def num(text: object, **kw: object) -> Cell:
    """A right-aligned number cell."""
    return c(text, "right", **kw)


def mid(text: object, **kw: object) -> Cell:
    """A centred cell."""
    return c(text, "center", **kw)


def head(*titles: str) -> Row:
    """A header row of centred bold cells."""
    return tuple(Cell(t, align="center", bold=True) for t in titles)


def nilai(ind: IndikatorHasil, value: Decimal | None) -> str:
    """A value in the indicator's unit: ``95,38%``, ``3 hari`` or ``60,15``."""
    return nilai_satuan(ind.satuan, value)


def nilai_satuan(satuan: str, value: Decimal | None, *, tanda_persen: bool = True) -> str:
    """A value with its unit when the unit is short: ``95,38%``, ``3 hari``.

    A word that only names the kind of number (``nilai``, ``indeks``) is not
    printed; a long unit (``per 100.000 kelahiran hidup``) is printed once,
    after the indicator's name (:func:`nama`), and the value goes bare.
    """
    if value is None:
        return "-"
    text = format_decimal_id(value)
    if persen(satuan):
        return f"{text}%" if tanda_persen else text
    if tanpa_satuan(satuan) or not pendek(satuan):
        return text
    return f"{text} {satuan.strip()}"


def nama(name: str, satuan: str) -> str:
    """An indicator's name in a table of values; a long unit follows it in parentheses.

    ``Angka Kematian Ibu (per 100.000 kelahiran hidup)``; a name that already
    says its unit is left as it is.
    """
    if persen(satuan) or tanpa_satuan(satuan) or pendek(satuan):
        return name
    unit = " ".join(satuan.split())
    return name if unit.lower() in name.lower() else f"{name} ({unit})"


def rumus(ind: Indikator) -> str | None:
    """The formula as printed: ``pembilang ÷ penyebut × 100%`` by the unit, then ``uraian``.

    The multiplier is :meth:`Indikator.faktor`: ``× 100%`` for a percent,
    ``× 100.000`` for a rate per 100.000, none for an index, a mean or a count.
    """
    r = ind.rumus
    if r is None:
        return None
    lines = []
    if r.pembilang is not None and r.penyebut is not None:
        text = f"{r.pembilang} ÷ {r.penyebut}"
        faktor = ind.faktor()
        if faktor != 1:
            text += f" × {format_number(faktor)}"
            if faktor == 100 and persen(ind.satuan):
                text += "%"
        lines.append(text)
    elif r.pembilang is not None:
        lines.append(r.pembilang)
    if r.uraian is not None:
        lines.append(r.uraian)
    return "\n".join(lines)


def definisi_rumus(ind: Indikator) -> list[str]:
    """The definition, then the formula (labelled ``Rumus:`` when both are given)."""
    lines = [ind.definisi] if ind.definisi else []
    formula = rumus(ind)
    if formula:
        lines.append(f"Rumus: {formula}" if lines else formula)
    return lines


def sasaran_of(report: Report, key: str | None) -> SasaranHasil:
    """The sasaran a ``-S`` table was asked for (``realisasi-S1`` → S1)."""
    assert key is not None
    return report.sasaran[key]


def indikator_of(report: Report, s: SasaranHasil) -> list[IndikatorHasil]:
    """The sasaran's indicators, in order."""
    return [report.indikator[i] for i in s.indikator]
