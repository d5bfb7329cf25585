"""JSON Schemas of the data files, from the source models, for editors.

Each data file names its schema in its first line
(``# yaml-language-server: $schema=../../schema/anggaran.schema.json``), so that
an editor completes keys, shows each field's docstring on hover and marks a
misspelt key or a malformed number while the planner types.
"""

from __future__ import annotations

import ast
import inspect
import itertools
import json
import textwrap
from functools import cache
from pathlib import Path
from typing import Any

from pydantic import BaseModel
from pydantic.json_schema import GenerateJsonSchema, JsonSchemaValue
from pydantic_core import core_schema

from lkjip_cli.errors import write_error
from lkjip_cli.model import SCHEMAS

DIALECT = "https://json-schema.org/draft/2020-12/schema"
"""The JSON Schema dialect pydantic writes."""


@cache
def attribute_docs(cls: type) -> dict[str, str]:
    """The docstring under each field of ``cls``'s own body (not its bases').

    The models do not ask pydantic for them (``use_attribute_docstrings``): it
    reads every model's source while the models are imported, which cost every
    ``lkjip`` run about 0.07 s. Only the schemas need them.
    """
    try:
        tree = ast.parse(textwrap.dedent(inspect.getsource(cls)))
    except (OSError, TypeError):  # no source (e.g. a frozen application)
        return {}
    body = tree.body[0].body if tree.body and isinstance(tree.body[0], ast.ClassDef) else []
    docs: dict[str, str] = {}
    for field, after in itertools.pairwise(body):
        if (
            isinstance(field, ast.AnnAssign)
            and isinstance(field.target, ast.Name)
            and isinstance(after, ast.Expr)
            and isinstance(after.value, ast.Constant)
            and isinstance(after.value.value, str)
        ):
            docs[field.target.id] = inspect.cleandoc(after.value.value)
    return docs


class _ScalarsAsText(GenerateJsonSchema):
    """A text field accepts any scalar, as lkjip does; fields carry their docstrings.

    lkjip reads every scalar as the text that was typed, so ``kode: 1.06`` is the
    text "1.06"; an editor's YAML parser sees a float there and must not call it
    an error.
    """

    def model_schema(self, schema: core_schema.ModelSchema) -> JsonSchemaValue:
        result = super().model_schema(schema)
        cls: type[BaseModel] = schema["cls"]
        properties = result.get("properties", {})
        models = [k for k in cls.__mro__ if issubclass(k, BaseModel) and k is not BaseModel]
        for klass in reversed(models):  # a subclass's docstring wins
            for name, doc in attribute_docs(klass).items():
                field = cls.model_fields.get(name)
                key = (field.alias or name) if field else name
                if field is not None and field.description is None and key in properties:
                    properties[key]["description"] = doc
        return result

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
    """The JSON Schema of one data file (a key of ``SCHEMAS``)."""
    model = SCHEMAS[data_file]
    body = model.model_json_schema(schema_generator=_ScalarsAsText)
    body.pop("title", None)
    return {"$schema": DIALECT, "title": data_file, **body}


def schemas() -> dict[str, str]:
    """Schema file name → its JSON text, for every data file, byte-stable."""
    return {
        schema_name(name): json.dumps(schema_of(name), indent=2, ensure_ascii=False) + "\n"
        for name in SCHEMAS
    }


def write_schemas(out: Path) -> list[Path]:
    """Write every schema into ``out`` (created when missing); return the paths written."""
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise write_error(out, exc) from None
    written: list[Path] = []
    for name, text in schemas().items():
        path = out / name
        try:
            path.write_text(text, encoding="utf-8", newline="\n")
        except OSError as exc:
            raise write_error(path, exc) from None
        written.append(path)
    return written
