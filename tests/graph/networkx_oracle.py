#!/usr/bin/python3
"""Reference results from NetworkX for tests/graph/NetworkXOracleTest.cpp.

usage: networkx_oracle.py GRAPH [PARTITION]
GRAPH: first line the node count n, then one "u v weight" line per edge (nodes 0..n-1).
PARTITION: one community id per line, node order; its NetworkX modularity is reported.
Prints one JSON object. Exits non-zero (so the C++ test fails) when NetworkX is missing.
"""
import json
import sys

import networkx as nx


def main():
    with open(sys.argv[1]) as f:
        n = int(f.readline())
        g = nx.Graph()
        g.add_nodes_from(range(n))
        for line in f:
            u, v, w = line.split()
            g.add_edge(int(u), int(v), weight=float(w))
    out = {}
    out["pagerank"] = [nx.pagerank(g, weight=None, tol=1e-13, max_iter=10000)[v] for v in range(n)]
    out["pagerank_weighted"] = [nx.pagerank(g, weight="weight", tol=1e-13, max_iter=10000)[v]
                                for v in range(n)]
    bc = nx.betweenness_centrality(g, normalized=True)
    out["betweenness"] = [bc[v] for v in range(n)]
    bc = nx.betweenness_centrality(g, normalized=False)
    out["betweenness_raw"] = [bc[v] for v in range(n)]
    # Weighted: Skein's hop cost, 1 / weight (graph/detail/HopCost.h).
    for u, v, data in g.edges(data=True):
        data["cost"] = 1.0 / data["weight"]
    bc = nx.betweenness_centrality(g, normalized=True, weight="cost")
    out["betweenness_weighted"] = [bc[v] for v in range(n)]
    bc = nx.betweenness_centrality(g, normalized=False, weight="cost")
    out["betweenness_weighted_raw"] = [bc[v] for v in range(n)]
    hc = nx.harmonic_centrality(g)
    out["harmonic"] = [hc[v] for v in range(n)]
    comp = [0] * n
    for i, c in enumerate(sorted(nx.connected_components(g), key=min)):
        for v in c:
            comp[v] = i
    out["components"] = comp
    dist = nx.single_source_shortest_path_length(g, 0) if n else {}
    out["bfs0"] = [dist.get(v, -1) for v in range(n)]
    core = nx.core_number(g)
    out["core"] = [core[v] for v in range(n)]
    out["articulation"] = sorted(nx.articulation_points(g))
    out["bridges"] = sorted([min(e), max(e)] for e in nx.bridges(g))
    out["degree_centrality"] = [nx.degree_centrality(g)[v] for v in range(n)] if n > 1 else [0] * n
    if g.number_of_edges() > 0:
        communities = nx.community.louvain_communities(g, weight="weight", seed=7)
        out["louvain_modularity"] = nx.community.modularity(g, communities, weight="weight")
    if len(sys.argv) > 2:
        with open(sys.argv[2]) as f:
            labels = [int(x) for x in f.read().split()]
        groups = {}
        for v, c in enumerate(labels):
            groups.setdefault(c, set()).add(v)
        out["partition_modularity"] = nx.community.modularity(g, list(groups.values()),
                                                              weight="weight")
    json.dump(out, sys.stdout)


if __name__ == "__main__":
    main()
