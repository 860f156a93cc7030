"""The network of who met or confronted whom, laid out and drawn as SVG on the server
(a force-directed layout with numpy; deterministic, no JavaScript)."""

from __future__ import annotations

import math
from typing import Any

import numpy as np
from markupsafe import Markup, escape

WIDTH, HEIGHT, MARGIN = 900, 640, 60
COLOURS = {"meet": "#2f7d4f", "confront": "#b3261e"}


def layout(n: int, edges: list[tuple[int, int, float]], *, steps: int = 200) -> Any:
    """Fruchterman–Reingold positions in the unit square for ``n`` nodes."""
    rng = np.random.default_rng(7)
    pos = rng.random((n, 2))
    if n < 2:
        return pos * 0 + 0.5
    k = math.sqrt(1.0 / n)
    temperature = 0.1
    src = np.array([a for a, _, _ in edges], dtype=int)
    dst = np.array([b for _, b, _ in edges], dtype=int)
    strength = np.array([min(1.0, 0.3 + 0.1 * w) for _, _, w in edges])[:, None]
    for _ in range(steps):
        delta = pos[:, None, :] - pos[None, :, :]
        dist = np.maximum(np.linalg.norm(delta, axis=2), 1e-3)
        force = (k * k / dist**2)[:, :, None] * delta  # repulsion
        disp = force.sum(axis=1)
        if len(src):
            d = pos[src] - pos[dst]
            length = np.maximum(np.linalg.norm(d, axis=1), 1e-3)[:, None]
            pull = d * length / k * strength
            np.subtract.at(disp, src, pull)
            np.add.at(disp, dst, pull)
        norm = np.maximum(np.linalg.norm(disp, axis=1), 1e-9)[:, None]
        pos += disp / norm * np.minimum(norm, temperature)
        pos = np.clip(pos, 0.0, 1.0)
        temperature *= 0.97
    return pos


def network_svg(net: dict[str, Any], *, max_nodes: int = 60) -> Markup:
    nodes = net["nodes"][:max_nodes]
    index = {node["id"]: i for i, node in enumerate(nodes)}
    edges = [e for e in net["edges"] if e["source"] in index and e["target"] in index]
    pos = layout(len(nodes), [(index[e["source"]], index[e["target"]], e["count"]) for e in edges])

    def xy(i: int) -> tuple[float, float]:
        return (
            MARGIN + float(pos[i][0]) * (WIDTH - 2 * MARGIN),
            MARGIN + float(pos[i][1]) * (HEIGHT - 2 * MARGIN),
        )

    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {HEIGHT}" '
        'role="img" aria-label="who met or confronted whom" class="network">'
    ]
    for e in edges:
        (x1, y1), (x2, y2) = xy(index[e["source"]]), xy(index[e["target"]])
        colour = COLOURS.get(e["kind"], "#666")
        width = min(1 + e["count"], 8)
        title = escape(f"{e['source']} – {e['target']}: {e['count']} × {e['kind']}")
        parts.append(
            f'<line x1="{x1:.1f}" y1="{y1:.1f}" x2="{x2:.1f}" y2="{y2:.1f}" '
            f'stroke="{colour}" stroke-width="{width}" stroke-opacity="0.6">'
            f"<title>{title}</title></line>"
        )
    for i, node in enumerate(nodes):
        x, y = xy(i)
        r = 4 + min(node["weight"], 20)
        name = escape(node["name"])
        right = x > WIDTH * 0.7  # labels of nodes on the right go to their left
        tx, anchor = (x - r - 2, "end") if right else (x + r + 2, "start")
        parts.append(
            f'<a href="/actors/{escape(node["id"])}"><circle cx="{x:.1f}" cy="{y:.1f}" r="{r}" '
            f'class="node t-{escape(node["type"] or "x")}"><title>{name}</title></circle>'
            f'<text x="{tx:.1f}" y="{y + 4:.1f}" text-anchor="{anchor}">{name}</text></a>'
        )
    parts.append("</svg>")
    return Markup("".join(parts))
