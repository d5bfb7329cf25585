"""YAML → plain data whose scalars are all text, plus the position of every value.

YAML's implicit typing is the wrong tool for an Indonesian report: ``14.972``
would become a float, ``no`` a boolean and ``010`` an octal 8. This loader keeps
every scalar as the text the planner typed (the models parse it), refuses
anchors, aliases, tags (``!!str``, ``!custom``) and duplicate keys, and caps
size and depth before parsing so that a hostile file cannot exhaust the process.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, cast

import yaml
from yaml.composer import ComposerError
from yaml.events import (
    AliasEvent,
    MappingEndEvent,
    MappingStartEvent,
    ScalarEvent,
    SequenceEndEvent,
    SequenceStartEvent,
    StreamEndEvent,
)
from yaml.parser import Parser
from yaml.reader import Reader
from yaml.scanner import Scanner

from lkjip_cli.datafiles import read_data_file
from lkjip_cli.errors import InputError

MAX_FILE_BYTES = 8 * 1024 * 1024
"""Largest data file read: a whole district's budget tree (50 agencies) is about 2.5 MB."""
MAX_DEPTH = 40
_NULLS = {"", "~", "null", "Null", "NULL"}

PathKey = tuple[str | int, ...]

# YAML's reader refuses these characters in the file, but a double-quoted escape
# ("\x07", "\ud800") still makes them: no DOCX/XML can hold them, no terminal
# should receive them, and a lone surrogate cannot even be encoded.
_UNPRINTABLE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")


@dataclass(frozen=True)
class Position:
    """Where a value stands: file, 1-based line and column."""

    file: str
    line: int
    column: int
    cell: str | None = None
    """A spreadsheet cell, ``Sheet1!C12``: then line and column are its row and column."""

    def __str__(self) -> str:
        if self.cell is not None:
            return f"{self.file}!{self.cell}"
        return f"{self.file}:{self.line}:{self.column}"


@dataclass
class Document:
    """One YAML file: its data (text scalars) and the position of every path."""

    file: str
    data: Any
    positions: dict[PathKey, Position] = field(default_factory=dict)

    def position(self, path: PathKey) -> Position:
        """The position of ``path``, or of its nearest ancestor that has one."""
        while path:
            if path in self.positions:
                return self.positions[path]
            path = path[:-1]
        return self.positions.get((), Position(self.file, 1, 1))


class _PurePythonLoader(Reader, Scanner, Parser):
    """PyYAML's own reader, scanner and parser (when PyYAML lacks libyaml)."""

    def __init__(self, stream: str) -> None:
        Reader.__init__(self, stream)
        Scanner.__init__(self)
        Parser.__init__(self)


_Loader: Any = _PurePythonLoader
"""The event parser: libyaml's (C, seven times faster) when PyYAML has it.

Only libyaml's *composer* recurses on the C stack (and crashes the process on
deep nesting); its parser hands out events one at a time, and :func:`_compose`
stops at MAX_DEPTH before the parser goes any deeper.
"""

if yaml.__with_libyaml__:
    from yaml._yaml import CParser

    _Loader = CParser


def _pos(label: str, mark: Any) -> Position:
    return Position(label, mark.line + 1, mark.column + 1)


def parse_text(text: str, label: str) -> Document:
    """Parse YAML text into a :class:`Document`; raise :class:`InputError`."""
    parser = _Loader(text)
    doc = Document(label, None)
    try:
        parser.get_event()  # stream start
        if parser.check_event(StreamEndEvent):  # no document: an empty file
            doc.positions[()] = Position(label, 1, 1)
            return doc
        start = parser.get_event()
        doc.data = _compose(parser, doc)
        parser.get_event()  # document end
        if not parser.check_event(StreamEndEvent):
            raise ComposerError(
                "expected a single document in the stream",
                start.start_mark,
                "but found another document",
                parser.get_event().start_mark,
            )
    except yaml.YAMLError as exc:
        raise _yaml_error(exc, text, label) from None
    finally:
        parser.dispose()
    return doc


class _Open:
    """A mapping or sequence whose end event has not come yet."""

    __slots__ = ("flow", "is_map", "key", "key_mark", "key_plain", "path", "value")

    def __init__(self, value: dict[str, Any] | list[Any], path: PathKey, flow: bool) -> None:
        self.value = value
        self.path = path
        self.is_map = isinstance(value, dict)
        self.flow = flow
        self.key: str | None = None
        """The mapping's key whose value comes next."""
        self.key_mark: Any = None
        self.key_plain = False
        """Whether the key was written without quotes (a split decimal's is)."""


