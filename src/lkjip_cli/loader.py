"""YAML → plain data whose scalars are all text, plus the position of every value.

YAML's implicit typing is the wrong tool for an Indonesian report: ``14.972``
would become a float, ``no`` a boolean and ``010`` an octal 8. This loader keeps
every scalar as the text the planner typed (the models parse it), refuses
anchors, aliases and duplicate keys, and caps size and depth before parsing so
that a hostile file cannot exhaust the process.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from yaml.events import AliasEvent, NodeEvent
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

MAX_FILE_BYTES = 2 * 1024 * 1024
MAX_DEPTH = 40
_NULLS = {"", "~", "null", "Null", "NULL"}

PathKey = tuple[str | int, ...]


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


class _StrictLoader(yaml.SafeLoader):
    """A composer that refuses aliases/anchors and deep nesting, with positions."""

    def __init__(self, stream: str, label: str) -> None:
        super().__init__(stream)
        self._label = label
        self._depth = 0

    def compose_node(self, parent: Node | None, index: Any) -> Node | None:
        if self.check_event(AliasEvent):
            event = self.peek_event()  # type: ignore[no-untyped-call]
            raise InputError(
                "alias YAML (*nama) tidak diizinkan; tulis nilainya langsung",
                _pos(self._label, event.start_mark),
            )
        event = self.peek_event()  # type: ignore[no-untyped-call]
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


def _pos(label: str, mark: Any) -> Position:
    return Position(label, mark.line + 1, mark.column + 1)


def parse_text(text: str, label: str) -> Document:
    """Parse YAML text into a :class:`Document`; raise :class:`InputError`."""
    loader = _StrictLoader(text, label)
    try:
        node = loader.get_single_node()
    except InputError:
        raise
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        problem = exc.problem or exc.context or "sintaks YAML tidak sah"
        raise InputError(
            f"YAML tidak dapat dibaca: {problem}", _pos(label, mark) if mark else None
        ) from None
    except yaml.YAMLError as exc:
        raise InputError(f"YAML tidak dapat dibaca: {exc}") from None
    finally:
        loader.dispose()
    doc = Document(label, None)
    if node is None:
        doc.positions[()] = Position(label, 1, 1)
        return doc
    doc.data = _convert(node, (), doc)
    return doc


def _convert(node: Node, path: PathKey, doc: Document) -> Any:
    doc.positions[path] = _pos(doc.file, node.start_mark)
    if isinstance(node, ScalarNode):
        if node.style is None and node.value in _NULLS:
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
                and value_node.style is None
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
        raise InputError(
            f"berkas terlalu besar ({size} bita; paling besar {MAX_FILE_BYTES} bita)",
            Position(label, 1, 1),
        )
    try:
        raw = path.read_bytes()
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(
            f"berkas bukan teks UTF-8 (bita ke-{exc.start})", Position(label, 1, 1)
        ) from None
    except OSError as exc:
        raise InputError(f"berkas tidak dapat dibaca: {label} ({exc.strerror})") from None
    if "\x00" in text:
        raise InputError("berkas berisi karakter NUL; bukan YAML", Position(label, 1, 1))
    return parse_text(text, label)
