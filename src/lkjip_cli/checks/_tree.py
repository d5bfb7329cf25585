"""The DPA tree as the checks see it: each node with its path, name and printed totals.

A printed total is checked against the rows it sums *as printed*: a kegiatan's
``jumlah`` against its sub kegiatan, a program's against its kegiatan's own
``jumlah`` where the data records one. One mistyped figure is then reported
once, where it stands, instead of once at every level above it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from lkjip_cli.loader import PathKey, Position
from lkjip_cli.model import DataTahun
from lkjip_cli.model.anggaran import Jumlah3, SubKegiatan

FILE = "anggaran.yaml"
FIELDS = ("pagu_murni", "pagu_perubahan", "realisasi")
ZERO = Decimal(0)


@dataclass(frozen=True)
class Node:
    """A node of the DPA tree: the whole budget, a program, a kegiatan or a sub kegiatan."""

    kind: str
    """anggaran | program | kegiatan | sub kegiatan (the word used in messages)."""
    name: str
    path: PathKey
    kode: str | None = None
    stated: Jumlah3 | None = None
    """Totals as printed (not for a sub kegiatan)."""
    leaf: SubKegiatan | None = None
    children: tuple[Node, ...] = ()
    child_list: str | None = None
    """The key of the children's list (program, kegiatan, sub_kegiatan)."""
    missing_child: bool = False
    """Whether an invalid child was left out of this node's list."""
    blanked: frozenset[str] = frozenset()
    """Amounts of this node that validation emptied for being unreadable."""
    tercetak: object = field(default=None, compare=False)

    @property
    def label(self) -> str:
        """``kegiatan 'Administrasi Keuangan Perangkat Daerah'``."""
        return "seluruh anggaran" if self.kind == "anggaran" else f"{self.kind} '{self.name}'"

    def own(self, name: str) -> Decimal | None:
        """An amount written on this node itself: a leaf's value or a printed total."""
        if name in self.blanked:
            return None
        if self.leaf is not None:
            value = getattr(self.leaf, name)
            return ZERO if value is None else Decimal(value)
        if self.stated is not None:
            stated = getattr(self.stated, name)
            return None if stated is None else Decimal(stated)
        return None

    def known(self, name: str) -> Decimal | None:
        """The amount as printed, else the sum of its children; none when unknowable."""
        own = self.own(name)
        if own is not None:
            return own
        return self.children_sum(name)

    def children_sum(self, name: str) -> Decimal | None:
        """The sum of the children's known amounts; none when one is unknowable."""
        if self.leaf is not None or self.missing_child:
            return None
        values = [c.known(name) for c in self.children]
        if any(v is None for v in values):
            return None
        return sum((v for v in values if v is not None), ZERO)

    def pos(self, data: DataTahun, *rest: str | int) -> Position:
        """Position of ``rest`` under this node."""
        return data.pos(FILE, (*self.path, *rest))


def _missing(data: DataTahun, path: PathKey) -> bool:
    return (FILE, path) in data.incomplete


def _blanked(data: DataTahun, path: PathKey) -> frozenset[str]:
    """Amounts of the sub kegiatan at ``path`` that validation emptied as unreadable."""
    return frozenset(name for name in FIELDS if (FILE, (*path, name)) in data.incomplete)


def build(data: DataTahun) -> Node:
    """The tree of ``anggaran.yaml`` with paths in the validated data's coordinates."""
    programs = []
    for pi, p in enumerate(data.anggaran.program):
        kegiatan = []
        for ki, k in enumerate(p.kegiatan):
            kpath: PathKey = ("program", pi, "kegiatan", ki)
            subs = tuple(
                Node(
                    "sub kegiatan",
                    s.nama,
                    (*kpath, "sub_kegiatan", si),
                    kode=s.kode,
                    leaf=s,
                    blanked=_blanked(data, (*kpath, "sub_kegiatan", si)),
                    tercetak=s.tercetak,
                )
                for si, s in enumerate(k.sub_kegiatan)
            )
            kegiatan.append(
                Node(
                    "kegiatan",
                    k.nama,
                    kpath,
                    kode=k.kode,
                    stated=k.jumlah,
                    children=subs,
                    child_list="sub_kegiatan",
                    missing_child=_missing(data, (*kpath, "sub_kegiatan")),
                    tercetak=k.tercetak,
                )
            )
        ppath: PathKey = ("program", pi)
        programs.append(
            Node(
                "program",
                p.nama,
                ppath,
                kode=p.kode,
                stated=p.jumlah,
                children=tuple(kegiatan),
                child_list="kegiatan",
                missing_child=_missing(data, (*ppath, "kegiatan")),
                tercetak=p.tercetak,
            )
        )
    return Node(
        "anggaran",
        "",
        (),
        stated=data.anggaran.jumlah,
        children=tuple(programs),
        child_list="program",
        missing_child=_missing(data, ("program",)),
        tercetak=data.anggaran.tercetak,
    )


def walk(node: Node) -> list[Node]:
    """Every node, depth first, parents before children."""
    result = [node]
    for child in node.children:
        result.extend(walk(child))
    return result


def program_nodes(root: Node, data: DataTahun) -> dict[str, Node]:
    """Program nodes by program id."""
    return {p.id: root.children[i] for i, p in enumerate(data.anggaran.program)}
