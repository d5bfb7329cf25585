"""A missing value of a year not filled yet names the data that is missing."""

from __future__ import annotations

from typing import Any

import pytest

from conftest import MINIMAL
from lkjip_cli import api
from lkjip_cli.render.unfilled import unfilled
from lkjip_cli.report import Report

MISSING = "'…' belum ada nilainya: '…' kosong; isi datanya atau sesuaikan narasinya"


def _report(**changes: Any) -> Report:
    """The minimal fixture's report with indicator nilai_sakip changed."""
    data, _ = api.load(MINIMAL)
    assert data is not None
    report = api.compute(data)
    ind = report.indikator["nilai_sakip"].model_copy(update=changes)
    return report.model_copy(update={"indikator": {**report.indikator, "nilai_sakip": ind}})


@pytest.mark.parametrize(
    ("changes", "path", "said"),
    [
        ({"target_renstra": None}, "capaian_renstra", "target Renstra indikator 'Nilai SAKIP'"),
        ({"riwayat": {}}, "selisih_tahun[2022]", "realisasi indikator 'Nilai SAKIP' tahun 2022"),
        ({"pembanding": None}, "pembanding.daerah", "pembanding indikator 'Nilai SAKIP'"),
        ({"target": None}, "capaian", "target PK indikator 'Nilai SAKIP' tahun 2024"),
        (
            {"realisasi": None, "pembanding": None},
            "selisih_pembanding",
            "realisasi indikator 'Nilai SAKIP' tahun 2024 belum diisi; isi data tahun ini "
            "(realisasi.yaml dan yang ditandai # ISI, lihat peringatan "
            "kelengkapan.tanpa-realisasi) dan pembanding indikator 'Nilai SAKIP'",
        ),
    ],
)
def test_the_missing_data_is_named(changes: dict[str, Any], path: str, said: str) -> None:
    full = f"indikator.nilai_sakip.{path}"
    message = unfilled(full, MISSING, _report(**changes))
    assert message.startswith(f"'{full}' belum ada nilainya: {said}")
    assert message.endswith(" atau sesuaikan narasinya")


def test_a_value_whose_data_is_there_keeps_its_message() -> None:
    # the realization is there: a missing key of another kind is not blamed on it
    assert unfilled("indikator.nilai_sakip.riwayat[2023]", MISSING, _report()) == MISSING
    assert unfilled("sasaran.S9", "'sasaran.S9' tidak dikenal", _report()) == (
        "'sasaran.S9' tidak dikenal"
    )
