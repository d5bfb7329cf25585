"""The audit of the reference: every contradiction of docs/reference-audit.md is found.

``tests/fixtures/seed-as-printed/`` is the 2024 reference transcribed literally,
errors and printed figures included. ``lkjip check`` must report each
contradiction the audit lists (numbered as in docs/reference-audit.md: 1–12
for the DPA, A1–A10 for the rest), by rule id and by the item it names; it must
report no other error; and the clean ``data/2024/`` must check without errors.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pytest
from typer.testing import CliRunner

from lkjip_cli import api
from lkjip_cli.cli import app
from lkjip_cli.findings import Finding, exit_code

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "tests" / "fixtures" / "seed-as-printed"
DATA = ROOT / "data" / "2024"

TKSK = (
    "Peningkatan Kemampuan Potensi Tenaga Kesejahteraan Sosial Kecamatan Kewenangan Kabupaten/Kota"
)
PMKS = "indikator 'Persentase PMKS yang tertangani'"
S1 = "sasaran 'Meningkatnya Kesejahteraan PMKS'"
S2 = (
    "sasaran 'Meningkatnya Efisiensi dan Efektivitas serta Akuntabilitas Kinerja Pemerintah Daerah'"
)


@dataclass(frozen=True)
class Expected:
    """One contradiction of the audit: its number, rule, file and what the message says."""

    audit: str
    rule: str
    file: str
    says: tuple[str, ...]
    """Every one of these must be in the finding's message."""
    line_of: str | None = None
    """Text on the finding's line in the seed file, where the item is best named by place."""


