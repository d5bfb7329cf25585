"""An indicator's unit (``satuan``): what a ratio is multiplied by, and how a value prints.

One place decides, from the unit as a planner writes it, the multiplier of a
ratio (``pembilang ÷ penyebut × faktor``) and whether the unit is printed
beside a value. The formula in Tabel 2.1 and a realization computed from data
use the same :func:`faktor_satuan`, so a rate per 100.000 is both printed and
computed × 100.000.

- ``%`` / ``persen``: × 100, printed ``95,38%``;
- ``per 100.000 kelahiran hidup``, ``per 1.000 penduduk``: × 100.000, × 1.000;
- anything else (``nilai``, ``indeks``, ``tahun``, ``hari``, ``orang``): × 1.
"""

from __future__ import annotations

import re
from decimal import Decimal

from lkjip_cli.numbers import NumberFormatError, parse_count

PERSEN = frozenset({"%", "persen"})
"""Units that mean percent."""

TANPA_SATUAN = frozenset({"nilai", "indeks", "skor", "angka", "rasio", "level", "-"})
"""Words that name the kind of number, not a unit: never printed beside a value."""

_PER = re.compile(r"^per\s+(?P<n>\d[\d.]*)(?:\s|$)", re.IGNORECASE)


def _clean(satuan: str) -> str:
    return " ".join(satuan.split()).lower()


def persen(satuan: str) -> bool:
    """Whether the unit is percent (``%`` or ``persen``)."""
    return _clean(satuan) in PERSEN


def faktor_satuan(satuan: str) -> Decimal:
    """The multiplier of a ratio in this unit: ``%`` → 100, ``per 100.000 …`` → 100000, else 1."""
    text = _clean(satuan)
    if text in PERSEN:
        return Decimal(100)
    match = _PER.match(text)
    if match:
        try:
            n = parse_count(match.group("n"))
        except NumberFormatError:
            return Decimal(1)
        if n >= 1:
            return Decimal(n)
    return Decimal(1)


def tanpa_satuan(satuan: str) -> bool:
    """Whether the unit only names the kind of number (``nilai``, ``indeks``) or is empty."""
    text = _clean(satuan)
    return not text or text in TANPA_SATUAN


PANJANG_MAKS = 12
"""A unit longer than this, or of more than one word, is too long to print beside each value."""


def pendek(satuan: str) -> bool:
    """Whether the unit prints beside each value (``3 hari``), rather than once by the name."""
    text = " ".join(satuan.split())
    return " " not in text and len(text) <= PANJANG_MAKS
