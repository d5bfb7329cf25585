"""The charts: PNG, deterministic, Indonesian labels, matplotlib kept off the start-up path."""

from __future__ import annotations

import struct
import subprocess
import sys
from decimal import Decimal
from pathlib import Path

import pytest

from lkjip_cli.compute import compute
from lkjip_cli.render import charts
from lkjip_cli.report import IndikatorHasil, Report, RpjmdHasil
from lkjip_cli.validate import load

FIXTURE = Path(__file__).resolve().parents[3] / "tests" / "fixtures" / "valid" / "lampiran"
PNG = b"\x89PNG\r\n\x1a\n"


@pytest.fixture(scope="module")
def report() -> Report:
    data = load(FIXTURE).data
    assert data is not None
    return compute(data)


@pytest.fixture(scope="module")
def indikator(report: Report) -> IndikatorHasil:
    return report.indikator["pmks_tertangani"]


@pytest.fixture(scope="module")
def rpjmd(report: Report) -> RpjmdHasil:
    return report.rpjmd[0]


def size(png: bytes) -> tuple[int, int]:
    """Width and height from the IHDR chunk."""
    assert png[12:16] == b"IHDR"
    width, height = struct.unpack(">II", png[16:24])
    return width, height


def test_labels_are_indonesian() -> None:
    assert charts.label(Decimal("95.3836")) == "95,38%"
    assert charts.label(Decimal("100")) == "100%"
    assert charts.label(Decimal("60.15"), "nilai") == "60,15"
    assert charts.label(Decimal("96.705")) == "96,71%"  # half up, from the exact value


def test_tren_indikator_is_a_deterministic_png(indikator: IndikatorHasil) -> None:
    first = charts.tren_indikator(indikator, 2024)
    assert first.startswith(PNG)
    assert size(first) == (round(charts.SIZE[0] * charts.DPI), round(charts.SIZE[1] * charts.DPI))
    assert charts.tren_indikator(indikator, 2024) == first
    # no software name or version in the file: bytes must not change with an upgrade
    assert b"Software" not in first and b"matplotlib" not in first


def test_tren_rpjmd_is_a_deterministic_png(rpjmd: RpjmdHasil) -> None:
    first = charts.tren_rpjmd(rpjmd)
    assert first.startswith(PNG)
    assert charts.tren_rpjmd(rpjmd) == first
    assert b"Software" not in first


def test_charts_follow_the_data(indikator: IndikatorHasil, rpjmd: RpjmdHasil) -> None:
    other = indikator.model_copy(update={"realisasi": Decimal("90")})
    assert charts.tren_indikator(other, 2024) != charts.tren_indikator(indikator, 2024)
    lower = rpjmd.model_copy(update={"target_awal": Decimal("10")})
    assert charts.tren_rpjmd(lower) != charts.tren_rpjmd(rpjmd)


def test_user_style_does_not_leak_in_or_out(indikator: IndikatorHasil) -> None:
    import matplotlib

    expected = charts.tren_indikator(indikator, 2024)
    saved = matplotlib.rcParams["axes.facecolor"]
    matplotlib.rcParams["axes.facecolor"] = "red"
    try:
        assert charts.tren_indikator(indikator, 2024) == expected
        assert matplotlib.rcParams["axes.facecolor"] == "red"
    finally:
        matplotlib.rcParams["axes.facecolor"] = saved


def test_missing_values_still_draw(indikator: IndikatorHasil, rpjmd: RpjmdHasil) -> None:
    bare = indikator.model_copy(update={"target": None, "riwayat": {}})
    assert charts.tren_indikator(bare, 2024).startswith(PNG)
    empty = indikator.model_copy(update={"target": None, "riwayat": {}, "realisasi": None})
    assert charts.tren_indikator(empty, 2024).startswith(PNG)
    # a year with a target and no realization yet, and no baseline
    gap = rpjmd.model_copy(update={"target_awal": None,
                                   "target": {**rpjmd.target, 2025: Decimal("8.5")}})
    assert charts.tren_rpjmd(gap).startswith(PNG)
    # target only for a year after the last realization
    later = indikator.model_copy(update={"realisasi": None})
    assert charts.tren_indikator(later, 2024).startswith(PNG)


def test_importing_the_cli_and_charts_does_not_import_matplotlib() -> None:
    code = ("import sys, lkjip_cli.cli, lkjip_cli.render.charts, lkjip_cli.render.lampiran; "
            "print('matplotlib' in sys.modules)")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            check=True)
    assert result.stdout.strip() == "False"


def test_same_bytes_in_another_process(indikator: IndikatorHasil) -> None:
    # hash seeds, font caches and import order differ between processes; the bytes must not
    code = (
        "import sys; from pathlib import Path; from lkjip_cli.validate import load; "
        "from lkjip_cli.compute import compute; from lkjip_cli.render import charts; "
        f"r = compute(load(Path({str(FIXTURE)!r})).data); "
        "sys.stdout.buffer.write(charts.tren_indikator(r.indikator['pmks_tertangani'], 2024))"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, check=True,
                            env={"PYTHONHASHSEED": "123", "PATH": "/usr/bin:/bin"})
    assert result.stdout == charts.tren_indikator(indikator, 2024)
