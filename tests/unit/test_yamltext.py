"""Plain data → YAML text: every value reads back exactly as it was."""

from __future__ import annotations

from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from lkjip_cli.loader import parse_text, unprintable
from lkjip_cli.yamltext import Isi, Note, Quoted, emit, mark_quoted, plain, scalar

TRICKY = [
    "95,38",
    "1.550.448",
    "5.046.629.436,54",
    "-1,32",
    "null",
    "~",
    "ya",
    "no",
    "010",
    "a: b",
    "a #b",
    "ends:",
    "# not a comment",
    "- not a list",
    "[not, a, list]",
    "{not: a map}",
    "'quoted'",
    '"double"',
    "%",
    "@at",
    "*alias",
    "&anchor",
    "!tag",
    "|",
    ">",
    "two\nlines",
    " leading space",
    "trailing space ",
    "tab\there",
    "Rp. 1.000,00",
    "Pemberian bimbingan fisik, mental, spiritual dan sosial",
    "ümlaut and 日本語",
    "",
]


def _reads_back(tree: dict[Any, Any]) -> None:
    text = emit(tree, ["# yaml-language-server: $schema=x.json"])
    assert parse_text(text, "t.yaml").data == plain(tree), text


def test_tricky_scalars_read_back_in_block_and_flow_style() -> None:
    _reads_back({"value": {str(i): s for i, s in enumerate(TRICKY)}})
    _reads_back({"flow": [{"a": s, "b": "x"} for s in TRICKY]})
    _reads_back({"list": TRICKY, "short": ["I", "II"]})


def test_decimal_commas_never_go_into_flow_style() -> None:
    text = emit({"riwayat": {"2022": "96,70", "2023": "95,37"}, "t": ["I", "II"]}, [])
    assert text == "riwayat:\n  2022: 96,70\n  2023: 95,37\nt: [I, II]\n"


def test_notes_and_fill_in_markers() -> None:
    tree = {
        "pagu_murni": Isi("0", "pagu murni DPA 2025"),
        "realisasi": Isi(None, "realisasi 2025"),
        "target": {"2024": "9,19", Note("ISI: 2025: target tahun 2025"): None},
        "kosong": {Note("ISI: isi nanti"): None},
        "daftar": Isi([{"nama": "A", "jumlah": "0"}], "jumlah (masih 0)", "PERIKSA"),
    }
    assert emit(tree, []) == (
        "pagu_murni: 0  # ISI: pagu murni DPA 2025\n"
        "realisasi:  # ISI: realisasi 2025\n"
        "target:\n"
        "  2024: 9,19\n"
        "  # ISI: 2025: target tahun 2025\n"
        "kosong: {}\n"
        "  # ISI: isi nanti\n"
        "daftar:  # PERIKSA: jumlah (masih 0)\n"
        "  - {nama: A, jumlah: 0}\n"
    )
    _reads_back(tree)


def test_quoted_text_stays_quoted() -> None:
    source = 'telepon: "801357"\nnip: 19760204\nsatuan: "%"\n'
    tree = mark_quoted(source, parse_text(source, "t.yaml").data)
    assert isinstance(tree["telepon"], Quoted) and not isinstance(tree["nip"], Quoted)
    assert emit(tree, []) == source
    assert scalar(Quoted("x")) == '"x"'


_TEXT = st.text(st.characters(blacklist_categories=("Cs",)), max_size=20).filter(
    lambda text: unprintable(text) is None  # control characters: the loader refuses them
)
_KEY = st.from_regex(r"[a-z][a-z0-9_]{0,8}|[12][0-9]{3}", fullmatch=True)
_TREE = st.recursive(
    st.one_of(st.none(), _TEXT),
    lambda children: st.one_of(
        st.lists(children, max_size=4), st.dictionaries(_KEY, children, max_size=4)
    ),
    max_leaves=20,
)


@settings(max_examples=300, deadline=None)
@given(st.dictionaries(_KEY, _TREE, max_size=5))
def test_any_tree_reads_back(tree: dict[str, Any]) -> None:
    _reads_back(tree)
