"""Plain data (text scalars) → YAML text in the style of the data files.

The loader reads every scalar as text, so writing one back is a question of
quoting, never of number formats: a value goes out exactly as it will be read.
Small mappings and lists of short scalars are written in flow style
(``{nama: Fisik, jumlah: 278}``) as planners write them; anything with a comma
stays in block style, where ``95,38`` needs no quotes. A value may carry a note
(:class:`Isi`), shown as a comment beside it, and a mapping may hold comment
lines (:class:`Note` keys).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

WIDTH = 100
"""Longest line written in flow style."""

_INDICATORS = frozenset("-?:,[]{}#&*!|>'\"%@`")
_NULL_WORDS = frozenset({"null", "Null", "NULL", "~"})


class Quoted(str):
    """Text that its writer quoted (``nip: "19760204 199612 1 001"``): it stays quoted."""

    __slots__ = ()


class Block(dict):  # type: ignore[type-arg]
    """A mapping its writer wrote in block style: it is not folded into one line."""

    __slots__ = ()


class BlockList(list):  # type: ignore[type-arg]
    """A list its writer wrote in block style: it is not folded into one line."""

    __slots__ = ()


@dataclass(frozen=True)
class Isi:
    """A value with a note beside it: ``pagu_murni: 0  # ISI: pagu murni DPA 2025``."""

    value: Any
    note: str
    mark: str = "ISI"


@dataclass(frozen=True)
class Note:
    """A comment line inside a mapping (used as a key; its value is ignored)."""

    text: str


def plain(node: Any) -> Any:
    """The data as the loader will read it back: notes and comments removed."""
    if isinstance(node, Isi):
        return plain(node.value)
    if isinstance(node, dict):
        return {k: plain(v) for k, v in node.items() if not isinstance(k, Note)}
    if isinstance(node, list):
        return [plain(item) for item in node]
    return node


def mark_quoted(text: str, data: Any) -> Any:
    """``data`` (as the loader read ``text``) with its writer's style marked.

    Every quoted scalar becomes a :class:`Quoted`, every mapping or list written
    in block style a :class:`Block` or :class:`BlockList`, so that a file written
    again from it keeps the look (and the places for comments) of the original.
    """
    return _marked(yaml.compose(text, Loader=yaml.SafeLoader), data)


def _marked(node: Node | None, data: Any) -> Any:
    if isinstance(node, ScalarNode):
        return Quoted(data) if isinstance(data, str) and node.style in ("'", '"') else data
    if isinstance(node, SequenceNode) and isinstance(data, list):
        items = [_marked(n, d) for n, d in zip(node.value, data, strict=False)]
        return items if node.flow_style else BlockList(items)
    if isinstance(node, MappingNode) and isinstance(data, dict):
        values = {k.value: v for k, v in node.value if isinstance(k, ScalarNode)}
        mapping = {key: _marked(values.get(key), value) for key, value in data.items()}
        return mapping if node.flow_style else Block(mapping)
    return data


def emit(tree: dict[Any, Any], header: list[str]) -> str:
    """A whole file: header comment lines, then the mapping."""
    lines = [*header, *(_mapping(tree, 0) if plain(tree) else ["{}"])]
    return "\n".join(lines) + "\n"


def scalar(text: str | None, *, flow: bool = False) -> str:
    """A scalar as YAML: plain when it reads back unchanged, else double-quoted."""
    if text is None:
        return "null"
    if not isinstance(text, Quoted) and _plain_ok(text, flow=flow):
        return text
    return '"' + "".join(_escape(c) for c in text) + '"'


_ESCAPES = {'"': '\\"', "\\": "\\\\", "\n": "\\n", "\t": "\\t", "\r": "\\r"}


def _escape(char: str) -> str:
    """One character inside a double-quoted YAML scalar."""
    if char in _ESCAPES:
        return _ESCAPES[char]
    if char.isprintable():
        return char
    code = ord(char)
    if code <= 0xFF:
        return f"\\x{code:02x}"
    return f"\\u{code:04x}" if code <= 0xFFFF else f"\\U{code:08x}"


