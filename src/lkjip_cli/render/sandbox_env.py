"""The environment narratives render in: what a narrative may do, and at what cost.

:func:`narrative_env` is an immutable sandbox without a loader: a placeholder
can read figures and call the formatting filters of :mod:`lkjip_cli.render.jinja`,
never run code nor read a file. Every loop step, call, operator and piece of
output passes through :class:`_NarrativeSandbox`, which spends from the run's
:class:`~lkjip_cli.render.limits.Budget` and refuses what would exhaust time or
memory; with a :class:`~lkjip_cli.render.sandbox_poison.Problems`, an operation
no value can make is noted there and the render goes on.
:mod:`lkjip_cli.render.sandbox` renders a narrative in it.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from decimal import Decimal, DivisionByZero
from typing import Any

from jinja2 import StrictUndefined, Undefined, nodes
from jinja2.exceptions import SecurityError
from jinja2.runtime import LoopContext
from jinja2.sandbox import ImmutableSandboxedEnvironment

from lkjip_cli.loader import unprintable
from lkjip_cli.render.jinja import NARRATIVE_FILTERS, FilterValueError
from lkjip_cli.render.limits import Budget, check_length, printed_size, size_of
from lkjip_cli.render.sandbox_errors import COMPARISONS, SYMBOLS, operation_at
from lkjip_cli.render.sandbox_poison import Poison, Problems, guarded_filter, kind, refused

__all__ = ["MAX_DIGITS", "MAX_EXPONENT", "MAX_RANGE", "MAX_REPEAT", "narrative_env"]

MAX_RANGE = 1000
"""The longest ``range()`` a narrative may loop over."""
MAX_REPEAT = 10_000
"""The longest text or list a narrative may build with ``*``."""
MAX_EXPONENT = 100
MAX_DIGITS = 1000
"""The longest whole number ``*`` or ``**`` may make: ``((10**100)**100)**100``
keeps every exponent small and still takes minutes."""


def _range(*args: int) -> range:
    rng = range(*args)
    if len(rng) > MAX_RANGE:
        raise SecurityError(f"range() lebih dari {MAX_RANGE} langkah")
    return rng


_STR_METHODS = frozenset(
    {
        "lower",
        "upper",
        "title",
        "capitalize",
        "strip",
        "lstrip",
        "rstrip",
        "startswith",
        "endswith",
        "split",
    }
)
"""Text methods a narrative may call: none can grow a string (``ljust``, ``center``,
``format`` widths, ``join`` and ``replace`` could allocate gigabytes)."""

_METHODS: tuple[tuple[type | tuple[type, ...], frozenset[str]], ...] = (
    (str, _STR_METHODS),
    (dict, frozenset({"items", "keys", "values", "get"})),
    ((list, tuple), frozenset({"count"})),
    (LoopContext, frozenset({"cycle", "changed"})),
)
"""The only methods a narrative may call, by type: reading ones that cannot allocate
without bound (``int.to_bytes(10**9)`` could) nor print a value's repr in an error
(``list.index`` does)."""


def _digits_bound(operator: str, left: Any, right: Any) -> int:
    """An upper bound of the decimal digits of ``left OP right`` for whole numbers, else 0."""
    if not (isinstance(left, int) and isinstance(right, int)):
        return 0  # Decimal arithmetic is bounded by its context
    bits = 0
    if operator == "*":
        bits = left.bit_length() + right.bit_length()
    elif operator == "**" and right > 0:
        bits = left.bit_length() * right
    return bits * 30103 // 100000 + 1  # log10(2) = 0.30103


class _NarrativeSandbox(ImmutableSandboxedEnvironment):
    """The immutable sandbox, spending from a :class:`Budget` and refusing what exhausts it.

    :func:`~lkjip_cli.render.limits.guarded` rewrites a narrative so that every
    loop step (:meth:`lkjip_steps`), ``~`` (:meth:`lkjip_concat`), list or dict
    literal (:meth:`lkjip_built`) and piece of output (:meth:`lkjip_emit`)
    passes through here, besides calls and operators.
    """

    intercepted_binops = frozenset({"*", "**", "+", "%", "-", "/", "//"})
    intercepted_unops = frozenset({"-", "+"})

    def __init__(self, budget: Budget, problems: Problems | None = None, **options: Any) -> None:
        super().__init__(**options)
        self.budget = budget
        self.problems = problems

    def is_safe_attribute(self, obj: Any, attr: str, value: Any) -> bool:
        """Models give data only: their methods read files (``parse_file`` unpickles)."""
        if not super().is_safe_attribute(obj, attr, value):
            return False
        if not callable(value) or isinstance(value, Undefined):  # loop.previtem at the start
            return True
        return any(isinstance(obj, kind) and attr in names for kind, names in _METHODS)

    def wrap_str_format(self, value: Any) -> None:
        """No ``str.format``: its widths can allocate gigabytes; the filters format figures."""
        return None

    def call(self, context: Any, obj: Any, /, *args: Any, **kwargs: Any) -> Any:
        """Call from a narrative: a step, and what it returns is charged."""
        self.budget.step()
        if isinstance(obj, LoopContext) and args:  # loop(children) in a recursive loop
            args = (self.lkjip_steps(args[0]), *args[1:])
        if not callable(obj) and not isinstance(obj, Undefined) and self.problems is not None:
            self.problems.failed(f"nilai {kind(obj)} tidak dapat dipanggil seperti fungsi", None)
            return refused("()")
        result = super().call(context, obj, *args, **kwargs)
        self.budget.build(result)
        return result

    def getitem(self, obj: Any, argument: Any) -> Any:
        """``xs[i]``; a slice (``text[1:]``) is a copy, charged like any result."""
        result = super().getitem(obj, argument)
        if isinstance(argument, slice):
            self.budget.step()
            self.budget.build(result)
        elif self.problems is not None:
            self.problems.reached(obj, argument, result)
        return result

    def getattr(self, obj: Any, attribute: str) -> Any:
        """``x.name``, remembering the path it was reached by."""
        result = super().getattr(obj, attribute)
        if self.problems is not None:
            self.problems.reached(obj, attribute, result)
        return result

    def call_binop(self, context: Any, operator: str, left: Any, right: Any) -> Any:
        self.budget.step()
        if operator == "%" and isinstance(left, str):
            why = (
                "format teks dengan % tidak diizinkan; pakai filter rupiah, angka, desimal "
                "atau persen"
            )
            if self.problems is None:
                raise SecurityError(why)
            assert self.problems.tree is not None
            self.problems.failed(why, operation_at(self.problems.tree, self.problems.line(), "%"))
            return refused(operator)
        if (
            operator == "**"
            and isinstance(right, int | Decimal)
            and not (-MAX_EXPONENT <= right <= MAX_EXPONENT)
        ):
            raise SecurityError(f"pangkat lebih dari {MAX_EXPONENT}")
        if _digits_bound(operator, left, right) > MAX_DIGITS:
            raise SecurityError(
                f"pangkat atau perkalian menghasilkan lebih dari {MAX_DIGITS} angka"
            )
        if operator == "*":
            for seq, count in ((left, right), (right, left)):
                if (
                    isinstance(seq, str | list | tuple)
                    and isinstance(count, int)
                    and len(seq) * count > MAX_REPEAT
                ):
                    raise SecurityError(f"hasil perkalian lebih dari {MAX_REPEAT} unsur")
        if operator == "+" and isinstance(left, str | list | tuple):
            check_length(size_of(left) + size_of(right))
        try:
            result = super().call_binop(context, operator, left, right)
        except (TypeError, ValueError, ArithmeticError) as exc:
            if self.problems is None:
                raise
            why = (
                "pembagian dengan nol"
                if isinstance(exc, ZeroDivisionError | DivisionByZero)
                else f"operasi '{operator}' tidak dapat dijalankan pada {kind(left)} dan "
                f"{kind(right)}"
            )
            assert self.problems.tree is not None
            line = self.problems.line()
            self.problems.failed(why, operation_at(self.problems.tree, line, operator))
            return refused(operator)
        self.budget.build(result)
        return result

    def call_unop(self, context: Any, operator: str, arg: Any) -> Any:
        """``-x``: of a value with no sign (a text), a problem noted, not fatal."""
        try:
            return super().call_unop(context, operator, arg)
        except TypeError:
            if self.problems is None:
                raise
            self.problems.failed(f"tanda '{operator}' tidak dapat dipakai pada {kind(arg)}", None)
            return refused(operator)

    def lkjip_steps(self, iterable: Iterable[Any]) -> Iterator[Any]:
        """What a ``{% for %}`` loops over, one step of the budget per item.

        A value no loop can go through (``{% for x in tahun %}``) is a problem
        noted like a refused filter: the loop is empty and the render goes on.
        """
        try:
            items = iter(iterable)
        except TypeError:
            if self.problems is None:
                raise
            self.problems.failed(
                f"nilai {kind(iterable)} tidak dapat diulang dengan {{% for %}}; yang dapat "
                "diulang: daftar atau kumpulan nilai",
                self.problems.written(nodes.For),
            )
            return
        for item in items:
            self.budget.step()
            yield item

    def lkjip_built(self, value: Any) -> Any:
        """A list, tuple or dict literal, charged by :meth:`call` like any result."""
        return value

    def lkjip_compare(self, left: Any, *pairs: Any) -> Any:
        """``a > b`` (and ``a < b < c``), a comparison no value can make noted, not fatal."""
        result: Any = True
        for op, right in zip(pairs[::2], pairs[1::2], strict=True):
            try:
                result = COMPARISONS[op](left, right)
            except TypeError:
                if self.problems is None:
                    raise
                self.problems.failed(
                    f"perbandingan '{SYMBOLS[op]}' tidak dapat dijalankan pada {kind(left)} "
                    f"dan {kind(right)}",
                    self.problems.written(nodes.Compare),
                )
                return refused(SYMBOLS[op])
            if not result:
                return result
            left = right
        return result

    def lkjip_concat(self, *parts: Any) -> str:
        """``a ~ b``: Jinja's join, refused before it grows past :data:`MAX_TEXT`."""
        texts = [self.lkjip_emit(part) for part in parts]
        check_length(sum(map(len, texts)))
        return "".join(texts)

    def lkjip_emit(self, value: Any) -> str:
        """A piece of output (or of ``~``) as text, refused before ``str()`` grows too long."""
        if not isinstance(value, str):
            if callable(value) and not isinstance(value, Undefined) and self.problems:
                # a function's text is Python's (<function ...>), not the report's
                self.problems.failed(
                    "ini fungsi, bukan nilai: panggil dengan argumennya, mis. ref('pegawai')",
                    None,
                )
                return ""
            check_length(printed_size(value, self.budget))
        return str(value)


