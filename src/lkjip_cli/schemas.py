"""JSON Schemas of the data files, from the source models, for editors.

Each data file names its schema in its first line
(``# yaml-language-server: $schema=../../schema/anggaran.schema.json``), so that
an editor completes keys, shows each field's docstring on hover and marks a
misspelt key or a malformed number while the planner types.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from pydantic.json_schema import GenerateJsonSchema, JsonSchemaValue
from pydantic_core import core_schema

from lkjip_cli.model import FILES

DIALECT = "https://json-schema.org/draft/2020-12/schema"
"""The JSON Schema dialect pydantic writes."""


class _ScalarsAsText(GenerateJsonSchema):
    """A text field accepts any scalar, as lkjip does.

    lkjip reads every scalar as the text that was typed, so ``kode: 1.06`` is the
    text "1.06"; an editor's YAML parser sees a float there and must not call it
    an error.
    """

    def str_schema(self, schema: core_schema.StringSchema) -> JsonSchemaValue:
        result = super().str_schema(schema)
        result["type"] = ["string", "number", "boolean"]
        return result


def schema_name(data_file: str) -> str:
    """``anggaran.yaml`` → ``anggaran.schema.json``."""
    return f"{Path(data_file).stem}.schema.json"


def modeline(data_file: str, schema_dir: str = "../../schema") -> str:
    """The first line of a data file that points editors at its schema."""
    return f"# yaml-language-server: $schema={schema_dir}/{schema_name(data_file)}"


def schema_of(data_file: str) -> dict[str, Any]:
    """The JSON Schema of one data file (a key of ``FILES``)."""
    model = FILES[data_file]
    body = model.model_json_schema(schema_generator=_ScalarsAsText)
    body.pop("title", None)
    return {"$schema": DIALECT, "title": data_file, **body}


def schemas() -> dict[str, str]:
    """Schema file name → its JSON text, for every data file, byte-stable."""
    return {
        schema_name(name): json.dumps(schema_of(name), indent=2, ensure_ascii=False) + "\n"
        for name in FILES
    }


def write_schemas(out: Path) -> list[Path]:
    """Write every schema into ``out`` (created when missing); return the paths written."""
    out.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    for name, text in schemas().items():
        path = out / name
        path.write_text(text, encoding="utf-8", newline="\n")
        written.append(path)
    return written
