"""``lkjip check`` starts fast: it never imports the writers' heavy libraries.

python-docx, openpyxl (the charts' workbooks) and the PDF bridge write the documents,
markdown-it parses the narratives' Markdown into blocks: they are only for
``build``. (Jinja is allowed: the check renders the narratives in the sandbox
to catch a misspelt placeholder before a build.) Nor does it import the
num2words package, which builds converters for fifty languages: *terbilang*
loads its Indonesian module alone (numbers.py). The check runs in a fresh
interpreter so that nothing imported by other tests hides an import.
"""

from __future__ import annotations

import json
import subprocess
import sys

from .harness import REPO

HEAVY = (
    "matplotlib",
    "docx",
    "lxml",
    "PIL",
    "openpyxl",
    "numpy",
    "markdown_it",
    "babel",
    "num2words",
)

_PROBE = """
import atexit, json, sys
heavy = {heavy!r}
atexit.register(lambda: print("MODULES " + json.dumps(sorted(
    m for m in sys.modules if m.split(".")[0] in heavy)), file=sys.stderr))
sys.argv = ["lkjip", "check", "data/2024"]
from lkjip_cli.cli import main
main()
"""


def test_check_imports_no_writer_library() -> None:
    result = subprocess.run(
        [sys.executable, "-c", _PROBE.format(heavy=HEAVY)],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode in (0, 1), result.stderr
    line = next(x for x in result.stderr.splitlines() if x.startswith("MODULES "))
    assert json.loads(line.removeprefix("MODULES ")) == []