def _compose(parser: Any, doc: Document) -> Any:
    """One document's events → data whose scalars are text; positions into ``doc``.

    PyYAML's composer would build a node tree first and resolve a tag for every
    scalar; this reads the parser's events straight into dicts, lists and text
    (half the time), keeping a stack instead of recursing, and refuses
    what the module docstring says as soon as it is read.
    """
    label, positions = doc.file, doc.positions
    get_event = parser.get_event
    stack: list[_Open] = []
    while True:
        event = get_event()
        kind = type(event)
        if kind is MappingEndEvent or kind is SequenceEndEvent:
            value = stack.pop().value
            if not stack:
                return value
            _attach(stack[-1], value)
            continue
        # a node: refused outright if it is an alias, anchored or too deep
        if kind is AliasEvent:
            raise InputError(
                "alias YAML (*nama) tidak diizinkan; tulis nilainya langsung",
                _pos(label, event.start_mark),
            )
        if event.anchor is not None:
            raise InputError(
                "anchor YAML (&nama) tidak diizinkan; tulis nilainya langsung",
                _pos(label, event.start_mark),
            )
        if event.tag is not None:
            raise InputError(
                f"tag YAML ({_tag(event.tag)}) tidak diizinkan; hapus tag itu dan tulis "
                "nilainya langsung (beri tanda kutip bila nilainya harus dibaca sebagai teks)",
                _pos(label, event.start_mark),
            )
        if len(stack) >= MAX_DEPTH:
            raise InputError(
                f"struktur bersarang lebih dari {MAX_DEPTH} tingkat",
                _pos(label, event.start_mark),
            )
        parent = stack[-1] if stack else None
        if parent is None:
            path: PathKey = ()
        elif not parent.is_map:
            path = (*parent.path, len(parent.value))
        elif parent.key is None:
            _key(event, parent, positions, label)
            continue
        else:
            path = (*parent.path, parent.key)
            if parent.flow and kind is ScalarEvent:
                _refuse_split_decimal(event, parent, label)
        positions[path] = _pos(label, event.start_mark)
        if kind is ScalarEvent:
            _refuse_unprintable(event, label)
            # a plain scalar's style is None from PyYAML's parser, "" from libyaml's
            text = None if not event.style and event.value in _NULLS else event.value
            if parent is None:
                return text
            _attach(parent, text)
        elif kind is MappingStartEvent:
            stack.append(_Open({}, path, bool(event.flow_style)))
        elif kind is SequenceStartEvent:
            stack.append(_Open([], path, False))
        else:  # a parser hands out nothing else inside a document
            raise InputError("jenis node YAML tidak dikenal", _pos(label, event.start_mark))


def _tag(tag: str) -> str:
    """A tag as the planner typed it: ``tag:yaml.org,2002:str`` is ``!!str``."""
    return "!!" + tag.removeprefix(_YAML_TAGS) if tag.startswith(_YAML_TAGS) else tag


_YAML_TAGS = "tag:yaml.org,2002:"


def _attach(parent: _Open, value: Any) -> None:
    if parent.key is None:
        cast("list[Any]", parent.value).append(value)
    else:
        cast("dict[str, Any]", parent.value)[parent.key] = value
        parent.key = None


def _key(event: Any, parent: _Open, positions: dict[PathKey, Position], label: str) -> None:
    """A mapping's key: plain text, not ``<<``, not written twice."""
    if type(event) is not ScalarEvent:
        raise InputError("kunci harus berupa teks biasa", _pos(label, event.start_mark))
    _refuse_unprintable(event, label)
    key = event.value
    if key == "<<":
        raise InputError("penggabungan YAML (<<) tidak diizinkan", _pos(label, event.start_mark))
    if key in parent.value:
        first = positions[(*parent.path, key)]
        raise InputError(
            f"kunci '{key}' ditulis dua kali (pertama di baris {first.line}); hapus salah satunya",
            _pos(label, event.start_mark),
        )
    parent.key = key
    parent.key_mark = event.start_mark
    parent.key_plain = not event.style


def _refuse_split_decimal(value: Any, parent: _Open, label: str) -> None:
    """``{2022: 96,70}``: the comma split a decimal into an entry ``70:`` with no value."""
    key = cast(str, parent.key)
    # A quoted key ({'0': null}) was written as text on purpose, and a comma splits
    # only ASCII digits (not '٣' nor '²'): neither is what a comma left behind.
    split = parent.key_plain and key.isascii() and key.isdigit()
    if split and not value.style and value.value in _NULLS and parent.value:
        before = list(parent.value.values())[-1] if isinstance(parent.value, dict) else None
        head = before if isinstance(before, str) and before.strip() else "…"
        number = f"{head.strip()},{key}"  # the user's own number, as written
        raise InputError(
            f"'{key}' tampak sebagai sisa angka desimal: di dalam {{...}} koma memisahkan "
            f"entri, jadi '{number}' terbelah menjadi '{head.strip()}' dan '{key}'. Tulis "
            f"dalam bentuk blok (satu entri per baris) atau beri tanda kutip ('{number}')",
            _pos(label, parent.key_mark),
        )


