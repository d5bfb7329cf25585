"""Validate one document without stopping at its first problem.

An unreadable value is emptied, an unknown key set aside and an invalid list
item left out, then the document is validated again, so that one run reports
every problem of a file. Positions follow the data as it is trimmed.
"""

from __future__ import annotations

import copy
from typing import Any

from pydantic import ValidationError

from lkjip_cli.findings import Finding, error
from lkjip_cli.loader import Document, PathKey, Position
from lkjip_cli.model.common import Source
from lkjip_cli.validate.messages import message, rule

_MAX_SALVAGE_ROUNDS = 20


def validate_document(
    doc: Document, model: type[Source]
) -> tuple[Any, list[Finding], list[PathKey], Document]:
    """Validate one document; set aside what is invalid so the rest still checks.

    An unreadable value is emptied (kept empty when its field is optional), an
    unknown key is set aside, and an item that still does not validate is left
    out of its list. Returns the model, the findings, the paths of what was
    emptied, set aside or left out (for a left-out item: its list), and the
    document as validated, whose data and positions follow the model's indices.
    """
    data = doc.data if doc.data is not None else {}
    copied = False  # the loader's data stays as read until something is set aside
    if not isinstance(data, dict):
        return (
            None,
            [
                error(
                    "input.bentuk", "isi berkas harus berupa peta (kunci: nilai)", doc.position(())
                )
            ],
            [],
            doc,
        )
    findings: list[Finding] = []
    dropped: list[PathKey] = []
    positions = dict(doc.positions)
    emptied: set[PathKey] = set()
    emptied_values: set[PathKey] = set()
    popped: set[PathKey] = set()
    for _ in range(_MAX_SALVAGE_ROUNDS):
        try:
            value = model.model_validate(data)
            return value, findings, dropped, Document(doc.file, data, positions)
        except ValidationError as exc:
            errors = _flatten(exc, data)
        removable: dict[PathKey, set[int]] = {}
        to_empty: list[PathKey] = []
        to_remove: list[PathKey] = []
        to_pop: list[PathKey] = []
        fatal = False
        for path, err in errors:
            retried = path in emptied_values
            # a list emptied by leaving out its invalid items is a consequence, not news;
            # so is a required value that was emptied for being unreadable
            if not retried and not (err["type"] == "too_short" and path in emptied):
                findings.append(
                    error(rule(err), message(err, path, model), _position(positions, doc, path))
                )
            idx = _deepest_index(path)
            if err["type"] == "extra_forbidden" and path:
                # an unknown key is set aside; the rest of its item can still be checked
                to_remove.append(path)
            elif not retried and path and isinstance(_lookup(data, path), str):
                # an unreadable value is emptied first, in case its field is optional
                to_empty.append(path)
            elif retried and path not in popped and isinstance(_lookup(data, path[:-1]), dict):
                # still refused when empty: drop that value, not the entry holding it
                # (riwayat: {2022: 9O} loses 2022; a required field then drops its item)
                to_pop.append(path)
            elif idx is not None:
                removable.setdefault(path[:idx], set()).add(int(path[idx]))
            else:
                fatal = True
        if fatal:
            return None, findings, dropped, doc
        if not copied:
            data, copied = copy.deepcopy(data), True
        for path in to_empty:
            _get(data, path[:-1])[path[-1]] = None
            emptied_values.add(path)
            dropped.append(path)
        for path in to_remove:
            _get(data, path[:-1]).pop(path[-1], None)
            dropped.append(path)
        for path in to_pop:
            _get(data, path[:-1]).pop(path[-1], None)
            popped.add(path)
            dropped.append(path)
        for list_path, indices in sorted(removable.items(), key=lambda kv: -len(kv[0])):
            container = _get(data, list_path)
            for i in sorted(indices, reverse=True):
                del container[i]
                emptied.add(list_path)
                positions = _shift(positions, list_path, i)
                # keep every record in the coordinates of the data as it now stands
                dropped = [q for q in (_shift_path(d, list_path, i) for d in dropped) if q]
                dropped.append(list_path)
    return None, findings, dropped, doc


def _flatten(exc: ValidationError, data: Any) -> list[tuple[PathKey, dict[str, Any]]]:
    """Map pydantic's ``loc`` onto data paths; keep the first error of each path."""
    seen: dict[PathKey, dict[str, Any]] = {}
    for err in exc.errors(include_url=False):
        path = _data_path(err["loc"], data)
        if path not in seen:
            seen[path] = dict(err)
    return list(seen.items())


def _data_path(loc: tuple[Any, ...], data: Any) -> PathKey:
    path: list[str | int] = []
    node = data
    for part in loc:
        if isinstance(node, dict) and isinstance(part, str):
            path.append(part)
            node = node.get(part)
        elif isinstance(node, list) and isinstance(part, int):
            path.append(part)
            node = node[part] if 0 <= part < len(node) else None
        # other parts name union branches or validators: not in the data
    return tuple(path)


def _deepest_index(path: PathKey) -> int | None:
    for i in range(len(path) - 1, -1, -1):
        if isinstance(path[i], int):
            return i
    return None


def _lookup(data: Any, path: PathKey) -> Any:
    """The value at ``path``, or none when the path does not exist."""
    try:
        return _get(data, path)
    except (KeyError, IndexError, TypeError):
        return None


def _get(data: Any, path: PathKey) -> Any:
    for part in path:
        data = data[part]
    return data


def _shift(
    positions: dict[PathKey, Position], list_path: PathKey, removed: int
) -> dict[PathKey, Position]:
    n = len(list_path)
    result: dict[PathKey, Position] = {}
    for key, pos in positions.items():
        j = key[n] if len(key) > n else None
        if key[:n] == list_path and isinstance(j, int):
            if j == removed:
                continue
            if j > removed:
                key = (*list_path, j - 1, *key[n + 1 :])
        result[key] = pos
    return result


def _shift_path(path: PathKey, list_path: PathKey, removed: int) -> PathKey | None:
    """``path`` after item ``removed`` of ``list_path`` is deleted; none when inside it."""
    n = len(list_path)
    j = path[n] if len(path) > n else None
    if path[:n] == list_path and isinstance(j, int):
        if j == removed:
            return None
        if j > removed:
            return (*list_path, j - 1, *path[n + 1 :])
    return path


def _position(positions: dict[PathKey, Position], doc: Document, path: PathKey) -> Position:
    probe = path
    while probe:
        if probe in positions:
            return positions[probe]
        probe = probe[:-1]
    return doc.position(())
