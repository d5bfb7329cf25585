"""Pydantic's errors in the users' words: a rule id and an Indonesian message.

Each message names the value's path as people count (``program[2].pagu_murni``)
and, for an unknown key, suggests the field that was probably meant.
"""

from __future__ import annotations

import difflib
from typing import Any

from pydantic import BaseModel

from lkjip_cli.loader import PathKey
from lkjip_cli.model.common import Source


def rule(err: dict[str, Any]) -> str:
    """The finding's rule id for one pydantic error."""
    kind = err["type"]
    if kind == "extra_forbidden":
        return "input.kolom-tidak-dikenal"
    if kind == "missing":
        return "input.kolom-wajib"
    if kind == "value_error":
        text = str(err.get("ctx", {}).get("error", ""))
        if "tanggal" in text or "bulan" in text:
            return "input.tanggal-tidak-sah"
        if "angka" in text or "bilangan" in text or "uang" in text or "koma" in text:
            return "input.angka-tidak-sah"
    if kind in {"greater_than_equal", "greater_than"}:
        return "input.nilai-negatif"
    return "input.nilai-tidak-sah"


def _all_field_names(model: type[BaseModel], seen: set[type[BaseModel]] | None = None) -> set[str]:
    seen = seen if seen is not None else set()
    if model in seen:
        return set()
    seen.add(model)
    names = set(model.model_fields)
    for info in model.model_fields.values():
        for sub in _models_in(info.annotation):
            names |= _all_field_names(sub, seen)
    return names


def _models_in(annotation: Any) -> list[type[BaseModel]]:
    found: list[type[BaseModel]] = []
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        found.append(annotation)
    for arg in getattr(annotation, "__args__", ()) or ():
        found.extend(_models_in(arg))
    return found


def message(err: dict[str, Any], path: PathKey, model: type[Source]) -> str:
    """The Indonesian message for one pydantic error at ``path`` of a ``model`` file."""
    where = format_path(path)
    kind = err["type"]
    value = err.get("input")
    ctx = err.get("ctx", {})
    if kind == "missing":
        return f"{where}: kolom wajib ini belum diisi"
    if kind == "extra_forbidden":
        name = str(path[-1]) if path else "?"
        close = difflib.get_close_matches(name, sorted(_all_field_names(model)), n=1)
        hint = f"; maksud Anda '{close[0]}'?" if close else ""
        return f"{where}: kolom '{name}' tidak dikenal{hint}"
    if kind == "value_error":
        return f"{where}: {ctx.get('error')}"
    if kind in {"greater_than_equal", "greater_than"}:
        return f"{where}: nilai tidak boleh negatif (tertulis {value})"
    if kind == "literal_error":
        choices = str(ctx.get("expected", "")).replace(" or ", " atau ")
        return f"{where}: '{value}' tidak dikenal; pilih salah satu dari {choices}"
    if kind in {"too_short"}:
        return f"{where}: daftar ini tidak boleh kosong"
    if kind == "string_too_short":
        return f"{where}: teks ini tidak boleh kosong"
    if kind == "string_pattern_mismatch":
        return (
            f"{where}: '{value}' bukan id yang sah; gunakan huruf, angka dan garis bawah, "
            "diawali huruf (misalnya capaian_layanan)"
        )
    if kind in {"model_type", "dict_type", "model_attributes_type"}:
        return f"{where}: diharapkan peta (kunci: nilai), tertulis {_show(value)}"
    if kind == "list_type":
        return f"{where}: diharapkan daftar (- ...), tertulis {_show(value)}"
    if kind in {"string_type", "str_type"}:
        return f"{where}: diharapkan teks, tertulis {_show(value)}"
    if kind in {"int_parsing", "int_type", "int_from_float"}:
        return f"{where}: '{value}' bukan bilangan bulat"
    if kind in {"decimal_parsing", "decimal_type"}:
        return f"{where}: '{value}' bukan angka"
    if kind in {"date_type", "date_parsing", "date_from_datetime_parsing"}:
        return f"{where}: '{value}' bukan tanggal"
    if kind in {"bool_type", "bool_parsing"}:
        return f"{where}: '{value}' bukan ya/tidak"
    return f"{where}: nilai tidak sah ({err.get('msg')})"


def _show(value: Any) -> str:
    if isinstance(value, dict):
        return "sebuah peta"
    if isinstance(value, list):
        return "sebuah daftar"
    if value is None:
        return "kosong"
    return f"'{value}'"


def format_path(path: PathKey) -> str:
    """``program[2].kegiatan[0].pagu_murni`` (1-based for people)."""
    text = ""
    for part in path:
        if isinstance(part, int):
            text += f"[{part + 1}]"
        else:
            text += f".{part}" if text else part
    return text or "(akar berkas)"
