"""Why a narrative failed to render, in the users' words and at its line.

The sandbox (:mod:`lkjip_cli.render.sandbox`) raises Jinja's errors; these
helpers find the narrative line in the traceback, spell a missing name as the
narrative wrote it (``sasaran.S9``) and suggest the one probably meant.
"""

from __future__ import annotations

import difflib
import operator
import re
from collections.abc import Callable, Iterator, Mapping, Sequence
from typing import Any

from jinja2 import TemplateSyntaxError, nodes
from jinja2.exceptions import SecurityError
from jinja2.utils import missing

from lkjip_cli.render.jinja import NARRATIVE_FILTERS

NARRATIVE_FILENAME = "<narasi>"
"""The code filename narratives compile under, to find their frames in a traceback."""


MAX_LISTED = 12
"""An unknown name lists the known ones when there are at most this many."""
_UNSAFE_ATTRIBUTE = re.compile(r"access to attribute '(.+?)' of '.+?' object is unsafe")


def syntax_message(exc: TemplateSyntaxError) -> str:
    """The message of a syntax error; an unknown filter lists the known ones."""
    if match := re.fullmatch(r"No (filter|test) named '(.+)'\.?", exc.message or ""):
        kind, name = match.groups()
        if kind == "filter":
            return unknown_filter(name)
        return f"uji '{name}' tidak dikenal"
    original = exc.message or ""
    for pattern, explain in _SYNTAX:
        if match := re.fullmatch(pattern, original):
            return f"kesalahan sintaks: {explain(*match.groups())} (Jinja: {original})"
    return f"kesalahan sintaks Jinja: {original}"


_TOKENS = {
    "end of print statement": "'}}'",
    "end of statement block": "'%}'",
    "end of template": "akhir narasi",
    "name": "sebuah nama",
}
"""Jinja's token descriptions as a planner would write them."""


def _token(text: str) -> str:
    return _TOKENS.get(text, f"'{text}'")


def _closing(block: str) -> str:
    return f"blok '{{% {block} %}}' belum ditutup; tutup dengan '{{% end{block} %}}'"


def _unknown_tag(tag: str, block: str | None) -> str:
    if block is not None:
        return f"'{{% {tag} %}}' tidak cocok di sini: {_closing(block)}"
    if tag.startswith("end") or tag in ("else", "elif"):
        return f"'{{% {tag} %}}' tanpa blok yang dibukanya"
    return f"perintah '{{% {tag} %}}' tidak dikenal"


def _unexpected(got: str) -> str:
    if got == "}":
        return "'}' tunggal tidak pada tempatnya: '{{ … }}' ditutup dengan dua kurawal '}}'"
    if got in ("end of print statement", "end of statement block"):
        return f"ungkapan belum lengkap sebelum {_token(got)}"
    return f"{_token(got)} tidak pada tempatnya (kurung atau kurawal tidak berpasangan?)"


def _unexpected_char(char: str) -> str:
    if char in "'\"":
        return f"tanda kutip {char} tidak ditutup"
    return f"tanda '{char}' tidak dapat dipakai di dalam '{{{{ }}}}' atau '{{% %}}'"


_SYNTAX: tuple[tuple[str, Callable[..., str]], ...] = (
    (
        r"Unexpected end of template\. Jinja was looking for the following tags: .*\. "
        r"The innermost block that needs to be closed is '(\w+)'\.",
        lambda block: f"narasi berakhir, tetapi {_closing(block)}",
    ),
    (
        r"Encountered unknown tag '(\w+)'\.(?: Jinja was looking for the following tags: .*\. "
        r"The innermost block that needs to be closed is '(\w+)'\.)?",
        _unknown_tag,
    ),
    (
        r"unexpected end of template, expected '(.+)'\.",
        lambda token: f"narasi berakhir sebelum {_token(token)} penutupnya",
    ),
    (
        r"unexpected '(.+)', expected '(.+)'",
        lambda got, want: f"'{want}' penutup belum ada sebelum {_token(got)}",
    ),
    (r"unexpected '(.+)'", _unexpected),
    (
        r"unexpected char '(.)' at \d+|unexpected char \"(.)\" at \d+",
        lambda a, b: _unexpected_char(a or b),
    ),
    (
        r"expected token '(.+)', got '(.+)'",
        lambda want, got: f"seharusnya {_token(want)}, tertulis {_token(got)}",
    ),
    (
        r"Expected an expression, got '(.+)'",
        lambda got: f"nama atau nilai belum ditulis sebelum {_token(got)}",
    ),
    (r"expected name or number", lambda: "setelah '.' harus ada nama atau angka"),
    (r"Missing end of comment tag", lambda: "komentar '{#' tidak ditutup dengan '#}'"),
    (r"Missing end of raw directive", lambda: "'{% raw %}' tidak ditutup dengan '{% endraw %}'"),
)
"""Jinja's syntax messages (jinja2/lexer.py, parser.py) → what to correct, in Indonesian."""


