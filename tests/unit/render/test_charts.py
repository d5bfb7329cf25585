"""The charts: PNG, deterministic, Indonesian labels, matplotlib kept off the start-up path."""

from __future__ import annotations

import itertools
import struct
import subprocess
import sys
from decimal import Decimal
from pathlib import Path

import pytest

from lkjip_cli.compute import compute
from lkjip_cli.model.instansi import UnitOrganisasi
from lkjip_cli.render import charts, orgchart
from lkjip_cli.report import IndikatorHasil, Report, RpjmdHasil
from lkjip_cli.validate import load

FIXTURE = Path(__file__).resolve().parents[3] / "tests" / "fixtures" / "valid" / "lampiran"
DATA = Path(__file__).resolve().parents[3] / "data" / "2024"
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
    gap = rpjmd.model_copy(
        update={"target_awal": None, "target": {**rpjmd.target, 2025: Decimal("8.5")}}
    )
    assert charts.tren_rpjmd(gap).startswith(PNG)
    # target only for a year after the last realization
    later = indikator.model_copy(update={"realisasi": None})
    assert charts.tren_indikator(later, 2024).startswith(PNG)


def test_importing_the_cli_and_charts_does_not_import_matplotlib() -> None:
    code = (
        "import sys, lkjip_cli.cli, lkjip_cli.render.charts, lkjip_cli.render.lampiran; "
        "print('matplotlib' in sys.modules)"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "False"


def test_same_bytes_in_another_process(indikator: IndikatorHasil) -> None:
    # hash seeds, font caches and import order differ between processes; the bytes must not
    code = (
        "import sys; from pathlib import Path; from lkjip_cli.validate import load; "
        "from lkjip_cli.compute import compute; from lkjip_cli.render import charts; "
        f"r = compute(load(Path({str(FIXTURE)!r})).data); "
        "sys.stdout.buffer.write(charts.tren_indikator(r.indikator['pmks_tertangani'], 2024))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        check=True,
        env={"PYTHONHASHSEED": "123", "PATH": "/usr/bin:/bin"},
    )
    assert result.stdout == charts.tren_indikator(indikator, 2024)


@pytest.fixture(scope="module")
def struktur() -> UnitOrganisasi:
    data = load(DATA).data
    assert data is not None and data.instansi.struktur is not None
    return data.instansi.struktur


def _unit(nama: str, *bawahan: UnitOrganisasi, garis: str = "komando") -> UnitOrganisasi:
    return UnitOrganisasi.model_validate(
        {"nama": nama, "jabatan": f"Kepala {nama}", "bawahan": list(bawahan), "garis": garis}
    )


def test_struktur_organisasi_is_a_deterministic_png(struktur: UnitOrganisasi) -> None:
    first = charts.struktur_organisasi(struktur)
    assert first.startswith(PNG)
    width, height = size(first)
    # the text width (15 cm), so the boxes' text prints at its own size
    assert width == round(charts.ORG_WIDTH * charts.ORG_DPI)
    assert width / 3 < height < width  # four rows: head, Sekretariat, Sub Bagian, bidang
    assert charts.struktur_organisasi(struktur) == first
    assert b"Software" not in first and b"matplotlib" not in first


def test_struktur_organisasi_follows_the_data(struktur: UnitOrganisasi) -> None:
    renamed = struktur.model_copy(update={"nama": "Dinas Lain"})
    assert charts.struktur_organisasi(renamed) != charts.struktur_organisasi(struktur)
    solid = struktur.model_copy(
        update={"bawahan": [u.model_copy(update={"garis": "komando"}) for u in struktur.bawahan]}
    )
    assert charts.struktur_organisasi(solid) != charts.struktur_organisasi(struktur)


def test_struktur_organisasi_height_follows_the_rows() -> None:
    def height(unit: UnitOrganisasi) -> int:
        png = charts.struktur_organisasi(unit)
        assert png.startswith(PNG) and size(png)[0] == round(charts.ORG_WIDTH * charts.ORG_DPI)
        return size(png)[1]

    alone = height(_unit("Kantor"))
    two = height(_unit("Kantor", _unit("Bidang A"), _unit("Bidang B")))
    three = height(_unit("Kantor", _unit("Bidang A", _unit("Seksi 1"), _unit("Seksi 2"))))
    assert alone < two < three


def test_struktur_organisasi_draws_any_tree() -> None:
    wide = _unit("Dinas", *(_unit(f"Bidang Dengan Nama Yang Cukup Panjang {i}") for i in range(9)))
    side = _unit(
        "Dinas",
        _unit("Sekretariat", _unit("Sub Bagian Umum"), _unit("Sub Bagian Keuangan")),
        _unit("Kelompok Jabatan Fungsional", garis="koordinasi"),
        _unit("UPT Satu", garis="koordinasi"),
        _unit("Bidang A", _unit("Seksi 1")),
    )
    only_side = _unit("Dinas", _unit("Sekretariat"), _unit("UPT", garis="koordinasi"))
    for unit in (wide, side, only_side):
        assert charts.struktur_organisasi(unit).startswith(PNG)


def test_struktur_layout_puts_the_sekretariat_beside_the_line_to_the_bidang(
    struktur: UnitOrganisasi,
) -> None:
    head = orgchart._layout(struktur)
    rows = {b.unit.nama: b.row for b in head.walk()}
    xs = {b.unit.nama: b.x for b in head.walk()}
    assert rows["Sekretariat"] == rows["Kelompok Jabatan Fungsional"] == 1
    assert rows["Sub Bagian"] == 2
    assert {rows[n] for n in xs if n.startswith("Bidang ")} == {3}
    assert xs["Kelompok Jabatan Fungsional"] < head.x < xs["Sekretariat"]
    # no two boxes of a row overlap: one slot each
    for row in set(rows.values()):
        centres = sorted(b.x for b in head.walk() if b.row == row)
        assert all(b - a >= 1 for a, b in itertools.pairwise(centres))


def test_struktur_organisasi_same_bytes_in_another_process(struktur: UnitOrganisasi) -> None:
    # the text is measured to wrap it: the measure must not depend on the process either
    code = (
        "import sys; from pathlib import Path; from lkjip_cli.validate import load; "
        "from lkjip_cli.render import charts; "
        f"s = load(Path({str(DATA)!r})).data.instansi.struktur; "
        "sys.stdout.buffer.write(charts.struktur_organisasi(s))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        check=True,
        env={"PYTHONHASHSEED": "7", "PATH": "/usr/bin:/bin"},
    )
    assert result.stdout == charts.struktur_organisasi(struktur)
