"""YAML → plain data whose scalars are all text, plus the position of every value.

YAML's implicit typing is the wrong tool for an Indonesian report: ``14.972``
would become a float, ``no`` a boolean and ``010`` an octal 8. This loader keeps
every scalar as the text the planner typed (the models parse it), refuses
anchors, aliases and duplicate keys, and caps size and depth before parsing so
that a hostile file cannot exhaust the process.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

import yaml
from yaml.composer import Composer
from yaml.events import AliasEvent, NodeEvent
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode
from yaml.parser import Parser
from yaml.reader import Reader
from yaml.resolver import BaseResolver
from yaml.scanner import Scanner

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

    def __str__(self) -> str:
        return f"{self.file}:{self.line}:{self.column}"


class InputError(Exception):
    """Input that cannot be read at all (missing, unreadable, not YAML): exit 2."""

    def __init__(self, message: str, position: Position | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.position = position


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


class _StrictComposer(Composer, BaseResolver):
    """A composer that refuses aliases/anchors and deep nesting, with positions.

    Tags are never resolved (every scalar stays text), so the plain
    ``BaseResolver`` does: no implicit-type regex runs on each scalar.
    """

    def __init__(self, label: str) -> None:
        Composer.__init__(self)
        BaseResolver.__init__(self)
        self._label = label
        self._depth = 0

    if TYPE_CHECKING:  # provided by the parser each loader below adds

        def check_event(self, *choices: Any) -> bool: ...
        def peek_event(self) -> Any: ...

    def compose_node(self, parent: Node | None, index: Any) -> Node | None:
        if self.check_event(AliasEvent):
            event = self.peek_event()
            raise InputError(
                "alias YAML (*nama) tidak diizinkan; tulis nilainya langsung",
                _pos(self._label, event.start_mark),
            )
        event = self.peek_event()
        if isinstance(event, NodeEvent) and event.anchor is not None:
            raise InputError(
                "anchor YAML (&nama) tidak diizinkan; tulis nilainya langsung",
                _pos(self._label, event.start_mark),
            )
        self._depth += 1
        if self._depth > MAX_DEPTH:
            raise InputError(
                f"struktur bersarang lebih dari {MAX_DEPTH} tingkat",
                _pos(self._label, event.start_mark),
            )
        try:
            node: Node | None = super().compose_node(parent, index)
            return node
        finally:
            self._depth -= 1


class _PurePythonLoader(_StrictComposer, Reader, Scanner, Parser):
    """PyYAML's own reader, scanner and parser (when PyYAML lacks libyaml)."""

    def __init__(self, stream: str, label: str) -> None:
        Reader.__init__(self, stream)
        Scanner.__init__(self)
        Parser.__init__(self)
        _StrictComposer.__init__(self, label)


_Loader: type[_PurePythonLoader] | type[_LibyamlLoader] = _PurePythonLoader

if yaml.__with_libyaml__:
    from yaml._yaml import CParser

    class _LibyamlLoader(_StrictComposer, CParser):
        """libyaml's scanner and parser (C, seven times faster), composed in Python.

        Only libyaml's *composer* recurses on the C stack (and crashes the
        process on deep nesting); its parser hands out events one at a time,
        and the Python composer above stops at MAX_DEPTH before the parser
        goes any deeper.
        """

        def __init__(self, stream: str, label: str) -> None:
            CParser.__init__(self, stream)
            _StrictComposer.__init__(self, label)

    _Loader = _LibyamlLoader


def _pos(label: str, mark: Any) -> Position:
    return Position(label, mark.line + 1, mark.column + 1)


def parse_text(text: str, label: str) -> Document:
    """Parse YAML text into a :class:`Document`; raise :class:`InputError`."""
    loader = _Loader(text, label)
    try:
        node = loader.get_single_node()
    except InputError:
        raise
    except yaml.YAMLError as exc:
        raise _yaml_error(exc, text, label) from None
    finally:
        loader.dispose()
    doc = Document(label, None)
    if node is None:
        doc.positions[()] = Position(label, 1, 1)
        return doc
    doc.data = _convert(node, (), doc)
    return doc


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
    mark = exc.problem_mark or exc.context_mark
    position = _pos(label, mark) if mark else Position(label, 1, 1)
    problem = exc.problem or exc.context or "sintaks YAML tidak sah"
    if "nesting depth" in problem:  # libyaml's own cap, reached while it reads ahead
        return InputError(f"struktur bersarang lebih dari {MAX_DEPTH} tingkat", position)
    lines = text.splitlines()
    if mark and mark.line < len(lines) and lines[mark.line][mark.column : mark.column + 1] == "\t":
        return InputError(
            "karakter tab tidak boleh dipakai di sini (indentasi YAML hanya dengan spasi); "
            "ganti tab dengan spasi",
            position,
        )
    return InputError(f"YAML tidak dapat dibaca: {problem}", position)