# What YAML's readers (PyYAML's and libyaml's) refuse in a file.
_NOT_YAML = re.compile("[^\t\n\r\x20-\x7e\x85\xa0-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def _yaml_error(exc: yaml.YAMLError, text: str, label: str) -> InputError:
    """The parser's error as a message with its position (the wording of both parsers)."""
    if isinstance(exc, yaml.reader.ReaderError) and (found := _NOT_YAML.search(text)):
        line = text.count("\n", 0, found.start()) + 1
        column = found.start() - (text.rfind("\n", 0, found.start()) + 1) + 1
        return InputError(
            f"berkas berisi karakter U+{ord(found.group()):04X} yang tidak dapat dicetak; "
            "hapus karakter itu",
            Position(label, line, column),
        )
    if not isinstance(exc, yaml.MarkedYAMLError):
        return InputError(f"YAML tidak dapat dibaca: {exc}", Position(label, 1, 1))
    problem = exc.problem or exc.context or "sintaks YAML tidak sah"
    # A key without its colon is noticed only on the next key's line; the key's own
    # line (the context) is the one to correct.
    mark = (
        exc.context_mark
        if problem.startswith("could not find expected ':'") and exc.context_mark
        else exc.problem_mark or exc.context_mark
    )
    position = _pos(label, mark) if mark else Position(label, 1, 1)
    if "nesting depth" in problem:  # libyaml's own cap, reached while it reads ahead
        return InputError(f"struktur bersarang lebih dari {MAX_DEPTH} tingkat", position)
    lines = text.splitlines()
    if mark and mark.line < len(lines) and lines[mark.line][mark.column : mark.column + 1] == "\t":
        return InputError(
            "karakter tab tidak boleh dipakai di sini (indentasi YAML hanya dengan spasi); "
            "ganti tab dengan spasi",
            position,
        )
    return InputError(f"YAML tidak dapat dibaca: {_in_words(problem)}", position)


# The parsers' messages a planner meets, mostly misplaced indentation, in words
# that say what to look at; the parser's own wording stays in brackets for search.
_PROBLEMS = (
    (
        "did not find expected '-' indicator",
        "baris ini tidak sejajar dengan butir daftar di atasnya: setiap butir diawali '-' "
        "pada kolom yang sama, dan kunci di dalam butir menjorok sama dengan kunci "
        "pertamanya; periksa jumlah spasi di awal baris",
    ),
    (
        "did not find expected key",
        "baris ini tidak sejajar dengan kunci di atasnya: kunci yang setingkat harus "
        "diawali jumlah spasi yang sama (dan '-' butir daftar diikuti spasi); periksa "
        "indentasi baris ini dan baris sebelumnya",
    ),
    (
        "mapping values are not allowed",
        "tanda ':' tidak diharapkan di sini: indentasi baris ini berlebih, atau teks "
        "yang memuat ': ' harus diapit tanda kutip (\"Pokok: uraian\")",
    ),
    (
        "could not find expected ':'",
        "baris ini tidak memiliki ':' setelah kuncinya (kunci: nilai); bila teks "
        "berlanjut dari baris sebelumnya, tulis teks itu dalam satu baris atau apit "
        "dengan tanda kutip",
    ),
    (
        "did not find expected ',' or",
        "kurung '[' atau '{' di atas belum ditutup dengan ']' atau '}'",
    ),
    (
        "found unexpected end of stream",
        "berkas berakhir sebelum tanda kutip atau kurung ditutup",
    ),
    (
        "found character that cannot start any token",
        "nilai tidak boleh diawali karakter ini (mis. @ atau `); apit nilainya dengan tanda kutip",
    ),
    (
        "block sequence entries are not allowed",
        "'-' butir daftar tidak boleh di sini: tulis daftar di baris-baris di bawah "
        "kuncinya, menjorok lebih dalam",
    ),
)


def _in_words(problem: str) -> str:
    """The parser's ``problem`` explained in Indonesian, with the original in brackets."""
    for start, words in _PROBLEMS:
        if problem.startswith(start):
            return f"{words} ({problem})"
    return problem


def unprintable(text: str) -> tuple[int, str] | None:
    """Index and code (``U+0007``) of the first character no report can hold, if any."""
    found = _UNPRINTABLE.search(text)
    return (found.start(), f"U+{ord(found.group()):04X}") if found else None


def _refuse_unprintable(event: Any, label: str) -> None:
    if (found := unprintable(event.value)) is not None:
        raise InputError(
            f"teks berisi karakter {found[1]} yang tidak dapat dicetak (karakter kendali atau "
            "surrogate); hapus escape itu dari teks",
            _pos(label, event.start_mark),
        )


def load_file(path: Path, label: str | None = None, *, root: Path | None = None) -> Document:
    """Read and parse one YAML file of ``root`` (by default its folder); :class:`InputError`."""
    label = label or str(path)
    raw = read_data_file(root or path.parent, path, label=label, limit=MAX_FILE_BYTES)
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(
            f"berkas bukan teks UTF-8 (bita ke-{exc.start})",
            Position(label, raw[: exc.start].count(b"\n") + 1, 1),
        ) from None
    if (nul := text.find("\x00")) >= 0:
        raise InputError(
            "berkas berisi karakter NUL; bukan YAML",
            Position(label, text.count("\n", 0, nul) + 1, 1),
        )
    return parse_text(text, label)
