"""The two Jinja environments: the writers' own templates, and the sandboxed narratives.

Writers' templates ship with lkjip and are trusted: :func:`writer_env` loads
them from ``templates/`` and escapes HTML by file extension. Narratives come
from data files that many people edit, so :func:`narrative_env` is an immutable
sandbox without a loader: a placeholder can read figures and call the
formatting filters below, never run code nor read a file. :func:`render_narrative`
turns every failure into a :class:`NarrativeError` that names file and line.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import difflib
import functools
import importlib.resources
import re
import signal
import threading
from collections.abc import Callable, Iterator, Mapping
from decimal import Decimal
from importlib.resources.abc import Traversable
from pathlib import Path
from typing import Any

from jinja2 import (
    BaseLoader,
    Environment,
    StrictUndefined,
    TemplateNotFound,
    TemplateSyntaxError,
    UndefinedError,
    nodes,
    select_autoescape,
)
from jinja2.exceptions import SecurityError
from jinja2.runtime import LoopContext
from jinja2.sandbox import ImmutableSandboxedEnvironment
from jinja2.utils import missing

from lkjip_cli import numbers
from lkjip_cli.loader import Position, unprintable

NARRATIVE_FILENAME = "<narasi>"
"""The code filename narratives compile under, to find their frames in a traceback."""


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


# --- templates directory -------------------------------------------------------


def templates_dir() -> Traversable:
    """The packaged ``lkjip_cli/templates`` (wheel), else the repository's ``templates/``."""
    packaged = importlib.resources.files("lkjip_cli") / "templates"
    if packaged.is_dir():
        return packaged
    # Editable install or source checkout: src/lkjip_cli/render/jinja.py → repo root.
    return Path(__file__).resolve().parents[3] / "templates"


class _TraversableLoader(BaseLoader):
    """Load templates from a directory that may live inside a wheel or zip."""

    def __init__(self, root: Traversable) -> None:
        self.root = root

    def get_source(
        self, environment: Environment, template: str
    ) -> tuple[str, str | None, Callable[[], bool] | None]:
        path = self.root
        for part in template.split("/"):
            if part in ("", ".", ".."):
                raise TemplateNotFound(template)
            path = path / part
        if not path.is_file():
            raise TemplateNotFound(template)
        return path.read_text(encoding="utf-8"), str(path), lambda: True


def writer_env() -> Environment:
    """A fresh environment for the writers' templates (``*.md.j2``, ``*.html.j2``)."""
    return Environment(
        loader=_TraversableLoader(templates_dir()),
        undefined=StrictUndefined,
        autoescape=select_autoescape(
            enabled_extensions=("html.j2",), default_for_string=False, default=False
        ),
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        auto_reload=False,
    )


# --- narrative filters -----------------------------------------------------------


class FilterValueError(TypeError):
    """A value a formatting filter refuses (a float, a text, a bool)."""


Number = int | Decimal


def _number(value: object, name: str) -> Number:
    # A float here means some code lost exactness on the way: refuse it loudly.
    if isinstance(value, bool) or not isinstance(value, int | Decimal):
        raise FilterValueError(
            f"filter '{name}' hanya menerima bilangan bulat atau Decimal, "
            f"bukan {type(value).__name__} ({value!r})"
        )
    if isinstance(value, Decimal) and not value.is_finite():
        raise FilterValueError(f"filter '{name}' tidak dapat memformat {value}")
    return value


def _optional(name: str, fmt: Callable[[Number], str]) -> Callable[[object], str]:
    def apply(value: object) -> str:
        return "-" if value is None else fmt(_number(value, name))

    apply.__name__ = name
    return apply


def _tanggal(value: object) -> str:
    if not isinstance(value, dt.date):
        raise FilterValueError(
            f"filter 'tanggal' membutuhkan tanggal, bukan {type(value).__name__}"
        )
    return numbers.format_tanggal(value)


def _naik_turun(value: object) -> str:
    return "penurunan" if _number(value, "naik_turun") < 0 else "kenaikan"


def _abs(value: object) -> Number | None:
    if value is None:
        return None
    number = _number(value, "abs")
    return -number if number < 0 else number


def _lower(value: object) -> str:
    return str(value).lower()


NARRATIVE_FILTERS: Mapping[str, Callable[..., Any]] = {
    "rupiah": _optional("rupiah", numbers.format_rupiah),
    "angka": _optional("angka", lambda v: numbers.format_number(v, 0)),
    "desimal": _optional("desimal", numbers.format_decimal_id),
    "persen": _optional("persen", lambda v: numbers.format_percent(Decimal(v), compact=True)),
    "terbilang": _optional("terbilang", numbers.terbilang),
    "tanggal": _tanggal,
    "naik_turun": _naik_turun,
    "abs": _abs,
    "lower": _lower,
}
"""The only filters a narrative can call."""


