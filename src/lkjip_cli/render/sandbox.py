"""Rendering a narrative in the sandbox, every failure named by file and line.

Narratives come from data files that many people edit, so they render in the
sandbox of :mod:`lkjip_cli.render.sandbox_env`: a placeholder can read figures
and call the formatting filters, never run code nor read a file, and the run's
:class:`~lkjip_cli.render.limits.Budget` keeps the narratives together from
exhausting time or memory. :func:`render_narrative` turns every failure into a
:class:`NarrativeError` that names file and line (worded by
:mod:`lkjip_cli.render.sandbox_errors`); a missing value or a refused filter does
not stop the render, so every such problem of a narrative is reported
(:mod:`lkjip_cli.render.sandbox_poison`).
"""

from __future__ import annotations

import inspect
from collections.abc import Mapping
from typing import Any

from jinja2 import TemplateSyntaxError, UndefinedError, nodes
from jinja2.exceptions import SecurityError
from jinja2.sandbox import ImmutableSandboxedEnvironment

from lkjip_cli.render.jinja import FilterValueError
from lkjip_cli.render.limits import (
    RENDER_SECONDS,
    Budget,
    LimitExceeded,
    TooSlow,
    deadline,
    guarded,
)
from lkjip_cli.render.sandbox_env import narrative_env
from lkjip_cli.render.sandbox_errors import (
    NARRATIVE_FILENAME,
    describe,
    placeholder_at,
    security_detail,
    syntax_message,
    template_line,
    unknown_filter,
)
from lkjip_cli.render.sandbox_poison import NarrativeError, Problems, guarded_filter, refused

__all__ = ["NarrativeError", "render_narrative"]

_FILE_TAGS = (nodes.Include, nodes.Import, nodes.FromImport, nodes.Extends)


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


def render_narrative(
    source: str, file: str, context: Mapping[str, Any], budget: Budget | None = None
) -> str:
    """Render one narrative; a failure is a :class:`NarrativeError` with its line.

    A missing value, a refused filter or operation does not stop the render: every
    one of them is in the error's :attr:`~NarrativeError.problems`. The narratives of
    one run share ``budget`` (see :mod:`lkjip_cli.render.limits`); without one,
    this narrative has a budget of its own.
    """
    budget = Budget() if budget is None else budget
    problems = Problems(file, context)
    env = narrative_env(budget, problems)
    try:
        parsed = _parse(env, source, file)
        problems.parse = lambda: _parse(env, source, file)
        _unknown_filters(env, parsed, problems)
        guarded_context = {
            k: guarded_filter(k, v, problems, call=True) if inspect.isfunction(v) else v
            for k, v in context.items()
        }
        rendered = _render(env, problems, parsed, guarded_context, budget)
    except NarrativeError as exc:
        raise _together(problems, exc) from None
    if problems.errors:
        raise _together(problems, None)
    return rendered


def _unknown_filters(
    env: ImmutableSandboxedEnvironment, tree: nodes.Template, problems: Problems
) -> None:
    """Note each unknown filter at its line and let it print nothing.

    Jinja refuses an unknown filter when it compiles the whole narrative; noted
    here instead, the narrative still renders and its other placeholders are
    checked in the same run.
    """
    for node in tree.find_all(nodes.Filter):
        if node.name not in env.filters:
            problems.add(f"| {node.name}", unknown_filter(node.name), node.lineno)
            env.filters[node.name] = _printing_nothing(node.name)


def _printing_nothing(name: str) -> Any:
    def run(*args: Any, **kwargs: Any) -> Any:
        return refused(name)

    return run


def _together(problems: Problems, last: NarrativeError | None) -> NarrativeError:
    """The first problem, holding every problem (``last``, the one that stopped, at the end)."""
    every = [*problems.errors, *([last] if last is not None else [])]
    first = every[0]
    first.problems = every
    return first


def _render(
    env: ImmutableSandboxedEnvironment,
    problems: Problems,
    parsed: nodes.Template,
    context: Mapping[str, Any],
    budget: Budget,
) -> str:
    """Compile and render, every failure a :class:`NarrativeError` with its line."""
    file = problems.file
    try:
        tree = guarded(env, parsed)
        code = env.compile(tree, name=file, filename=NARRATIVE_FILENAME)
        template = env.template_class.from_code(env, code, env.make_globals(None), None)
        problems.template = template
        with deadline(budget):
            rendered: str = template.render(dict(context))
        budget.emit(len(rendered))
        return rendered
    except TooSlow:
        raise NarrativeError(
            f"semua narasi bersama tidak selesai dirender dalam {RENDER_SECONDS} detik; "
            "periksa perulangan {% for %} di dalamnya",
            file,
            None,
        ) from None
    except LimitExceeded as exc:
        raise NarrativeError(str(exc), file, template_line(exc)) from None
    except SecurityError as exc:
        raise NarrativeError(
            "ekspresi tidak diizinkan di narasi: hanya nilai data dan filter format yang "
            f"boleh dipakai{security_detail(exc)}",
            file,
            template_line(exc),
        ) from None
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
        line = template_line(exc)
        path = placeholder_at(problems.tree, line) if problems.tree is not None else None
        where = f"'{path}': " if path else ""
        raise NarrativeError(
            f"{where}gagal mengisi narasi: {describe(exc)}", file, line, path
        ) from exc
