"""YAML tags are refused, with the file, line and column of the tagged value.

A tag asks the loader to build something other than text (``!!python/object``
would even run code under an unsafe loader); lkjip ignored them silently, so
``!!float 5`` and ``5`` read alike and a planner's intent was lost.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from lkjip_cli import loader
from lkjip_cli.loader import InputError, parse_text


@pytest.fixture(params=["libyaml", "python"], autouse=True)
def parser(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    """Each case through libyaml's parser (when PyYAML has it) and PyYAML's own."""
    if request.param == "python":
        monkeypatch.setattr(loader, "_Loader", loader._PurePythonLoader)
    elif not loader.yaml.__with_libyaml__:
        pytest.skip("PyYAML without libyaml")
    yield request.param


@pytest.mark.parametrize(
    ("text", "shown", "where"),
    [
        ("tahun: !!str 2024\n", "!!str", "lkjip.yaml:1:8"),
        ("tahun: 2024\nkertas: !custom A4\n", "!custom", "lkjip.yaml:2:9"),
        ("a:\n  - !!python/object:os.system x\n", "!!python/object:os.system", "lkjip.yaml:2:5"),
        (
            "a: !!python/object/apply:os.system [ls]\n",
            "!!python/object/apply:os.system",
            "lkjip.yaml:1:4",
        ),
        ("!!map {a: 1}\n", "!!map", "lkjip.yaml:1:1"),
        ("a: !!seq [1]\n", "!!seq", "lkjip.yaml:1:4"),
        ("a:\n  !!str b: 1\n", "!!str", "lkjip.yaml:2:3"),
        ("a: ! 5\n", "!", "lkjip.yaml:1:4"),
        (
            "%TAG !e! tag:contoh.id,2024:\n---\na: !e!angka 5\n",
            "tag:contoh.id,2024:angka",
            "lkjip.yaml:3:4",
        ),
    ],
)
def test_a_tag_is_refused_where_it_stands(text: str, shown: str, where: str) -> None:
    with pytest.raises(InputError) as info:
        parse_text(text, "lkjip.yaml")
    assert info.value.message == (
        f"tag YAML ({shown}) tidak diizinkan; hapus tag itu dan tulis nilainya langsung "
        "(beri tanda kutip bila nilainya harus dibaca sebagai teks)"
    )
    assert str(info.value.position) == where


def test_the_same_values_without_tags_are_read() -> None:
    doc = parse_text("tahun: '2024'\nkertas: A4\na: [x, {b: '!!str'}]\n", "lkjip.yaml")
    assert doc.data == {"tahun": "2024", "kertas": "A4", "a": ["x", {"b": "!!str"}]}
