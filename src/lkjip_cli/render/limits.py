"""What all the narratives of one run may spend together: steps, memory, output, time.

A narrative is data: whatever it holds, ``lkjip check`` and ``lkjip build``
must end in seconds and a bounded amount of memory. The sandbox
(:mod:`lkjip_cli.render.sandbox_env`) counts every loop step, call and operator
against one :class:`Budget` shared by the run's narratives, and charges
every text or list it builds before it grows past a cap. The counts decide,
not the clock, so a refusal is the same on every machine; the clock
(:data:`RENDER_SECONDS`) is the last guard.
"""

from __future__ import annotations

import contextlib
import signal
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass
from typing import cast

from jinja2 import Environment, nodes
from jinja2.utils import Namespace
from jinja2.visitor import NodeTransformer

from lkjip_cli.findings import Finding, error
from lkjip_cli.loader import Position

MAX_STEPS = 200_000
"""Loop steps, calls and operators of all narratives together."""
MAX_TEXT = 2 * 1024 * 1024
"""The largest text or list one operation may build or print (characters; a list
item counts :data:`ITEM_COST`)."""
MAX_ALLOCATED = 32 * 1024 * 1024
"""Characters (a list item counts :data:`ITEM_COST`) all narratives may build together."""
ITEM_COST = 8
"""What a list, tuple or dict item costs in :data:`MAX_ALLOCATED`: a pointer's bytes."""
MAX_OUTPUT = 256 * 1024
"""Characters all rendered narratives together may hold."""
RENDER_SECONDS = 10
"""Wall-clock seconds all narratives together may take to render."""
MAX_FINDINGS = 20
"""Findings one narrative may produce; one more says that the rest were dropped."""


def _id(number: int) -> str:
    return f"{number:,}".replace(",", ".")


class LimitExceeded(Exception):
    """A narrative went past one of the run's limits; the message says which (Indonesian)."""


@dataclass
class Budget:
    """What is left to the run's narratives; every narrative spends from the same one."""

    steps: int = MAX_STEPS
    """Loop steps, calls and operators left."""
    allocated: int = MAX_ALLOCATED
    """Characters (or list items, :data:`ITEM_COST` each) left to build."""
    output: int = MAX_OUTPUT
    """Characters of rendered narrative left."""
    seconds: float = RENDER_SECONDS
    """Wall-clock seconds of rendering left."""

    def step(self, count: int = 1) -> None:
        """Spend ``count`` steps."""
        self.steps -= count
        if self.steps < 0:
            raise LimitExceeded(
                f"narasi melewati batas {_id(MAX_STEPS)} langkah (putaran, panggilan dan "
                "operasi semua narasi bersama); periksa perulangan {% for %} di dalamnya"
            )

    def build(self, value: object) -> None:
        """Charge a text or container that an operation made.

        A container is walked whole, each element a step: ``[x, x]`` sixty times
        over is a list of 2**60 elements to ``str()`` or ``==``, built in sixty
        steps; the walk refuses it after a few hundred thousand.
        """
        if isinstance(value, list | tuple | dict | Namespace):
            check_length(printed_size(value, self))
        cost = size_of(value)
        check_length(cost)
        self.allocated -= cost
        if self.allocated < 0:
            raise LimitExceeded(
                f"narasi menyusun lebih dari {_id(MAX_ALLOCATED)} karakter teks dan daftar "
                "(semua narasi bersama); periksa perulangan dan penyambungan teks (~, +)"
            )

    def emit(self, length: int) -> None:
        """Charge a rendered narrative's length."""
        self.output -= length
        if self.output < 0:
            raise LimitExceeded(
                f"narasi menghasilkan lebih dari {_id(MAX_OUTPUT)} karakter (semua narasi "
                "bersama); periksa perulangannya"
            )


def size_of(value: object) -> int:
    """What :meth:`Budget.build` charges for ``value``: its length, items cost more."""
    if isinstance(value, str):
        return len(value)
    if isinstance(value, list | tuple | dict):
        return ITEM_COST * len(value)
    return 0


def check_length(length: int) -> None:
    """Refuse an operation whose result would be longer than :data:`MAX_TEXT`."""
    if length > MAX_TEXT:
        raise LimitExceeded(_too_long(length))


def _too_long(length: int) -> str:
    return (
        f"narasi menyusun teks atau daftar sepanjang {_id(length)}, lebih dari batas "
        f"{_id(MAX_TEXT)}; periksa perulangan dan penyambungan teks (~, +, *)"
    )


class TooSlow(Exception):
    """Raised when the narratives' seconds are spent."""


@contextlib.contextmanager
def deadline(budget: Budget) -> Iterator[None]:
    """Interrupt a render that outlasts the budget's seconds, and spend them (POSIX)."""
    if budget.seconds <= 0:
        raise TooSlow
    started = time.monotonic()
    try:
        with _alarm(budget.seconds):
            yield
    finally:
        budget.seconds -= time.monotonic() - started


@contextlib.contextmanager
def _alarm(seconds: float) -> Iterator[None]:
    """Raise :class:`TooSlow` after ``seconds`` (in the main thread only)."""
    usable = hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()
    if not usable:
        yield
        return

    def expire(signum: int, frame: object) -> None:
        raise TooSlow

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def _call(name: str, args: list[nodes.Expr], lineno: int) -> nodes.Call:
    return nodes.Call(nodes.EnvironmentAttribute(name), args, [], None, None, lineno=lineno)


