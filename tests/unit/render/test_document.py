"""The document builder: chapters, numbering, placeholders, directives, tables."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from lkjip_cli.api import check
from lkjip_cli.findings import Finding
from lkjip_cli.render.blocks import (
    Dokumen,
    Heading,
    Index,
    ListBlock,
    Paragraph,
    Section,
    Table,
)
from lkjip_cli.render.document import build_document
from lkjip_cli.render.frontmatter import legal_list
from lkjip_cli.render.graphics import Chart, Diagram
from lkjip_cli.render.narrative import scan, split, to_blocks

DATA = Path(__file__).resolve().parents[3] / "data" / "2024"


def _build(path: Path) -> tuple[Dokumen | None, list[Finding]]:
    result = check(path)
    assert result.data is not None and result.report is not None
    return build_document(result.data, result.report)


@pytest.fixture(scope="module")
def dok() -> Dokumen:
    built, findings = _build(DATA)
    assert built is not None, findings
    return built


@pytest.fixture()
def year(tmp_path: Path) -> Path:
    target = tmp_path / "2024"
    shutil.copytree(DATA, target)
    return target


def _table(dok: Dokumen, label: str) -> Table:
    return next(t for t in dok.tables() if t.label == label)


def test_every_table_of_the_reference_is_numbered_per_chapter(dok: Dokumen) -> None:
    numbers = [t.number for t in dok.tables()]
    expected = ["1.1", "1.2", "2.1", "2.2", "2.3"] + [f"3.{i}" for i in range(1, 19)]
    assert numbers == expected
    assert [f.number for f in dok.figures()] == ["1.1", "3.1", "3.2"]
    assert _table(dok, "pmks").number == "3.8"
    assert _table(dok, "anggaran-S2").number == "3.17"


def test_chapters_sections_and_indexes(dok: Dokumen) -> None:
    chapters = [
        (h.label, h.text)
        for h in dok.headings()
        if h.level == 1 and h.label and h.label.startswith("BAB")
    ]
    assert chapters == [
        ("BAB I", "PENDAHULUAN"),
        ("BAB II", "PERENCANAAN KINERJA"),
        ("BAB III", "AKUNTABILITAS KINERJA"),
        ("BAB IV", "PENUTUP"),
    ]
    sections = [b for b in dok.blocks if isinstance(b, Section)]
    assert sections[0].numbering == "none"
    assert (sections[1].numbering, sections[1].restart) == ("lower-roman", True)
    assert (sections[2].numbering, sections[2].restart) == ("decimal", True)
    assert any(s.orientation == "landscape" for s in sections)
    indexes = {b.kind: b for b in dok.blocks if isinstance(b, Index)}
    assert (1, "Tabel 3.8 Data PMKS di Kabupaten Blitar Tahun 2024") in indexes["tables"].entries
    assert len(indexes["figures"].entries) == 3
    assert indexes["figures"].entries[0] == (
        1,
        "Gambar 1.1 Struktur Organisasi Dinas Sosial Kabupaten Blitar",
    )
    assert (1, "BAB III AKUNTABILITAS KINERJA") in indexes["toc"].entries


def test_placeholders_are_filled_with_computed_figures(dok: Dokumen) -> None:
    text = " ".join(run.text for b in dok.blocks if hasattr(b, "runs") for run in b.runs)
    # 16.162.638.086,54 ÷ 17.223.131.900 = 93,84% (the reference printed 93,94%)
    assert "Jumlah tersebut mencapai 93,84%" in text
    assert (
        "Enam Belas Miliar Seratus Enam Puluh Dua Juta Enam Ratus Tiga Puluh Delapan Ribu" in text
    )
    assert "{{" not in text and "}}" not in text
    # ref() names the table by its number wherever it stands
    assert "Berdasarkan Tabel 3.14 di atas" in text


def test_budget_table_totals_follow_the_tree(dok: Dokumen) -> None:
    t = _table(dok, "anggaran-S1")
    last_two = [tuple(c.text for c in row) for row in t.body[-2:]]
    # S1 = the five programs other than Penunjang: 11.854.989.245 / 11.116.008.650
    assert last_two[0] == ("Realisasi Anggaran", "11.854.989.245", "11.116.008.650", "93,77%")
    assert last_two[1][0] == "Tingkat efisiensi (100% − serapan)" and last_two[1][-1] == "6,23%"
    total = _table(dok, "anggaran").body[-1]
    assert [c.text for c in total] == ["", "TOTAL", "13.890.985.682", "17.223.131.900"]


def test_pmks_table_sums(dok: Dokumen) -> None:
    t = _table(dok, "pmks")
    assert [c.text for c in t.body[-1]] == ["Jumlah", "110.692", "105.582"]


def test_unknown_placeholder_names_file_and_line(year: Path) -> None:
    f = year / "narasi" / "bab-1.md"
    lines = f.read_text(encoding="utf-8").splitlines()
    lines.insert(2, "Sebanyak {{ sasaran.S9.capaian | persen }}.")
    f.write_text("\n".join(lines) + "\n", encoding="utf-8")
    built, findings = _build(year)
    assert built is None
    [err] = [x for x in findings if x.severity == "error"]
    assert err.position is not None and err.position.file.endswith("bab-1.md")
    assert err.position.line == 3
    assert "S9" in err.message


def test_unknown_table_and_ref_are_errors(year: Path) -> None:
    f = year / "narasi" / "bab-2.md"
    f.write_text(
        f.read_text(encoding="utf-8") + "\nLihat {{ ref('tidak-ada') }}.\n\n::: tabel rahasia\n",
        encoding="utf-8",
    )
    built, findings = _build(year)
    assert built is None
    rules = sorted(x.rule for x in findings if x.severity == "error")
    assert rules == ["narasi.rujukan-tidak-dikenal", "narasi.tabel-tidak-dikenal"]


def test_a_mistyped_directive_kind_or_list_name_suggests_the_close_one(year: Path) -> None:
    f = year / "narasi" / "bab-4.md"
    text = f.read_text(encoding="utf-8")
    f.write_text(text + "\n::: daftar isu-strategis\n\n::: tabell pegawai\n", encoding="utf-8")
    built, findings = _build(year)
    assert built is None
    errors = {x.rule: x.message for x in findings if x.severity == "error"}
    assert errors["narasi.daftar-tidak-dikenal"].startswith(
        "daftar 'isu-strategis' tidak dikenal; maksud Anda 'isu_strategis'? yang ada: "
    )
    assert errors["narasi.arahan-tidak-dikenal"].startswith(
        "arahan '::: tabell' tidak dikenal; maksud Anda 'tabel'? gunakan "
    )


def test_a_table_placed_twice_is_an_error(year: Path) -> None:
    f = year / "narasi" / "bab-4.md"
    f.write_text(f.read_text(encoding="utf-8") + "\n::: tabel pmks\n", encoding="utf-8")
    built, findings = _build(year)
    assert built is None
    assert [x.rule for x in findings if x.severity == "error"] == ["narasi.tabel-ganda"]


def test_missing_required_table_is_a_warning(year: Path) -> None:
    f = year / "narasi" / "bab-1.md"
    f.write_text(f.read_text(encoding="utf-8").replace("::: tabel pegawai\n", ""), encoding="utf-8")
    built, findings = _build(year)
    assert built is not None
    assert [x.rule for x in findings] == ["narasi.tabel-tidak-ditempatkan"]
    assert built.tables()[0].number == "1.1" and built.tables()[0].label == "permasalahan"


def test_a_table_with_no_data_is_not_asked_for(year: Path) -> None:
    """Without 'permasalahan' the table cannot be placed: no warning asks for it."""
    instansi = year / "instansi.yaml"
    text = instansi.read_text(encoding="utf-8")
    start = text.index("\npermasalahan:")
    end = text.index("\nisu_strategis:")
    instansi.write_text(text[:start] + text[end:], encoding="utf-8")
    bab = year / "narasi" / "bab-1.md"
    bab.write_text(
        bab.read_text(encoding="utf-8").replace("::: tabel permasalahan\n", ""), encoding="utf-8"
    )
    built, findings = _build(year)
    assert built is not None
    assert "narasi.tabel-tidak-ditempatkan" not in [x.rule for x in findings]


def test_markdown_subset() -> None:
    blocks = to_blocks(
        "## A. Judul\n\nTeks **tebal** dan *miring*.\n\n1. satu\n   - dalam\n2. dua\n"
    )
    assert isinstance(blocks[0], Heading) and blocks[0].text == "A. Judul" and blocks[0].level == 2
    runs = blocks[1].runs  # type: ignore[union-attr]
    assert [(r.text, r.bold, r.italic) for r in runs] == [
        ("Teks ", False, False),
        ("tebal", True, False),
        (" dan ", False, False),
        ("miring", False, True),
        (".", False, False),
    ]
    lst = blocks[2]
    assert isinstance(lst, ListBlock) and lst.ordered and len(lst.items) == 2
    assert lst.items[0].children is not None and not lst.items[0].children.ordered


def test_directives_scan_and_split() -> None:
    source = "a\n\n::: tabel pmks\nb\n::: gambar tren-S1\n"
    assert [(d.kind, d.name, d.line) for d in scan(source)] == [
        ("tabel", "pmks", 3),
        ("gambar", "tren-S1", 5),
    ]
    parts = split(source)
    assert [p if isinstance(p, str) else p.name for p in parts] == ["a\n", "pmks", "b", "tren-S1"]


def test_legal_list_punctuation() -> None:
    lst = legal_list(["satu", "dua;", "tiga."])
    assert [i.runs[0].text for i in lst.items] == ["satu;", "dua; dan", "tiga."]


def test_figures_are_a_diagram_and_charts(dok: Dokumen) -> None:
    kinds = [type(fig.content) for fig in dok.figures()]
    assert kinds == [Diagram, Chart, Chart]


def test_efisiensi_method_is_configurable_and_named(year: Path) -> None:
    f = year / "lkjip.yaml"
    f.write_text(
        f.read_text(encoding="utf-8").replace("metode: 100-serapan", "metode: capaian-serapan"),
        encoding="utf-8",
    )
    built, _ = _build(year)
    assert built is not None
    row = _table(built, "anggaran-S1").body[-1]
    # capaian 95,3836% and serapan 93,7665% print as 95,38% and 93,77%: 95,38 − 93,77 = 1,61
    # (the unrounded 1,6171 would print 1,62%, which the printed figures contradict)
    assert (row[0].text, row[-1].text) == ("Tingkat efisiensi (capaian − serapan)", "1,61%")


def test_organisation_chart_is_gambar_1_1(dok: Dokumen) -> None:
    fig = dok.figures()[0]
    assert (fig.label, fig.number) == ("struktur-organisasi", "1.1")
    assert fig.caption == "Struktur Organisasi Dinas Sosial Kabupaten Blitar"
    assert isinstance(fig.content, Diagram)
    assert {b.lines[0].text for b in fig.content.boxes} >= {"Dinas Sosial Kabupaten Blitar"}
    assert fig.alt.startswith(
        "Bagan struktur organisasi: Dinas Sosial Kabupaten Blitar (Kepala Dinas)"
    )
    assert "Kelompok Jabatan Fungsional (garis koordinasi)" in fig.alt
    # placed in BAB I A, after the paragraph that refers to it, before Tabel 1.1
    at = dok.blocks.index(fig)
    before = dok.blocks[at - 1]
    assert isinstance(before, Paragraph)
    assert before.runs[-1].text.endswith(
        "Adapun susunan organisasi Dinas Sosial Kabupaten Blitar adalah sebagaimana Gambar 1.1."
    )
    assert next(b for b in dok.blocks[at:] if isinstance(b, Table)).label == "pegawai"


def test_organisation_chart_without_struktur_is_an_error(year: Path) -> None:
    f = year / "instansi.yaml"
    lines = f.read_text(encoding="utf-8").splitlines(keepends=True)
    start = next(i for i, line in enumerate(lines) if line.startswith("struktur:"))
    end = next(i for i, line in enumerate(lines) if line.startswith("pegawai:"))
    f.write_text("".join(lines[:start] + lines[end:]), encoding="utf-8")
    built, findings = _build(year)
    assert built is None
    [err] = [x for x in findings if x.severity == "error"]
    assert err.rule == "narasi.gambar-tidak-dikenal"
    assert "struktur-organisasi" in err.message and "isi 'struktur'" in err.message
    assert "instansi.yaml" in err.message
    assert err.position is not None and err.position.file.endswith("bab-1.md")
    bab1 = (year / "narasi" / "bab-1.md").read_text(encoding="utf-8").splitlines()
    assert bab1[err.position.line - 1] == "::: gambar struktur-organisasi"


def test_unknown_figure_lists_the_organisation_chart(year: Path) -> None:
    f = year / "narasi" / "bab-4.md"
    f.write_text(f.read_text(encoding="utf-8") + "\n::: gambar bagan\n", encoding="utf-8")
    built, findings = _build(year)
    assert built is None
    [err] = [x for x in findings if x.severity == "error"]
    assert err.rule == "narasi.gambar-tidak-dikenal"
    assert "yang ada: struktur-organisasi, tren-rpjmd, tren-S1" in err.message


def test_a_narrative_charts_any_indicator_by_its_id(year: Path) -> None:
    f = year / "narasi" / "bab-3.md"
    text = f.read_text(encoding="utf-8")
    f.write_text(text + "\n::: gambar garis-nilai_sakip\n\nLihat {{ ref('garis-nilai_sakip') }}.\n")
    built, findings = _build(year)
    assert built is not None, findings
    fig = built.figures()[-1]
    assert (fig.label, fig.number) == ("garis-nilai_sakip", "3.3")
    assert fig.caption == "Grafik Realisasi dan Target Nilai SAKIP Tahun 2022 - 2024"
    assert isinstance(fig.content, Chart)
    assert [s.kind for s in fig.content.series] == ["line", "line"]
    after = built.blocks[built.blocks.index(fig) + 1]
    assert isinstance(after, Paragraph)
    assert "".join(r.text for r in after.runs) == "Lihat Gambar 3.3."
    # the two charts of the worked example no longer share a caption
    assert len({f.caption for f in built.figures()}) == len(built.figures())


def test_check_catches_a_misspelt_placeholder_before_any_build(year: Path) -> None:
    f = year / "narasi" / "bab-4.md"
    lines = f.read_text(encoding="utf-8").splitlines()
    lines.insert(3, "Capaian {{ sasaran.S1.capain | persen }}.")
    f.write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = check(year)
    [err] = [x for x in result.findings if x.rule.startswith("narasi.")]
    assert (err.rule, err.severity) == ("narasi.placeholder", "error")
    assert err.message.startswith("'sasaran.S1.capain' tidak dikenal")
    assert err.position is not None and err.position.file.endswith("bab-4.md")
    assert err.position.line == 4
    # the build stops on the same finding
    built, findings = _build(year)
    assert built is None
    assert [f for f in findings if f.rule.startswith("narasi.")] == [err]


def test_check_of_clean_narratives_adds_nothing() -> None:
    assert [f.rule for f in check(DATA).findings if f.rule.startswith("narasi.")] == []
