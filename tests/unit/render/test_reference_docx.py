"""templates/reference.docx is what scripts/make_reference_docx.py writes."""

from __future__ import annotations

import importlib.util
import zipfile
from pathlib import Path
from types import ModuleType

ROOT = Path(__file__).resolve().parents[3]


def _script() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "make_reference_docx", ROOT / "scripts" / "make_reference_docx.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_committed_template_is_the_scripts_output() -> None:
    """Change the script, then run it: the template in the repository follows."""
    with zipfile.ZipFile(ROOT / "templates" / "reference.docx") as archive:
        committed = {name: archive.read(name).decode("utf-8") for name in archive.namelist()}
    assert committed == dict(_script().parts())

