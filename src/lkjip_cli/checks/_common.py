"""What the rule families share: the rule type, printed-precision tolerance, wording.

Every comparison of a figure as printed with the figure computed goes through
:func:`matches`: a value printed with k decimals matches when it is within half a
unit of its last printed digit (|printed − computed| ≤ 0,5 × 10⁻ᵏ), so 95,39
against 95,3836… is a finding and 96 against 96,004 is not.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from decimal import Decimal

from lkjip_cli.findings import Finding
from lkjip_cli.model import DataTahun
from lkjip_cli.numbers import format_number, format_rupiah_short
from lkjip_cli.report import Report

Rule = Callable[[DataTahun, Report], list[Finding]]
"""A rule: a pure function of the validated data and its Report."""

FIELD_LABEL = {
    "pagu_murni": "pagu murni",
    "pagu_perubahan": "pagu perubahan",
    "realisasi": "realisasi",
}
"""The amounts of the DPA tree, as users call them."""


def places(value: Decimal) -> int:
    """Number of decimals a value was written with (``95,30`` → 2, ``96`` → 0)."""
    exponent = value.as_tuple().exponent
    return -exponent if isinstance(exponent, int) and exponent < 0 else 0


def tolerance(printed: Decimal) -> Decimal:
    """Half a unit of the last printed digit."""
    return Decimal(5).scaleb(-places(printed) - 1)


def matches(printed: Decimal, computed: Decimal) -> bool:
    """Whether ``printed`` is ``computed`` shown at the precision it was printed with."""
    return abs(printed - computed) <= tolerance(printed)


def rp(value: Decimal | int) -> str:
    """``Rp. 1.372.459.384`` (sen only when there are any)."""
    return format_rupiah_short(value)


def signed(text: str, negative: bool) -> str:
    """``+Rp. 36.000.000`` / ``-0,01``: a difference with its direction."""
    return f"{'-' if negative else '+'}{text}"


def rp_diff(stated: Decimal | int, computed: Decimal | int) -> str:
    """Stated minus computed in rupiah, with its sign."""
    return diff_text(stated, computed, rp)


def diff_text(stated: Decimal | int, computed: Decimal | int, fmt: Callable[[Decimal], str]) -> str:
    """Stated minus computed, formatted by ``fmt``, with its sign."""
    diff = Decimal(stated) - Decimal(computed)
    return signed(fmt(abs(diff)), diff < 0)


def num(value: Decimal, decimals: int) -> str:
    """``95,38`` at ``decimals`` places (at least the printed ones)."""
    return format_number(value, decimals)


def show_places(printed: Decimal, minimum: int = 2) -> int:
    """How many decimals to show a computed figure with, beside a printed one."""
    return max(places(printed), minimum)


def where(di: str | None) -> str:
    """`` di Tabel 3.17`` when the place it was printed is known."""
    return f" di {di}" if di else ""


@dataclass(frozen=True)
class Part:
    """One contributing item of a sum: who, its value, and what else records it."""

    name: str
    value: Decimal
    confirms: Callable[[Decimal], bool] | None = None
    """Whether another record of the item (its Rencana Aksi amount, its printed
    serapan, its own sub-rows) supports a given value for it."""
    blank: bool = False
    """The value was not filled in and counts as 0."""


def sum_lines(parts: Sequence[Part], fmt: Callable[[Decimal], str] = rp) -> list[str]:
    """The contributing items of a sum, one line each."""
    return [f"- {p.name}: {fmt(p.value)}{' (tidak diisi)' if p.blank else ''}" for p in parts]


def balancing(parts: Sequence[Part], stated: Decimal, computed: Decimal) -> list[Part]:
    """The items that, changed alone, would make the sum equal ``stated``.

    Any item can absorb a difference arithmetically; only the plausible ones are
    named, in this order of preference: an item whose needed value another
    record confirms; an item left blank; an item whose needed value is a typing
    slip of the printed one (two neighbouring digits swapped, one digit wrong,
    missing or extra); else the only item that would not become negative.
    """
    diff = computed - stated
    feasible = [(p, p.value - diff) for p in parts if p.value - diff >= 0]
    for keep in (
        lambda p, v: p.confirms is not None and p.confirms(v),
        lambda p, v: p.blank,
        lambda p, v: is_slip(p.value, v),
    ):
        chosen = [Part(p.name, v) for p, v in feasible if keep(p, v)]
        if chosen:
            return chosen
    if len(feasible) == 1:
        p, v = feasible[0]
        return [Part(p.name, v)]
    return []


def is_slip(typed: Decimal, meant: Decimal) -> bool:
    """Whether ``typed`` looks like ``meant`` mistyped by one keystroke."""
    a, b = _digits(typed), _digits(meant)
    if a == b:
        return False
    if len(a) == len(b):
        diffs = [i for i, (x, y) in enumerate(zip(a, b, strict=True)) if x != y]
        if len(diffs) == 1:
            return True
        if len(diffs) == 2 and diffs[1] == diffs[0] + 1:
            i, j = diffs
            return a[i] == b[j] and a[j] == b[i]
        return False
    shorter, longer = (a, b) if len(a) < len(b) else (b, a)
    if len(longer) - len(shorter) != 1:
        return False
    return any(longer[:i] + longer[i + 1 :] == shorter for i in range(len(longer)))


def _digits(value: Decimal) -> str:
    text = f"{value.normalize():f}" if value == value.to_integral_value() else f"{value:f}"
    return text.replace(".", "").lstrip("-")


def suggestion(field: str, fixes: Sequence[Part], fmt: Callable[[Decimal], str] = rp) -> list[str]:
    """``jika pagu_murni 'X' bernilai Rp. 248.594.250, jumlahnya cocok``."""
    return [f"jika {field} '{p.name}' bernilai {fmt(p.value)}, jumlahnya cocok" for p in fixes]


def count(value: Decimal | int) -> str:
    """``110.692``: a count of people or items."""
    return format_number(value, 0)
