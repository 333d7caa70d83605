"""Watch backward() work: record a real run, then step through it on the page.

    with Recorder() as recorder:            # records the run below
        y = x + 2
        out = (y * y).mean()
        out.backward()
    print(recorder.stepper(out, names={"x": x, "y": y, "out": out}, title=..., caption=...))

While recording (a TorchFunctionMode, public torch API), every result that has a grad_fn keeps a
copy of its value (the forward value drawn next to its node), and every `Tensor.backward` or
`torch.autograd.grad` call runs with a pre-hook and a hook on each node of its graph: the pre-hook
sees the gradient arriving, the hook the gradients sent on, in the order autograd really visits
the nodes. The local derivative is the node's own Jacobian: the node itself (a grad_fn is
callable) applied to each one-hot gradient, right after it ran, before backward frees what it
saved. A call that raises is recorded up to the node that raised, and the error re-raised.
"""

from __future__ import annotations

import html
import inspect
import linecache
from dataclasses import dataclass, field
from pathlib import Path

import torch
from torch.overrides import TorchFunctionMode

from sitekit.autograd_graph import graph_figure, saved_tensors, tensor_name, walk
from sitekit.watch import Frame, ids, step_buttons, widget

_HERE = (str(Path(__file__).parent), str(Path(torch.__file__).parent))


@dataclass
class Step:
    node: object  # the grad_fn
    arriving: torch.Tensor
    sent: list[torch.Tensor | None] = field(default_factory=list)  # one per next_functions
    local: list[torch.Tensor | None] = field(default_factory=list)  # Jacobians, (out, in)
    leaf_grad: torch.Tensor | None = None  # AccumulateGrad: the leaf's .grad after it ran


@dataclass
class Pass:
    call: str  # the line of code that started it
    steps: list[Step] = field(default_factory=list)
    returned: tuple | None = None  # what autograd.grad returned
    error: str | None = None
    freed: list[tuple[object, list[str]]] = field(default_factory=list)  # (node, saved names)


def _calling_line() -> str:
    frame = inspect.currentframe()
    while frame and frame.f_code.co_filename.startswith(_HERE):
        frame = frame.f_back
    line = linecache.getline(frame.f_code.co_filename, frame.f_lineno) if frame else ""
    return line.split("  # ")[0].strip()  # without its comment


def _jacobians(node, grad_output: torch.Tensor) -> list[torch.Tensor | None]:
    """∂(node's output)/∂(each input), flattened to (out, in): the node on each one-hot gradient."""
    rows = []
    for k in range(grad_output.numel()):
        one_hot = torch.zeros(grad_output.numel(), dtype=grad_output.dtype)
        one_hot[k] = 1
        row = node(one_hot.reshape(grad_output.shape))
        rows.append(row if isinstance(row, tuple) else (row,))
    return [None if row[0] is None else torch.stack([r.reshape(-1) for r in row])
            for row in zip(*rows, strict=True)]  # fmt: skip


class Recorder(TorchFunctionMode):
    def __init__(self):
        super().__init__()
        self.values: dict[object, torch.Tensor] = {}  # grad_fn -> the value it produced
        self.passes: list[Pass] = []

    def __torch_function__(self, func, types, args=(), kwargs=None):
        kwargs = kwargs or {}
        if func is torch.Tensor.backward or func is torch.autograd.grad:
            return self._backward(func, args, kwargs)
        result = func(*args, **kwargs)
        if isinstance(result, torch.Tensor) and result.grad_fn is not None:
            self.values.setdefault(result.grad_fn, result.detach().clone())
        return result

    def _backward(self, func, args, kwargs):
        outputs = args[0] if isinstance(args[0], (tuple, list)) else (args[0],)
        nodes = walk(*outputs).functions
        before = {node: saved_tensors(node)[1] for node in nodes}
        run = Pass(_calling_line())
        self.passes.append(run)

        def arrive(node):
            return lambda grads: run.steps.append(Step(node, grads[0]))

        def leave(node):
            def hook(sent, _arrived):
                step = run.steps[-1]
                step.sent = list(sent)
                if type(node).__name__ == "AccumulateGrad":  # calling it would accumulate again
                    step.leaf_grad = node.variable.grad.detach().clone()
                else:
                    step.local = _jacobians(node, step.arriving)

            return hook

        handles = [node.register_prehook(arrive(node)) for node in nodes]
        handles += [node.register_hook(leave(node)) for node in nodes]
        try:
            result = func(*args, **kwargs)
        except RuntimeError as error:
            run.error = f"RuntimeError: {error}"
            raise
        finally:
            for handle in handles:
                handle.remove()
        if func is torch.autograd.grad:
            run.returned = result
        for node in nodes:
            freed = [s for s in saved_tensors(node)[1] if s not in before[node]]
            if freed:
                run.freed.append((node, freed))
        return result

    def stepper(self, *outputs: torch.Tensor, names: dict[str, torch.Tensor], title: str,
                caption: str) -> str:  # fmt: skip
        """The graph of `outputs` with each node's forward value, then every recorded step."""
        graph = walk(*outputs, names=names)
        gid = ids(title)
        for node, fn in zip(graph.nodes, graph.functions, strict=True):
            node.freed = []  # drawn as before the first backward; the frames say what is freed
            value = self.values.get(fn, getattr(fn, "variable", None))
            if value is not None:
                node.tensor = f"{node.tensor} = {_short(value)}" if node.tensor else _short(value)
        position = {fn: i for i, fn in enumerate(graph.functions)}
        label = {fn: _node_label(fn, names, self.values) for fn in graph.functions}
        frames = [Frame("前向", "前向计算已经完成：每个节点右边是它对应的张量在前向计算中的值。"
                                "下面一步一步看反向传播怎样把梯度传回叶子。")]  # fmt: skip
        for p, run in enumerate(self.passes):
            done: list[str] = []
            for number, step in enumerate(run.steps):
                i = position[step.node]
                grad = f"{gid}-reveal-{p}-{i}"  # the gradient it received, shown from now on
                graph.nodes[i].notes.append((grad, "grad " + _short(step.arriving)))
                on = [f"{gid}-node-{i}", grad]
                on += [f"{gid}-edge-{k}" for k, (a, _) in enumerate(graph.edges) if a == i]
                senders = sum(
                    sent is not None and target is step.node
                    for earlier in run.steps
                    for (target, _), sent in zip(
                        earlier.node.next_functions, earlier.sent, strict=False
                    )
                )
                last = run if number == len(run.steps) - 1 else None
                body = _step_body(step, label, senders, last)
                if number == 0:
                    call = f"第 {p + 1} 次求梯度：" if len(self.passes) > 1 else ""
                    body = (f"<p>{call}调用 <code>{html.escape(run.call)}</code>。反向传播从输出"
                            f"对自己的导数 1 开始。</p>{body}")  # fmt: skip
                frames.append(Frame("", body, on=on, done=list(done)))
                done += [f"{gid}-node-{i}", grad]
        for number, frame in enumerate(frames[1:], start=1):
            frame.label = f"第 {number}/{len(frames) - 1} 步"
        fig = graph_figure(graph, gid=gid)
        caption += (" 每一步收到和送出的梯度，都是构建时 backward() 真实传递的；"
                    "局部导数是另外读出来的：把同一个节点再调用几次，"
                    "每次送进一个只有一个位置是 1 的梯度。PyTorch 反向传播时并不单独算出局部导数，"
                    "而是直接算出“收到的梯度 × 局部导数”。")  # fmt: skip
        if any(run.freed for run in self.passes):
            caption += " 节点框里的 saved 画的是第一次反向传播之前的样子。"
        hint = ("按“下一步”逐步看（选中按钮后也可以用方向键、Home、End）；"
                "每个节点收到的梯度会以 grad 写在它的值下面。")  # fmt: skip
        return widget(fig, frames, step_buttons(hint), title=title, caption=caption)


