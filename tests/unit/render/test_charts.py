"""The charts: PNG, deterministic, Indonesian labels, to scale, Pillow off the start-up path."""

from __future__ import annotations

import io
import itertools
import struct
import subprocess
import sys
from decimal import Decimal
from pathlib import Path

import pytest
from PIL import Image

from lkjip_cli.compute import compute
from lkjip_cli.model.instansi import UnitOrganisasi
from lkjip_cli.render import charts, orgchart, plotting
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


def chunks(png: bytes) -> list[bytes]:
    """The chunk types of a PNG, in order."""
    types, at = [], len(PNG)
    while at < len(png):
        (length,) = struct.unpack(">I", png[at : at + 4])
        types.append(png[at + 4 : at + 8])
        at += 12 + length
    return types


def pixels(png: bytes) -> Image.Image:
    image = Image.open(io.BytesIO(png))
    assert image.mode == "RGB"
    return image


def rgb(color: str) -> tuple[int, int, int]:
    return int(color[1:3], 16), int(color[3:5], 16), int(color[5:7], 16)


def _strip(image: Image.Image, box: tuple[int, int, int, int]) -> list[tuple[int, int, int]]:
    data = image.crop(box).tobytes()
    return list(zip(data[0::3], data[1::3], data[2::3], strict=True))


def row(image: Image.Image, y: int) -> list[tuple[int, int, int]]:
    """The pixels of row ``y``, left to right."""
    return _strip(image, (0, y, image.width, y + 1))


def column(image: Image.Image, x: int) -> list[tuple[int, int, int]]:
    """The pixels of column ``x``, top to bottom."""
    return _strip(image, (x, 0, x + 1, image.height))


def rows_of(image: Image.Image, x: int, color: str) -> list[int]:
    """The rows of column ``x`` painted exactly ``color``."""
    want = rgb(color)
    return [y for y, p in enumerate(column(image, x)) if p == want]


def columns_of(image: Image.Image, y: int, color: str) -> list[int]:
    """The columns of row ``y`` painted exactly ``color``."""
    want = rgb(color)
    return [x for x, p in enumerate(row(image, y)) if p == want]


def runs(values: list[int]) -> list[tuple[int, int]]:
    """Consecutive integers grouped: [1, 2, 3, 7, 8] → [(1, 3), (7, 8)]."""
    out: list[tuple[int, int]] = []
    for v in values:
        if out and v == out[-1][1] + 1:
            out[-1] = (out[-1][0], v)
        else:
            out.append((v, v))
    return out


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
    # no software name, version or date in the file: bytes must not change with an upgrade
    assert chunks(first) == [b"IHDR", b"pHYs", b"IDAT", b"IEND"]


def test_tren_rpjmd_is_a_deterministic_png(rpjmd: RpjmdHasil) -> None:
    first = charts.tren_rpjmd(rpjmd)
    assert first.startswith(PNG)
    assert size(first) == (round(charts.SIZE[0] * charts.DPI), round(charts.SIZE[1] * charts.DPI))
    assert charts.tren_rpjmd(rpjmd) == first
    assert chunks(first) == [b"IHDR", b"pHYs", b"IDAT", b"IEND"]


def test_charts_follow_the_data(indikator: IndikatorHasil, rpjmd: RpjmdHasil) -> None:
    other = indikator.model_copy(update={"realisasi": Decimal("90")})
    assert charts.tren_indikator(other, 2024) != charts.tren_indikator(indikator, 2024)
    lower = rpjmd.model_copy(update={"target_awal": Decimal("10")})
    assert charts.tren_rpjmd(lower) != charts.tren_rpjmd(rpjmd)


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


