"""GraphML: the actor network (who met or confronted whom), for networkx and Gephi.

Nodes are actors with ``name``, ``type``, ``country`` and ``weight`` (happenings they
share with the others). Edges are undirected, one per pair, with ``meet`` (meetings,
agreements, cooperation: CONSULT, AGREE, COOPERATE), ``confront`` (ACCUSE … ASSAULT:
actors against recipients) and ``weight`` (their sum): the counts of
:meth:`newsgraph.store.SQLStore.network`. Written with the standard library."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path
from typing import TextIO

from newsgraph.export.output import Progress, no_progress
from newsgraph.store import SQLStore

NS = "http://graphml.graphdrawing.org/xmlns"
_KEYS = (  # id, for, attr.type
    ("name", "node", "string"),
    ("type", "node", "string"),
    ("country", "node", "string"),
    ("weight", "node", "int"),
    ("meet", "edge", "int"),
    ("confront", "edge", "int"),
    ("weight", "edge", "int"),
)


def network_graph(store: SQLStore) -> ET.ElementTree[ET.Element]:
    """The network of ``store`` as a GraphML document (nodes and edges sorted by id)."""
    network = store.network(limit=None)
    countries = store.actor_countries()
    pairs: dict[tuple[str, str], dict[str, int]] = {}
    for e in network["edges"]:
        counts = pairs.setdefault((e["source"], e["target"]), {"meet": 0, "confront": 0})
        counts[e["kind"]] += int(e["count"])
    ET.register_namespace("", NS)
    root = ET.Element(f"{{{NS}}}graphml")
    for name, domain, typ in _KEYS:
        ET.SubElement(
            root,
            f"{{{NS}}}key",
            {"id": f"{domain}_{name}", "for": domain, "attr.name": name, "attr.type": typ},
        )
    graph = ET.SubElement(root, f"{{{NS}}}graph", {"id": "actors", "edgedefault": "undirected"})
    for node in sorted(network["nodes"], key=lambda n: str(n["id"])):
        el = ET.SubElement(graph, f"{{{NS}}}node", {"id": node["id"]})
        values = {
            "name": node["name"],
            "type": node["type"],
            "country": countries.get(node["id"]),
            "weight": node["weight"],
        }
        _data(el, "node", values)
    for k, ((a, b), counts) in enumerate(sorted(pairs.items())):
        el = ET.SubElement(graph, f"{{{NS}}}edge", {"id": f"e{k}", "source": a, "target": b})
        _data(el, "edge", {**counts, "weight": counts["meet"] + counts["confront"]})
    ET.indent(root)
    return ET.ElementTree(root)


def _data(el: ET.Element, domain: str, values: dict[str, object]) -> None:
    for name, value in values.items():
        if value is not None:
            ET.SubElement(el, f"{{{NS}}}data", {"key": f"{domain}_{name}"}).text = str(value)


def write_graphml(
    store: SQLStore, out: str | Path | TextIO, *, progress: Progress = no_progress
) -> tuple[int, int]:
    """Write the actor network to ``out``; the numbers of nodes and edges."""
    tree = network_graph(store)
    graph = tree.getroot()[-1]
    nodes = sum(1 for el in graph if el.tag.endswith("node"))
    edges = len(graph) - nodes
    if isinstance(out, str | Path):
        Path(out).parent.mkdir(parents=True, exist_ok=True)
        tree.write(out, encoding="utf-8", xml_declaration=True)
    else:
        tree.write(out, encoding="unicode", xml_declaration=True)
    for _ in range(nodes):
        progress("actors")
    for _ in range(edges):
        progress("edges")
    return nodes, edges
