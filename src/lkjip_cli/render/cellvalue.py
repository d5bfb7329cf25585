"""A table cell's printed text back to its exact number and a spreadsheet format.

The table builders format every figure once (``1.550.448``, ``Rp. 1.550.448,00``,
``95,38%``); a spreadsheet wants the number itself. The text is read back with
the same strict parser the data goes through, so nothing is guessed: what is
not a number written the Indonesian way stays text (``1.``, codes such as
``1.06.01``, ``-``). A count with a one-word unit (``40 Orang``) is the
number with the unit in its format.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

from lkjip_cli.numbers import NumberFormatError, parse_decimal

_RUPIAH = re.compile(r"^Rp\.?\s*", re.IGNORECASE)
_UNIT = re.compile(r"^(?P<number>\S+)\s+(?P<unit>[A-Za-z]{1,20})$")
"""``40 Orang``: a count with its unit, kept in the number format."""
_CANDIDATE = re.compile(r"^-?[0-9][0-9.]*(,[0-9]+)?$")


@dataclass(frozen=True)
class Number:
    """A number read from a cell: its exact value and the format that prints it alike."""

    value: Decimal
    """The value; a percentage as a fraction (``95,38%`` → ``0.9538``)."""
    number_format: str
    """Excel number format code (``#,##0.00``, ``0.00%``)."""
    percent: bool = False
    """Printed with ``%``."""


def read_number(text: str) -> Number | None:
    """The number a cell prints, or None when the cell is text."""
    unit = _UNIT.match(text.strip())
    if unit is not None:
        number = read_number(unit["number"])
        if number is None or number.percent or number.number_format.startswith('"'):
            return None
        return Number(number.value, f'{number.number_format} "{unit["unit"]}"')
    raw = text.strip()
    rupiah = bool(_RUPIAH.match(raw))
    raw = _RUPIAH.sub("", raw)
    percent = raw.endswith("%")
    if percent:
        raw = raw[:-1].rstrip()
    if not _CANDIDATE.match(raw) or _leading_zero(raw):
        return None
    try:
        value = parse_decimal(raw, percent=False)
    except NumberFormatError:
        return None
    _, _, frac = raw.partition(",")
    grouped = "." in raw or abs(value) < 1000 or rupiah
    code = ("#,##0" if grouped else "0") + ("." + "0" * len(frac) if frac else "")
    if percent:
        return Number(value / 100, code.replace("#,##", "") + "%", percent=True)
    if rupiah:
        code = f'"Rp. "{code}'
    return Number(value, code)


def _leading_zero(raw: str) -> bool:
    """``007`` is a code, not seven."""
    digits = raw.lstrip("-")
    return len(digits) > 1 and digits[0] == "0" and digits[1].isdigit()