ERRORS = [
    # 1: TKSK pagu murni 284.594.250 (Rencana Aksi: 248.594.250)
    Expected(
        "1",
        "anggaran.jumlah-tidak-cocok",
        "anggaran.yaml",
        (
            "pagu murni kegiatan 'Pengembangan Potensi Sumber Kesejahteraan Sosial Daerah "
            "Kabupaten/Kota' tertulis Rp. 1.336.459.384",
            "Rp. 1.372.459.384 (selisih -Rp. 36.000.000)",
            f"jika pagu_murni '{TKSK}' bernilai Rp. 248.594.250, jumlahnya cocok",
        ),
    ),
    Expected(
        "1",
        "anggaran.rencana-aksi-tidak-cocok",
        "anggaran.yaml",
        (
            f"sub kegiatan '{TKSK}' tertulis Rp. 248.594.250",
            "pagu murni DPA-nya Rp. 284.594.250",
        ),
    ),
    # 2: Fasilitasi Bantuan Sosial Kesejahteraan Keluarga 5.491.452.200 (RA: 5.491.425.220)
    Expected(
        "2",
        "anggaran.jumlah-tidak-cocok",
        "anggaran.yaml",
        (
            "pagu murni kegiatan 'Pengelolaan Data Fakir Miskin Cakupan Daerah Kabupaten/Kota' "
            "tertulis Rp. 5.693.790.262",
            "(selisih -Rp. 26.980)",
            "jika pagu_murni 'Fasilitasi Bantuan Sosial Kesejahteraan Keluarga' bernilai "
            "Rp. 5.491.425.220, jumlahnya cocok",
        ),
    ),
    Expected(
        "2",
        "anggaran.rencana-aksi-tidak-cocok",
        "anggaran.yaml",
        (
            "sub kegiatan 'Fasilitasi Bantuan Sosial Kesejahteraan Keluarga' tertulis "
            "Rp. 5.491.425.220",
        ),
    ),
    # 3, 4: malformed amounts of the Kampung / Taruna Siaga Bencana sub kegiatan
    Expected(
        "3",
        "input.angka-tidak-sah",
        "anggaran.yaml",
        ("maksud Anda 14.972.000",),
        line_of="14.972.00",
    ),
    Expected(
        "4",
        "input.angka-tidak-sah",
        "anggaran.yaml",
        ("maksud Anda 113.550.000",),
        line_of="113.550.00",
    ),
    # 5: Penyediaan Peralatan Rumah Tangga pagu perubahan 19.309.899 (19.303.899)
    Expected(
        "5",
        "anggaran.jumlah-tidak-cocok",
        "anggaran.yaml",
        (
            "pagu perubahan kegiatan 'Administrasi Umum Perangkat Daerah' tertulis Rp. 870.788.785",
            "jika pagu_perubahan 'Penyediaan Peralatan Rumah Tangga' bernilai Rp. 19.303.899, "
            "jumlahnya cocok",
        ),
    ),
    Expected(
        "5",
        "anggaran.serapan-tidak-cocok",
        "anggaran.yaml",
        (
            "serapan sub kegiatan 'Penyediaan Peralatan Rumah Tangga' tertulis 81,33%",
            "= 81,31%",
        ),
    ),
    # 6: Penatausahaan Arsip Dinamis pada SKPD missing from Tabel 3.17
    Expected(
        "6",
        "anggaran.jumlah-tidak-cocok",
        "anggaran.yaml",
        (
            "realisasi kegiatan 'Administrasi Umum Perangkat Daerah' tertulis Rp. 827.970.804",
            "jika realisasi 'Penatausahaan Arsip Dinamis pada SKPD' bernilai Rp. 40.400.500, "
            "jumlahnya cocok",
        ),
    ),
    # 7, 8: Tabel 3.17 percentages
    Expected(
        "7",
        "anggaran.serapan-tidak-cocok",
        "anggaran.yaml",
        (
            "serapan sub kegiatan 'Penyediaan Gaji dan Tunjangan ASN' tertulis 93,15%",
            "= 92,70%",
        ),
    ),
    Expected(
        "8",
        "anggaran.serapan-tidak-cocok",
        "anggaran.yaml",
        (
            "serapan kegiatan 'Administrasi Keuangan Perangkat Daerah' tertulis 93,21%",
            "= 92,77%",
        ),
    ),
    # 9 (= A7): sasaran 2 / Program Penunjang 94,31% for 94,01%, efisiensi 5,69% for 5,99%
    Expected(
        "9",
        "anggaran.serapan-tidak-cocok",
        "anggaran.yaml",
        (
            "serapan program 'Program Penunjang Urusan Pemerintahan Daerah Kabupaten/Kota' "
            "tertulis 94,31% di Tabel 3.17 baris Realisasi Anggaran",
            "= 94,01%",
        ),
    ),
    *(
        Expected(
            "9",
            "tercetak.persen-tidak-cocok",
            "renstra.yaml",
            (f"serapan {S2} tertulis 94,31% di {di}", "= 94,01%"),
        )
        for di in (
            "Tabel 3.17 (baris Realisasi Anggaran)",
            "Tabel 3.18",
            "paragraf efisiensi sasaran 2",
        )
    ),
    *(
        Expected(
            "9",
            "tercetak.persen-tidak-cocok",
            "renstra.yaml",
            (f"efisiensi {S2} tertulis 5,69% di {di}", "100% − 94,01% = 5,99%"),
        )
        for di in ("Tabel 3.17", "paragraf efisiensi sasaran 2")
    ),
    # 10: serapan of the whole budget 93,94% for 93,84%
    Expected(
        "10",
        "anggaran.serapan-tidak-cocok",
        "anggaran.yaml",
        (
            "serapan seluruh anggaran tertulis 93,94%",
            "Rp. 16.162.638.086,54 ÷ pagu perubahan Rp. 17.223.131.900 × 100 = 93,84%",
        ),
    ),
    # 11: the realisasi in words
    Expected(
        "11",
        "anggaran.terbilang-tidak-cocok",
        "anggaran.yaml",
        (
            "realisasi seluruh anggaran Rp. 16.162.638.086,54",
            "Tiga Puluh Delapan Delapan Puluh Enam Ribu Lima Puluh Empat Rupiah",
            'seharusnya "Enam Belas Miliar Seratus Enam Puluh Dua Juta Enam Ratus Tiga Puluh '
            'Delapan Ribu Delapan Puluh Enam Rupiah Lima Puluh Empat Sen"',
        ),
    ),
    # 12 (= A6): efisiensi of sasaran 1 6,32% for 6,23%
    Expected(
        "12",
        "tercetak.persen-tidak-cocok",
        "renstra.yaml",
        (
            f"efisiensi {S1} tertulis 6,32% di paragraf efisiensi sasaran 1",
            "100% − 93,77% = 6,23%",
        ),
    ),
    # A1: 95,39% for 105.582 ÷ 110.692 × 100 = 95,38%, everywhere it is printed
    *(
        Expected(
            "A1",
            "tercetak.persen-tidak-cocok",
            "realisasi.yaml",
            (
                f"realisasi {PMKS} tertulis 95,39% di {di},",
                "105.582 ÷ penyebut tabel.pmks.jumlah.jumlah 110.692 × 100 = 95,38%",
            ),
        )
        for di in (
            "Tabel 3.3",
            "paragraf sesudah Tabel 3.3",
            "Tabel 3.4",
            "Tabel 3.6",
            "Tabel 3.7",
            "Tabel 3.18",
        )
    ),
    *(
        Expected(
            "A1",
            "tercetak.persen-tidak-cocok",
            "realisasi.yaml",
            (f"capaian {PMKS} tertulis 95,39% di {di},", "= 95,38%"),
        )
        for di in ("Tabel 3.3", "Tabel 3.18")
    ),
    *(
        Expected(
            "A1",
            "tercetak.persen-tidak-cocok",
            "renstra.yaml",
            (f"capaian {S1} tertulis 95,39% di {di},", "95,38%"),
        )
        for di in (
            "Tabel 3.2",
            "paragraf pembuka sasaran 1",
            "paragraf efisiensi sasaran 1",
            "BAB IV A Kesimpulan",
        )
    ),
    # A2, A3: differences to 2023 and 2022
    Expected(
        "A2",
        "tercetak.angka-tidak-cocok",
        "realisasi.yaml",
        (
            f"selisih realisasi 2024 dengan 2023 {PMKS} tertulis 0,02",
            "hasil hitungnya 0,01",
        ),
    ),
    Expected(
        "A3",
        "tercetak.angka-tidak-cocok",
        "realisasi.yaml",
        (
            f"selisih realisasi 2024 dengan 2022 {PMKS} tertulis -1,31",
            "hasil hitungnya -1,32",
        ),
    ),
    # A4: difference to Lombok Tengah
    Expected(
        "A4",
        "tercetak.angka-tidak-cocok",
        "realisasi.yaml",
        (
            f"selisih dengan daerah pembanding {PMKS} tertulis 1,14",
            "hasil hitungnya 1,13",
        ),
    ),
    # A5: capaian against the Renstra target
    Expected(
        "A5",
        "tercetak.persen-tidak-cocok",
        "realisasi.yaml",
        (
            f"capaian terhadap target Renstra {PMKS} tertulis 95,39% di Tabel 3.6",
            "95,38%",
        ),
    ),
    # A8: Tabel 3.16 prints a capaian against a Renstra target that does not exist
    Expected(
        "A8",
        "tercetak.persen-tidak-cocok",
        "realisasi.yaml",
        (
            "capaian terhadap target Renstra indikator 'Nilai SAKIP' tertulis 85,93% di Tabel 3.16",
            "tidak dapat dihitung: indikator ini tidak memiliki target Renstra",
        ),
    ),
    # A9: PK Perubahan dated 34 Oktober 2024
    Expected(
        "A9",
        "input.tanggal-tidak-sah",
        "pk.yaml",
        ("perubahan.tanggal: tanggal '34 Oktober 2024' tidak ada di kalender",),
    ),
    # A10: Tabel 3.1 leaves 90–91, 75–76, 65–66, 50–51 and ≥ 100 without predikat
    *(
        Expected(
            "A10",
            "skala.celah",
            "lkjip.yaml",
            (f"capaian dari {lo}% sampai kurang dari {hi}% tidak memiliki predikat",),
        )
        for lo, hi in ((90, 91), (75, 76), (65, 66), (50, 51))
    ),
    Expected(
        "A10",
        "skala.tidak-mencakup",
        "lkjip.yaml",
        ("capaian 100% ke atas tidak memiliki predikat",),
    ),
]

