"""Hypothesis damages one value or key of ``data/2024`` at a time.

A mutation picks a data file, a place in its tree and a kind of damage, and
rewrites the file with :func:`lkjip_cli.yamltext.emit` (the loader reads it
back exactly). Three properties:

- whatever the damage, ``lkjip check`` ends calmly: exit 0, 1 or 2, no
  traceback, and when it refuses, a finding with file and line;
- a damage that is always wrong (a mapping or list where a value belongs, a
  value where a mapping or list belongs, a misspelt key) is refused, with an
  error on the very line of the damaged value;
- such a build is refused too, and the previous report stays untouched.

Examples are derandomized so that CI runs the same ones every time.
"""

from __future__ import annotations

import copy
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pydantic import BaseModel

from lkjip_cli.loader import InputError, PathKey, load_file, parse_text
from lkjip_cli.model import FILES
from lkjip_cli.yamltext import emit

from .harness import (
    DATA_2024,
    OUT,
    YAML_FILES,
    YEAR,
    assert_build_refused,
    assert_refused,
    build,
    check,
    label,
    seed_previous,
    workspace,
)

SETTINGS = settings(
    max_examples=60,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)

DOCS = {name: load_file(DATA_2024 / name, name).data for name in YAML_FILES}


def _field_names(annotation: Any, seen: set[type[BaseModel]]) -> set[str]:
    names: set[str] = set()
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        if annotation in seen:
            return names
        seen.add(annotation)
        for name, info in annotation.model_fields.items():
            names |= {name, *_field_names(info.annotation, seen)}
    for arg in getattr(annotation, "__args__", ()) or ():
        names |= _field_names(arg, seen)
    return names


FIELD_NAMES = frozenset().union(*(_field_names(model, set()) for model in FILES.values()))
"""Every key any data file knows: a typo must not land on one of them."""


def _places(node: Any, path: PathKey = ()) -> Iterator[tuple[PathKey, Any]]:
    if path:
        yield path, node
    if isinstance(node, dict):
        for key, value in node.items():
            yield from _places(value, (*path, key))
    elif isinstance(node, list):
        for i, value in enumerate(node):
            yield from _places(value, (*path, i))


PLACES = {name: list(_places(data)) for name, data in DOCS.items()}


def _parent(data: Any, path: PathKey) -> Any:
    for part in path[:-1]:
        data = data[part]
    return data


def _rename(data: Any, path: PathKey, new: str) -> PathKey:
    parent = _parent(data, path)
    items = list(parent.items())
    parent.clear()
    parent.update((new if key == path[-1] else key, value) for key, value in items)
    return (*path[:-1], new)


def _typos(key: str) -> list[str]:
    if key.isdigit():  # a year: 2022 → 202 would still be a year
        return [f"{key}x"]
    found = [key + key[-1], f"{key}_", key.replace("_", "", 1), key[:-1], key.upper()]
    if len(key) > 3:
        found.append(key[:1] + key[2] + key[1] + key[3:])
    return [t for t in dict.fromkeys(found) if t and t != key and t not in FIELD_NAMES]


@dataclass(frozen=True)
class Mutation:
    """One damage to one place of one file."""

    kind: str
    file: str
    path: PathKey
    value: Any = None

    def apply(self) -> tuple[str, PathKey | None]:
        """The damaged file's text, and the path of the damaged value (none if deleted)."""
        data = copy.deepcopy(DOCS[self.file])
        parent = _parent(data, self.path)
        key = self.path[-1]
        path: PathKey | None = self.path
        if self.kind == "kunci-salah-eja":
            path = _rename(data, self.path, self.value)
        elif self.kind == "hapus":
            del parent[key]
            path = None
        else:
            parent[key] = self.value
        return emit(data, []), path


def _is_text(value: Any) -> bool:
    return isinstance(value, str)


def _is_filled_collection(value: Any) -> bool:
    return isinstance(value, dict | list) and bool(value)


@st.composite
def _place(draw: st.DrawFn, fits: Callable[[PathKey, Any], bool]) -> tuple[str, PathKey, Any]:
    files = [f for f in YAML_FILES if any(fits(p, v) for p, v in PLACES[f])]
    file = draw(st.sampled_from(files))
    path, value = draw(st.sampled_from([(p, v) for p, v in PLACES[file] if fits(p, v)]))
    return file, path, value