def _printable(value: object) -> object:
    """Refuse a placeholder whose text no report can hold (``{{ '%c' % 7 }}``)."""
    found = unprintable(str(value))
    if found is not None:
        raise FilterValueError(
            f"hasil placeholder berisi karakter {found[1]} yang tidak dapat dicetak"
        )
    return value


def narrative_env(
    budget: Budget | None = None, problems: Problems | None = None
) -> ImmutableSandboxedEnvironment:
    """The sandbox narratives render in: no loader, no autoescape, strict, few filters.

    Its narratives spend from ``budget`` (a fresh one when none is given). With
    ``problems``, a missing value or a refused filter is noted there and the render
    goes on; without, it stops the render.
    """
    undefined: type[Undefined] = StrictUndefined
    if problems is not None:
        undefined = type("_RunPoison", (Poison,), {"__slots__": (), "problems": problems})
    env = _NarrativeSandbox(
        Budget() if budget is None else budget,
        problems,
        loader=None,
        undefined=undefined,
        autoescape=False,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        finalize=_printable,
        # Jinja's optimizer folds constants at compile time: in this sandbox every
        # operator, call and output is intercepted, so it walks the tree and folds
        # nothing, except a filter on a literal, which it would run outside the
        # budget. Off, it saves 12 ms of a check (README, Performance).
        optimized=False,
    )
    env.filters = dict(NARRATIVE_FILTERS)
    if problems is not None:
        env.filters = {n: guarded_filter(n, f, problems) for n, f in NARRATIVE_FILTERS.items()}
    env.globals = {
        "range": _range,
        "dict": env.globals["dict"],
        "namespace": env.globals["namespace"],
    }
    return env
