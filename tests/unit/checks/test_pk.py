"""Rules across documents: PK and PK Perubahan against the DPA and the IKU."""

from __future__ import annotations

from conftest import Dataset


def test_pk_program_amount_differs_from_dpa(minimal: Dataset) -> None:
    # PK Perubahan prints 660.000 for penunjang; the DPA's pagu perubahan is 600.000
    minimal.edit("pk.yaml", "anggaran: 600.000", "anggaran: 660.000")
    findings = minimal.check()
    assert sorted(f.rule for f in findings) == ["pk.anggaran-tidak-cocok", "pk.jumlah-tidak-cocok"]
    [amount] = [f for f in findings if f.rule == "pk.anggaran-tidak-cocok"]
    assert amount.message == (
        "anggaran program 'Program Penunjang Urusan Pemerintahan Daerah' di PK Perubahan "
        "tertulis Rp. 660.000, sedangkan pagu perubahan DPA-nya Rp. 600.000 (selisih +Rp. 60.000)"
    )
    assert amount.position is not None
    assert amount.position.line == minimal.line("pk.yaml", "anggaran: 660.000")
    [total] = [f for f in findings if f.rule == "pk.jumlah-tidak-cocok"]
    assert total.message.split("\n") == [
        "jumlah anggaran PK Perubahan tertulis Rp. 1.400.000, sedangkan jumlah 2 programnya "
        "Rp. 1.460.000 (selisih -Rp. 60.000)",
        "- Program Perlindungan dan Jaminan Sosial: Rp. 800.000",
        "- Program Penunjang Urusan Pemerintahan Daerah: Rp. 660.000",
        "jika anggaran 'Program Penunjang Urusan Pemerintahan Daerah' bernilai Rp. 600.000, "
        "jumlahnya cocok",
    ]


def test_pk_murni_is_compared_with_pagu_murni(minimal: Dataset) -> None:
    # 500.000 is penunjang's pagu murni; in PK murni it is right, in PK Perubahan it is not
    minimal.edit("pk.yaml", "anggaran: 600.000", "anggaran: 500.000")
    minimal.edit("pk.yaml", "jumlah: 1.400.000", "jumlah: 1.300.000")
    [finding] = minimal.check()
    assert finding.rule == "pk.anggaran-tidak-cocok"
    assert "di PK Perubahan" in finding.message and "pagu perubahan DPA-nya Rp. 600.000" in (
        finding.message
    )


def test_pk_total_differs_from_its_programs(minimal: Dataset) -> None:
    minimal.edit("pk.yaml", "jumlah: 1.300.000", "jumlah: 1.310.000")
    [finding] = minimal.check()
    assert finding.rule == "pk.jumlah-tidak-cocok"
    assert finding.message.startswith(
        "jumlah anggaran PK tertulis Rp. 1.310.000, sedangkan jumlah 2 programnya Rp. 1.300.000 "
        "(selisih +Rp. 10.000)"
    )
    assert finding.position is not None
    assert finding.position.line == minimal.line("pk.yaml", "jumlah: 1.310.000")


def test_pk_without_printed_amounts_takes_the_dpa(minimal: Dataset) -> None:
    minimal.edit("pk.yaml", ", anggaran: 800.000}", "}")
    minimal.edit("pk.yaml", ", anggaran: 500.000}", "}")
    assert minimal.check() == []
    minimal.edit("pk.yaml", "jumlah: 1.300.000", "jumlah: 1.200.000")
    assert minimal.rules() == ["pk.jumlah-tidak-cocok"]


def test_program_missing_from_pk(minimal: Dataset) -> None:
    minimal.edit(
        "pk.yaml", "    - {program: penunjang, kelompok: penunjang, anggaran: 500.000}\n", ""
    )
    minimal.edit("pk.yaml", "  jumlah: 1.300.000\n", "")
    [finding] = minimal.check()
    assert finding.rule == "pk.program-tidak-ada"
    assert finding.message.startswith(
        "program 'Program Penunjang Urusan Pemerintahan Daerah' ada di DPA (anggaran.yaml) tetapi "
        "tidak ada di tabel program PK"
    )


