"""Comparing a figure as printed (``tercetak``) with the figure computed.

A ``tercetak`` entry is a value, or a list of ``{nilai, di}`` when the document
printed it in several places; each place is compared on its own and named in
the message. Numbers match within the precision they were printed with.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Any, Literal

from lkjip_cli.checks._common import (
    matches,
    num,
    places,
    rp,
    rp_diff,
    show_places,
    signed,
    where,
)
from lkjip_cli.findings import Finding, error
from lkjip_cli.loader import PathKey
from lkjip_cli.model import DataTahun
from lkjip_cli.model.common import printed
from lkjip_cli.numbers import normalise_words, terbilang

Unit = Literal["%", "", "Rp"]
_RULE = {
    "%": "tercetak.persen-tidak-cocok",
    "": "tercetak.angka-tidak-cocok",
    "Rp": "tercetak.rupiah-tidak-cocok",
}


@dataclass(frozen=True)
class Printed:
    """Where a ``tercetak`` field stands and what it is about."""

    file: str
    owner: PathKey
    """Path of the item that holds ``tercetak``."""
    key: str
    subject: str
    """``capaian sasaran 'Meningkatnya Akuntabilitas Kinerja'``."""


def entries(field_value: Any, at: Printed) -> list[tuple[Any, str | None, PathKey]]:
    base: PathKey = (*at.owner, "tercetak", at.key)
    if isinstance(field_value, list):
        return [(v, di, (*base, j, "nilai")) for j, (v, di) in enumerate(printed(field_value))]
    return [(v, di, base) for v, di in printed(field_value)]


def show(value: Decimal, unit: Unit, k: int) -> str:
    if unit == "Rp":
        return rp(value)
    return f"{num(value, k)}{unit}"


def compare(
    data: DataTahun,
    at: Printed,
    field_value: Any,
    computed: Decimal | None,
    unit: Unit,
    how: str = "",
    missing: str | None = None,
) -> list[Finding]:
    """Findings for each printed value of ``field_value`` that is not ``computed``.

    When nothing can be computed, a printed value is a finding only if ``missing``
    says why (the data lacks what the figure needs); otherwise it is skipped.
    """
    findings = []
    for stated, di, path in entries(field_value, at):
        stated = Decimal(stated)
        if computed is None:
            if missing is not None:
                findings.append(
                    error(
                        _RULE[unit],
                        f"{at.subject} tertulis {show(stated, unit, places(stated))}{where(di)}, "
                        f"padahal tidak dapat dihitung: {missing}",
                        data.pos(at.file, path),
                    )
                )
            continue
        if matches(stated, computed):
            continue
        k = show_places(stated, 0 if unit == "Rp" else 2)
        if unit == "Rp":
            diff = rp_diff(stated, computed)
        else:
            d = stated - computed
            diff = signed(num(abs(d), k), d < 0) + (" poin" if unit == "%" else "")
        findings.append(
            error(
                _RULE[unit],
                f"{at.subject} tertulis {show(stated, unit, places(stated))}{where(di)}, "
                f"sedangkan hasil "
                f"hitungnya {how}{show(computed, unit, k)} (selisih {diff})",
                data.pos(at.file, path),
            )
        )
    return findings


def words(data: DataTahun, at: Printed, field_value: Any, amount: Decimal) -> list[Finding]:
    expected = terbilang(amount)
    return [
        error(
            "tercetak.terbilang-tidak-cocok",
            f'{at.subject} {rp(amount)} tertulis dengan huruf "{words}"{where(di)}, '
            f'seharusnya "{expected}"',
            data.pos(at.file, path),
        )
        for words, di, path in entries(field_value, at)
        if normalise_words(str(words)) != normalise_words(expected)
    ]


def plain(
    data: DataTahun, spot: Printed, value: Decimal, computed: Decimal | None, missing: str
) -> list[Finding]:
    """A value under a mapping key (``selisih_tahun: {2023: 0,02}``) rather than a list."""
    pos = data.pos(spot.file, (*spot.owner, spot.key))
    k = show_places(value)
    if computed is None:
        return [
            error(
                "tercetak.angka-tidak-cocok",
                f"{spot.subject} tertulis {num(value, places(value))}, padahal tidak dapat "
                f"dihitung: {missing}",
                pos,
            )
        ]
    if matches(value, computed):
        return []
    d = value - computed
    return [
        error(
            "tercetak.angka-tidak-cocok",
            f"{spot.subject} tertulis {num(value, places(value))}, sedangkan hasil hitungnya "
            f"{num(computed, k)} (selisih {signed(num(abs(d), k), d < 0)})",
            pos,
        )
    ]
