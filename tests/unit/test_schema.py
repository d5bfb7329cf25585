"""``lkjip schema``: the committed schemas are the models', and honest about numbers."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pydantic import TypeAdapter, ValidationError

from lkjip_cli.model import FILES
from lkjip_cli.model.common import Jumlah, Nilai, Rupiah, Tanggal, YaTidak
from lkjip_cli.schemas import modeline, schema_name, schema_of, schemas

ROOT = Path(__file__).resolve().parents[2]
COMMITTED = ROOT / "schema"
DATA_2024 = ROOT / "data" / "2024"


def test_committed_schemas_are_up_to_date() -> None:
    """Run `lkjip schema` after changing a model, and commit schema/."""
    fresh = schemas()
    assert sorted(p.name for p in COMMITTED.glob("*.json")) == sorted(fresh)
    for name, text in fresh.items():
        assert (COMMITTED / name).read_text(encoding="utf-8") == text, name


def test_one_schema_per_data_file() -> None:
    assert sorted(schemas()) == sorted([*(schema_name(f) for f in FILES), "tabel.schema.json"])
    assert schema_name("realisasi.yaml") == "realisasi.schema.json"


def test_schema_is_strict_about_keys_and_documents_fields() -> None:
    schema = schema_of("anggaran.yaml")
    sub = schema["$defs"]["SubKegiatan"]
    assert sub["additionalProperties"] is False
    assert sub["properties"]["pagu_murni"]["description"] == "Pagu awal (DPA murni), dalam rupiah."
    assert schema["title"] == "anggaran.yaml"


@pytest.mark.skipif(not (DATA_2024 / "lkjip.yaml").is_file(), reason="data/2024 not present")
@pytest.mark.parametrize("name", sorted(FILES))
def test_data_files_point_at_their_schema(name: str) -> None:
    path = DATA_2024 / name
    if not path.is_file():
        pytest.skip(f"{name} not in data/2024")
    assert path.read_text(encoding="utf-8").splitlines()[0] == modeline(name)


def _pattern(annotation: Any) -> re.Pattern[str]:
    for meta in annotation.__metadata__:
        schema = getattr(meta, "json_schema", None)
        if schema and "pattern" in schema:
            return re.compile(schema["pattern"], re.ASCII)
    raise AssertionError("no pattern")


def _accepts(annotation: Any, text: str) -> bool:
    try:
        TypeAdapter(annotation).validate_python(text)
    except ValidationError:
        return False
    return True


# Money and counts: lkjip also takes a stray trailing '%' and non-ASCII digits there;
# the schema does not advertise either, so those characters are left out.
_NUMBERISH = st.text(st.sampled_from("0123456789.,- Rrp"), max_size=16)


@settings(max_examples=500, deadline=None)
@given(
    _NUMBERISH
    | st.from_regex(r"(Rp\. ?)?[0-9]{1,3}(\.[0-9]{3}){0,3}(,[0-9]{1,3})?", fullmatch=True)
)
def test_rupiah_pattern_is_what_lkjip_accepts(text: str) -> None:
    assert bool(_pattern(Rupiah).search(text)) == _accepts(Rupiah, text)


@settings(max_examples=500, deadline=None)
@given(_NUMBERISH | st.from_regex(r"[0-9]{1,3}(\.[0-9]{3}){0,3}", fullmatch=True))
def test_jumlah_pattern_is_what_lkjip_accepts(text: str) -> None:
    assert bool(_pattern(Jumlah).search(text)) == _accepts(Jumlah, text)


@settings(max_examples=500, deadline=None)
@given(
    st.text(st.sampled_from("0123456789.,-% "), max_size=16)
    | st.from_regex(r"-?[0-9]{1,3}(\.[0-9]{3}){0,2}(,[0-9]{1,4})? ?%?", fullmatch=True)
)
def test_nilai_pattern_is_what_lkjip_accepts(text: str) -> None:
    assert bool(_pattern(Nilai).search(text)) == _accepts(Nilai, text)


@pytest.mark.parametrize(
    "text", ["28 Februari 2025", "1 januari 2024", "2025-02-28", " 9 Juni 2024 "]
)
def test_tanggal_pattern_accepts_every_date_lkjip_accepts(text: str) -> None:
    assert _accepts(Tanggal, text) and _pattern(Tanggal).search(text)


@pytest.mark.parametrize("text", ["28-02-2025", "Februari 2025", "2025/02/28"])
def test_tanggal_pattern_refuses_what_lkjip_refuses(text: str) -> None:
    assert not _accepts(Tanggal, text) and not _pattern(Tanggal).search(text)


@pytest.mark.parametrize(
    ("text", "ok"), [("ya", True), ("Tidak", True), ("true", True), ("yes", False), ("y", False)]
)
def test_ya_tidak_pattern(text: str, ok: bool) -> None:
    assert _accepts(YaTidak, text) is ok
    assert bool(_pattern(YaTidak).search(text)) is ok


def test_number_fields_accept_what_an_editor_parses_as_a_number() -> None:
    """`103.110` is a float to an editor's YAML parser and a count to lkjip."""
    anggaran = json.loads(schemas()["anggaran.schema.json"])
    pagu = anggaran["$defs"]["SubKegiatan"]["properties"]["pagu_murni"]
    assert pagu["type"] == ["string", "number"]
    assert pagu["minimum"] == 0
    # a declared table's cells: text or, as an editor reads 103.110, a number
    tabel = json.loads(schemas()["tabel.schema.json"])
    cell = tabel["properties"]["baris"]["items"]["additionalProperties"]["anyOf"][0]
    assert "number" in cell["type"]