def _short(value: torch.Tensor) -> str:
    numbers = [f"{v:.3g}" for v in value.detach().reshape(-1).tolist()]
    return numbers[0] if value.dim() == 0 else "[" + ", ".join(numbers) + "]"


def _node_label(fn, names, values) -> str:
    name = tensor_name(fn, names)
    if name is None and fn in values:
        name = f"中间结果，值为 {_short(values[fn])}"  # unnamed: its value tells it apart
    return f"<code>{type(fn).__name__}</code>" + (
        f"（<code>{html.escape(name)}</code>）" if name else ""
    )


def _code(value) -> str:
    text = html.escape(str(value))
    return f"</p><pre><code>{text}</code></pre><p>" if "\n" in text else f" <code>{text}</code>"


def _step_body(step: Step, label: dict, senders: int, last_of: Pass | None) -> str:
    arriving = f" {senders} 条边送来的梯度之和" if senders > 1 else "梯度"
    parts = [f"<p>{label[step.node]}收到{arriving}{_code(step.arriving)}。"]
    inputs = sum(sent is not None for sent in step.sent)
    if step.leaf_grad is not None:
        parts.append(f"把它累加进叶子的 <code>.grad</code>，现在是{_code(step.leaf_grad)}。")
    for k, ((target, _), sent, local) in enumerate(
        zip(step.node.next_functions, step.sent, step.local, strict=False)
    ):
        if target is None or sent is None:
            continue  # an input that needs no gradient (a constant)
        if inputs > 1:
            parts.append(f"对第 {k + 1} 个输入，")
        if local.shape[0] == 1:  # one output: its derivative by each input element
            parts.append(f"乘局部导数{_code(local[0].reshape(sent.shape))}")
        elif local.shape[0] == local.shape[1] and torch.equal(local, torch.diag(local.diagonal())):
            parts.append(f"逐元素乘局部导数{_code(local.diagonal())}")
        else:
            parts.append(f"乘局部导数（雅可比矩阵，行是输出、列是输入）{_code(local)}"
                         "收到的梯度看成一行，乘这个矩阵："
                         "结果的第 j 个数 = Σᵢ 梯度ᵢ × 第 i 行第 j 列")  # fmt: skip
            (nonzero,) = step.arriving.reshape(-1).nonzero(as_tuple=True)
            if len(nonzero) == 1:
                parts.append(f"。这里梯度只有下标 {nonzero.item()} 不是 0，结果就是矩阵下标 "
                             f"{nonzero.item()} 的那一行乘它")  # fmt: skip
        leaf = type(target).__name__ == "AccumulateGrad"
        intercepted = leaf and last_of is not None and last_of.returned is not None
        to = f"本该传给 {label[target]}" if intercepted else f"传给 {label[target]}"
        parts.append(f"，得{_code(sent)}，{to}。")
    parts.append("</p>")
    if last_of and last_of.error:
        parts += ["<p>这一步出错了：</p>", f"<pre><code>{html.escape(last_of.error)}</code></pre>"]
    if last_of and last_of.returned is not None:
        parts.append("<p><code>autograd.grad</code> 在这里把它截下，作为返回值交给调用者："
                     f"{_code(last_of.returned)}。AccumulateGrad 这次不运行，不写进 "
                     "<code>.grad</code>。</p>")  # fmt: skip
    for node, saved in last_of.freed if last_of else []:
        parts.append(
            f"<p>这次调用结束，{label[node]}保存的 <code>{', '.join(saved)}</code> 已被释放。</p>"
        )
    return "".join(parts)