def unknown_filter(name: str) -> str:
    """``filter 'persn' tidak dikenal; maksud Anda 'persen'? …`` with the known filters."""
    known = ", ".join(sorted(NARRATIVE_FILTERS))
    close = difflib.get_close_matches(name, NARRATIVE_FILTERS, n=1)
    if close:
        return (
            f"filter '{name}' tidak dikenal; maksud Anda '{close[0]}'? "
            f"(filter yang tersedia: {known})"
        )
    return f"filter '{name}' tidak dikenal; filter yang tersedia: {known}"


def describe(exc: Exception) -> str:
    """A runtime failure in words, never Python's own text."""
    if isinstance(exc, ZeroDivisionError):
        return "pembagian dengan nol"
    if isinstance(exc, TypeError):
        return "jenis nilainya tidak cocok untuk operasi ini (misalnya teks dengan bilangan)"
    return "nilainya tidak dapat diolah"


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
    name: str | int | None,
    obj: object,
    tree: nodes.Template,
    line: int | None,
    context: Mapping[str, Any],
    known: str | None = None,
) -> tuple[str, str]:
    """The missing placeholder's path and ``'sasaran.S9' tidak dikenal; maksud Anda …?``.

    ``known`` is the path of ``obj`` when the sandbox saw it reached by name; it
    picks the placeholder among several on the line with the same key.
    """
    key = "?" if name is None else str(name)
    if obj is missing:
        path, choices = key, [str(k) for k in context]
    else:
        full = None if known is None else join(known, name)
        path = _written_path(tree, key, line, full) or full or key
        choices = list(_names_of(obj))
    if obj is None:
        base = path[: -len(key) - 1] if path.endswith(key) else path
        return (
            path,
            f"'{path}' belum ada nilainya: '{base}' kosong; isi datanya atau sesuaikan narasinya",
        )
    if isinstance(obj, Sequence) and not isinstance(obj, str):
        return path, f"'{path}' belum ada: daftarnya berisi {len(obj)} unsur; isi datanya"
    if isinstance(obj, Mapping) and key.isdigit():
        return path, f"'{path}' belum ada nilainya; isi datanya atau sesuaikan narasinya"
    message = f"'{path}' tidak dikenal"
    prefix = path[: len(path) - len(key)] if path.endswith(key) else ""
    owner = prefix[:-1] if prefix.endswith(".") else None
    close = difflib.get_close_matches(key, choices, n=1)
    hyphened = [c for c in choices if c.startswith(f"{key}-")]
    if owner is not None and hyphened:
        # ``tabel.hasil-pemeriksaan`` reads as ``tabel.hasil`` minus ``pemeriksaan``
        minus = f"{owner}.{hyphened[0]}"
        message += (
            f"; nama yang memuat '-' ditulis dalam kurung siku: {join(owner, hyphened[0])} "
            f"({minus} dibaca sebagai pengurangan)"
        )
    elif close:
        meant = join(owner, close[0]) if owner is not None else f"{prefix}{close[0]}"
        message += f"; maksud Anda '{meant}'?"
    elif 0 < len(choices) <= MAX_LISTED:
        message += f"; yang ada: {', '.join(sorted(choices))}"
    return path, message


def join(base: str, key: object) -> str:
    """``indikator.x`` + ``2023`` → ``indikator.x[2023]``; + ``nama`` → ``indikator.x.nama``."""
    if isinstance(key, str) and key.isidentifier():
        return f"{base}.{key}"
    return f"{base}[{key!r}]" if isinstance(key, str) else f"{base}[{key}]"


COMPARISONS: dict[str, Callable[[Any, Any], Any]] = {
    "eq": operator.eq, "ne": operator.ne, "gt": operator.gt, "gteq": operator.ge,
    "lt": operator.lt, "lteq": operator.le,
    "in": lambda a, b: a in b, "notin": lambda a, b: a not in b,
}  # fmt: skip
"""Jinja's comparison operators (``nodes.Operand.op``) as functions."""
SYMBOLS = {"eq": "==", "ne": "!=", "gt": ">", "gteq": ">=", "lt": "<", "lteq": "<=",
           "in": "in", "notin": "not in"}  # fmt: skip
"""How a narrative writes each comparison."""

_OPERATORS = {"+": nodes.Add, "-": nodes.Sub, "*": nodes.Mul, "/": nodes.Div,
              "//": nodes.FloorDiv, "**": nodes.Pow, "%": nodes.Mod}  # fmt: skip


