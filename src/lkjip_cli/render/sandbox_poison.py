"""What a narrative's failing placeholders become: problems noted, then empty values.

A missing value, a refused filter or operation does not stop a render: the
placeholder's problem is noted in :class:`Problems` (once, with its line and
whole path) and the placeholder becomes a :class:`Poison`, printed empty, so
one run reports every problem of a narrative (:mod:`lkjip_cli.render.sandbox`).
"""

from __future__ import annotations

import inspect
import reprlib
import sys
from collections.abc import Callable, Iterator, Mapping
from decimal import Decimal
from typing import Any

from jinja2 import Undefined, UndefinedError, nodes
from jinja2.utils import missing

from lkjip_cli.loader import Position
from lkjip_cli.render.jinja import FilterValueError
from lkjip_cli.render.sandbox_errors import (
    NARRATIVE_FILENAME,
    UNKNOWN,
    explain_missing,
    expression,
    join,
    placeholder_at,
    resolve,
)


class NarrativeError(Exception):
    """A narrative that cannot be rendered: message (Indonesian), file and line.

    The first problem of a render; :attr:`problems` holds them all (itself first).
    """

    def __init__(
        self, message: str, file: str, line: int | None = None, path: str | None = None
    ) -> None:
        super().__init__(message, file, line)
        self.message = message
        self.file = file
        self.line = line
        self.path = path
        """The placeholder that failed (``indikator.x.selisih_tahun[2023]``), when known."""
        self.problems: list[NarrativeError] = [self]

    @property
    def position(self) -> Position:
        """Where the problem is, for a finding."""
        return Position(self.file, self.line or 1, 1)

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}" if self.line else self.file
        return f"{where}: {self.message}"


# --- the sandbox -------------------------------------------------------------------


class Problems:
    """Every placeholder that failed in one render, each once, with its line.

    A missing value or a refused filter does not stop the render: the failing
    placeholder becomes a :class:`Poison` (printed empty, false, an empty
    list) and the render goes on, so one run reports every problem of a file.
    """

    def __init__(self, file: str, context: Mapping[str, Any]) -> None:
        self.file = file
        self.context = context
        self.errors: list[NarrativeError] = []
        self.seen: set[tuple[int | None, str]] = set()
        self.template: Any = None
        self.parse: Callable[[], nodes.Template] | None = None
        """Parses the narrative again, unguarded, for naming what failed (set by the renderer)."""
        self._tree: nodes.Template | None = None
        self.paths: dict[int, tuple[Any, str]] = {id(v): (v, k) for k, v in context.items()}
        """id → (value, the path a narrative reached it by), to name what is missing."""

    @property
    def tree(self) -> nodes.Template | None:
        """The narrative's unguarded syntax tree, parsed only when a problem needs naming.

        Rendering rewrites its own tree (see :func:`~lkjip_cli.render.limits.guarded`);
        a narrative without problems never needs this second parse.
        """
        if self._tree is None and self.parse is not None:
            self._tree = self.parse()
        return self._tree

    def line(self) -> int | None:
        """The narrative line being rendered: the innermost frame of the compiled narrative."""
        frame = sys._getframe(1)
        while frame is not None:
            if frame.f_code.co_filename == NARRATIVE_FILENAME and self.template is not None:
                return int(self.template.get_corresponding_lineno(frame.f_lineno))
            frame = frame.f_back  # type: ignore[assignment]
        return None

    def path_of(self, value: Any) -> str | None:
        """The path ``value`` was reached by, if a narrative reached it by name."""
        found = self.paths.get(id(value))
        return found[1] if found is not None and found[0] is value else None

    def resolve(self, node: nodes.Node) -> Any:
        """The value an expression names, from the context; :data:`UNKNOWN` when it cannot tell."""
        return resolve(node, self.context)

    def reached(self, container: Any, key: Any, value: Any) -> None:
        """Remember that ``value`` is ``container``'s ``key``."""
        base = self.path_of(container)
        if base is not None and not isinstance(value, Undefined):
            self.paths[id(value)] = (value, join(base, key))

    def add(self, path: str, message: str, line: int | None) -> None:
        """One problem, unless the same placeholder failed on the same line already."""
        if (line, path) in self.seen:
            return
        self.seen.add((line, path))
        self.errors.append(NarrativeError(message, self.file, line, path))

    def missing(self, undefined: Undefined) -> None:
        """A missing name or value was used."""
        obj, name = undefined._undefined_obj, undefined._undefined_name
        if not isinstance(name, str | int | None):  # {{ d[[1, 2]] }}: its repr, kept short
            name = reprlib.repr(name)
        line = self.line()
        known = None if obj is missing else self.path_of(obj)
        assert self.tree is not None
        path, message = explain_missing(name, obj, self.tree, line, self.context, known)
        self.add(path, message, line)

    def written(self, kind: type[nodes.Node]) -> str | None:
        """The first ``kind`` of expression on the line being rendered, as written.

        For a ``{% for %}``, what it loops over.
        """
        line = self.line()
        assert self.tree is not None
        for node in self.tree.find_all(kind):
            if line is None or node.lineno == line:
                return expression(node.iter if isinstance(node, nodes.For) else node)
        return None

    def failed(self, message: str, subject: str | None) -> None:
        """A filter or an operator refused a value; ``subject`` is the placeholder, if known."""
        line = self.line()
        assert self.tree is not None
        path = subject or placeholder_at(self.tree, line) or "?"
        self.add(path, f"'{path}': {message}", line)