def _plain_ok(text: str, *, flow: bool) -> bool:
    if not text or text != text.strip() or not text.isprintable():
        return False
    if text[0] in _INDICATORS or text in _NULL_WORDS:
        return False
    if ": " in text or " #" in text or text.endswith(":"):
        return False
    return not (flow and any(c in text for c in ",[]{}"))


def _comment(text: str) -> str:
    """One line of comment: whitespace collapsed, nothing YAML cannot hold."""
    return " ".join("".join(c if c.isprintable() else " " for c in text).split())


def _mapping(mapping: dict[Any, Any], indent: int) -> list[str]:
    pad = " " * indent
    lines: list[str] = []
    for key, value in mapping.items():
        if isinstance(key, Note):
            lines.append(f"{pad}# {_comment(key.text)}")
            continue
        note = ""
        if isinstance(value, Isi):
            note = f"  # {value.mark}: {_comment(value.note)}"
            value = value.value
        head = f"{pad}{scalar(str(key), flow=True)}:"
        if value is None:
            lines.append(f"{head}{note}" if note else f"{head} null")
        elif isinstance(value, str):
            lines.append(f"{head} {scalar(value)}{note}")
        else:
            lines.extend(_collection(head, value, note, indent))
    return lines


def _collection(head: str, value: Any, note: str, indent: int) -> list[str]:
    real = [k for k in value if not isinstance(k, Note)] if isinstance(value, dict) else value
    if not real:
        empty = "{}" if isinstance(value, dict) else "[]"
        notes = [k for k in value if isinstance(k, Note)] if isinstance(value, dict) else []
        return [
            f"{head} {empty}{note}",
            *(f"{' ' * (indent + 2)}# {_comment(n.text)}" for n in notes),
        ]
    flow = _flow(value)
    if flow is not None and len(f"{head} {flow}{note}") <= WIDTH:
        return [f"{head} {flow}{note}"]
    return [f"{head}{note}", *_block(value, indent + 2)]


def _block(value: Any, indent: int) -> list[str]:
    if isinstance(value, dict):
        return _mapping(value, indent)
    return _sequence(value, indent)


def _sequence(items: list[Any], indent: int) -> list[str]:
    pad = " " * indent
    lines: list[str] = []
    for item in items:
        if item is None or isinstance(item, str):
            lines.append(f"{pad}- {scalar(item)}")
            continue
        flow = _flow(item)
        if flow is not None and len(f"{pad}- {flow}") <= WIDTH:
            lines.append(f"{pad}- {flow}")
            continue
        inner = _block(item, indent + 2)
        if not inner:
            lines.append(f"{pad}- {'{}' if isinstance(item, dict) else '[]'}")
            continue
        lines.append(f"{pad}- {inner[0][indent + 2 :]}")
        lines.extend(inner[1:])
    return lines


def _flow(value: Any) -> str | None:
    """One-line form of a mapping or list of scalars, or None when it has none."""
    if isinstance(value, Block | BlockList):
        return None
    if isinstance(value, dict):
        parts = []
        for key, item in value.items():
            if isinstance(key, Note) or not (item is None or isinstance(item, str)):
                return None
            if not _plain_ok(str(key), flow=True):
                return None
            if str(key).isdigit() and item is None:
                return None  # the loader reads {a: 1, 70: null} as a split decimal comma
            if item is not None and not (isinstance(item, Quoted) or _plain_ok(item, flow=True)):
                return None
            parts.append(f"{key}: {scalar(item, flow=True)}")
        return "{" + ", ".join(parts) + "}"
    if isinstance(value, list):
        if not all(
            isinstance(item, str) and (isinstance(item, Quoted) or _plain_ok(item, flow=True))
            for item in value
        ):
            return None
        return "[" + ", ".join(scalar(item, flow=True) for item in value) + "]"
    return None
