"""The sandbox narratives render in: the environment, its limits and deadline.

Narratives come from data files that many people edit, so :func:`narrative_env`
is an immutable sandbox without a loader: a placeholder can read figures and
call the formatting filters of :mod:`lkjip_cli.render.jinja`, never run code
nor read a file, and limits keep a loop or a product from exhausting time or
memory. :func:`render_narrative` turns every failure into a
:class:`NarrativeError` that names file and line (worded by
:mod:`lkjip_cli.render.sandbox_errors`).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import functools
import marshal
import signal
import sys
import threading
from collections.abc import Iterator, Mapping
from decimal import Decimal
from types import CodeType
from typing import Any

from jinja2 import StrictUndefined, TemplateSyntaxError, UndefinedError, nodes
from jinja2.exceptions import SecurityError
from jinja2.runtime import LoopContext
from jinja2.sandbox import ImmutableSandboxedEnvironment
from jinja2.utils import missing

from lkjip_cli import cache
from lkjip_cli.loader import Position, unprintable
from lkjip_cli.render.jinja import NARRATIVE_FILTERS, FilterValueError
from lkjip_cli.render.sandbox_errors import (
    NARRATIVE_FILENAME,
    MissingName,
    describe,
    explain_missing,
    security_detail,
    syntax_message,
    template_line,
)


class NarrativeError(Exception):
    """A narrative that cannot be rendered: message (Indonesian), file and line."""

    def __init__(self, message: str, file: str, line: int | None = None) -> None:
        super().__init__(message, file, line)
        self.message = message
        self.file = file
        self.line = line

    @property
    def position(self) -> Position:
        """Where the problem is, for a finding."""
        return Position(self.file, self.line or 1, 1)

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}" if self.line else self.file
        return f"{where}: {self.message}"


# --- the sandbox -------------------------------------------------------------------


class _NarrativeUndefined(StrictUndefined):
    """StrictUndefined whose error keeps the missing name, to explain it."""

    __slots__ = ()

    def __init__(
        self,
        hint: str | None = None,
        obj: Any = missing,
        name: str | None = None,
        exc: type[Exception] = UndefinedError,
    ) -> None:
        super().__init__(hint, obj, name, exc)  # type: ignore[arg-type]
        if exc is UndefinedError:
            # Jinja raises ``self._undefined_exception(message)``.
            self._undefined_exception = functools.partial(  # type: ignore[assignment]
                MissingName, name=name, obj=obj
            )


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


_WITH_METHODS = (int, Decimal, dt.date, dict, list, tuple, set, frozenset, LoopContext)
"""Types whose (non-mutating) methods a narrative may call: plain values, containers."""

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

RENDER_SECONDS = 10
"""Longest a narrative may take to render (nested loops can burn CPU without output)."""
MAX_OUTPUT = 2 * 1024 * 1024
"""Largest rendered narrative, in characters."""


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
    """The immutable sandbox, refusing model methods and ``*``/``**`` that exhaust memory."""

    intercepted_binops = frozenset({"*", "**"})

    def is_safe_attribute(self, obj: Any, attr: str, value: Any) -> bool:
        """Models give data only: their methods read files (``parse_file`` unpickles)."""
        if not super().is_safe_attribute(obj, attr, value):
            return False
        if not callable(value):
            return True
        if isinstance(obj, str):
            return attr in _STR_METHODS
        return isinstance(obj, _WITH_METHODS)

    def wrap_str_format(self, value: Any) -> None:
        """No ``str.format``: its widths can allocate gigabytes; the filters format figures."""
        return None

    def call_binop(self, context: Any, operator: str, left: Any, right: Any) -> Any:
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
        return super().call_binop(context, operator, left, right)


def _printable(value: object) -> object:
    """Refuse a placeholder whose text no report can hold (``{{ '%c' % 7 }}``)."""
    found = unprintable(str(value))
    if found is not None:
        raise FilterValueError(
            f"hasil placeholder berisi karakter {found[1]} yang tidak dapat dicetak"
        )
    return value


@functools.cache
def narrative_env() -> ImmutableSandboxedEnvironment:
    """The sandbox narratives render in: no loader, no autoescape, strict, few filters."""
    env = _NarrativeSandbox(
        loader=None,
        undefined=_NarrativeUndefined,
        autoescape=False,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        finalize=_printable,
    )
    env.filters = dict(NARRATIVE_FILTERS)
    env.globals = {
        "range": _range,
        "dict": env.globals["dict"],
        "namespace": env.globals["namespace"],
    }
    return env


_FILE_TAGS = (nodes.Include, nodes.Import, nodes.FromImport, nodes.Extends)


class _TooSlow(Exception):
    """Raised by the render deadline's timer."""