# --- the sandbox -------------------------------------------------------------------


class _MissingName(UndefinedError):
    """An undefined name or attribute, remembering which and on what."""

    def __init__(self, message: str | None, name: str | None, obj: object) -> None:
        super().__init__(message)
        self.name = name
        self.obj = obj


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
                _MissingName, name=name, obj=obj
            )


MAX_RANGE = 1000
"""The longest ``range()`` a narrative may loop over."""
MAX_REPEAT = 10_000
"""The longest text or list a narrative may build with ``*``."""
MAX_EXPONENT = 100
MAX_DIGITS = 1000
"""The longest whole number ``*`` or ``**`` may make: ``((10**100)**100)**100``
keeps every exponent small and still takes minutes."""
MAX_LISTED = 12
"""An unknown name lists the known ones when there are at most this many."""
_UNSAFE_ATTRIBUTE = re.compile(r"access to attribute '(.+?)' of '.+?' object is unsafe")


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


def render_narrative(source: str, file: str, context: Mapping[str, Any]) -> str:
    """Render one narrative; every failure is a :class:`NarrativeError` with its line."""
    env = narrative_env()
    try:
        tree = env.parse(source, name=file, filename=NARRATIVE_FILENAME)
    except TemplateSyntaxError as exc:
        raise NarrativeError(_syntax_message(exc), file, exc.lineno) from None
    for node in tree.find_all(_FILE_TAGS):
        raise NarrativeError(
            "narasi tidak boleh memuat berkas lain ({% include %}, {% import %}, "
            "{% extends %}); tulis teksnya langsung di berkas ini",
            file,
            node.lineno,
        )
    try:
        code = env.compile(tree, name=file, filename=NARRATIVE_FILENAME)
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
            f"boleh dipakai{_security_detail(exc)}",
            file,
            _template_line(exc),
        ) from None
    except _MissingName as exc:
        line = _template_line(exc)
        raise NarrativeError(_explain_missing(exc, tree, line, context), file, line) from None
    except UndefinedError as exc:
        raise NarrativeError(f"nilai tidak dikenal: {exc}", file, _template_line(exc)) from None
    except FilterValueError as exc:
        raise NarrativeError(str(exc), file, _template_line(exc)) from None
    except TemplateSyntaxError as exc:  # e.g. an unknown filter, found at compile time
        raise NarrativeError(_syntax_message(exc), file, exc.lineno) from None
    except NarrativeError:
        raise
    except Exception as exc:
        # Bad input must end in a message with a line, never a traceback.
        raise NarrativeError(
            f"gagal mengisi narasi: {_describe(exc)}", file, _template_line(exc)
        ) from exc


def _syntax_message(exc: TemplateSyntaxError) -> str:
    if match := re.fullmatch(r"No (filter|test) named '(.+)'\.?", exc.message or ""):
        kind, name = match.groups()
        if kind == "filter":
            known = ", ".join(sorted(NARRATIVE_FILTERS))
            return f"filter '{name}' tidak dikenal; filter yang tersedia: {known}"
        return f"uji '{name}' tidak dikenal"
    return f"kesalahan sintaks Jinja: {exc.message}"


def _describe(exc: Exception) -> str:
    if isinstance(exc, ZeroDivisionError):
        return "pembagian dengan nol"
    return f"{type(exc).__name__}: {exc}"


def _template_line(exc: BaseException) -> int | None:
    """The narrative line of the innermost frame Jinja mapped back to the template."""
    line = None
    tb = exc.__traceback__
    while tb is not None:
        if tb.tb_frame.f_code.co_filename == NARRATIVE_FILENAME:
            line = tb.tb_lineno
        tb = tb.tb_next
    return line


def _explain_missing(
    exc: _MissingName, tree: nodes.Template, line: int | None, context: Mapping[str, Any]
) -> str:
    name = exc.name or "?"
    if exc.obj is missing:
        path, choices = name, [str(k) for k in context]
    else:
        path = _written_path(tree, name, line) or name
        choices = list(_names_of(exc.obj))
    message = f"'{path}' tidak dikenal"
    close = difflib.get_close_matches(name, choices, n=1)
    if close:
        prefix = path[: len(path) - len(name)] if path.endswith(name) else ""
        message += f"; maksud Anda '{prefix}{close[0]}'?"
    elif 0 < len(choices) <= MAX_LISTED:
        message += f"; yang ada: {', '.join(sorted(choices))}"
    return message


def _security_detail(exc: SecurityError) -> str:
    # Jinja's other messages carry object reprs (memory addresses): not repeatable.
    if match := _UNSAFE_ATTRIBUTE.match(str(exc)):
        return f" (atribut '{match[1]}' tidak boleh diakses)"
    if str(exc).startswith(("range()", "pangkat", "hasil perkalian")):
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
