"""Rules over the DPA tree: sums, Rencana Aksi, money, printed serapan and words.

The minimal year (tests/fixtures/valid/minimal) is consistent; each test breaks
one figure the way a typist would and expects the finding, its line and its
message. Expected values are hand sums of the fixture's round figures.
"""

from __future__ import annotations

from conftest import Dataset


def test_minimal_year_has_no_finding(minimal: Dataset) -> None:
    assert minimal.check() == []


def test_sub_kegiatan_typo_breaks_its_kegiatan_total_once(minimal: Dataset) -> None:
    # Layanan Disabilitas 400.000 → 440.000: Rehabilitasi Sosial sums to 540.000, not 500.000
    minimal.edit("anggaran.yaml", "pagu_perubahan: 400.000", "pagu_perubahan: 440.000")
    [finding] = minimal.check()
    assert finding.rule == "anggaran.jumlah-tidak-cocok"
    assert finding.severity == "error"
    assert finding.position is not None
    assert finding.position.line == minimal.line("anggaran.yaml", "pagu_perubahan: 500.000")
    first, *rest = finding.message.split("\n")
    assert first == (
        "pagu perubahan kegiatan 'Rehabilitasi Sosial' tertulis Rp. 500.000, sedangkan jumlah "
        "2 sub kegiatannya Rp. 540.000 (selisih -Rp. 40.000)"
    )
    assert rest == [
        "- Layanan Disabilitas: Rp. 440.000",
        "- Layanan Lanjut Usia: Rp. 100.000",
        "jika pagu_perubahan 'Layanan Disabilitas' bernilai Rp. 400.000, jumlahnya cocok",
    ]


def test_program_total_is_checked_against_its_kegiatan_and_the_grand_total(
    minimal: Dataset,
) -> None:
    # program bantuan 800.000 → 880.000: its kegiatan say 800.000, and so do the TOTAL and the PK
    minimal.edit("anggaran.yaml", "pagu_murni: 800.000", "pagu_murni: 880.000")
    findings = minimal.check()
    assert sorted(f.rule for f in findings) == [
        "anggaran.jumlah-tidak-cocok",
        "anggaran.jumlah-tidak-cocok",
        "pk.anggaran-tidak-cocok",
    ]
    program, total = sorted(
        (f for f in findings if f.rule == "anggaran.jumlah-tidak-cocok"),
        key=lambda f: f.position.line if f.position else 0,
        reverse=True,
    )
    assert program.message.startswith(
        "pagu murni program 'Program Perlindungan dan Jaminan Sosial' tertulis Rp. 880.000, "
        "sedangkan jumlah 2 kegiatannya Rp. 800.000 (selisih +Rp. 80.000)"
    )
    assert total.message.startswith(
        "pagu murni seluruh anggaran tertulis Rp. 1.300.000, sedangkan jumlah 2 programnya "
        "Rp. 1.380.000 (selisih -Rp. 80.000)"
    )
    # the program's own kegiatan confirm the value that balances the grand total
    assert total.message.endswith(
        "jika pagu_murni 'Program Perlindungan dan Jaminan Sosial' bernilai Rp. 800.000, "
        "jumlahnya cocok"
    )


def test_a_blank_realisasi_is_named_as_the_item_that_balances(minimal: Dataset) -> None:
    minimal.edit(
        "anggaran.yaml", "            realisasi: 90.000\n", "", after="nama: Rapat Koordinasi"
    )
    findings = minimal.check()
    assert sorted(f.rule for f in findings) == [
        "anggaran.jumlah-tidak-cocok",
        "anggaran.tanpa-realisasi",
    ]
    [total] = [f for f in findings if f.rule == "anggaran.jumlah-tidak-cocok"]
    assert "realisasi kegiatan 'Administrasi Umum' tertulis Rp. 360.000" in total.message
    assert "- Rapat Koordinasi: Rp. 0 (tidak diisi)" in total.message
    assert total.message.endswith(
        "jika realisasi 'Rapat Koordinasi' bernilai Rp. 90.000, jumlahnya cocok"
    )
    [blank] = [f for f in findings if f.rule == "anggaran.tanpa-realisasi"]
    assert blank.severity == "warning"
    assert "sub kegiatan 'Rapat Koordinasi'" in blank.message
    assert "pagu perubahan Rp. 100.000" in blank.message


def test_realisasi_of_zero_is_a_warning_too(minimal: Dataset) -> None:
    minimal.edit("anggaran.yaml", "realisasi: 50.000", "realisasi: 0")
    minimal.edit("anggaran.yaml", "realisasi: 190.000", "realisasi: 140.000")
    minimal.edit("anggaran.yaml", "realisasi: 550.000", "realisasi: 500.000")
    rules = minimal.rules()
    assert "anggaran.tanpa-realisasi" in rules


