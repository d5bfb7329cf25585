"""Rules over the PMKS table: sub-categories, tertangani ≤ jumlah, printed totals."""

from __future__ import annotations

from conftest import Dataset


def test_sub_categories_do_not_add_up(minimal: Dataset) -> None:
    minimal.edit(
        "pmks.yaml",
        "{nama: Fisik, jumlah: 25, tertangani: 24}",
        "{nama: Fisik, jumlah: 52, tertangani: 24}",
    )
    [finding] = minimal.check()
    assert finding.rule == "pmks.rincian-tidak-cocok"
    assert finding.message.split("\n") == [
        "jumlah kategori PMKS 'Penyandang Disabilitas' tertulis 40, sedangkan jumlah 2 rinciannya "
        "67 (selisih -27)",
        "- Fisik: 52",
        "- Mental: 15",
        "jika jumlah 'Fisik' bernilai 25, jumlahnya cocok",
    ]
    assert finding.position is not None
    assert finding.position.line == minimal.line("pmks.yaml", "jumlah: 40")


def test_sub_categories_without_tertangani_are_not_summed(minimal: Dataset) -> None:
    minimal.edit(
        "pmks.yaml", "{nama: Fisik, jumlah: 25, tertangani: 24}", "{nama: Fisik, jumlah: 25}"
    )
    assert minimal.check() == []


def test_more_handled_than_counted(minimal: Dataset) -> None:
    minimal.edit(
        "pmks.yaml",
        "{nama: Mental, jumlah: 15, tertangani: 14}",
        "{nama: Mental, jumlah: 15, tertangani: 16}",
    )
    findings = minimal.check()
    assert sorted(f.rule for f in findings) == [
        "pmks.rincian-tidak-cocok",
        "pmks.tertangani-melebihi-jumlah",
    ]
    [over] = [f for f in findings if f.rule == "pmks.tertangani-melebihi-jumlah"]
    assert over.message == (
        "rincian 'Mental' kategori PMKS 'Penyandang Disabilitas': tertangani 16 orang melebihi "
        "jumlahnya 15 orang (lebih 1)"
    )


def test_category_handled_above_count(minimal: Dataset) -> None:
    minimal.edit(
        "pmks.yaml",
        "{nama: Keluarga fakir miskin, jumlah: 60, tertangani: 57}",
        "{nama: Keluarga fakir miskin, jumlah: 60, tertangani: 61}",
    )
    rules = minimal.rules()
    assert "pmks.tertangani-melebihi-jumlah" in rules
    assert "pmks.jumlah-tidak-cocok" in rules  # the printed 95 is now 99


def test_printed_totals(minimal: Dataset) -> None:
    minimal.edit(
        "pmks.yaml",
        "jumlah: {jumlah: 100, tertangani: 95}",
        "jumlah: {jumlah: 110, tertangani: 95}",
    )
    [finding] = minimal.check()
    assert finding.rule == "pmks.jumlah-tidak-cocok"
    assert finding.message.startswith(
        "jumlah seluruh PMKS tertulis 110, sedangkan jumlah 2 kategorinya 100 (selisih +10)"
    )