def operation_at(tree: nodes.Template, line: int | None, operator: str) -> str | None:
    """``anggaran.pagu / 0`` as written, for an ``operator`` that failed on ``line``."""
    kind = _OPERATORS.get(operator)
    for node in tree.find_all(nodes.BinExpr):
        if isinstance(node, kind or ()) and node.lineno == line:
            return f"{_text(node.left)} {operator} {_text(node.right)}"
    return None


def _text(node: nodes.Node) -> str:
    if isinstance(node, nodes.Const):
        return repr(node.value)
    if isinstance(node, nodes.BinExpr):
        return f"{_text(node.left)} {node.operator} {_text(node.right)}"
    if isinstance(node, nodes.Compare):
        tail = " ".join(f"{SYMBOLS[o.op]} {_text(o.expr)}" for o in node.ops)
        return f"{_text(node.expr)} {tail}"
    if isinstance(node, nodes.Concat):
        return " ~ ".join(_text(n) for n in node.nodes)
    return dotted(node) or "…"


def placeholder_at(tree: nodes.Template, line: int | None) -> str | None:
    """The first placeholder written on ``line`` (``indikator.x.capaian``), if any."""
    for node in tree.find_all((nodes.Getattr, nodes.Getitem, nodes.Name)):
        if node.lineno == line:
            written = dotted(node)
            if written is not None:
                return written
    return None


def security_detail(exc: SecurityError) -> str:
    """What the sandbox refused, when its message is worth repeating."""
    # Jinja's other messages carry object reprs (memory addresses): not repeatable.
    if match := _UNSAFE_ATTRIBUTE.match(str(exc)):
        return f" (atribut '{match[1]}' tidak boleh diakses)"
    if str(exc).startswith(("range()", "pangkat", "hasil perkalian", "format teks")):
        return f" ({exc})"
    return ""


def _written_path(
    tree: nodes.Template, name: str, line: int | None, full: str | None
) -> str | None:
    """``sasaran.S9`` as written in the narrative, for the missing attribute ``S9``.

    Of several on the line with that key, the one whose path is ``full``.
    """
    written = [
        path
        for node in tree.find_all((nodes.Getattr, nodes.Getitem))
        if isinstance(node, nodes.Getattr | nodes.Getitem)
        and (line is None or node.lineno == line)
        and _key_of(node) == name
        if (path := dotted(node)) is not None
    ]
    if full is not None and (full in written or len(set(written)) > 1):
        return full
    return written[0] if written else None


def _key_of(node: nodes.Getattr | nodes.Getitem) -> str | None:
    if isinstance(node, nodes.Getattr):
        return str(node.attr)
    if isinstance(node.arg, nodes.Const):
        return str(node.arg.value)
    return None


def dotted(node: nodes.Node) -> str | None:
    """An expression as a path (``sasaran.S1.nama``), or none when it is not one."""
    if isinstance(node, nodes.Name):
        return str(node.name)
    if isinstance(node, nodes.Getattr | nodes.Getitem):
        base, key = dotted(node.node), _key_of(node)
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


UNKNOWN = object()
"""What :func:`resolve` gives for an expression it cannot evaluate by looking values up."""


def resolve(node: nodes.Node, context: Mapping[str, Any]) -> Any:
    """The value of a constant or a path (``sasaran.S1.capaian``) in ``context``, or UNKNOWN.

    Only looks values up (a loop's variable, a filter's result or an operation is
    UNKNOWN): it names which of several placeholders failed, nothing more.
    """
    if isinstance(node, nodes.Const):
        return node.value
    if isinstance(node, nodes.Name):
        return context.get(node.name, UNKNOWN)
    if not isinstance(node, nodes.Getattr | nodes.Getitem):
        return UNKNOWN
    base, key = resolve(node.node, context), _key_of(node)
    if base is UNKNOWN or key is None:
        return UNKNOWN
    if isinstance(node, nodes.Getitem) and isinstance(node.arg, nodes.Const):
        key = node.arg.value
    if isinstance(base, Mapping):
        return base.get(key, UNKNOWN)
    return getattr(base, key, UNKNOWN) if isinstance(key, str) else UNKNOWN


def expression(node: nodes.Node) -> str:
    """An expression as written, as far as a message needs: ``a.b | persen | desimal(2)``."""
    if isinstance(node, nodes.Filter):
        args = ", ".join(expression(a) for a in node.args)
        head = "…" if node.node is None else expression(node.node)
        return f"{head} | {node.name}" + (f"({args})" if args else "")
    if isinstance(node, nodes.Call):
        return f"{_text(node.node)}({', '.join(expression(a) for a in node.args)})"
    return _text(node)


def _names_of(obj: object) -> Iterator[str]:
    if isinstance(obj, Mapping):
        yield from (str(k) for k in obj)
        return
    fields = getattr(type(obj), "model_fields", None)
    if isinstance(fields, Mapping):
        yield from fields
        return
    yield from (n for n in dir(obj) if not n.startswith("_"))
