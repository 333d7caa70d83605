"""Draw a live autograd computation graph: walk `grad_fn.next_functions`, lay it out, draw it.

    graph = walk(out, names={"x": x, "y": y, "z": z, "out": out})
    fig = graph_figure(graph)   # or several graphs stacked: graph_figure(g1, g2, titles=[...])
    print(to_svg(fig, title=..., caption=...))

- Nodes are the backward functions (`MulBackward0`, …, `AccumulateGrad` for a leaf), numbered
  depth-first from the outputs; edges follow `next_functions` (output -> input, the way backward
  passes the gradient); an input used twice (`y * y`) gives two edges.
- `saved` lists the tensors a node keeps for backward; `freed`, those a `backward()` without
  `retain_graph=True` already released (reading them raises torch's "backward through the graph
  a second time" error). `names` labels tensors (code only, no CJK), right of their node.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import torch
from matplotlib.patches import FancyArrowPatch, FancyBboxPatch

from sitekit.figures import COLORS, INK, figure

_SAVED = "_saved_"
_CHAR_WIDTH = 0.088  # inches per character of a 10 pt monospace label (a little generous)
_NAME_CHAR_WIDTH = 0.085  # the same for the 10 pt tensor names
_NAME_GAP = 0.12  # between a box and its tensor name
_BOX_HEIGHT = 0.5
_LAYER_GAP = 0.5
_COLUMN_GAP = 0.35
_MARGIN = 0.1
_TITLE_ROOM = 0.45  # inches above a titled panel
MIN_WIDTH = 4.0
_BOX = dict(boxstyle="round,pad=0,rounding_size=0.08", facecolor="none", linewidth=1.6)
_ARROW = dict(arrowstyle="-|>", mutation_scale=12, color=INK, linewidth=1.2, shrinkA=1, shrinkB=1)
_MONO = dict(family="monospace", va="center")


@dataclass
class Node:
    index: int
    name: str  # class name of the backward function, e.g. "MulBackward0"
    tensor: str | None = None  # name of the named tensor this node produced (or the leaf)
    saved: list[str] = field(default_factory=list)
    freed: list[str] = field(default_factory=list)
    notes: list[tuple[str, str]] = field(default_factory=list)  # (gid, text) under the name


@dataclass
class Graph:
    nodes: list[Node]
    edges: list[tuple[int, int]]  # (from, to) along next_functions; repeated for a reused input
    functions: list = field(default_factory=list, repr=False)  # the grad_fn objects, by index

    @property
    def names(self) -> list[str]:
        return [node.name for node in self.nodes]

    def depths(self) -> list[int]:
        """Layer of each node: its longest distance from an output (a DAG, so this terminates)."""
        depth = [0] * len(self.nodes)
        for _ in self.nodes:
            for a, b in self.edges:
                depth[b] = max(depth[b], depth[a] + 1)
        return depth


def saved_tensors(fn) -> tuple[list[str], list[str]]:
    """Names of the tensors `fn` saved for backward, and those of them already freed."""
    saved, freed = [], []
    for short in [a.removeprefix(_SAVED) for a in dir(fn) if a.startswith(_SAVED)]:  # dir() sorts
        try:
            value = getattr(fn, _SAVED + short)
        except RuntimeError:  # released after backward: only saved tensors are ever freed
            saved.append(short)
            freed.append(short)
            continue
        values = value if isinstance(value, (tuple, list)) else (value,)
        if any(isinstance(v, torch.Tensor) for v in values):
            saved.append(short)
    return saved, freed


def walk(*outputs: torch.Tensor, names: dict[str, torch.Tensor] | None = None) -> Graph:
    """The backward graph reachable from `outputs` (tensors with a grad_fn)."""
    index = {}  # grad_fn object -> node index; holding the objects keeps their ids unique
    nodes: list[Node] = []
    edges: list[tuple[int, int]] = []

    def visit(fn) -> int:
        if fn not in index:
            index[fn] = len(nodes)
            name = tensor_name(fn, names or {})
            nodes.append(Node(index[fn], type(fn).__name__, name, *saved_tensors(fn)))
            for next_fn, _input_nr in fn.next_functions:
                if next_fn is not None:  # None: an input that needs no gradient (a constant)
                    edges.append((index[fn], visit(next_fn)))
        return index[fn]

    for output in outputs:
        if output.grad_fn is None:
            raise ValueError("an output without grad_fn has no graph to walk")
        visit(output.grad_fn)
    return Graph(nodes, sorted(edges), list(index))


def tensor_name(fn, names: dict[str, torch.Tensor]) -> str | None:
    """The label in `names` of the tensor `fn` produced (or, for AccumulateGrad, the leaf)."""
    for label, tensor in names.items():
        if tensor.grad_fn is fn or getattr(fn, "variable", None) is tensor:
            return label
    return None


def _lines(node: Node) -> list[str]:
    lines = [node.name]
    kept = [s for s in node.saved if s not in node.freed]
    if kept:
        lines.append("saved: " + ", ".join(kept))
    if node.freed:
        lines.append("freed: " + ", ".join(node.freed))
    return lines


def _box_width(node: Node) -> float:
    return max(len(line) for line in _lines(node)) * _CHAR_WIDTH + 0.3


def _name_width(node: Node) -> float:
    """Room for the tensor name (and notes) written to the right of the box."""
    longest = max([len(node.tensor or "")] + [len(text) for _, text in node.notes])
    return _NAME_GAP + longest * _NAME_CHAR_WIDTH if longest else 0.0


def _span(row: list[Node]) -> float:
    """From the left edge of the first box to the right edge of the last box of a row."""
    return sum(_box_width(n) for n in row) + sum(_name_width(n) + _COLUMN_GAP for n in row[:-1])


def _rows(graph: Graph) -> tuple[list[list[Node]], float]:
    """The nodes by depth, and the vertical line all rows are centred on (boxes, not names)."""
    depth = graph.depths()
    rows = [[n for n in graph.nodes if depth[n.index] == d] for d in range(max(depth) + 1)]
    return rows, _MARGIN + max(_span(row) for row in rows) / 2


def layout(graph: Graph) -> dict[int, tuple[float, float]]:
    """Centre of each box in inches: outputs on top, one row per depth, boxes centred."""
    rows, axis = _rows(graph)
    centre = {}
    for level, row in enumerate(rows):
        x = axis - _span(row) / 2
        for node in row:
            centre[node.index] = (x + _box_width(node) / 2, -level * (_BOX_HEIGHT + _LAYER_GAP))
            x += _box_width(node) + _name_width(node) + _COLUMN_GAP
    return centre


def _content_width(graph: Graph) -> float:
    rows, axis = _rows(graph)
    return max(axis + _span(row) / 2 + _name_width(row[-1]) for row in rows) + _MARGIN


def graph_size(graph: Graph) -> tuple[float, float]:
    """Width and height (inches) that draw() needs for `graph` at 1 data unit = 1 inch.

    At least MIN_WIDTH wide: the page scales a figure to the column width, and a narrow graph
    scaled up would get huge boxes and letters; the extra width stays blank, the graph centred.
    """
    rows = max(graph.depths()) + 1
    height = rows * _BOX_HEIGHT + (rows - 1) * _LAYER_GAP + 2 * _MARGIN
    return max(_content_width(graph), MIN_WIDTH), height


def draw(ax, graph: Graph, title: str | None = None, width: float | None = None,
         gid: str | None = None) -> None:  # fmt: skip
    """Boxes for the nodes, arrows for the edges, tensor names right of their boxes; `width`
    (inches) widens the drawing area beyond graph_size(), the graph staying centred; `gid`
    names each box `<gid>-node-<i>` and arrow `<gid>-edge-<k>` in the SVG (sitekit.watch)."""
    centre = layout(graph)
    own_width, height = graph_size(graph)
    width = max(width or 0.0, own_width)
    half = _BOX_HEIGHT / 2
    for node in graph.nodes:
        x, y = centre[node.index]
        w = _box_width(node)
        edge = COLORS[2] if node.name == "AccumulateGrad" else COLORS[0]  # a leaf in green
        dash = "--" if node.freed else "-"  # dashed: backward already released its tensors
        corner = (x - w / 2, y - half)
        box = FancyBboxPatch(corner, w, _BOX_HEIGHT, edgecolor=edge, linestyle=dash, **_BOX)
        ax.add_patch(box).set_gid(gid and f"{gid}-node-{node.index}")
        lines = _lines(node)
        step = _BOX_HEIGHT / (len(lines) + 1)
        for k, line in enumerate(lines):
            colour = INK if k == 0 else (COLORS[3] if line.startswith("freed") else COLORS[1])
            size = 10 if k == 0 else 9
            line_y = y + half - step * (k + 1)
            ax.text(x, line_y, line, ha="center", fontsize=size, color=colour, **_MONO)
        name_x, name_y = x + w / 2 + _NAME_GAP, y + (0.1 if node.notes else 0.0)
        if node.tensor:
            ax.text(name_x, name_y, node.tensor, ha="left", fontsize=10, color=INK, **_MONO)
        for note_gid, text in node.notes:  # drawn on top of each other: a page shows one
            ax.text(name_x, y - 0.14, text, ha="left", fontsize=9, color=COLORS[3], gid=note_gid,
                    **_MONO)  # fmt: skip
    for i, (a, b) in enumerate(graph.edges):
        # a reused input (y * y) gets one arrow per use, drawn side by side
        dx = (graph.edges[:i].count((a, b)) - (graph.edges.count((a, b)) - 1) / 2) * 0.25
        (xa, ya), (xb, yb) = centre[a], centre[b]
        arrow = FancyArrowPatch((xa + dx, ya - half), (xb + dx, yb + half), **_ARROW)
        ax.add_patch(arrow).set_gid(gid and f"{gid}-edge-{i}")
    top = half + _MARGIN
    left = (_content_width(graph) - width) / 2  # centre the graph in the blank room
    ax.set(xlim=(left, left + width), ylim=(top - height, top), aspect="equal")
    ax.set_axis_off()
    if title:
        ax.set_title(title, family="monospace", fontsize=10)


def graph_figure(*graphs: Graph, titles: list[str] | None = None, gid: str | None = None):
    """One figure with the graphs stacked top to bottom, each drawn with draw().

    Axes are placed by hand (1 data unit = 1 inch) instead of by the constrained layout engine,
    which would re-measure every label several times: a two-panel figure renders twice as fast.
    """
    titles = list(titles or [None] * len(graphs))
    sizes = [graph_size(g) for g in graphs]
    width = max(w for w, _ in sizes)
    rooms = [h + (_TITLE_ROOM if t else 0.0) for (_, h), t in zip(sizes, titles, strict=True)]
    height = sum(rooms)
    fig, axes = figure(width, height, nrows=len(graphs), squeeze=False)
    fig.set_layout_engine("none")
    top = height
    for ax, g, (_, h), room, title in zip(axes[:, 0], graphs, sizes, rooms, titles, strict=True):
        top -= room
        ax.set_position([0, top / height, 1, h / height])
        draw(ax, g, title, width=width, gid=gid)
    return fig