def _keyed(path: PathKey, value: Any) -> bool:
    return isinstance(path[-1], str)


@st.composite
def always_wrong(draw: st.DrawFn) -> Mutation:
    """Damage no schema accepts: exhaustively checked against every place of 2024."""
    kind = draw(
        st.sampled_from(
            ["peta-untuk-nilai", "daftar-untuk-nilai", "nilai-untuk-kumpulan", "kunci-salah-eja"]
        )
    )
    if kind == "peta-untuk-nilai":
        file, path, _ = draw(_place(lambda p, v: _is_text(v)))
        return Mutation(kind, file, path, {"x": draw(st.sampled_from(["1", "teks"]))})
    if kind == "daftar-untuk-nilai":
        file, path, _ = draw(_place(lambda p, v: _is_text(v)))
        return Mutation(kind, file, path, ["satu", "dua"])
    if kind == "nilai-untuk-kumpulan":
        file, path, _ = draw(_place(lambda p, v: _is_filled_collection(v)))
        return Mutation(kind, file, path, draw(st.sampled_from(["teks", "sebuah kalimat"])))
    file, path, _ = draw(_place(lambda p, v: _keyed(p, v) and bool(_typos(str(p[-1])))))
    return Mutation(kind, file, path, draw(st.sampled_from(_typos(str(path[-1])))))


NASTY_TEXT = st.one_of(
    st.text(max_size=40),
    st.sampled_from(
        [
            "\u202eاللغة العربية\u202c",  # right-to-left override
            "👩\u200d👩\u200d👧 🎉",  # emoji with zero-width joiners
            "e\u0301\u0301\u0301",  # stacked combining accents
            "\ufeff",
            "<script>alert(1)</script>",
            "{{ ''.__class__ }}",
            "nama: x\n- y",
        ]
    ),
)
NASTY_NUMBER = st.sampled_from(
    ["1" + "0" * 30, "-1", "-775.224", "0", "0,0000000000000000000001", "1.000.000,999", "١٢٣"]
)


@st.composite
def anything(draw: st.DrawFn) -> Mutation:
    """Any damage at all, plausible or not."""
    kind = draw(st.sampled_from(["salah", "hapus", "angka", "teks", "kosong"]))
    if kind == "salah":
        return draw(always_wrong())
    if kind == "hapus":
        file, path, _ = draw(_place(lambda p, v: True))
        return Mutation("hapus", file, path)
    file, path, _ = draw(_place(lambda p, v: _is_text(v)))
    if kind == "angka":
        return Mutation(kind, file, path, draw(NASTY_NUMBER))
    if kind == "teks":
        return Mutation(kind, file, path, draw(NASTY_TEXT))
    return Mutation(kind, file, path, None)


def _write(mutation: Mutation) -> int | None:
    """Damage the scratch copy; the line of the damaged value (none when deleted)."""
    text, path = mutation.apply()
    (YEAR / mutation.file).write_text(text, encoding="utf-8")
    if path is None:
        return None
    try:
        return parse_text(text, label(mutation.file)).position(path).line
    except InputError as exc:  # refused while reading (a control character): its line
        return exc.position.line if exc.position else None


@SETTINGS
@given(mutation=anything())
def test_any_damage_ends_calmly(mutation: Mutation) -> None:
    with workspace():
        _write(mutation)
        outcome = check()  # no crash, no traceback, exit 0/1/2 (see harness.lkjip)
        if outcome.exit_code:
            errors = {e for e in outcome.entries() if e[2] == "galat"}
            assert errors, outcome.text[-2000:]
            assert all(file.startswith("data/2024/") for file, _, _ in errors)


@SETTINGS
@given(mutation=always_wrong())
def test_wrong_shapes_and_misspelt_keys_are_refused_on_their_line(mutation: Mutation) -> None:
    with workspace():
        line = _write(mutation)
        assert_refused(check(), mutation.file, line)


@settings(SETTINGS, max_examples=30)
@given(mutation=always_wrong())
def test_a_refused_build_leaves_the_previous_report(
    mutation: Mutation, previous_report: dict[str, bytes]
) -> None:
    with workspace() as root:
        before = seed_previous(previous_report, root / OUT)
        line = _write(mutation)
        outcome = build()
        assert_refused(outcome, mutation.file, line)
        assert_build_refused(outcome, before)
