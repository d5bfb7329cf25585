"""Rules over the predikat scale (``lkjip.yaml``, Tabel 3.1).

Every band is half-open, [dari, sampai), so a gap-free scale gives each band's
``sampai`` as the next band's ``dari``. The reference prints its bands as
closed whole-number ranges (76–90, 91–100) and so leaves 90–91 without a
predikat; a capaian of 90,50% would have none.
"""

from __future__ import annotations

from decimal import Decimal
from itertools import pairwise

from lkjip_cli.checks._common import Rule
from lkjip_cli.findings import Finding, error
from lkjip_cli.loader import Position
from lkjip_cli.model import DataTahun
from lkjip_cli.model.config import Interval
from lkjip_cli.numbers import format_decimal_id
from lkjip_cli.report import Report

FILE = "lkjip.yaml"


def _p(value: Decimal) -> str:
    return f"{format_decimal_id(value)}%"


def describe(band: Interval) -> str:
    """``'Tinggi' (76% sampai kurang dari 91%)``."""
    if band.dari is None and band.sampai is None:
        span = "semua nilai"
    elif band.dari is None:
        span = f"kurang dari {_p(band.sampai)}" if band.sampai is not None else ""
    elif band.sampai is None:
        span = f"{_p(band.dari)} ke atas"
    else:
        span = f"{_p(band.dari)} sampai kurang dari {_p(band.sampai)}"
    return f"'{band.predikat}' ({span})"


def _bands(data: DataTahun) -> list[tuple[Interval, Position]]:
    configured = data.config.predikat
    if configured:
        return [(b, data.pos(FILE, ("predikat", i))) for i, b in enumerate(configured)]
    return [(b, data.pos(FILE, ())) for b in data.config.scale()]


def _valid(bands: list[tuple[Interval, Position]]) -> list[tuple[Interval, Position]]:
    return [(b, p) for b, p in bands if b.dari is None or b.sampai is None or b.dari < b.sampai]


def interval_kosong(data: DataTahun, report: Report) -> list[Finding]:
    """A band whose ``dari`` is not below its ``sampai``: it holds no value."""
    return [
        error(
            "skala.interval-kosong",
            f"rentang predikat {describe(b)} kosong: 'dari' harus lebih kecil dari 'sampai'",
            pos,
        )
        for b, pos in _bands(data)
        if b.dari is not None and b.sampai is not None and b.dari >= b.sampai
    ]


def celah_dan_tumpang_tindih(data: DataTahun, report: Report) -> list[Finding]:
    """Values between two bands with no predikat, or values in two bands."""
    ordered = sorted(
        _valid(_bands(data)), key=lambda bp: (bp[0].dari is not None, bp[0].dari or Decimal(0))
    )
    findings = []
    for (a, pa), (b, pb) in pairwise(ordered):
        if a.sampai is None or b.dari is None:
            findings.append(
                error(
                    "skala.tumpang-tindih",
                    f"rentang predikat {describe(a)} dan {describe(b)} tumpang tindih: "
                    "satu capaian akan memiliki dua predikat; perbaiki batas 'dari'/'sampai'-nya",
                    pb,
                )
            )
        elif a.sampai < b.dari:
            findings.append(
                error(
                    "skala.celah",
                    f"capaian dari {_p(a.sampai)} sampai kurang dari {_p(b.dari)} tidak memiliki "
                    f"predikat (di antara {describe(a)} dan {describe(b)}); rentang bersifat "
                    "[dari, sampai), jadi isi 'sampai' "
                    f"{a.predikat} dengan {format_decimal_id(b.dari)}",
                    pa,
                )
            )
        elif a.sampai > b.dari:
            findings.append(
                error(
                    "skala.tumpang-tindih",
                    f"capaian dari {_p(b.dari)} sampai kurang dari {_p(a.sampai)} termasuk dua "
                    f"predikat, {describe(a)} dan {describe(b)}; isi 'sampai' {a.predikat} dengan "
                    f"{format_decimal_id(b.dari)}",
                    pb,
                )
            )
    return findings


def tidak_mencakup(data: DataTahun, report: Report) -> list[Finding]:
    """A scale that leaves low capaian (from 0) or high capaian (to no end) without predikat."""
    bands = _valid(_bands(data))
    if not bands:
        return []
    findings = []
    lows = [b.dari for b, _ in bands]
    if None not in lows:
        lowest = min(d for d in lows if d is not None)
        if lowest > 0:
            band, pos = next((b, p) for b, p in bands if b.dari == lowest)
            findings.append(
                error(
                    "skala.tidak-mencakup",
                    f"capaian di bawah {_p(lowest)} tidak memiliki predikat; kosongkan 'dari' "
                    f"{describe(band)} (tanpa batas bawah)",
                    pos,
                )
            )
    highs = [b.sampai for b, _ in bands]
    cap = data.config.capaian.batas_atas
    if None not in highs:
        highest = max(h for h in highs if h is not None)
        if cap is None or highest <= cap:
            band, pos = next((b, p) for b, p in bands if b.sampai == highest)
            limit = "tanpa batas atas" if cap is None else f"batas atas {_p(cap)}"
            findings.append(
                error(
                    "skala.tidak-mencakup",
                    f"capaian {_p(highest)} ke atas tidak memiliki predikat, padahal capaian "
                    f"dapat mencapainya ({limit}); kosongkan 'sampai' {describe(band)}",
                    pos,
                )
            )
    return findings


RULES: tuple[Rule, ...] = (interval_kosong, celah_dan_tumpang_tindih, tidak_mencakup)
"""The rules of this family, in the order they run."""
