"""SAKIP completeness warnings: what an evaluator would miss."""

from __future__ import annotations

from conftest import Dataset

BAB3 = "narasi/bab-3.md"


def _warnings(minimal: Dataset) -> list[str]:
    return sorted(f.rule for f in minimal.check() if f.severity == "warning")


def test_indicator_without_renstra_target(minimal: Dataset) -> None:
    minimal.edit("iku.yaml", "    target_renstra: 100\n", "")
    minimal.edit("realisasi.yaml", "      capaian_renstra: 95,00   # 95 ÷ Renstra 100\n", "")
    [finding] = minimal.check()
    assert finding.rule == "kelengkapan.tanpa-target-renstra"
    assert finding.severity == "warning"
    assert "'Persentase PMKS yang tertangani'" in finding.message
    assert finding.position is not None
    assert finding.position.line == minimal.line("iku.yaml", "- id: pmks_tertangani")


def test_indicator_without_realisasi(minimal: Dataset) -> None:
    minimal.edit("realisasi.yaml", "    realisasi: 77\n", "")
    assert "kelengkapan.tanpa-realisasi" in _warnings(minimal)


def test_indicator_without_earlier_years(minimal: Dataset) -> None:
    minimal.edit("realisasi.yaml", "    riwayat:\n      2022: 70\n      2023: 72\n", "")
    minimal.edit(
        "realisasi.yaml", "      selisih_tahun:\n        2023: 5                # 77 − 72\n", ""
    )
    [finding] = minimal.check()
    assert finding.rule == "kelengkapan.tanpa-riwayat"
    assert "'Nilai SAKIP'" in finding.message


def test_indicator_without_benchmark(minimal: Dataset) -> None:
    minimal.edit(
        "realisasi.yaml",
        "    pembanding:\n      daerah: Kabupaten Pembanding\n      tahun: 2024\n"
        "      realisasi: 75\n",
        "",
    )
    minimal.edit("realisasi.yaml", "      selisih_pembanding: 2    # 77 − 75\n", "")
    [finding] = minimal.check()
    assert finding.rule == "kelengkapan.tanpa-pembanding"


def test_indicator_below_target_not_explained(minimal: Dataset) -> None:
    minimal.write(BAB3, "Capaian {{ indikator.nilai_sakip.nama }} melampaui target.\n")
    [finding] = minimal.check()
    assert finding.rule == "kelengkapan.capaian-tanpa-penjelasan"
    assert finding.message.startswith(
        "capaian indikator 'Persentase PMKS yang tertangani' 95,00% di bawah target"
    )


def test_explanation_matches_name_regardless_of_case_and_line_breaks(minimal: Dataset) -> None:
    minimal.write(
        BAB3,
        "Capaian PERSENTASE PMKS yang\ntertangani belum tercapai.\n\nNilai SAKIP naik.\n",
    )
    assert minimal.check() == []


def test_indicator_never_discussed(minimal: Dataset) -> None:
    minimal.write(BAB3, "Capaian Persentase PMKS yang tertangani belum tercapai.\n")
    [finding] = minimal.check()
    assert finding.rule == "kelengkapan.tanpa-analisis"
    assert "'Nilai SAKIP'" in finding.message


def test_no_chapter_three_at_all(minimal: Dataset) -> None:
    minimal.remove(BAB3)
    assert _warnings(minimal) == [
        "kelengkapan.capaian-tanpa-penjelasan",
        "kelengkapan.tanpa-analisis",
        "narasi.tidak-ada",  # as the build warns
    ]


def test_sasaran_without_budget(minimal: Dataset) -> None:
    minimal.edit("anggaran.yaml", "sasaran: S2", "sasaran: S1")
    findings = minimal.check()
    [finding] = [f for f in findings if f.rule == "kelengkapan.sasaran-tanpa-anggaran"]
    assert finding.message.startswith(
        "sasaran 'Meningkatnya Akuntabilitas Kinerja' tidak didukung program mana pun"
    )
    assert finding.position is not None
    assert finding.position.file.endswith("renstra.yaml")


def test_sasaran_without_pk_indicator(minimal: Dataset) -> None:
    minimal.edit("pk.yaml", "    - {indikator: nilai_sakip, target: 80}\n", "")
    minimal.edit("pk.yaml", "    - {indikator: nilai_sakip, target: 70}\n", "")
    findings = minimal.check()
    [finding] = [f for f in findings if f.rule == "kelengkapan.sasaran-tanpa-indikator"]
    assert finding.message.startswith(
        "sasaran 'Meningkatnya Akuntabilitas Kinerja' tidak memiliki indikator"
    )


def test_indicator_with_a_target_of_0_has_no_capaian(minimal: Dataset) -> None:
    """A lower-is-better count with a target of 0 is met, but its capaian is undefined: said."""
    minimal.edit("iku.yaml", "polaritas: naik", "polaritas: turun", after="id: nilai_sakip")
    minimal.edit(
        "pk.yaml", "{indikator: nilai_sakip, target: 70}", "{indikator: nilai_sakip, target: 0}"
    )
    minimal.edit("realisasi.yaml", "    realisasi: 77\n", "    realisasi: 0\n")
    minimal.edit("realisasi.yaml", "      capaian: 110             # 77 ÷ PK Perubahan 70\n", "")
    [finding] = [f for f in minimal.check() if f.rule == "kelengkapan.tanpa-capaian"]
    assert finding.severity == "warning"
    assert finding.message.startswith(
        "indikator 'Nilai SAKIP' tidak memiliki capaian: targetnya 0, sehingga (2 × target − "
        "realisasi) ÷ target × 100 tidak dapat dihitung; tabel mencetak '-' dan indikator ini "
        "tidak ikut dalam rata-rata capaian sasaran S2."
    )
    assert finding.position is not None and finding.position.file.endswith("pk.yaml")
    assert finding.position.line == minimal.line("pk.yaml", "{indikator: nilai_sakip, target: 0}")


def test_indicator_with_a_capaian_is_not_warned(minimal: Dataset) -> None:
    assert "kelengkapan.tanpa-capaian" not in minimal.rules()
