"""Change amounts in anggaran.yaml in place, keeping every comment, the order and layout.

ruamel.yaml's round trip keeps what a planner wrote (comments, flow mappings,
quotes; a comment beside a changed amount stays beside it). A changed amount is
written plain in Indonesian notation (``1.550.448``, ``5.046.629.436,54``),
never quoted, so that the file's diff shows the amounts and nothing else.
"""

from __future__ import annotations

import io
from collections.abc import Mapping, Sequence
from decimal import Decimal
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap
from ruamel.yaml.nodes import ScalarNode

from lkjip_cli.numbers import format_money_plain

Path3 = tuple[int, int, int]


class _Amount(str):
    """An amount as its text; represented with the tag its plain form resolves to."""

    __slots__ = ()


def _yaml() -> YAML:
    yaml = YAML()  # round trip
    yaml.preserve_quotes = True
    yaml.width = 4096  # never fold a long line the planner wrote on one
    yaml.indent(mapping=2, sequence=4, offset=2)

    def represent(representer: Any, data: _Amount) -> Any:
        # "100" would be quoted as a string; as the int it resolves to, it stays plain
        tag = yaml.resolver.resolve(ScalarNode, str(data), (True, False))
        return representer.represent_scalar(tag, str(data))

    yaml.representer.add_representer(_Amount, represent)
    return yaml


def set_amounts(
    text: str,
    changes: Mapping[Path3, Mapping[str, Decimal]],
    added: Sequence[tuple[tuple[int, int], Mapping[str, str | Decimal]]] = (),
) -> str:
    """``text`` with each sub kegiatan's amounts replaced (program/kegiatan/sub indexes).

    ``added`` sub kegiatan (kode, nama and amounts) go at the end of their kegiatan.
    """
    yaml = _yaml()
    doc = yaml.load(text)
    for (pi, ki), fields in added:
        entry = CommentedMap()
        for name, value in fields.items():
            if isinstance(value, Decimal):
                entry[name] = _Amount(format_money_plain(value))
            elif value:
                entry[name] = value
        doc["program"][pi]["kegiatan"][ki]["sub_kegiatan"].append(entry)
    for (pi, ki, si), amounts in changes.items():
        node = doc["program"][pi]["kegiatan"][ki]["sub_kegiatan"][si]
        for name, value in amounts.items():
            amount = _Amount(format_money_plain(value))
            if name in node:
                _keep_comment_apart(node, name, amount)
                node[name] = amount
            else:  # realisasi left out: it goes after the amounts before it
                keys = list(node)
                after = [k for k in ("nama", "pagu_murni", "pagu_perubahan") if k in keys]
                node.insert(keys.index(after[-1]) + 1 if after else len(keys), name, amount)
    out = io.StringIO()
    yaml.dump(doc, out)
    return out.getvalue()


def _keep_comment_apart(node: Any, key: str, text: str) -> None:
    """A comment beside the value stays two spaces clear of the new value.

    A ``# ISI`` mark (``lkjip new``: fill this in) is dropped: it is filled now.
    """
    comments = node.ca.items.get(key)
    token = comments[2] if comments and len(comments) > 2 else None
    if token is None:
        return
    if token.value.lstrip().startswith("# ISI"):
        comments[2] = None
        return
    _, key_column = node.lc.key(key)
    token.column = max(token.column, key_column + len(key) + 2 + len(text) + 2)
