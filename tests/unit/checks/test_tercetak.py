"""Figures as printed against computed: sasaran, indicators, RPJMD, staff, fiscal incentive."""

from __future__ import annotations

import pytest

from conftest import Dataset


def test_sasaran_capaian_as_printed(minimal: Dataset) -> None:
    minimal.edit("renstra.yaml", "capaian: 95,00", "capaian: 95,10")
    [finding] = minimal.check()
    assert finding.rule == "tercetak.persen-tidak-cocok"
    assert finding.message == (
        "capaian sasaran 'Meningkatnya Kesejahteraan PMKS' tertulis 95,10%, sedangkan hasil "
        "hitungnya rata-rata capaian indikatornya 95,00% (selisih +0,10 poin)"
    )
    assert finding.position is not None
    assert finding.position.file.endswith("renstra.yaml")
    assert finding.position.line == minimal.line("renstra.yaml", "capaian: 95,10")


def test_sasaran_predikat_as_printed(minimal: Dataset) -> None:
    minimal.edit("renstra.yaml", "predikat: Sangat Tinggi", "predikat: Tinggi")
    [finding] = minimal.check()
    assert finding.rule == "tercetak.predikat-tidak-cocok"
    assert "tertulis 'Tinggi'" in finding.message and "'Sangat Tinggi'" in finding.message


def test_sasaran_predikat_ignores_case(minimal: Dataset) -> None:
    minimal.edit("renstra.yaml", "predikat: Sangat Tinggi", "predikat: SANGAT TINGGI")
    assert minimal.check() == []


@pytest.mark.parametrize(
    ("old", "new", "rule", "expected"),
    [
        (
            "pagu: 800.000",
            "pagu: 880.000",
            "tercetak.rupiah-tidak-cocok",
            "pagu sasaran 'Meningkatnya Kesejahteraan PMKS' tertulis Rp. 880.000, sedangkan hasil "
            "hitungnya jumlah pagu perubahan programnya Rp. 800.000 (selisih +Rp. 80.000)",
        ),
        (
            "realisasi: 740.000",
            "realisasi: 704.000",
            "tercetak.rupiah-tidak-cocok",
            "realisasi sasaran 'Meningkatnya Kesejahteraan PMKS' tertulis Rp. 704.000, sedangkan "
            "hasil hitungnya jumlah realisasi programnya Rp. 740.000 (selisih -Rp. 36.000)",
        ),
        (
            "serapan: 92,50",
            "serapan: 92,05",
            "tercetak.persen-tidak-cocok",
            "serapan sasaran 'Meningkatnya Kesejahteraan PMKS' tertulis 92,05%, sedangkan hasil "
            "hitungnya Rp. 740.000 ÷ Rp. 800.000 × 100 = 92,50% (selisih -0,45 poin)",
        ),
        (
            "efisiensi: 7,50",
            "efisiensi: 7,05",
            "tercetak.persen-tidak-cocok",
            "efisiensi sasaran 'Meningkatnya Kesejahteraan PMKS' tertulis 7,05%, sedangkan hasil "
            "hitungnya 100% − 92,50% = 7,50% (selisih -0,45 poin)",
        ),
    ],
)
def test_sasaran_budget_figures_as_printed(
    minimal: Dataset, old: str, new: str, rule: str, expected: str
) -> None:
    minimal.edit("renstra.yaml", old, new)
    [finding] = minimal.check()
    assert (finding.rule, finding.message) == (rule, expected)


def test_efisiensi_within_printed_precision(minimal: Dataset) -> None:
    minimal.edit("renstra.yaml", "efisiensi: 8,33", "efisiensi: 8,3")  # 8,333… ± 0,05
    assert minimal.check() == []
    minimal.edit("renstra.yaml", "efisiensi: 8,3", "efisiensi: 8,38")  # 8,333… ± 0,005
    assert minimal.rules() == ["tercetak.persen-tidak-cocok"]


def test_efisiensi_capaian_minus_serapan(minimal: Dataset) -> None:
    # capaian − serapan: 95 − 92,50 = 2,50 for sasaran 1; 110 − 91,666… = 18,33 for sasaran 2
    minimal.edit("lkjip.yaml", "metode: 100-serapan", "metode: capaian-serapan")
    minimal.edit("renstra.yaml", "efisiensi: 7,50", "efisiensi: 2,50")
    minimal.edit("renstra.yaml", "efisiensi: 8,33", "efisiensi: 18,33")
    assert minimal.check() == []


def test_indicator_realisasi_as_printed(minimal: Dataset) -> None:
    # tabel/pmks.yaml: 95 ÷ 100 × 100 = 95; printed 95,01 is off by 0,01 > 0,005
    minimal.edit("realisasi.yaml", "realisasi: 95,00", "realisasi: 95,01")
    [finding] = minimal.check()
    assert finding.rule == "tercetak.persen-tidak-cocok"
    assert finding.message == (
        "realisasi indikator 'Persentase PMKS yang tertangani' tertulis 95,01%, sedangkan hasil "
        "hitungnya pembilang tabel.pmks.jumlah.tertangani 95 ÷ penyebut tabel.pmks.jumlah.jumlah "
        "100 × 100 = 95,00% (selisih +0,01 poin)"
    )