WARNINGS = [
    # 6: the missing row leaves the sub kegiatan without realisasi
    Expected(
        "6",
        "anggaran.tanpa-realisasi",
        "anggaran.yaml",
        ("sub kegiatan 'Penatausahaan Arsip Dinamis pada SKPD'",),
    ),
    # "left as printed": 3.529 + 196 of 5.000 BLT recipients accounted for
    Expected(
        "BLT",
        "tabel.batasan",
        "insentif_fiskal.yaml",
        ("berhasil salur 3.529 + gagal salur 196 = 3.725", "target penerima 5.000"),
    ),
]


@pytest.fixture(scope="module")
def seed_findings() -> list[Finding]:
    return api.check(SEED).findings


def _matching(findings: list[Finding], expected: Expected) -> list[Finding]:
    result = []
    for f in findings:
        if f.rule != expected.rule or f.position is None:
            continue
        if Path(f.position.file).name != expected.file:
            continue
        if not all(text in f.message for text in expected.says):
            continue
        if expected.line_of is not None:
            lines = (SEED / expected.file).read_text(encoding="utf-8").splitlines()
            if expected.line_of not in lines[f.position.line - 1]:
                continue
        result.append(f)
    return result


@pytest.mark.parametrize(
    "expected", ERRORS + WARNINGS, ids=[f"{e.audit}-{e.rule}" for e in ERRORS + WARNINGS]
)
def test_each_contradiction_is_reported_once(
    seed_findings: list[Finding], expected: Expected
) -> None:
    assert len(_matching(seed_findings, expected)) == 1


