"""Shown arithmetic agrees with the shown figures (issue 13 item 6)."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from lkjip_cli import api
from lkjip_cli.compute import efisiensi
from lkjip_cli.numbers import format_percent

ROOT = Path(__file__).resolve().parents[2]


def test_the_issue_example() -> None:
    # capaian 111,014 and serapan 64,515 print as 111,01% and 64,52%: the reader
    # computes 46,49; from the unrounded values 46,499 would print 46,50
    cap, serapan = Decimal("111.014"), Decimal("64.515")
    assert format_percent(cap) == "111,01%" and format_percent(serapan) == "64,52%"
    assert format_percent(cap - serapan) == "46,50%"  # what the report printed before
    assert format_percent(efisiensi(cap, serapan, "capaian-serapan")) == "46,49%"
    assert efisiensi(cap, serapan, "100-serapan") == Decimal("35.48")  # 100 − 64,52
    assert efisiensi(Decimal("50"), Decimal("64.515"), "capaian-serapan") == Decimal("-14.52")


def _printed(value: Decimal) -> Decimal:
    return Decimal(format_percent(value).rstrip("%").replace(".", "").replace(",", "."))


@pytest.mark.parametrize("directory", ["data/2024", "examples/dinkes-2024"])
def test_every_printed_difference_follows_from_its_printed_figures(directory: str) -> None:
    report = api.check(ROOT / directory).report
    assert report is not None
    for s in report.sasaran.values():
        if s.efisiensi is None or s.serapan is None or s.capaian is None:
            continue
        left = _printed(s.capaian) if report.metode_efisiensi == "capaian-serapan" else 100
        assert _printed(s.efisiensi) == left - _printed(s.serapan), s.id
    for ind in report.indikator.values():
        for year, change in ind.selisih_tahun.items():
            assert ind.realisasi is not None
            assert _printed(change) == _printed(ind.realisasi) - _printed(ind.riwayat[year])