class Poison(Undefined):
    """A missing or refused value: reported where it is first used, then empty.

    Printed it is empty, tested it is false, looped over it is empty; any
    operation on it gives itself. A silent one (what a refused filter gives)
    was reported already.
    """

    __slots__ = ("_silent",)
    problems: Problems
    """Set on the subclass each render makes (see :func:`render_narrative`)."""

    def __init__(
        self,
        hint: str | None = None,
        obj: Any = missing,
        name: str | None = None,
        exc: type[Exception] = UndefinedError,
        *,
        silent: bool = False,
    ) -> None:
        super().__init__(hint, obj, name, exc)  # type: ignore[arg-type]
        self._silent = silent

    def _use(self) -> None:
        if not issubclass(self._undefined_exception, UndefinedError):
            Undefined._fail_with_undefined_error(self)  # the sandbox refused: that stops
        if not self._silent:
            self.problems.missing(self)

    def _fail_with_undefined_error(self, *args: Any, **kwargs: Any) -> Any:
        self._use()
        return self

    __add__ = __radd__ = __sub__ = __rsub__ = _fail_with_undefined_error
    __mul__ = __rmul__ = _fail_with_undefined_error
    __truediv__ = __rtruediv__ = _fail_with_undefined_error
    __floordiv__ = __rfloordiv__ = _fail_with_undefined_error
    __mod__ = __rmod__ = _fail_with_undefined_error
    __pos__ = __neg__ = _fail_with_undefined_error
    __call__ = __getitem__ = _fail_with_undefined_error
    __lt__ = __le__ = __gt__ = __ge__ = _fail_with_undefined_error
    __pow__ = __rpow__ = _fail_with_undefined_error

    def __int__(self) -> int:  # type: ignore[override]
        self._use()
        return 0

    def __str__(self) -> str:
        self._use()
        return ""

    def __bool__(self) -> bool:
        self._use()
        return False

    def __iter__(self) -> Iterator[Any]:
        self._use()
        return iter(())

    def __len__(self) -> int:
        self._use()
        return 0

    def __eq__(self, other: object) -> bool:
        self._use()
        return False

    def __ne__(self, other: object) -> bool:
        self._use()
        return False

    def __hash__(self) -> int:
        return id(self)


def refused(name: str) -> Poison:
    """What a refused filter or operation gives: already reported, silent afterwards."""
    return Poison(name=name, silent=True)


def kind(value: object) -> str:
    """A value's kind in words, for a message."""
    if value is None:
        return "kosong (None)"
    if isinstance(value, bool):
        return "benar/salah"
    if isinstance(value, int | Decimal):
        return "bilangan"
    if isinstance(value, str):
        return "teks"
    if isinstance(value, list | tuple):
        return "daftar"
    if isinstance(value, Mapping):
        return "kumpulan nilai"
    return type(value).__name__


def guarded_filter(name: str, apply: Any, problems: Problems, *, call: bool = False) -> Any:
    """A filter (or, with ``call``, a function: ``ref``) whose refusal is noted, not fatal.

    A refused value gives a silent poison and the render goes on.
    """
    signature = inspect.signature(apply)
    what = f"{name}()" if call else f"filter '{name}'"

    def run(*args: Any, **kwargs: Any) -> Any:
        for arg in (*args, *kwargs.values()):
            if isinstance(arg, Undefined):
                arg._fail_with_undefined_error()
                return refused(name)
        try:
            signature.bind(*args, **kwargs)
        except TypeError:
            given = len(args) - (0 if call else 1) + len(kwargs)
            problems.failed(
                f"{what} tidak menerima {given} argumen yang diberikan (lihat docs/narasi.md)",
                _subject(problems, name, args, call),
            )
            return refused(name)
        try:
            return apply(*args, **kwargs)
        except FilterValueError as exc:
            problems.failed(str(exc), _subject(problems, name, args, call))
        except (TypeError, ValueError, ArithmeticError):
            problems.failed(
                f"{what} tidak dapat memformat nilai {kind(args[0] if args else None)}",
                _subject(problems, name, args, call),
            )
        return refused(name)

    run.__name__ = name
    return run


def _subject(problems: Problems, name: str, given: tuple[Any, ...], call: bool) -> str | None:
    """``indikator.x.capaian | persen`` (or ``ref(tahun)``) as written, for ``name`` that failed.

    Of the filters ``name`` on the line (``{{ a | persen }} dan {{ b | persen | angka }}``),
    the first whose value and arguments, where the narrative names them, are those
    the filter was given: not merely the first placeholder of the line.
    """
    line = problems.line()
    assert problems.tree is not None
    candidates: list[tuple[nodes.Node, tuple[nodes.Node, ...]]] = []
    for node in problems.tree.find_all((nodes.Filter, nodes.Call)):
        if line is not None and node.lineno != line:
            continue
        if isinstance(node, nodes.Filter) and not call and node.name == name and node.node:
            candidates.append((node, (node.node, *node.args)))
        elif (
            isinstance(node, nodes.Call)
            and call
            and isinstance(node.node, nodes.Name)
            and node.node.name == name
        ):
            candidates.append((node, tuple(node.args)))
    for found, written in candidates:
        if len(written) == len(given) and all(
            _agrees(problems.resolve(w), g) for w, g in zip(written, given, strict=True)
        ):
            return expression(found)
    return expression(candidates[0][0]) if candidates else None


def _agrees(written: object, given: object) -> bool:
    """A value the narrative names is the value given (one it cannot tell agrees with any)."""
    if written is UNKNOWN or written is given:
        return True
    return type(written) is type(given) and written == given
