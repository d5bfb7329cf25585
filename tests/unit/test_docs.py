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
