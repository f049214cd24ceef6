"""Reads a GEXF or GraphML file with NetworkX and prints what it saw as JSON.

usage: read_networkx.py gexf|graphml FILE
"""
import json
import sys

import networkx as nx

kind, path = sys.argv[1], sys.argv[2]
graph = nx.read_gexf(path) if kind == "gexf" else nx.read_graphml(path)
node_attributes = sorted({key for _, data in graph.nodes(data=True) for key in data})
edge_attributes = sorted({key for _, _, data in graph.edges(data=True) for key in data})
print(json.dumps({
    "nodes": graph.number_of_nodes(),
    "edges": graph.number_of_edges(),
    "directed": graph.is_directed(),
    "node_attributes": node_attributes,
    "edge_attributes": edge_attributes,
    "names": [data.get("label") for _, data in graph.nodes(data=True)],
    "nodes_data": {node: data for node, data in graph.nodes(data=True)},
    "edges_data": [[u, v, data] for u, v, data in graph.edges(data=True)],
}, default=str))
