"""Shared field types of the source models: exact numbers, dates, persons.

Every scalar reaches the models as the text the planner typed; these types parse
it the Indonesian way (see :mod:`lkjip_cli.numbers`) and refuse floats, so a
number can never silently change on its way in.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Annotated, Any, Generic, TypeVar

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, PlainSerializer

from lkjip_cli.numbers import parse_count, parse_date, parse_decimal, parse_rupiah


class Source(BaseModel):
    """Base of every source model: frozen, and a misspelt key is an error."""

    model_config = ConfigDict(
        frozen=True, extra="forbid", use_attribute_docstrings=True, populate_by_name=True
    )


def _reject_non_text(value: Any, kind: str) -> None:
    if isinstance(value, bool) or isinstance(value, float):
        raise ValueError(f"{kind} harus ditulis sebagai teks angka, bukan {type(value).__name__}")
    if isinstance(value, (dict, list)):
        raise ValueError(f"{kind} diharapkan, bukan {'daftar' if isinstance(value, list) else 'peta'}")


def _to_rupiah(value: Any) -> Any:
    _reject_non_text(value, "jumlah uang")
    if isinstance(value, str):
        return parse_rupiah(value)
    return value


def _to_decimal(value: Any) -> Any:
    _reject_non_text(value, "angka")
    if isinstance(value, str):
        return parse_decimal(value)
    return value


def _to_count(value: Any) -> Any:
    _reject_non_text(value, "bilangan bulat")
    if isinstance(value, str):
        return parse_count(value)
    return value


def _to_date(value: Any) -> Any:
    if isinstance(value, str):
        return parse_date(value)
    return value


def _to_bool(value: Any) -> Any:
    if isinstance(value, str):
        lowered = value.strip().lower()
        if lowered in {"ya", "true"}:
            return True
        if lowered in {"tidak", "false"}:
            return False
        raise ValueError(f"'{value}' bukan ya/tidak")
    return value


def _to_text(value: Any) -> Any:
    if isinstance(value, (dict, list)):
        raise ValueError(f"teks diharapkan, bukan {'daftar' if isinstance(value, list) else 'peta'}")
    return value


_decimal_ser = PlainSerializer(lambda v: str(v), return_type=str, when_used="json")

Rupiah = Annotated[Decimal, BeforeValidator(_to_rupiah), Field(ge=0), _decimal_ser]
"""Money in rupiah and sen, exact."""
Nilai = Annotated[Decimal, BeforeValidator(_to_decimal), _decimal_ser]
"""A measured value or percentage, exact."""
Jumlah = Annotated[int, BeforeValidator(_to_count), Field(ge=0)]
"""A whole count of people, units, documents."""
Tanggal = Annotated[dt.date, BeforeValidator(_to_date)]
"""A calendar date."""
YaTidak = Annotated[bool, BeforeValidator(_to_bool)]
"""ya / tidak."""
Teks = Annotated[str, BeforeValidator(_to_text), Field(min_length=1)]
"""Non-empty text."""

T = TypeVar("T")


class Tercetak(Source, Generic[T]):
    """A figure as a document printed it, and where."""

    nilai: T
    """The printed value."""
    di: str | None = None
    """Where it was printed (table, paragraph)."""


def printed(value: Any) -> list[tuple[Any, str | None]]:
    """Normalise a ``tercetak`` entry (value or list of places) to ``[(value, where)]``."""
    if value is None:
        return []
    if isinstance(value, list):
        return [(item.nilai, item.di) for item in value]
    return [(value, None)]


class Orang(Source):
    """A signatory or party: name, position, rank and civil-servant id."""

    nama: Teks
    """Full name with titles, as signed."""
    jabatan: Teks
    """Position, e.g. Plt. Kepala Dinas Sosial Kabupaten Blitar."""
    pangkat: str | None = None
    """Rank, e.g. Pembina Utama Muda."""
    nip: str | None = None
    """Civil-servant id (NIP), e.g. 19760204 199612 1 001."""
