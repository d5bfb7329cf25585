"""The unit of an indicator: the multiplier of its ratio and how its values print."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from conftest import Dataset
from lkjip_cli.model.iku import Indikator, Rumus
from lkjip_cli.satuan import faktor_satuan, pendek, persen, tanpa_satuan


@pytest.mark.parametrize(
    ("satuan", "faktor"),
    [
        ("%", 100),
        ("persen", 100),
        (" Persen ", 100),
        ("per 100.000 kelahiran hidup", 100_000),
        ("Per 100.000 penduduk", 100_000),
        ("per 1.000 kelahiran hidup", 1_000),
        ("per 1000 penduduk", 1_000),
        ("nilai", 1),
        ("indeks", 1),
        ("tahun", 1),
        ("hari", 1),
        ("orang", 1),
        ("persentase kasus", 1),  # a word that starts like "persen" is not percent
        ("per bulan", 1),  # "per" without a number is no rate
    ],
)
def test_faktor_satuan(satuan: str, faktor: int) -> None:
    assert faktor_satuan(satuan) == Decimal(faktor)


def test_percent_and_kind_words() -> None:
    assert persen("%") and persen("persen")
    assert not persen("per 100.000 kelahiran hidup")
    assert tanpa_satuan("nilai") and tanpa_satuan("Indeks") and tanpa_satuan("")
    assert not tanpa_satuan("hari")


def test_short_units_print_beside_values_long_ones_do_not() -> None:
    assert pendek("hari") and pendek("dokumen")
    assert not pendek("per 100.000 kelahiran hidup")
    assert not pendek("kelahiran hidup")  # more than one word
    assert not pendek("penduduk/tahun/x")  # longer than 12 characters


def _indikator(satuan: str, rumus: Rumus | None = None) -> Indikator:
    return Indikator(id="aki", sasaran="S1", nama="Angka Kematian Ibu", satuan=satuan, rumus=rumus)


def test_indikator_faktor_follows_the_unit_unless_the_rumus_states_one() -> None:
    ratio = Rumus(pembilang="Jumlah kematian ibu", penyebut="Jumlah kelahiran hidup")
    assert _indikator("per 100.000 kelahiran hidup", ratio).faktor() == 100_000
    assert _indikator("%", ratio).faktor() == 100
    assert _indikator("indeks").faktor() == 1
    stated = Rumus(pembilang="a", penyebut="b", faktor=1000)
    assert _indikator("%", stated).faktor() == 1000


SAKIP = "    satuan: nilai\n"


@pytest.mark.parametrize(
    ("rumus", "message"),
    [
        (
            "{penyebut: Jumlah kelahiran hidup}",
            "indikator[2].rumus: rumus dengan penyebut memerlukan pembilang",
        ),
        (
            "{faktor: 100}",
            "indikator[2].rumus: rumus memerlukan pembilang "
            "(dengan atau tanpa penyebut) atau uraian",
        ),
        (
            "{pembilang: a, penyebut: b, faktor: 0}",
            "indikator[2].rumus: faktor rumus paling kecil 1 (tertulis 0)",
        ),
    ],
)
def test_an_incomplete_rumus_is_one_finding(minimal: Dataset, rumus: str, message: str) -> None:
    minimal.edit("iku.yaml", SAKIP, f"{SAKIP}    rumus: {rumus}\n", after="id: nilai_sakip")
    # the indicator is left out, so the files that name it get findings of their own
    [finding] = minimal.only("input.nilai-tidak-sah")
    assert finding.message == message
    assert finding.position is not None
    assert finding.position.line == minimal.line("iku.yaml", "rumus:")


def test_a_rumus_of_uraian_alone_is_valid(minimal: Dataset) -> None:
    minimal.edit(
        "iku.yaml",
        SAKIP,
        f"{SAKIP}    rumus: {{uraian: Indeks dari BPS}}\n",
        after="id: nilai_sakip",
    )
    assert minimal.rules() == []


def test_charts_treat_persen_as_percent() -> None:
    from lkjip_cli.compute import compute
    from lkjip_cli.render.charts import axis_title, tren_indikator
    from lkjip_cli.validate import load

    data = load(Path(__file__).resolve().parents[2] / "data" / "2024").data
    assert data is not None
    ind = compute(data).indikator["pmks_tertangani"]
    chart = tren_indikator(ind.model_copy(update={"satuan": "persen"}), 2024)
    assert (chart.y_title, chart.label(Decimal("95.38"))) == ("Persentase (%)", "95,38%")
    days = tren_indikator(ind.model_copy(update={"satuan": "hari"}), 2024)
    assert (days.y_title, days.label(Decimal("3"))) == ("Hari", "3,00")
    assert axis_title("Persen") == "Persentase (%)"
