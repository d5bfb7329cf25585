"""Shared field types of the source models: exact numbers, dates, persons.

Every scalar reaches the models as the text the planner typed; these types parse
it the Indonesian way (see :mod:`lkjip_cli.numbers`) and refuse floats, so a
number can never silently change on its way in.
"""

import datetime as dt
from decimal import Decimal
from typing import Annotated, Any, Generic, TypeVar

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, PlainSerializer, WithJsonSchema

from lkjip_cli.numbers import parse_count, parse_date, parse_decimal, parse_rupiah


class Source(BaseModel):
    """Dasar semua model data: tidak dapat diubah, dan kunci yang salah ketik ditolak."""

    model_config = ConfigDict(frozen=True, extra="forbid", defer_build=True, populate_by_name=True)


def _reject_non_text(value: Any, kind: str) -> None:
    if isinstance(value, bool | float):
        raise ValueError(f"{kind} harus ditulis sebagai teks angka, bukan {type(value).__name__}")
    if isinstance(value, (dict, list)):
        raise ValueError(
            f"{kind} diharapkan, bukan {'daftar' if isinstance(value, list) else 'peta'}"
        )


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
        raise ValueError(
            f"teks diharapkan, bukan {'daftar' if isinstance(value, list) else 'peta'}"
        )
    return value


_decimal_ser = PlainSerializer(lambda v: str(v), return_type=str, when_used="json")

# JSON Schema for editors (``lkjip schema``). lkjip reads every scalar as text, but
# an editor's YAML parser does not: ``1.550.448`` is a string to it, ``775224`` an
# integer and ``103.110`` a float. A number field therefore accepts strings in the
# Indonesian notation (the pattern) and numbers; a YAML float such as ``60.15`` is
# let through here and refused by ``lkjip check``, which sees the text.
_DIGITS = r"(?:\d{1,3}(?:\.\d{3})+|\d+)"
_MINUS_ZERO = r"(?:-(?=[0.]*(?:,0*)?\s*$))?"  # "-0" is zero, so not negative
_RUPIAH_SCHEMA = WithJsonSchema(
    {
        "type": ["string", "number"],
        "pattern": rf"^\s*(?:[Rr][Pp]\.?\s*)?{_MINUS_ZERO}{_DIGITS}(?:,\d{{1,2}})?\s*$",
        "minimum": 0,
        "examples": ["1.550.448", "5.046.629.436,54"],
    },
    mode="validation",
)
_NILAI_SCHEMA = WithJsonSchema(
    {
        "type": ["string", "number"],
        "pattern": rf"^\s*-?{_DIGITS}(?:,\d+)?\s*%?\s*$",
        "examples": ["95,39", "100"],
    },
    mode="validation",
)
_JUMLAH_SCHEMA = WithJsonSchema(
    {
        "type": ["string", "number"],
        "pattern": rf"^\s*{_MINUS_ZERO}{_DIGITS}\s*$",
        "minimum": 0,
        "examples": ["110.692", "48"],
    },
    mode="validation",
)
_TANGGAL_SCHEMA = WithJsonSchema(
    {
        "type": "string",
        "pattern": r"^\s*(?:\d{1,2}\s+[A-Za-z]+\s+\d{4}|\d{4}-\d{2}-\d{2})\s*$",
        "examples": ["28 Februari 2025", "2025-02-28"],
    },
    mode="validation",
)
_YA_TIDAK_SCHEMA = WithJsonSchema(
    {
        "type": ["string", "boolean"],
        "pattern": r"^\s*(?:[Yy][Aa]|[Tt][Ii][Dd][Aa][Kk]"
        r"|[Tt][Rr][Uu][Ee]|[Ff][Aa][Ll][Ss][Ee])\s*$",
        "examples": ["ya", "tidak"],
    },
    mode="validation",
)
_TEKS_SCHEMA = WithJsonSchema(
    {"type": ["string", "number", "boolean"], "minLength": 1}, mode="validation"
)

Rupiah = Annotated[Decimal, BeforeValidator(_to_rupiah), Field(ge=0), _decimal_ser, _RUPIAH_SCHEMA]
"""Money in rupiah and sen, exact."""
Nilai = Annotated[Decimal, BeforeValidator(_to_decimal), _decimal_ser, _NILAI_SCHEMA]
"""A measured value or percentage, exact."""
Jumlah = Annotated[int, BeforeValidator(_to_count), Field(ge=0), _JUMLAH_SCHEMA]
"""A whole count of people, units, documents."""
Tanggal = Annotated[dt.date, BeforeValidator(_to_date), _TANGGAL_SCHEMA]
"""A calendar date."""
YaTidak = Annotated[bool, BeforeValidator(_to_bool), _YA_TIDAK_SCHEMA]
"""ya / tidak."""
Teks = Annotated[str, BeforeValidator(_to_text), Field(min_length=1), _TEKS_SCHEMA]
"""Non-empty text."""

T = TypeVar("T")


class Tercetak(Source, Generic[T]):
    """Angka sebagaimana tercetak di dokumen, beserta letaknya."""

    nilai: T
    """Nilai yang tercetak."""
    di: str | None = None
    """Letak cetakannya (tabel, paragraf)."""


def printed(value: Any) -> list[tuple[Any, str | None]]:
    """Normalise a ``tercetak`` entry (value or list of places) to ``[(value, where)]``."""
    if value is None:
        return []
    if isinstance(value, list):
        return [(item.nilai, item.di) for item in value]
    return [(value, None)]


class Orang(Source):
    """Penanda tangan atau pihak: nama, jabatan, pangkat, dan NIP."""

    nama: Teks
    """Nama lengkap dengan gelar, sesuai tanda tangan."""
    jabatan: Teks
    """Jabatan, mis. Plt. Kepala Dinas Kesehatan Kabupaten."""
    pangkat: str | None = None
    """Pangkat, mis. Pembina Utama Muda."""
    nip: str | None = None
    """NIP, mis. 19760204 199612 1 001."""
