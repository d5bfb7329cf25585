"""The documentation follows the code: every rule id is in docs/checks.md."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
FAMILIES = (
    "input|anggaran|pk|tercetak|tabel|indikator|skala|judul|kelengkapan|tahun-baru|narasi"
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