def test_pk_without_a_program_table_is_not_incomplete(minimal: Dataset) -> None:
    text = minimal.path("pk.yaml").read_text(encoding="utf-8")
    start = text.index("  program:\n")
    end = text.index("perubahan:")
    minimal.write("pk.yaml", text[:start] + text[end:])
    assert minimal.check() == []


def test_program_listed_twice_in_pk(minimal: Dataset) -> None:
    minimal.edit(
        "pk.yaml",
        "    - {program: bantuan, kelompok: utama, anggaran: 800.000}\n",
        "    - {program: bantuan, kelompok: utama, anggaran: 800.000}\n"
        "    - {program: bantuan, kelompok: utama}\n",
    )
    minimal.edit("pk.yaml", "jumlah: 1.300.000", "jumlah: 2.100.000")
    [finding] = minimal.check()
    assert finding.rule == "pk.program-ganda"
    assert finding.position is not None
    assert finding.position.line == minimal.line("pk.yaml", "- {program: bantuan, kelompok: utama}")


def test_indicator_dropped_in_pk_perubahan(minimal: Dataset) -> None:
    minimal.edit("pk.yaml", "    - {indikator: nilai_sakip, target: 70}\n", "")
    findings = minimal.check()
    [warning] = [f for f in findings if f.rule == "pk.indikator-tidak-sama"]
    assert warning.severity == "warning"
    assert warning.message.startswith(
        "indikator 'Nilai SAKIP' memiliki target di PK tetapi tidak di PK Perubahan"
    )
    # without a target in force, sasaran 2 has nothing to measure and its printed capaian no source
    assert "kelengkapan.sasaran-tanpa-indikator" in {f.rule for f in findings}


def test_indicator_targeted_twice(minimal: Dataset) -> None:
    minimal.edit(
        "pk.yaml",
        "    - {indikator: nilai_sakip, target: 80}\n",
        "    - {indikator: nilai_sakip, target: 80}\n    - {indikator: nilai_sakip, target: 85}\n",
    )
    [finding] = minimal.check()
    assert finding.rule == "pk.indikator-ganda"
    assert "diberi target dua kali di PK: 80" in finding.message and "dan 85" in finding.message


def test_iku_without_pk_target(minimal: Dataset) -> None:
    minimal.edit("iku.yaml", "utama: tidak", "utama: ya")
    minimal.edit("pk.yaml", "    - {indikator: nilai_sakip, target: 80}\n", "")
    minimal.edit("pk.yaml", "    - {indikator: nilai_sakip, target: 70}\n", "")
    findings = minimal.check()
    [finding] = [f for f in findings if f.rule == "pk.iku-tanpa-target"]
    assert finding.severity == "error"
    assert finding.message.startswith(
        "indikator kinerja utama 'Nilai SAKIP' tidak diberi target di PK Perubahan"
    )
    assert finding.position is not None
    assert finding.position.file.endswith("iku.yaml")


def test_pk_target_differing_from_renstra_target_is_normal(minimal: Dataset) -> None:
    # a yearly target above or below the medium-term one is planning, not a contradiction
    minimal.edit("iku.yaml", "target_renstra: 75", "target_renstra: 90")
    minimal.edit("realisasi.yaml", "capaian_renstra: 102,67", "capaian_renstra: 85,56")
    assert minimal.check() == []


def test_pk_without_a_date_is_a_warning_at_its_line(minimal: Dataset) -> None:
    # the print would show "............ 2024" where the signing date belongs
    minimal.edit("pk.yaml", "tanggal: 1 Oktober 2024", "tanggal: null")
    [finding] = minimal.check()
    assert (finding.rule, finding.severity) == ("tahun-baru.tanggal-pk-belum-diisi", "warning")
    assert finding.message == (
        "tanggal penandatanganan PK Perubahan tahun 2024 belum diisi (perubahan.tanggal); "
        "lampirannya akan mencetak '............ 2024' di tempatnya"
    )
    assert finding.position is not None
    assert finding.position.line == minimal.line("pk.yaml", "tanggal: null")
