"""The Jinja environment of the writers' templates, and the formatting filters.

Writers' templates ship with lkjip and are trusted: :func:`writer_env` loads
them from ``templates/`` and escapes HTML by file extension. The formatting
filters (:data:`NARRATIVE_FILTERS`) are the only ones a narrative may call;
the sandbox narratives render in lives in :mod:`lkjip_cli.render.sandbox_env`.
"""

from __future__ import annotations

import datetime as dt
import importlib.resources
import reprlib
from collections.abc import Callable, Mapping
from decimal import Decimal
from importlib.resources.abc import Traversable
from pathlib import Path
from typing import Any

from jinja2 import (
    BaseLoader,
    Environment,
    StrictUndefined,
    TemplateNotFound,
    Undefined,
    select_autoescape,
)

from lkjip_cli import numbers
from lkjip_cli.render.claims import make_claim_filters

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
    if isinstance(value, Undefined):
        # a missing figure: let the sandbox explain which name is missing
        value._fail_with_undefined_error()
    # A float here means some code lost exactness on the way: refuse it loudly.
    if isinstance(value, bool) or not isinstance(value, int | Decimal):
        raise FilterValueError(
            f"filter '{name}' hanya menerima bilangan bulat atau Decimal, "
            f"bukan {type(value).__name__} ({reprlib.repr(value)})"
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


def _abs(value: object) -> Number | None:
    if value is None:
        return None
    number = _number(value, "abs")
    return -number if number < 0 else number


def _lower(value: object) -> str:
    # a text, a number or a date; str() of anything else could be any size
    if value is not None and not isinstance(value, str | int | Decimal | dt.date):
        raise FilterValueError(f"filter 'lower' hanya menerima teks, bukan {type(value).__name__}")
    return str(value).lower()


def _length(value: object) -> int:
    """How many items: ``{{ tabel.puskesmas.baris | length }}``."""
    if not isinstance(value, list | tuple | dict | str):
        raise FilterValueError(f"filter 'length' memerlukan daftar, bukan {type(value).__name__}")
    return len(value)


NARRATIVE_FILTERS: Mapping[str, Callable[..., Any]] = {
    "rupiah": _optional("rupiah", numbers.format_rupiah),
    "angka": _optional("angka", lambda v: numbers.format_number(v, 0)),
    "desimal": _optional("desimal", numbers.format_decimal_id),
    "persen": _optional("persen", lambda v: numbers.format_percent(Decimal(v), compact=True)),
    "terbilang": _optional("terbilang", numbers.terbilang),
    "tanggal": _tanggal,
    "abs": _abs,
    "lower": _lower,
    "length": _length,
    **make_claim_filters(_number, FilterValueError),
}
"""The only filters a narrative can call."""