class _Guard(NodeTransformer):
    """Route loops, ``~``, literals and output through the sandbox's counting methods."""

    def visit_For(self, node: nodes.For) -> nodes.Node:
        """``{% for x in xs %}`` steps through ``lkjip_steps(xs)``."""
        node = cast(nodes.For, self.generic_visit(node))
        node.iter = _call("lkjip_steps", [cast(nodes.Expr, node.iter)], node.lineno)
        return node

    def visit_Concat(self, node: nodes.Concat) -> nodes.Node:
        """``a ~ b`` is ``lkjip_concat(a, b)``."""
        node = cast(nodes.Concat, self.generic_visit(node))
        return _call("lkjip_concat", list(node.nodes), node.lineno)

    def visit_Compare(self, node: nodes.Compare) -> nodes.Node:
        """``a > b`` is ``lkjip_compare(a, 'gt', b)``: text against a number is a problem noted."""
        node = cast(nodes.Compare, self.generic_visit(node))
        args: list[nodes.Expr] = [node.expr]
        for operand in node.ops:
            args += [nodes.Const(operand.op, lineno=node.lineno), operand.expr]
        return _call("lkjip_compare", args, node.lineno)

    def visit_List(self, node: nodes.List) -> nodes.Node:
        """``[a, b]`` is ``lkjip_built([a, b])``, charged like any call's result."""
        return _call("lkjip_built", [cast(nodes.Expr, self.generic_visit(node))], node.lineno)

    def visit_Dict(self, node: nodes.Dict) -> nodes.Node:
        """``{'a': b}`` is ``lkjip_built({'a': b})``."""
        return _call("lkjip_built", [cast(nodes.Expr, self.generic_visit(node))], node.lineno)

    def visit_Tuple(self, node: nodes.Tuple) -> nodes.Node:
        """``(a, b)`` read is ``lkjip_built((a, b))``; assigned to, it stays."""
        node = cast(nodes.Tuple, self.generic_visit(node))
        return node if node.ctx != "load" else _call("lkjip_built", [node], node.lineno)

    def visit_Output(self, node: nodes.Output) -> nodes.Node:
        """Every piece of output, text included, is ``lkjip_emit(piece)``."""
        node = cast(nodes.Output, self.generic_visit(node))
        node.nodes = [_call("lkjip_emit", [child], child.lineno) for child in node.nodes]
        return node


class _TopLevelGuard(_Guard):
    """The guard, except for the literal text that stands outside every block.

    That text is printed exactly once: the narrative file's size bounds it, and
    the rendered total is charged at the end. Left as Jinja's constant output,
    it makes compiling a narrative a third cheaper. Literal text inside a loop,
    a condition, a ``set`` block, a macro or a call block is charged each time
    it is printed, since it may be printed again and again.
    """

    def visit_Template(self, node: nodes.Template) -> nodes.Node:
        """Guard the body, leaving the top-level outputs' literal text as it is."""
        body: list[nodes.Node] = []
        for child in node.body:
            if isinstance(child, nodes.Output):
                child.nodes = [
                    part
                    if isinstance(part, nodes.TemplateData)
                    else _call("lkjip_emit", [cast(nodes.Expr, self.visit(part))], part.lineno)
                    for part in child.nodes
                ]
                body.append(child)
            else:
                body.append(self.visit(child))
        node.body = body
        return node


def guarded(env: Environment, tree: nodes.Template) -> nodes.Template:
    """The tree whose loops, joins and output the sandbox counts and charges."""
    guarded = cast(nodes.Template, _TopLevelGuard().visit(tree))
    guarded.set_environment(env)
    return guarded


def printed_size(value: object, budget: Budget) -> int:
    """An upper bound of ``len(str(value))``, found without building it.

    ``str()`` of a list holding itself twice, sixty levels deep, would be 2**60
    characters; the walk stops as soon as the bound passes :data:`MAX_TEXT`,
    and each element it visits is a step of the budget.
    """
    if isinstance(value, str):
        return len(value)
    total = 0
    stack = [value]
    while stack and total <= MAX_TEXT:
        item = stack.pop()
        budget.step()
        if isinstance(item, str):
            total += 10 * len(item) + 2  # repr: '\U0010ffff' is ten characters
        elif isinstance(item, list | tuple | set | frozenset):
            total += 2 + 2 * len(item)
            stack.extend(item)
        elif isinstance(item, dict):
            total += 2 + 4 * len(item)
            stack.extend(item.keys())
            stack.extend(item.values())
        elif isinstance(item, Namespace):
            total += 12
            stack.append(item._Namespace__attrs)
        else:  # numbers, dates, the data's models: bounded by the data
            total += len(repr(item))
    return total


def cap_findings(findings: list[Finding], start: int, file: str) -> None:
    """Keep a narrative's first :data:`MAX_FINDINGS` (from ``start`` on); say the rest went."""
    if len(findings) - start <= MAX_FINDINGS:
        return
    del findings[start + MAX_FINDINGS :]
    findings.append(
        error(
            "narasi.terlalu-banyak-temuan",
            f"narasi ini menghasilkan lebih dari {MAX_FINDINGS} temuan; hanya {MAX_FINDINGS} "
            "yang pertama ditampilkan. Perbaiki yang ada, lalu periksa lagi",
            Position(file, 1, 1),
        )
    )