def test_no_other_error_is_reported(seed_findings: list[Finding]) -> None:
    expected = {id(f) for e in ERRORS for f in _matching(seed_findings, e)}
    others = [f for f in seed_findings if f.severity == "error" and id(f) not in expected]
    assert others == []
    assert len(expected) == len(ERRORS)


def test_figures_that_agree_everywhere_raise_nothing(seed_findings: list[Finding]) -> None:
    # the TOTAL row, the Rencana Aksi TOTAL, the PK program amounts and totals, the counts
    # "6 Program, 14 kegiatan dan 45 Sub Kegiatan", the pagu perubahan in words, the PMKS table
    rules = {f.rule for f in seed_findings}
    assert not rules & {
        "anggaran.rencana-aksi-jumlah-tidak-cocok",
        "anggaran.banyaknya-tidak-cocok",
        "pk.anggaran-tidak-cocok",
        "pk.jumlah-tidak-cocok",
        "tabel.rincian-tidak-cocok",
        "tabel.jumlah-tidak-cocok",
        "tercetak.jumlah-tidak-cocok",
        "tercetak.terbilang-tidak-cocok",
    }


def test_the_seed_fails_the_check() -> None:
    result = CliRunner().invoke(app, ["check", str(SEED)])
    assert result.exit_code == 1


def test_clean_data_has_no_error() -> None:
    findings = api.check(DATA).findings
    assert [f for f in findings if f.severity == "error"] == []
    assert exit_code(findings) == 0
    result = CliRunner().invoke(app, ["check", str(DATA)])
    assert result.exit_code == 0, result.output
