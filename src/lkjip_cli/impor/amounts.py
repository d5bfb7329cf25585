"""A spreadsheet cell → an exact amount in rupiah, or why it is not one.

Number cells arrive as ``int`` or ``float``. A float is read through its
shortest decimal form (``repr``), never through binary arithmetic: Excel's
``1550448.0`` is 1.550.448 and ``0.1 + 0.2`` computed in a sheet
(0.30000000000000004) is 0,30, because an amount has whole sen and what lies
beyond is the float's own noise. Text cells are read in Indonesian notation
(``1.550.448``, ``Rp. 5.046.629.436,54``) or plain (``1550448``, ``1550448.50``).
"""

from __future__ import annotations

import math
import re
from decimal import Decimal

from lkjip_cli.numbers import MAX_DIGITS, NumberFormatError, parse_rupiah

SEN = Decimal("0.01")
_PLAIN_POINT = re.compile(r"^-?[0-9]+\.[0-9]{1,2}$")
"""``1550448.50``: a decimal point with sen, no grouping (never a thousands group)."""
_NOISE = Decimal("1e-6")
"""Largest distance from a whole sen that is a float's rounding, not a value."""


class AmountError(ValueError):
    """A cell that is not an amount in rupiah (the message says why, in Indonesian)."""


def read_amount(value: object) -> Decimal | None:
    """The amount a cell holds; ``None`` for an empty cell; :class:`AmountError` otherwise."""
    if value is None:
        return None
    if isinstance(value, bool):
        raise AmountError(f"berisi {value!r}, bukan angka")
    if isinstance(value, int):
        amount = Decimal(value)
    elif isinstance(value, float):
        amount = _from_float(value)
    elif isinstance(value, Decimal):
        amount = value
    elif isinstance(value, str):
        if not value.strip():
            return None
        amount = _from_text(value)
    else:
        raise AmountError(f"berisi {type(value).__name__} ({value}), bukan angka")
    return _checked(amount)


def _from_float(value: float) -> Decimal:
    if not math.isfinite(value):
        raise AmountError(f"berisi {value!r}, bukan angka")
    exact = Decimal(repr(value))
    if exact.adjusted() >= MAX_DIGITS:
        return exact  # too big: _checked says so
    sen = exact.quantize(SEN)
    if exact != sen and abs(exact - sen) > _NOISE * max(Decimal(1), abs(sen)):
        raise AmountError(f"{exact} memiliki pecahan di bawah satu sen; rupiah paling teliti 0,01")
    return sen if exact != sen else exact


def _from_text(text: str) -> Decimal:
    raw = text.strip()
    try:
        return parse_rupiah(raw)
    except NumberFormatError as exc:
        if _PLAIN_POINT.match(raw):
            return Decimal(raw)
        raise AmountError(f"'{_clip(raw)}' bukan angka rupiah: {exc}") from None


def _checked(amount: Decimal) -> Decimal:
    if amount < 0:
        raise AmountError(f"{amount} negatif; anggaran dan realisasi tidak boleh kurang dari nol")
    digits = max(amount.adjusted() + 1, 1)
    if digits > MAX_DIGITS:
        raise AmountError(
            f"{digits} angka sebelum koma terlalu besar (paling banyak {MAX_DIGITS}); "
            "periksa kolomnya"
        )
    if amount != amount.quantize(SEN):
        raise AmountError(f"{amount} memiliki lebih dari 2 angka di belakang koma")
    return amount


def _clip(text: str, width: int = 40) -> str:
    return text if len(text) <= width else f"{text[: width - 1]}…"
