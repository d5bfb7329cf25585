"""The directive registry: a name check accepts is one build can place, for every kind."""

from __future__ import annotations

from pathlib import Path

import pytest

from lkjip_cli.compute import compute
from lkjip_cli.render import registry
from lkjip_cli.render.blocks import Figure, ListBlock, Signature, Table
from lkjip_cli.validate import load

ROOT = Path(__file__).resolve().parents[3]


@pytest.mark.parametrize("kind", sorted(registry.REGISTRY))
def test_every_name_of_every_kind_builds(kind: str) -> None:
    data = load(ROOT / "data" / "2024").data
    assert data is not None
    report = compute(data)
    names = registry.names(kind, data, report)
    assert names
    expected = {"tabel": Table, "gambar": Figure, "daftar": ListBlock, "tanda-tangan": Signature}
    for name in names:
        blocks = registry.build(kind, name, data, report, draw=kind == "gambar")
        assert blocks and isinstance(blocks[0], expected[kind]), name
    assert registry.build(kind, "tidak-ada", data, report, draw=False) is None


def test_declared_tables_join_the_built_in_ones() -> None:
    data = load(ROOT / "data" / "2024").data
    assert data is not None
    report = compute(data)
    names = registry.names("tabel", data, report)
    assert {"pegawai", "realisasi-S1", "pmks", "spm-rincian", "insentif_fiskal"} <= set(names)
    assert "tren-S1" in registry.names("gambar", data, report)