def test_percentage_tolerance_is_half_a_unit_of_the_last_printed_digit(
    minimal: Dataset,
) -> None:
    # 104 ÷ 109 = 95,4128…: "95" and "95,4" and "95,41" all print it; "95,42" does not
    minimal.edit(
        "tabel/pmks.yaml",
        "{nama: Keluarga fakir miskin, jumlah: 60, tertangani: 57}",
        "{nama: Keluarga fakir miskin, jumlah: 69, tertangani: 66}",
    )
    minimal.edit(
        "tabel/pmks.yaml",
        "jumlah: {label: Jumlah, jumlah: 100, tertangani: 95}",
        "jumlah: {label: Jumlah, jumlah: 109, tertangani: 104}",
    )
    text = minimal.path("realisasi.yaml").read_text(encoding="utf-8")
    start, end = text.index("    tercetak:\n"), text.index("  - indikator: nilai_sakip")
    for printed, ok in (("95", True), ("95,4", True), ("95,41", True), ("95,42", False)):
        minimal.write(
            "realisasi.yaml",
            text[:start] + f"    tercetak:\n      realisasi: {printed}\n" + text[end:],
        )
        found = [f for f in minimal.check() if f.position and "realisasi.yaml" in f.position.file]
        assert (found == []) is ok, printed


def test_indicator_capaian_and_capaian_renstra(minimal: Dataset) -> None:
    minimal.edit("realisasi.yaml", "capaian: 110", "capaian: 111")
    minimal.edit("realisasi.yaml", "capaian_renstra: 102,67", "capaian_renstra: 102,66")
    findings = minimal.check()
    assert [f.rule for f in findings] == ["tercetak.persen-tidak-cocok"] * 2
    capaian, renstra = sorted(findings, key=lambda f: f.position.line if f.position else 0)
    assert capaian.message == (
        "capaian indikator 'Nilai SAKIP' tertulis 111%, sedangkan hasil hitungnya 77 ÷ 70 × 100 = "
        "110,00% (selisih +1,00 poin)"
    )
    assert renstra.message.endswith("102,67% (selisih -0,01 poin)")


def test_printed_figure_that_cannot_be_computed(minimal: Dataset) -> None:
    # without a Renstra target the printed 102,67 has no source
    minimal.edit("iku.yaml", "    target_renstra: 75\n", "")
    findings = minimal.check()
    assert sorted(f.rule for f in findings) == [
        "kelengkapan.tanpa-target-renstra",
        "tercetak.persen-tidak-cocok",
    ]
    [finding] = [f for f in findings if f.rule == "tercetak.persen-tidak-cocok"]
    assert finding.message == (
        "capaian terhadap target Renstra indikator 'Nilai SAKIP' tertulis 102,67%, padahal tidak "
        "dapat dihitung: indikator ini tidak memiliki target Renstra (target_renstra)"
    )


def test_differences_to_earlier_years_and_benchmark(minimal: Dataset) -> None:
    minimal.edit("realisasi.yaml", "2023: 1,50", "2023: 1,05")
    minimal.edit("realisasi.yaml", "selisih_pembanding: 2", "selisih_pembanding: 3")
    findings = minimal.check()
    assert [f.rule for f in findings] == ["tercetak.angka-tidak-cocok"] * 2
    year, benchmark = sorted(findings, key=lambda f: f.position.line if f.position else 0)
    assert year.message == (
        "selisih realisasi 2024 dengan 2023 indikator 'Persentase PMKS yang tertangani' tertulis "
        "1,05, sedangkan hasil hitungnya 1,50 (selisih -0,45)"
    )
    assert year.position is not None
    assert year.position.line == minimal.line("realisasi.yaml", "2023: 1,05")
    assert benchmark.message == (
        "selisih dengan daerah pembanding indikator 'Nilai SAKIP' tertulis 3, sedangkan hasil "
        "hitungnya 2,00 (selisih +1,00)"
    )


def test_rpjmd_difference(minimal: Dataset) -> None:
    minimal.edit("realisasi.yaml", "selisih: 0,50", "selisih: 0,05")
    [finding] = minimal.check()
    assert finding.rule == "tercetak.angka-tidak-cocok"
    assert finding.message == (
        "selisih 2023 dengan 2024 indikator RPJMD 'Menurunnya angka PMKS' tertulis 0,05, sedangkan "
        "hasil hitungnya 0,50 (selisih -0,45)"
    )


def test_staff_counts(minimal: Dataset) -> None:
    minimal.edit("instansi.yaml", "jumlah_asn: 4", "jumlah_asn: 6")
    [finding] = minimal.check()
    assert finding.rule == "tercetak.jumlah-tidak-cocok"
    assert finding.message == (
        "jumlah ASN tertulis 6, sedangkan jumlah baris Tabel 1.1 (pegawai) 4 (selisih +2)"
    )


def test_declared_total_as_printed(minimal: Dataset) -> None:
    # the printed total realisasi of the fiscal incentive is the stated total row:
    # 180.000 + 100.000 = 280.000, printed 290.000
    minimal.edit("tabel/insentif_fiskal.yaml", "realisasi: 280.000}", "realisasi: 290.000}")
    [finding] = minimal.check()
    assert finding.rule == "tabel.jumlah-tidak-cocok"
    assert finding.message.startswith(
        "realisasi baris Jumlah tabel 'insentif_fiskal' tertulis Rp. 290.000, sedangkan "
        "jumlah 2 barisnya Rp. 280.000 (selisih +Rp. 10.000)"
    )


def test_each_printed_place_is_checked(minimal: Dataset) -> None:
    minimal.edit(
        "renstra.yaml",
        "capaian: 95,00       # the one indicator: 95 ÷ 100 × 100",
        "capaian:\n            - {nilai: 95, di: Tabel 3.2}\n            - nilai: 95,39\n"
        "              di: BAB IV",
    )
    [finding] = minimal.check()
    assert "tertulis 95,39% di BAB IV" in finding.message
    assert finding.position is not None
    assert finding.position.line == minimal.line("renstra.yaml", "nilai: 95,39")