def test_importing_the_cli_and_charts_imports_no_drawing_library() -> None:
    code = (
        "import sys, lkjip_cli.cli, lkjip_cli.render.charts, lkjip_cli.render.lampiran; "
        "print(sorted(m for m in ('matplotlib', 'PIL') if m in sys.modules))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "[]"


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
    assert chunks(first) == [b"IHDR", b"pHYs", b"IDAT", b"IEND"]


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


# --- the canvas, the scale and the text that must fit ---------------------------


def test_ticks_are_round_steps_up_to_the_top() -> None:
    def d(*values: str) -> list[Decimal]:
        return [Decimal(v) for v in values]

    # 118 / 6 = 19.7: a step of 20, and 120 is above the top
    assert charts.ticks(Decimal("118")) == d("0", "20", "40", "60", "80", "100")
    # 11.76 × 1.18 = 13.8768, / 6 = 2.31: a step of 2.5
    assert charts.ticks(Decimal("13.8768")) == d("0", "2.5", "5", "7.5", "10", "12.5")
    # 1.4 / 6 = 0.233: a step of 0.25
    assert charts.ticks(Decimal("1.4")) == d("0", "0.25", "0.5", "0.75", "1", "1.25")
    # 1000 / 6 = 166.7: a step of 200, the top itself a tick
    assert charts.ticks(Decimal("1000")) == d("0", "200", "400", "600", "800", "1000")
    assert charts.ticks(Decimal("0")) == d("0")


def test_tick_labels_are_indonesian_with_the_places_they_need() -> None:
    assert charts._tick_labels(charts.ticks(Decimal("13.8768"))) == [
        "0", "2,5", "5", "7,5", "10", "12,5"
    ]  # fmt: skip
    assert charts._tick_labels(charts.ticks(Decimal("1.4"))) == [
        "0", "0,25", "0,5", "0,75", "1", "1,25"
    ]  # fmt: skip
    assert charts._tick_labels(charts.ticks(Decimal("1000"))) == [
        "0", "200", "400", "600", "800", "1.000"
    ]  # fmt: skip


def test_wrap_breaks_between_words_only() -> None:
    assert plotting.wrap("Bidang Rehabilitasi Sosial", 20, len) == ["Bidang Rehabilitasi", "Sosial"]
    assert plotting.wrap("Kesejahteraan", 5, len) == ["Kesejahteraan"]
    assert plotting.wrap("", 5, len) == []


def test_canvas_snaps_lines_and_dashes_to_whole_pixels() -> None:
    canvas = plotting.Canvas(40, 20, 72)
    canvas.line(0, 5, 40, 5, "#000000", 2, dash=(6, 4))
    canvas.rect(5, 10, 15, 18, "#ffffff", "#ff0000", 2)
    image = pixels(canvas.png())
    assert rows_of(image, 2, "#000000") == [4, 5]  # two pixels centred on y = 5
    assert runs(columns_of(image, 4, "#000000")) == [
        (0, 5), (10, 15), (20, 25), (30, 35)
    ]  # fmt: skip
    # the outline straddles the rectangle's edges, the fill stays inside
    assert columns_of(image, 14, "#ff0000") == [4, 5, 14, 15]
    with pytest.raises(ValueError, match="horizontal and vertical"):
        canvas.line(0, 0, 5, 5, "#000000", 1)


def test_canvas_turns_text_to_read_upwards() -> None:
    canvas = plotting.Canvas(60, 200, 72)
    canvas.text_up(30, 100, "Persentase", 20)
    image = pixels(canvas.png())
    ink = [(x, y) for y in range(200) for x, p in enumerate(row(image, y)) if sum(p) < 384]
    xs, ys = [x for x, _ in ink], [y for _, y in ink]
    assert max(ys) - min(ys) > 3 * (max(xs) - min(xs))  # tall, not wide
    assert abs((max(ys) + min(ys)) / 2 - 100) <= 3  # centred on y = 100
    assert min(xs) < 30 - 10 and max(xs) <= 30 + 6  # letters left of the baseline, "p" right


def _bars(image: Image.Image, color: str) -> list[tuple[int, int, int]]:
    """Each bar of ``color``, left to right: its first column, top row and bottom row."""
    # the row that crosses the most bar pixels runs through every bar (not the legend)
    across = max(range(image.height), key=lambda y: len(columns_of(image, y, color)))
    bars = []
    for left, _ in runs(columns_of(image, across, color)):
        top, bottom = max(runs(rows_of(image, left + 2, color)), key=lambda r: r[1] - r[0])
        bars.append((left, top, bottom))
    return bars


def test_bars_are_drawn_to_scale_with_the_target_at_its_height(
    indikator: IndikatorHasil,
) -> None:
    ind = indikator.model_copy(
        update={
            "riwayat": {2022: Decimal("20"), 2023: Decimal("40")},
            "realisasi": Decimal("80"),
            "target": Decimal("100"),
        }
    )
    image = pixels(charts.tren_indikator(ind, 2024))
    bars = _bars(image, charts.REALISASI)
    assert len(bars) == 3
    assert len({bottom for _, _, bottom in bars}) == 1  # all stand on the axis
    (_, top20, axis), (_, top40, _), (left80, top80, _) = bars
    per_unit = (top20 - top80) / 60  # pixels per percentage point
    assert per_unit > 3  # the plot is most of the picture's 600 px
    assert abs((top20 - top40) - 20 * per_unit) <= 1
    assert abs((axis - top20) - 20 * per_unit) <= 2  # from zero: the bars' bottom is 0
    # this year's target: a dashed red line 2 pt (4 px) thick at 100, over this year's bar
    red = [y for x in range(left80, left80 + 100) for y in rows_of(image, x, charts.TARGET)]
    assert runs(sorted(set(red))) == [(min(red), min(red) + 3)]
    assert abs((min(red) + 1.5) - (top80 - 20 * per_unit)) <= 2
    dashes = runs(columns_of(image, min(red), charts.TARGET))
    assert len(dashes) >= 8  # dashed; the legend's sample is on another row


def test_rpjmd_bars_pair_target_and_realization_under_the_baseline(rpjmd: RpjmdHasil) -> None:
    image = pixels(charts.tren_rpjmd(rpjmd))
    targets, realized = _bars(image, charts.TARGET), _bars(image, charts.REALISASI)
    years = sorted(rpjmd.target)
    assert years == sorted(rpjmd.realisasi)  # the fixture has both in every year
    assert len(targets) == len(realized) == len(years)
    for (t_left, t_top, bottom), (r_left, r_top, _), year in zip(
        targets, realized, years, strict=True
    ):
        assert t_left < r_left  # the target left of the realization
        ratio = rpjmd.realisasi[year] / rpjmd.target[year]
        assert abs((bottom - r_top) - float(ratio) * (bottom - t_top)) <= 2
    # the baseline: a dashed grey line across the plot, above the bars (11,76 > 11,51)
    line = max(range(image.height), key=lambda y: len(columns_of(image, y, charts.BASELINE)))
    across = columns_of(image, line, charts.BASELINE)
    assert len(across) > image.width / 2 and len(runs(across)) > 20
    assert rpjmd.target_awal is not None and rpjmd.target_awal > max(rpjmd.target.values())
    assert line < min(t_top for _, t_top, _ in targets)


def _spine_top(image: Image.Image) -> int:
    """First row of the y axis: the column with the most black pixels."""
    column = max(range(image.width // 4), key=lambda x: len(rows_of(image, x, "#000000")))
    return max(runs(rows_of(image, column, "#000000")), key=lambda r: r[1] - r[0])[0]


def _border_is_white(image: Image.Image, border: int = 8) -> bool:
    w, h = image.size
    strips = [(0, 0, border, h), (w - border, 0, w, h), (0, 0, w, border), (0, h - border, w, h)]
    return all(image.crop(box).getextrema() == ((255, 255),) * 3 for box in strips)


def test_a_long_title_is_wrapped_and_a_long_word_shrunk_not_cut_off(
    indikator: IndikatorHasil,
) -> None:
    short = pixels(charts.tren_indikator(indikator, 2024))
    nama = (
        "Persentase penyandang masalah kesejahteraan sosial (PMKS) yang tertangani melalui "
        "rehabilitasi sosial dasar di dalam dan di luar panti sosial milik pemerintah daerah"
    )
    wrapped = pixels(charts.tren_indikator(indikator.model_copy(update={"nama": nama}), 2024))
    # a second line of 10 pt at 150 dpi (1.2 × 20.8 px) pushes the plot down
    assert _spine_top(wrapped) - _spine_top(short) >= 24
    word = pixels(charts.tren_indikator(indikator.model_copy(update={"nama": "X" * 150}), 2024))
    assert _spine_top(word) <= _spine_top(short)  # one smaller line
    satuan = indikator.model_copy(update={"satuan": "indeks " * 30})  # a unit longer than the axis
    for image in (short, wrapped, word, pixels(charts.tren_indikator(satuan, 2024))):
        assert _border_is_white(image)


def test_struktur_organisasi_wraps_a_long_name_inside_its_box() -> None:
    short = charts.struktur_organisasi(_unit("Dinas", _unit("Bidang A"), _unit("Bidang B")))
    nama = "Bidang Pemberdayaan Sosial dan Penanganan Fakir Miskin serta Perlindungan Sosial"
    png = charts.struktur_organisasi(_unit("Dinas", _unit(nama), _unit("Bidang B")))
    assert size(png)[1] > size(short)[1] + 40  # two more lines of 7.5 pt at 200 dpi
    image = pixels(png)
    edge = rgb("#1f3864")
    for y in range(image.height):
        line = row(image, y)
        edges = [x for x, p in enumerate(line) if p == edge]
        ink = [x for x, p in enumerate(line) if sum(p) < 384 and max(p) - min(p) < 30]
        for x in ink:  # every letter between two edges of a box, clear of them
            assert any(e < x - 3 for e in edges) and any(e > x + 3 for e in edges), (x, y)
