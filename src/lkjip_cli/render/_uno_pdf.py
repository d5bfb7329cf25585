"""Run by LibreOffice's Python: open a DOCX, update its indexes, export PDF.

Usage: python3 _uno_pdf.py SOFFICE SOURCE.docx TARGET.pdf PROFILE_URL PDF_VERSION INDEXES.json
(PDF_VERSION: 0 plain PDF, 1/2/3 PDF/A-1b/2b/3b, LibreOffice's SelectPdfVersion).
INDEXES.json receives the updated indexes' lines, ``[text, page]``, under
"toc" (the table of contents) or their caption label ("Tabel", "Gambar"), so
that the DOCX can carry the same page numbers.
Kept free of lkjip imports: it runs in the system Python that has ``uno``.
"""

import contextlib
import json
import os
import subprocess
import sys
import time

import uno
from com.sun.star.beans import PropertyValue


def prop(name, value):
    p = PropertyValue()
    p.Name, p.Value = name, value
    return p


ENTRY_STYLE = "table of figures"
"""The template's style of Daftar Tabel/Gambar entries (hanging indent, left aligned)."""


def keep_entry_styles(doc):
    """Let updated lists of tables and figures keep the template's entry style.

    LibreOffice regenerates them in its own "Figure Index 1", which the template
    does not define: entries came out justified, without their hanging indent.
    """
    indexes = doc.getDocumentIndexes()
    for i in range(indexes.getCount()):
        index = indexes.getByIndex(i)
        if not index.supportsService("com.sun.star.text.IllustrationsIndex"):
            continue
        with contextlib.suppress(Exception):
            index.ParaStyleLevel1 = ENTRY_STYLE


def index_lines(doc):
    """Each index's entries as [text, page], keyed "toc" or by caption label."""
    result = {}
    indexes = doc.getDocumentIndexes()
    for i in range(indexes.getCount()):
        index = indexes.getByIndex(i)
        if index.supportsService("com.sun.star.text.ContentIndex"):
            key = "toc"
        elif index.supportsService("com.sun.star.text.IllustrationsIndex"):
            key = index.LabelCategory
        else:
            continue
        lines = index.getAnchor().getString().split("\n")
        result[key] = [line.rsplit("\t", 1) for line in lines if "\t" in line]
    return result


def main():
    soffice, source, target, profile, version, pages = sys.argv[1:7]
    pipe = f"lkjip{os.getpid()}"
    proc = subprocess.Popen(
        [
            soffice,
            f"-env:UserInstallation={profile}",
            "--headless",
            "--invisible",
            "--norestore",
            "--nologo",
            f"--accept=pipe,name={pipe};urp;",
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        local = uno.getComponentContext()
        resolver = local.ServiceManager.createInstanceWithContext(
            "com.sun.star.bridge.UnoUrlResolver", local
        )
        ctx = None
        for _ in range(120):
            try:
                ctx = resolver.resolve(f"uno:pipe,name={pipe};urp;StarOffice.ComponentContext")
                break
            except Exception:
                time.sleep(0.5)
        if ctx is None:
            sys.exit("LibreOffice did not start")
        desktop = ctx.ServiceManager.createInstanceWithContext("com.sun.star.frame.Desktop", ctx)
        doc = desktop.loadComponentFromURL(
            uno.systemPathToFileUrl(source), "_blank", 0, (prop("Hidden", True),)
        )
        keep_entry_styles(doc)
        for _ in range(2):  # page numbers settle after the first update
            indexes = doc.getDocumentIndexes()
            for i in range(indexes.getCount()):
                indexes.getByIndex(i).update()
            doc.refresh()
        # the page numbers are a bonus for the DOCX: failing to read them costs no PDF
        with contextlib.suppress(Exception), open(pages, "w", encoding="utf-8") as out:
            json.dump(index_lines(doc), out, ensure_ascii=False)
        options = uno.Any(
            "[]com.sun.star.beans.PropertyValue",
            (prop("SelectPdfVersion", int(version)),),
        )
        doc.storeToURL(
            uno.systemPathToFileUrl(target),
            (prop("FilterName", "writer_pdf_Export"), prop("FilterData", options)),
        )
        doc.close(True)
        with contextlib.suppress(Exception):
            desktop.terminate()
    finally:
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            proc.kill()


if __name__ == "__main__":
    main()
