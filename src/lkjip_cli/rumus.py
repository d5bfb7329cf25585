"""Formulas and constraints of declared tables: a tiny, safe arithmetic language.

A formula (``rumus``) is column ids, numbers (``100``, ``0,5``), ``+ - * /`` and
parentheses; a constraint (``batasan``) is two formulas joined by ``<=``, ``<``,
``>=``, ``>`` or ``=``. The text is tokenised and parsed by recursive descent
into a small tree; nothing is ever handed to ``eval``. Evaluation is exact
(``Decimal``); a missing value or a division by zero gives no value.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from decimal import Decimal

_TOKEN = re.compile(r"\s*(?:(?P<num>\d+(?:,\d+)?)|(?P<name>[a-z][a-z0-9_]*)|(?P<op>[-+*/()]))")
_COMPARE = re.compile(r"<=|>=|<|>|=")


class RumusError(ValueError):
    """A formula that does not parse: the message says what and where."""


@dataclass(frozen=True)
class Angka:
    """A number written in the formula."""

    value: Decimal


@dataclass(frozen=True)
class Kolom:
    """A column of the same row."""

    name: str


@dataclass(frozen=True)
class Operasi:
    """``left op right``."""

    op: str
    left: Ekspresi
    right: Ekspresi


@dataclass(frozen=True)
class Negatif:
    """``-operand``."""

    operand: Ekspresi


Ekspresi = Angka | Kolom | Operasi | Negatif


@dataclass(frozen=True)
class Syarat:
    """A constraint ``left op right``, as written."""

    left: Ekspresi
    op: str
    right: Ekspresi
    text: str


def _tokens(text: str) -> list[str]:
    tokens: list[str] = []
    at = 0
    stripped = text.rstrip()
    while at < len(stripped):
        match = _TOKEN.match(stripped, at)
        if match is None or match.end() == at:
            bad = stripped[at:].strip()[:1]
            raise RumusError(
                f"'{bad}' tidak dikenal dalam rumus '{text}' (karakter ke-{at + 1}); "
                "rumus hanya boleh berisi id kolom, angka, + - * / dan tanda kurung"
            )
        tokens.append(match.group(match.lastgroup or "op"))
        at = match.end()
    return tokens


class _Parser:
    def __init__(self, text: str) -> None:
        self.text = text
        self.tokens = _tokens(text)
        self.at = 0

    def peek(self) -> str | None:
        return self.tokens[self.at] if self.at < len(self.tokens) else None

    def take(self) -> str:
        token = self.peek()
        if token is None:
            raise RumusError(f"rumus '{self.text}' berhenti di tengah jalan")
        self.at += 1
        return token

    def expression(self) -> Ekspresi:
        node = self.term()
        while self.peek() in ("+", "-"):
            op = self.take()
            node = Operasi(op, node, self.term())
        return node

    def term(self) -> Ekspresi:
        node = self.factor()
        while self.peek() in ("*", "/"):
            op = self.take()
            node = Operasi(op, node, self.factor())
        return node

    def factor(self) -> Ekspresi:
        token = self.take()
        if token == "-":
            return Negatif(self.factor())
        if token == "(":
            node = self.expression()
            if self.take() != ")":
                raise RumusError(f"tanda kurung dalam rumus '{self.text}' tidak ditutup")
            return node
        if token[0].isdigit():
            return Angka(Decimal(token.replace(",", ".")))
        if token[0].isalpha():
            return Kolom(token)
        raise RumusError(f"'{token}' tidak pada tempatnya dalam rumus '{self.text}'")


def parse(text: str) -> Ekspresi:
    """The tree of a formula; :class:`RumusError` when it does not parse."""
    parser = _Parser(text)
    if not parser.tokens:
        raise RumusError("rumus kosong")
    node = parser.expression()
    if parser.peek() is not None:
        raise RumusError(f"'{parser.peek()}' tidak pada tempatnya dalam rumus '{text}'")
    return node


def parse_syarat(text: str) -> Syarat:
    """A constraint ``a + b = c``; :class:`RumusError` when it is not one."""
    found = list(_COMPARE.finditer(text))
    if len(found) != 1:
        raise RumusError(
            f"batasan '{text}' harus berisi tepat satu pembanding (<=, <, >=, > atau =)"
        )
    match = found[0]
    return Syarat(parse(text[: match.start()]), match.group(), parse(text[match.end() :]), text)


def columns(node: Ekspresi) -> list[str]:
    """The column ids a formula reads, in order of appearance, without repeats."""
    if isinstance(node, Kolom):
        return [node.name]
    if isinstance(node, Operasi):
        return list(dict.fromkeys([*columns(node.left), *columns(node.right)]))
    if isinstance(node, Negatif):
        return columns(node.operand)
    return []


def evaluate(node: Ekspresi, values: Mapping[str, Decimal | int | None]) -> Decimal | None:
    """The exact value; none when a column has no value or a divisor is 0."""
    if isinstance(node, Angka):
        return node.value
    if isinstance(node, Kolom):
        value = values.get(node.name)
        return None if value is None else Decimal(value)
    if isinstance(node, Negatif):
        inner = evaluate(node.operand, values)
        return None if inner is None else -inner
    left, right = evaluate(node.left, values), evaluate(node.right, values)
    if left is None or right is None:
        return None
    if node.op == "+":
        return left + right
    if node.op == "-":
        return left - right
    if node.op == "*":
        return left * right
    return None if right == 0 else left / right


_HOLDS: dict[str, Callable[[Decimal, Decimal], bool]] = {
    "<=": lambda a, b: a <= b,
    "<": lambda a, b: a < b,
    ">=": lambda a, b: a >= b,
    ">": lambda a, b: a > b,
    "=": lambda a, b: a == b,
}


def holds(op: str, left: Decimal, right: Decimal) -> bool:
    """Whether ``left op right``."""
    return _HOLDS[op](left, right)


def spelled(node: Ekspresi, column: Callable[[str], str], number: Callable[[Decimal], str]) -> str:
    """The formula in words: each column as ``column(id)``, each number as ``number(v)``."""
    if isinstance(node, Angka):
        return number(node.value)
    if isinstance(node, Kolom):
        return column(node.name)
    if isinstance(node, Negatif):
        return f"-{_inner(node.operand, column, number)}"
    return f"{_inner(node.left, column, number)} {node.op} {_inner(node.right, column, number)}"


def _inner(node: Ekspresi, column: Callable[[str], str], number: Callable[[Decimal], str]) -> str:
    text = spelled(node, column, number)
    return f"({text})" if isinstance(node, Operasi) else text
