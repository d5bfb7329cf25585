"""The documentation follows the code: every rule id is in docs/checks.md."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
FAMILIES = (
    "input|anggaran|pk|tercetak|tabel|indikator|skala|judul|kelengkapan|tahun-baru|narasi|diakui"
)
RULE = re.compile(rf"""["']((?:{FAMILIES})\.[a-z0-9]+(?:-[a-z0-9]+)*)["']""")


def _rule_ids() -> set[str]:
    found: set[str] = set()
    for path in (ROOT / "src" / "lkjip_cli").rglob("*.py"):
        found.update(RULE.findall(path.read_text(encoding="utf-8")))
    # f"narasi.{d.kind}-tidak-dikenal", one per directive kind
    found.update(
        f"narasi.{kind}-tidak-dikenal" for kind in ("tabel", "gambar", "daftar", "tanda-tangan")
    )
    return found - {"tabel.yaml"}  # a file name, not a rule


def test_every_narrative_rule_id_is_documented() -> None:
    docs = (ROOT / "docs" / "checks.md").read_text(encoding="utf-8")
    narasi = {r for r in _rule_ids() if r.startswith("narasi.")}
    assert len(narasi) >= 10  # the scan finds them
    assert {r for r in narasi if f"`{r}`" not in docs} == set()


def test_every_rule_id_is_documented() -> None:
    docs = (ROOT / "docs" / "checks.md").read_text(encoding="utf-8")
    assert sorted(r for r in _rule_ids() if r not in docs) == []


def test_docs_narasi_is_generated_from_the_code() -> None:
    from lkjip_cli.docs_narasi import render

    committed = (ROOT / "docs" / "narasi.md").read_text(encoding="utf-8")
    assert committed == render(), "regenerate: make docs"


def test_docs_narasi_describes_every_table_filter_and_name() -> None:
    from lkjip_cli import api
    from lkjip_cli.docs_narasi import CONTEXT, TABLE_TEXT, render
    from lkjip_cli.render.context import narrative_context
    from lkjip_cli.render.jinja import NARRATIVE_FILTERS
    from lkjip_cli.render.tables import TABLES

    assert set(TABLE_TEXT) == set(TABLES)
    checked = api.check(ROOT / "tests" / "fixtures" / "valid" / "minimal", narratives=False)
    assert checked.data is not None and checked.report is not None
    assert set(CONTEXT) == set(narrative_context(checked.data, checked.report, str))
    text = render()
    for name in NARRATIVE_FILTERS:
        assert f"| `{name}` |" in text
    # each example is the filter's own output, not typed here
    assert "| `persen` | persen dengan koma desimal | `95.385` → `95,39%`" in text
    for field in ("selisih_tahun", "capaian_renstra", "efisiensi", "serapan"):
        assert f"| `{field}` |" in text


def test_the_readme_tutorial_starts_with_init_and_its_command_works(tmp_path: Path) -> None:
    import shlex

    from typer.testing import CliRunner

    from lkjip_cli.cli import app

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    tutorial = readme.split("## A planner's workflow\n", 1)[1].split("\n## ", 1)[0]
    first = re.search(r"```sh\n(.*?)\n```", tutorial, re.DOTALL)
    assert first is not None
    args = shlex.split(first.group(1))
    assert args[:2] == ["lkjip", "init"]
    assert "data/2024" in tutorial  # the worked example is still shown
    target = tmp_path / "data" / "2025"
    runner = CliRunner()
    made = runner.invoke(app, ["init", str(target), *args[3:]])
    assert made.exit_code == 0, made.output
    assert runner.invoke(app, ["check", str(target)]).exit_code == 0


DATA_FORMAT = ROOT / "docs" / "data-format.md"
EXAMPLE_FILES = {  # a heading of docs/data-format.md → the file its first YAML block shows
    "### `lkjip.yaml`": "lkjip.yaml",
    "### `instansi.yaml`": "instansi.yaml",
    "### `renstra.yaml`": "renstra.yaml",
    "### `iku.yaml`": "iku.yaml",
    "### `pk.yaml`": "pk.yaml",
    "### `anggaran.yaml`": "anggaran.yaml",
    "### `realisasi.yaml`": "realisasi.yaml",
    "### Declared tables (`tabel/*.yaml`)": "tabel/imunisasi.yaml",
}
YAML_BLOCK = re.compile(r"^```ya?ml\n(.*?)^```$", re.DOTALL | re.MULTILINE)


def _first_blocks() -> dict[str, str]:
    text = DATA_FORMAT.read_text(encoding="utf-8")
    blocks: dict[str, str] = {}
    for heading, name in EXAMPLE_FILES.items():
        assert f"\n{heading}\n" in text, heading
        block = YAML_BLOCK.search(text, text.index(f"\n{heading}\n"))
        assert block is not None, heading
        blocks[name] = block.group(1)
    return blocks


def test_every_yaml_example_in_the_docs_parses(tmp_path: Path) -> None:
    import yaml

    from lkjip_cli.errors import InputError
    from lkjip_cli.loader import load_file

    count = 0
    for doc in sorted((ROOT / "docs").glob("*.md")):
        for i, block in enumerate(YAML_BLOCK.findall(doc.read_text(encoding="utf-8"))):
            yaml.safe_load(block)  # raises on invalid YAML
            if doc == DATA_FORMAT:  # data: lkjip's own, stricter reader too
                path = tmp_path / f"{i}.yaml"
                path.write_text(block, encoding="utf-8")
                try:
                    load_file(path)
                except InputError as exc:
                    raise AssertionError(f"{doc.name} block {i + 1}: {exc.message}") from exc
            count += 1
    assert count >= len(EXAMPLE_FILES)


def test_the_data_format_examples_are_one_data_directory_check_accepts(tmp_path: Path) -> None:
    """The examples fit together, every field as the models name it, no error."""
    from decimal import Decimal

    from lkjip_cli import api
    from lkjip_cli.numbers import quantize

    for name, block in _first_blocks().items():
        (tmp_path / name).parent.mkdir(exist_ok=True)
        (tmp_path / name).write_text(block, encoding="utf-8")
    checked = api.check(tmp_path)
    errors = [f for f in checked.findings if f.severity == "error"]
    assert errors == []
    assert checked.report is not None
    # the figures the semantics section works out by hand, from these examples
    text = DATA_FORMAT.read_text(encoding="utf-8")
    s1 = checked.report.sasaran["S1"]
    aki = checked.report.indikator["aki"]
    assert "(200 − 98,5) ÷ 100 × 100 = 101,50%" in text
    assert aki.capaian is not None and quantize(aki.capaian, 2) == Decimal("101.50")
    assert "S1 = (98,24 + 101,50)\n  ÷ 2 = 99,87%" in text
    assert s1.capaian is not None and quantize(s1.capaian, 2) == Decimal("99.87")
    assert "(S1: 99,87 − 94,37 = 5,50)" in text
    assert s1.efisiensi == Decimal("5.50")


def test_data_format_names_the_worked_example_only_to_point_at_it() -> None:
    """Examples are neutral: the worked example's words appear only beside data/2024."""
    words = re.compile(
        r"\b(PMKS|PSKS|Blitar|bansos|BLT|Dinas Sosial|sosial|fakir|disabilitas|dinsos)\b",
        re.IGNORECASE,
    )
    text = DATA_FORMAT.read_text(encoding="utf-8")
    for paragraph in text.split("\n\n"):
        if words.search(paragraph):
            assert "data/2024" in paragraph, paragraph


def test_every_semantic_note_of_docs_narasi_names_a_field_it_documents() -> None:
    from lkjip_cli.docs_narasi import MODELS, NOTES, render

    fields = {(m.__name__, f) for m in MODELS for f in m.model_fields}
    assert set(NOTES) <= fields
    text = render()
    for note in NOTES.values():
        assert note in text