@contextlib.contextmanager
def _deadline(seconds: int) -> Iterator[None]:
    """Interrupt a render that runs longer than ``seconds`` (main thread, POSIX only)."""
    usable = hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()
    if not usable:
        yield
        return

    def expire(signum: int, frame: object) -> None:
        raise _TooSlow

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def _parse(env: ImmutableSandboxedEnvironment, source: str, file: str) -> nodes.Template:
    """The narrative's syntax tree; a syntax error or a file tag is a :class:`NarrativeError`."""
    try:
        tree = env.parse(source, name=file, filename=NARRATIVE_FILENAME)
    except TemplateSyntaxError as exc:
        raise NarrativeError(syntax_message(exc), file, exc.lineno) from None
    for node in tree.find_all(_FILE_TAGS):
        raise NarrativeError(
            "narasi tidak boleh memuat berkas lain ({% include %}, {% import %}, "
            "{% extends %}); tulis teksnya langsung di berkas ini",
            file,
            node.lineno,
        )
    return tree


@functools.cache
def _fingerprint(env: ImmutableSandboxedEnvironment) -> str:
    """What, besides the text, decides the compiled code: versions and the sandbox's settings."""
    import jinja2

    from lkjip_cli import __version__

    settings = (
        type(env).__qualname__,
        env.sandboxed,  # calls compile to environment.call: the sandbox checks each one
        env.is_async,
        sorted(env.filters),
        sorted(env.tests),
        sorted(env.globals),
        sorted(env.intercepted_binops),
        sorted(env.intercepted_unops),
        env.trim_blocks,
        env.lstrip_blocks,
        env.keep_trailing_newline,
        env.newline_sequence,
        env.optimized,
        env.finalize is not None,
        (env.block_start_string, env.variable_start_string, env.comment_start_string),
        (env.line_statement_prefix, env.line_comment_prefix),
    )
    return f"{__version__}|{jinja2.__version__}|{sys.version}|{settings!r}"


def _compiled(env: ImmutableSandboxedEnvironment, source: str, file: str) -> CodeType:
    """The narrative compiled: from the cache when this exact text was compiled before.

    Only a text that parsed and passed the file-tag rule is ever compiled and
    stored, so a cached entry stands for both checks.
    """
    name = cache.key("narasi", _fingerprint(env), file, source)
    if (stored := cache.get("narasi", name)) is not None:
        try:
            code = marshal.loads(stored)
        except (EOFError, ValueError, TypeError):
            code = None
        if isinstance(code, CodeType):
            return code
    code = env.compile(_parse(env, source, file), name=file, filename=NARRATIVE_FILENAME)
    cache.put("narasi", name, marshal.dumps(code))
    return code


def render_narrative(source: str, file: str, context: Mapping[str, Any]) -> str:
    """Render one narrative; every failure is a :class:`NarrativeError` with its line."""
    env = narrative_env()
    try:
        code = _compiled(env, source, file)
        template = env.template_class.from_code(env, code, env.make_globals(None), None)
        with _deadline(RENDER_SECONDS):
            rendered: str = template.render(dict(context))
        if len(rendered) > MAX_OUTPUT:
            raise NarrativeError(
                f"narasi menghasilkan lebih dari {MAX_OUTPUT} karakter; periksa perulangannya",
                file,
                None,
            )
        return rendered
    except _TooSlow:
        raise NarrativeError(
            f"narasi tidak selesai dirender dalam {RENDER_SECONDS} detik; periksa perulangan "
            "{% for %} di dalamnya",
            file,
            None,
        ) from None
    except SecurityError as exc:
        raise NarrativeError(
            "ekspresi tidak diizinkan di narasi: hanya nilai data dan filter format yang "
            f"boleh dipakai{security_detail(exc)}",
            file,
            template_line(exc),
        ) from None
    except MissingName as exc:
        line = template_line(exc)
        tree = _parse(env, source, file)
        raise NarrativeError(explain_missing(exc, tree, line, context), file, line) from None
    except UndefinedError as exc:
        raise NarrativeError(f"nilai tidak dikenal: {exc}", file, template_line(exc)) from None
    except FilterValueError as exc:
        raise NarrativeError(str(exc), file, template_line(exc)) from None
    except TemplateSyntaxError as exc:  # e.g. an unknown filter, found at compile time
        raise NarrativeError(syntax_message(exc), file, exc.lineno) from None
    except NarrativeError:
        raise
    except Exception as exc:
        # Bad input must end in a message with a line, never a traceback.
        raise NarrativeError(
            f"gagal mengisi narasi: {describe(exc)}", file, template_line(exc)
        ) from exc
