"""Cells and lookups every table builder shares.

Figures are formatted here and only here, from exact values: a cell gets text,
never a number to format later.
"""

from __future__ import annotations

from decimal import Decimal

from lkjip_cli.numbers import format_decimal_id
from lkjip_cli.render.blocks import Cell, Row
from lkjip_cli.report import IndikatorHasil, Report, SasaranHasil


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
    """A value in the indicator's unit: ``95,38%`` or ``60,15``."""
    if value is None:
        return "-"
    text = format_decimal_id(value)
    return f"{text}%" if ind.satuan == "%" else text


def sasaran_of(report: Report, key: str | None) -> SasaranHasil:
    """The sasaran a ``-S`` table was asked for (``realisasi-S1`` → S1)."""
    assert key is not None
    return report.sasaran[key]


def indikator_of(report: Report, s: SasaranHasil) -> list[IndikatorHasil]:
    """The sasaran's indicators, in order."""
    return [report.indikator[i] for i in s.indikator]
