"""Rules over the fiscal-incentive fund."""

from __future__ import annotations

from conftest import Dataset


def test_allocation_spent_beyond_its_pagu(minimal: Dataset) -> None:
    minimal.edit("insentif_fiskal.yaml", "realisasi: 100.000", "realisasi: 120.000")
    findings = minimal.check()
    [over] = [f for f in findings if f.rule == "insentif.realisasi-melebihi-pagu"]
    assert over.message == (
        "realisasi insentif fiskal program 'Program Penunjang Urusan Pemerintahan Daerah' "
        "Rp. 120.000 melebihi pagunya Rp. 100.000 (lebih Rp. 20.000)"
    )


def test_allocations_beyond_the_fund(minimal: Dataset) -> None:
    minimal.edit("insentif_fiskal.yaml", "jumlah: 300.000", "jumlah: 250.000")
    minimal.edit(
        "insentif_fiskal.yaml",
        "jumlah_terbilang: Tiga Ratus Ribu Rupiah",
        "jumlah_terbilang: Dua Ratus Lima Puluh Ribu Rupiah",
    )
    [finding] = minimal.check()
    assert finding.rule == "insentif.alokasi-melebihi-dana"
    assert finding.message.startswith(
        "jumlah pagu alokasi insentif fiskal Rp. 300.000 melebihi dana yang diterima Rp. 250.000"
    )


def test_delivered_and_failed_do_not_make_the_target(minimal: Dataset) -> None:
    minimal.edit("insentif_fiskal.yaml", "gagal_salur: 1", "gagal_salur: 0")
    [finding] = minimal.check()
    assert finding.rule == "insentif.penyaluran-tidak-lengkap"
    assert finding.severity == "warning"
    assert "berhasil salur 9 + gagal salur 0 = 9 penerima, sedangkan targetnya 10" in (
        finding.message
    )


def _fund_of_1_001_000(minimal: Dataset, words: str) -> list[str]:
    minimal.edit("insentif_fiskal.yaml", "jumlah: 300.000", "jumlah: 1.001.000")
    minimal.edit(
        "insentif_fiskal.yaml",
        "jumlah_terbilang: Tiga Ratus Ribu Rupiah",
        f"jumlah_terbilang: {words}",
    )
    return [f.message for f in minimal.check() if f.rule == "tercetak.terbilang-tidak-cocok"]


def test_a_thousands_group_of_one_printed_seribu_is_right(minimal: Dataset) -> None:
    assert _fund_of_1_001_000(minimal, "Satu Juta Seribu Rupiah") == []


def test_a_thousands_group_of_one_printed_satu_ribu_is_wrong(minimal: Dataset) -> None:
    assert _fund_of_1_001_000(minimal, "Satu Juta Satu Ribu Rupiah") == [
        'Dana Insentif Fiskal Rp. 1.001.000 tertulis dengan huruf "Satu Juta Satu Ribu Rupiah", '
        'seharusnya "Satu Juta Seribu Rupiah"'
    ]