def _convert(node: Node, path: PathKey, doc: Document) -> Any:
    doc.positions[path] = _pos(doc.file, node.start_mark)
    if isinstance(node, ScalarNode):
        _refuse_unprintable(node, doc.file)
        # a plain scalar's style is None from PyYAML's parser, "" from libyaml's
        if not node.style and node.value in _NULLS:
            return None
        return node.value
    if isinstance(node, SequenceNode):
        return [_convert(item, (*path, i), doc) for i, item in enumerate(node.value)]
    if isinstance(node, MappingNode):
        result: dict[str, Any] = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, ScalarNode):
                raise InputError(
                    "kunci harus berupa teks biasa", _pos(doc.file, key_node.start_mark)
                )
            _refuse_unprintable(key_node, doc.file)
            key = key_node.value
            if key == "<<":
                raise InputError(
                    "penggabungan YAML (<<) tidak diizinkan", _pos(doc.file, key_node.start_mark)
                )
            if key in result:
                first = doc.positions[(*path, key)]
                raise InputError(
                    f"kunci '{key}' ditulis dua kali (pertama di baris {first.line}); "
                    "hapus salah satunya",
                    _pos(doc.file, key_node.start_mark),
                )
            if (
                node.flow_style
                and key.isdigit()
                and isinstance(value_node, ScalarNode)
                and not value_node.style
                and value_node.value in _NULLS
                and result
            ):
                raise InputError(
                    f"'{key}' tampak sebagai sisa angka desimal: di dalam {{...}} koma memisahkan "
                    "entri, jadi '96,70' terbelah menjadi '96' dan '70'. Tulis dalam bentuk blok "
                    "(satu entri per baris) atau beri tanda kutip ('96,70')",
                    _pos(doc.file, key_node.start_mark),
                )
            result[key] = _convert(value_node, (*path, key), doc)
        return result
    raise InputError("jenis node YAML tidak dikenal", _pos(doc.file, node.start_mark))


def unprintable(text: str) -> tuple[int, str] | None:
    """Index and code (``U+0007``) of the first character no report can hold, if any."""
    found = _UNPRINTABLE.search(text)
    return (found.start(), f"U+{ord(found.group()):04X}") if found else None


def _refuse_unprintable(node: ScalarNode, label: str) -> None:
    if (found := unprintable(node.value)) is not None:
        raise InputError(
            f"teks berisi karakter {found[1]} yang tidak dapat dicetak (karakter kendali atau "
            "surrogate); hapus escape itu dari teks",
            _pos(label, node.start_mark),
        )


def _too_big(size: str, label: str) -> InputError:
    return InputError(
        f"berkas terlalu besar ({size}; paling besar {MAX_FILE_BYTES} bita)", Position(label, 1, 1)
    )


def load_file(path: Path, label: str | None = None) -> Document:
    """Read and parse one YAML file; every failure is an :class:`InputError`."""
    label = label or str(path)
    try:
        size = path.stat().st_size
    except FileNotFoundError:
        raise InputError(f"berkas tidak ditemukan: {label}") from None
    except OSError as exc:
        raise InputError(f"berkas tidak dapat dibaca: {label} ({exc.strerror})") from None
    if size > MAX_FILE_BYTES:
        raise _too_big(f"{size} bita", label)
    try:
        with path.open("rb") as handle:
            # bounded: a device or a file growing meanwhile must not be read whole
            raw = handle.read(MAX_FILE_BYTES + 1)
        if len(raw) > MAX_FILE_BYTES:
            raise _too_big(f"lebih dari {MAX_FILE_BYTES} bita", label)
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(
            f"berkas bukan teks UTF-8 (bita ke-{exc.start})",
            Position(label, raw[: exc.start].count(b"\n") + 1, 1),
        ) from None
    except OSError as exc:
        raise InputError(f"berkas tidak dapat dibaca: {label} ({exc.strerror})") from None
    if (nul := text.find("\x00")) >= 0:
        raise InputError(
            "berkas berisi karakter NUL; bukan YAML",
            Position(label, text.count("\n", 0, nul) + 1, 1),
        )
    return parse_text(text, label)