def test_a_kegiatan_with_an_unreadable_sub_kegiatan_is_not_summed(minimal: Dataset) -> None:
    # the malformed amount is validation's finding; the kegiatan's sum would be wrong without it
    minimal.edit("anggaran.yaml", "pagu_murni: 400.000", "pagu_murni: 400.00")
    assert minimal.rules() == ["input.angka-tidak-sah"]


def test_negative_amount_is_refused_by_validation(minimal: Dataset) -> None:
    minimal.edit("anggaran.yaml", "pagu_murni: 400.000", "pagu_murni: -400.000")
    [finding] = minimal.check()
    assert finding.rule == "input.nilai-negatif"
    assert finding.position is not None
    assert finding.position.line == minimal.line("anggaran.yaml", "-400.000")


def test_printed_serapan_that_does_not_follow(minimal: Dataset) -> None:
    # 290.000 ÷ 300.000 × 100 = 96,666…: 96,66 is off by more than 0,005
    minimal.edit("anggaran.yaml", "serapan: 96,67", "serapan: 96,66")
    [finding] = minimal.check()
    assert finding.rule == "anggaran.serapan-tidak-cocok"
    assert finding.message == (
        "serapan kegiatan 'Bantuan Sosial' tertulis 96,66%, sedangkan realisasi Rp. 290.000 ÷ "
        "pagu perubahan Rp. 300.000 × 100 = 96,67% (selisih -0,01 poin)"
    )
    assert finding.position is not None
    assert finding.position.line == minimal.line("anggaran.yaml", "serapan: 96,66")


def test_printed_serapan_within_its_precision_passes(minimal: Dataset) -> None:
    minimal.edit("anggaran.yaml", "serapan: 96,67", "serapan: 96,7")  # |96,7 − 96,667| ≤ 0,05
    minimal.edit("anggaran.yaml", "serapan: 92,14", "serapan: 92")  # |92 − 92,143| ≤ 0,5
    assert minimal.check() == []


def test_printed_serapan_names_the_place_it_was_printed(minimal: Dataset) -> None:
    minimal.edit("anggaran.yaml", "nilai: 91,7", "nilai: 91,8")
    [finding] = minimal.check()
    assert finding.rule == "anggaran.serapan-tidak-cocok"
    assert "tertulis 91,8% di paragraf sesudah Tabel 3.17" in finding.message
    assert finding.position is not None
    assert finding.position.line == minimal.line("anggaran.yaml", "nilai: 91,8")


def test_rencana_aksi_amount_differs_from_pagu_murni(minimal: Dataset) -> None:
    minimal.edit("anggaran.yaml", "anggaran: 200.000", "anggaran: 210.000")
    findings = minimal.check()
    assert sorted(f.rule for f in findings) == [
        "anggaran.rencana-aksi-jumlah-tidak-cocok",
        "anggaran.rencana-aksi-tidak-cocok",
    ]
    [row] = [f for f in findings if f.rule == "anggaran.rencana-aksi-tidak-cocok"]
    assert row.message.startswith(
        "anggaran Rencana Aksi sub kegiatan 'Bantuan Sembako' tertulis Rp. 210.000, sedangkan "
        "pagu murni DPA-nya Rp. 200.000 (selisih +Rp. 10.000)"
    )
    assert row.position is not None
    assert row.position.line == minimal.line("anggaran.yaml", "anggaran: 210.000")
    [total] = [f for f in findings if f.rule == "anggaran.rencana-aksi-jumlah-tidak-cocok"]
    assert total.message.startswith(
        "baris TOTAL Rencana Aksi tertulis Rp. 1.300.000, sedangkan jumlah anggaran 8 sub "
        "kegiatannya Rp. 1.310.000 (selisih -Rp. 10.000)"
    )
    # the DPA's pagu murni confirms which row is wrong
    assert total.message.endswith(
        "jika anggaran Rencana Aksi 'Bantuan Sembako' bernilai Rp. 200.000, jumlahnya cocok"
    )


def test_rencana_aksi_total_differs(minimal: Dataset) -> None:
    minimal.edit(
        "anggaran.yaml", "rencana_aksi_jumlah: 1.300.000", "rencana_aksi_jumlah: 1.030.000"
    )
    [finding] = minimal.check()
    assert finding.rule == "anggaran.rencana-aksi-jumlah-tidak-cocok"
    assert "- Program Perlindungan dan Jaminan Sosial: Rp. 800.000" in finding.message
    assert "- Program Penunjang Urusan Pemerintahan Daerah: Rp. 500.000" in finding.message


