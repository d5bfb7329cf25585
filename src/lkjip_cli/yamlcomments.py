"""Carry a data file's comments into a new version of it (``lkjip new``).

A planner's comments (``# KOREKSI: ...``, where a figure comes from) are part of
the data: a new year written from last year's data keeps them beside the same
keys. ruamel.yaml's round trip reads both texts to find where each comment of
the old text stands (the key or list item it follows) and where that key is in
the new text; the comment is then added to the new text as text, so nothing else
of it changes. A comment beside a key goes beside the same key, unless the new
text has its own note there (``# ISI``, ``# PERIKSA``: what to do now comes
first); comment lines below it follow it. Items of a list are matched by their
``id`` (or ``indikator``) when they have one, else by position. Comments of keys
the new text no longer has are dropped with them.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.tokens import CommentToken

from lkjip_cli.impor.yamledit import _yaml

_ITEM_KEYS = ("id", "indikator")
"""Keys that name a list item, so that a comment follows its item, not its position."""


@dataclass
class _Plan:
    beside: dict[int, tuple[str, int]] = field(default_factory=dict)
    """New line index → the comment to write at its end, and its old column."""
    above: dict[int, list[str]] = field(default_factory=dict)
    """New line index → comment lines to add right before it."""
    under: dict[int, list[str]] = field(default_factory=dict)
    """New line index → comment lines to add right after it."""
    below: dict[int, list[str]] = field(default_factory=dict)
    """New line index → comment lines to add after the block that starts there."""
    indent: dict[int, int] = field(default_factory=dict)
    """New line index → the column of its key (where its block ends)."""
    head: list[str] = field(default_factory=list)
    """Comment lines of the old file's top, after those of the new one."""


def carry_comments(old_text: str, new_text: str, rename: Mapping[str, str] | None = None) -> str:
    """``new_text`` with the comments of ``old_text`` at the same paths.

    ``rename`` maps a top-level key of the new text to the old key it was made
    from (``{"murni": "perubahan"}``: a new PK made from last year's revision).
    The old text's first comment lines (its schema line aside) follow the new
    text's.
    """
    yaml = _yaml()
    old, new = yaml.load(old_text), yaml.load(new_text)
    if not isinstance(old, CommentedMap) or not isinstance(new, CommentedMap):
        return new_text
    plan = _Plan()
    head = old.ca.comment[1] if old.ca.comment and len(old.ca.comment) > 1 else None
    for token in head or []:
        plan.head.extend(
            line.rstrip()
            for line in token.value.split("\n")
            if line.strip() and "yaml-language-server:" not in line
        )
    for key in new:
        source = (rename or {}).get(key, key)
        if source in old:
            _note(plan, old.ca.items.get(source), new.lc.key(key))
            _carry(plan, old[source], new[key])
    return _apply(new_text, plan)


def _note(plan: _Plan, entry: list[Any] | None, where: tuple[int, int]) -> None:
    """Plan the comment ``entry`` (of a key or item in the old text) at ``where`` in the new."""
    line, column = where
    for position, part in enumerate(entry or []):
        if isinstance(part, list):  # whole comment lines above the key, or right under it
            lines = [f"{' ' * t.column}{t.value.strip()}" for t in part if t.value.strip()]
            target = plan.above if position == 1 else plan.under
            target.setdefault(line, []).extend(lines)
            continue
        if not isinstance(part, CommentToken):
            continue
        first, *rest = part.value.split("\n")
        if first.strip() and line not in plan.beside:
            plan.beside[line] = (first.strip(), part.column)
        lines = [r.rstrip() for r in rest if r.strip()]
        if lines:
            plan.below.setdefault(line, []).extend(lines)
            plan.indent[line] = column


def _name(item: Any) -> Any:
    if isinstance(item, CommentedMap):
        for key in _ITEM_KEYS:
            if isinstance(item.get(key), str):
                return (key, item[key])
    return None


def _carry(plan: _Plan, old: Any, new: Any) -> None:
    if isinstance(old, CommentedMap) and isinstance(new, CommentedMap):
        for key in new:
            if key in old:
                _note(plan, old.ca.items.get(key), new.lc.key(key))
                _carry(plan, old[key], new[key])
    elif isinstance(old, CommentedSeq) and isinstance(new, CommentedSeq):
        named = {_name(item): i for i, item in enumerate(old) if _name(item) is not None}
        for j, item in enumerate(new):
            name = _name(item)
            i = named.get(name) if name is not None else (j if j < len(old) else None)
            if i is None:
                continue
            line, column = new.lc.item(j)
            _note(plan, old.ca.items.get(i), (line, max(column - 2, 0)))  # the dash's column
            _carry(plan, old[i], item)


def _apply(text: str, plan: _Plan) -> str:
    lines = text.split("\n")
    top = next((i for i, line in enumerate(lines) if not line.startswith("#")), len(lines))
    lines[top:top] = plan.head
    shift = len(plan.head)
    plan.beside = {i + shift if i >= top else i: c for i, c in plan.beside.items()}
    plan.below = {i + shift if i >= top else i: c for i, c in plan.below.items()}
    plan.indent = {i + shift if i >= top else i: c for i, c in plan.indent.items()}
    plan.under = {i + shift if i >= top else i: c for i, c in plan.under.items()}
    plan.above = {i + shift if i >= top else i: c for i, c in plan.above.items()}
    for index, (comment, column) in plan.beside.items():
        if "#" not in lines[index]:  # a new note (ISI, PERIKSA) stays alone
            pad = " " * max(2, column - len(lines[index]))
            lines[index] = f"{lines[index]}{pad}{comment}"
    inserts: dict[int, list[str]] = {i: list(c) for i, c in plan.above.items()}
    for index, under in plan.under.items():
        inserts.setdefault(index + 1, []).extend(under)
    for index, below in plan.below.items():
        end = index + 1
        while end < len(lines) and (
            not lines[end].strip()
            or lines[end].lstrip().startswith("#")
            or len(lines[end]) - len(lines[end].lstrip()) > plan.indent[index]
        ):
            end += 1
        while end > index + 1 and not lines[end - 1].strip():
            end -= 1  # before the blank lines that end the file or part it
        inserts.setdefault(end, []).extend(below)
    out: list[str] = []
    for index, line in enumerate(lines):
        out.extend(inserts.get(index, []))
        out.append(line)
    return "\n".join([*out, *inserts.get(len(lines), [])])
