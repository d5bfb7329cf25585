"""Why a narrative failed to render, in the users' words and at its line.

The sandbox (:mod:`lkjip_cli.render.sandbox`) raises Jinja's errors; these
helpers find the narrative line in the traceback, spell a missing name as the
narrative wrote it (``sasaran.S9``) and suggest the one probably meant.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterator, Mapping, Sequence
from typing import Any

from jinja2 import TemplateSyntaxError, UndefinedError, nodes
from jinja2.exceptions import SecurityError
from jinja2.utils import missing

from lkjip_cli.render.jinja import NARRATIVE_FILTERS

NARRATIVE_FILENAME = "<narasi>"
"""The code filename narratives compile under, to find their frames in a traceback."""


class MissingName(UndefinedError):
    """An undefined name or attribute, remembering which and on what."""

    def __init__(self, message: str | None, name: str | None, obj: object) -> None:
        super().__init__(message)
        self.name = name
        self.obj = obj


MAX_LISTED = 12
"""An unknown name lists the known ones when there are at most this many."""
_UNSAFE_ATTRIBUTE = re.compile(r"access to attribute '(.+?)' of '.+?' object is unsafe")


def syntax_message(exc: TemplateSyntaxError) -> str:
    """The message of a syntax error; an unknown filter lists the known ones."""
    if match := re.fullmatch(r"No (filter|test) named '(.+)'\.?", exc.message or ""):
        kind, name = match.groups()
        if kind == "filter":
            known = ", ".join(sorted(NARRATIVE_FILTERS))
            return f"filter '{name}' tidak dikenal; filter yang tersedia: {known}"
        return f"uji '{name}' tidak dikenal"
    return f"kesalahan sintaks Jinja: {exc.message}"


def describe(exc: Exception) -> str:
    """A runtime failure in words: ``pembagian dengan nol`` or the exception."""
    if isinstance(exc, ZeroDivisionError):
        return "pembagian dengan nol"
    return f"{type(exc).__name__}: {exc}"


def template_line(exc: BaseException) -> int | None:
    """The narrative line of the innermost frame Jinja mapped back to the template."""
    line = None
    tb = exc.__traceback__
    while tb is not None:
        if tb.tb_frame.f_code.co_filename == NARRATIVE_FILENAME:
            line = tb.tb_lineno
        tb = tb.tb_next
    return line


def explain_missing(
    exc: MissingName, tree: nodes.Template, line: int | None, context: Mapping[str, Any]
) -> str:
    """``'sasaran.S9' tidak dikenal; maksud Anda 'sasaran.S1'?``"""
    name = "?" if exc.name is None else str(exc.name)
    if exc.obj is missing:
        path, choices = name, [str(k) for k in context]
    else:
        path = _written_path(tree, name, line) or name
        choices = list(_names_of(exc.obj))
    if isinstance(exc.obj, Sequence) and not isinstance(exc.obj, str):
        return f"'{path}' belum ada: daftarnya berisi {len(exc.obj)} unsur; isi datanya"
    if isinstance(exc.obj, Mapping) and name.isdigit():
        return f"'{path}' belum ada nilainya; isi datanya atau sesuaikan narasinya"
    message = f"'{path}' tidak dikenal"
    close = difflib.get_close_matches(name, choices, n=1)
    if close:
        prefix = path[: len(path) - len(name)] if path.endswith(name) else ""
        message += f"; maksud Anda '{prefix}{close[0]}'?"
    elif 0 < len(choices) <= MAX_LISTED:
        message += f"; yang ada: {', '.join(sorted(choices))}"
    return message


def security_detail(exc: SecurityError) -> str:
    """What the sandbox refused, when its message is worth repeating."""
    # Jinja's other messages carry object reprs (memory addresses): not repeatable.
    if match := _UNSAFE_ATTRIBUTE.match(str(exc)):
        return f" (atribut '{match[1]}' tidak boleh diakses)"
    if str(exc).startswith(("range()", "pangkat", "hasil perkalian", "format teks")):
        return f" ({exc})"
    return ""


def _written_path(tree: nodes.Template, name: str, line: int | None) -> str | None:
    """``sasaran.S9`` as written in the narrative, for the missing attribute ``S9``."""
    for node in tree.find_all((nodes.Getattr, nodes.Getitem)):
        if line is not None and node.lineno != line:
            continue
        if isinstance(node, nodes.Getattr | nodes.Getitem) and _key_of(node) == name:
            return _dotted(node)
    return None


def _key_of(node: nodes.Getattr | nodes.Getitem) -> str | None:
    if isinstance(node, nodes.Getattr):
        return str(node.attr)
    if isinstance(node.arg, nodes.Const):
        return str(node.arg.value)
    return None


def _dotted(node: nodes.Node) -> str | None:
    if isinstance(node, nodes.Name):
        return str(node.name)
    if isinstance(node, nodes.Getattr | nodes.Getitem):
        base, key = _dotted(node.node), _key_of(node)
        if base is None or key is None:
            return None
        if (
            isinstance(node, nodes.Getitem)
            and isinstance(node.arg, nodes.Const)
            and isinstance(node.arg.value, int)
        ):
            return f"{base}[{key}]"
        return f"{base}.{key}"
    return None


def _names_of(obj: object) -> Iterator[str]:
    if isinstance(obj, Mapping):
        yield from (str(k) for k in obj)
        return
    fields = getattr(type(obj), "model_fields", None)
    if isinstance(fields, Mapping):
        yield from fields
        return
    yield from (n for n in dir(obj) if not n.startswith("_"))
