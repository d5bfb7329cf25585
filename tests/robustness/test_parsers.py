"""libyaml's parser and PyYAML's own read every data file the same way.

The loader uses libyaml's event parser when PyYAML has it and PyYAML's pure
Python parser otherwise; either way the data, the positions and the refusals
must be the same.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from lkjip_cli import loader
from lkjip_cli.loader import InputError, parse_text

from .harness import DATA_2024

FILES = sorted([*DATA_2024.glob("*.yaml")], key=lambda p: p.name)

pytestmark = pytest.mark.skipif(
    loader._Loader is loader._PurePythonLoader, reason="PyYAML without libyaml"
)


def _both(text: str, monkeypatch: pytest.MonkeyPatch) -> tuple[object, object]:
    results = []
    for cls in (loader._Loader, loader._PurePythonLoader):
        monkeypatch.setattr(loader, "_Loader", cls)
        try:
            doc = parse_text(text, "x.yaml")
            results.append((doc.data, doc.positions))
        except InputError as exc:
            results.append(("galat", exc.position.line if exc.position else None))
    return results[0], results[1]


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name)
def test_every_data_file_reads_the_same(path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    fast, pure = _both(path.read_text(encoding="utf-8"), monkeypatch)
    assert fast == pure


@pytest.mark.parametrize(
    "text",
    [
        "a: 1\na: 2\n",
        "a: &x 1\nb: *x\n",
        "a: " + "[" * 100 + "]" * 100 + "\n",
        "a:\n\tb: 1\n",
        "a: {2022: 96,70}\n",
        "a: [1, 2\n",
        "a: 'x\n",
        "a: null\nb: ~\nc: ''\nd: \"null\"\ne:\n",
        "- 1\n- {b: 2}\n",
        "",
        "# komentar\n",
        'a: "\\x07"\n',
        "a: b: c\n",
    ],
)
def test_refusals_and_values_agree(text: str, monkeypatch: pytest.MonkeyPatch) -> None:
    fast, pure = _both(text, monkeypatch)
    assert fast == pure