def test_realisasi_above_pagu(minimal: Dataset) -> None:
    # Rapat Koordinasi spends 110.000 of 100.000; its kegiatan now sums to 380.000
    minimal.edit(
        "anggaran.yaml", "realisasi: 90.000", "realisasi: 110.000", after="nama: Rapat Koordinasi"
    )
    findings = minimal.check()
    assert sorted(f.rule for f in findings) == [
        "anggaran.jumlah-tidak-cocok",
        "anggaran.realisasi-melebihi-pagu",
    ]
    [over] = [f for f in findings if f.rule == "anggaran.realisasi-melebihi-pagu"]
    assert over.message.startswith(
        "realisasi sub kegiatan 'Rapat Koordinasi' Rp. 110.000 melebihi pagu perubahannya "
        "Rp. 100.000 (lebih Rp. 10.000)"
    )
    assert over.position is not None
    assert over.position.line == minimal.line("anggaran.yaml", "realisasi: 110.000", nth=2)


def test_amount_in_words_that_is_not_the_amount(minimal: Dataset) -> None:
    minimal.edit(
        "anggaran.yaml",
        "realisasi_terbilang: Satu Juta Dua Ratus Sembilan Puluh Ribu Rupiah",
        "realisasi_terbilang: Satu Juta Dua Ratus Sembilan Ribu Rupiah",
    )
    [finding] = minimal.check()
    assert finding.rule == "anggaran.terbilang-tidak-cocok"
    assert finding.message == (
        'realisasi seluruh anggaran Rp. 1.290.000 tertulis dengan huruf "Satu Juta Dua Ratus '
        'Sembilan Ribu Rupiah", seharusnya "Satu Juta Dua Ratus Sembilan Puluh Ribu Rupiah"'
    )


def test_amount_in_words_ignores_case_spacing_and_milyar(minimal: Dataset) -> None:
    minimal.edit(
        "anggaran.yaml",
        "pagu_murni_terbilang: Satu Juta Tiga Ratus Ribu Rupiah",
        "pagu_murni_terbilang: satu  juta tiga ratus ribu rupiah",
    )
    assert minimal.check() == []


def test_printed_counts_of_programs_kegiatan_and_sub_kegiatan(minimal: Dataset) -> None:
    minimal.edit("anggaran.yaml", "jumlah_kegiatan: 4", "jumlah_kegiatan: 5")
    [finding] = minimal.check()
    assert finding.rule == "anggaran.banyaknya-tidak-cocok"
    assert finding.message == (
        "banyaknya kegiatan tertulis 5, sedangkan anggaran.yaml memuat 4 kegiatan (selisih +1)"
    )


def test_duplicate_sub_kegiatan_name_within_a_kegiatan(minimal: Dataset) -> None:
    minimal.edit("anggaran.yaml", "nama: Layanan Lanjut Usia", "nama: layanan  Disabilitas")
    [finding] = minimal.check()
    assert finding.rule == "anggaran.nama-ganda"
    first = minimal.line("anggaran.yaml", "nama: Layanan Disabilitas")
    assert f"(pertama di baris {first})" in finding.message
    assert finding.position is not None
    assert finding.position.line == minimal.line("anggaran.yaml", "nama: layanan  Disabilitas")


def test_same_name_in_different_kegiatan_is_fine(minimal: Dataset) -> None:
    minimal.edit("anggaran.yaml", "nama: Rapat Koordinasi", "nama: Evaluasi Kinerja")
    assert minimal.check() == []


def test_duplicate_budget_code(minimal: Dataset) -> None:
    minimal.edit("anggaran.yaml", 'kode: "1.06.01.2.02.0002"', 'kode: "1.06.01.2.02.0001"')
    [finding] = minimal.check()
    assert finding.rule == "anggaran.kode-ganda"
    assert "sub kegiatan 'Rapat Koordinasi'" in finding.message
    assert "sub kegiatan 'Penyediaan Alat Tulis Kantor'" in finding.message


def test_an_unreadable_realisasi_is_not_summed_as_zero(minimal: Dataset) -> None:
    # validation empties the optional realisasi; the kegiatan total is then unknowable, not wrong
    minimal.edit("anggaran.yaml", "realisasi: 90.000", "realisasi: 90.00", after="Rapat Koordinasi")
    assert minimal.rules() == ["input.angka-tidak-sah"]


def test_an_unreadable_printed_figure_does_not_hide_its_item(minimal: Dataset) -> None:
    minimal.edit("anggaran.yaml", "serapan: 96,67", "serapan: 96.67")
    minimal.edit("anggaran.yaml", "pagu_perubahan: 400.000", "pagu_perubahan: 440.000")
    assert minimal.rules() == ["anggaran.jumlah-tidak-cocok", "input.angka-tidak-sah"]
