#!/usr/bin/python3
"""Peer timings for bench/graph_analytics: igraph and NetworkX on the same edge list.

usage: peers.py EDGELIST [--nx-betweenness K] [--nx-louvain] [--small WEIGHTED_EDGELIST] [--cpu-time]
EDGELIST: first line n, then "u v" per line. Prints one JSON object of seconds (and the
modularity of the peers' Louvain). Each operation is timed inside Python (best of `repeats`),
so interpreter start and imports are excluded; loading is timed separately. --small: exact
betweenness (unweighted, and weighted with cost 1/weight) on that "u v weight" list.
--cpu-time: process CPU time instead of the wall clock (igraph runs single-threaded here).
"""
import json
import sys
import time


CLOCK = time.process_time if "--cpu-time" in sys.argv else time.perf_counter


def best(fn, repeats):
    times = []
    result = None
    for _ in range(repeats):
        start = CLOCK()
        result = fn()
        times.append(CLOCK() - start)
    return min(times), result


def main():
    path = sys.argv[1]
    nx_betweenness = 0
    nx_louvain = "--nx-louvain" in sys.argv
    small = sys.argv[sys.argv.index("--small") + 1] if "--small" in sys.argv else None
    if "--nx-betweenness" in sys.argv:
        nx_betweenness = int(sys.argv[sys.argv.index("--nx-betweenness") + 1])
    with open(path) as f:
        n = int(f.readline())
        edges = [tuple(map(int, line.split())) for line in f]
    out = {"nodes": n, "edges": len(edges)}

    import igraph
    out["igraph_load"], g = best(lambda: igraph.Graph(n=n, edges=edges, directed=False), 1)
    out["igraph_pagerank"], _ = best(lambda: g.pagerank(damping=0.85), 3)
    out["igraph_components"], _ = best(lambda: g.connected_components(), 3)
    out["igraph_bfs"], _ = best(lambda: g.bfs(0), 3)
    out["igraph_coreness"], _ = best(lambda: g.coreness(), 3)
    out["igraph_articulation"], _ = best(lambda: (g.articulation_points(), g.bridges()), 3)
    out["igraph_biconnected"], _ = best(lambda: g.biconnected_components(), 3)
    g.es["cost"] = [1.0] * g.ecount()
    out["igraph_dijkstra"], _ = best(lambda: g.distances(source=0, weights="cost"), 3)
    if small:
        with open(small) as f:
            sn = int(f.readline())
            rows = [line.split() for line in f]
        s = igraph.Graph(n=sn, edges=[(int(a), int(b)) for a, b, _ in rows], directed=False)
        s.es["cost"] = [1.0 / float(w) for _, _, w in rows]
        out["igraph_betweenness"], _ = best(lambda: s.betweenness(directed=False), 1)
        out["igraph_betweenness_weighted"], _ = best(
            lambda: s.betweenness(directed=False, weights="cost"), 1)
    out["igraph_louvain"], clusters = best(lambda: g.community_multilevel(), 1)
    out["igraph_louvain_modularity"] = clusters.modularity

    import networkx as nx

    def load():
        h = nx.Graph()
        h.add_nodes_from(range(n))
        h.add_edges_from(edges)
        return h
    out["networkx_load"], h = best(load, 1)
    out["networkx_pagerank"], _ = best(lambda: nx.pagerank(h), 1)
    out["networkx_components"], _ = best(lambda: list(nx.connected_components(h)), 1)
    out["networkx_bfs"], _ = best(lambda: nx.single_source_shortest_path_length(h, 0), 1)
    if nx_betweenness > 0:
        out["networkx_betweenness_k"] = nx_betweenness
        out["networkx_betweenness"], _ = best(
            lambda: nx.betweenness_centrality(h, k=nx_betweenness, seed=1), 1)
    if nx_louvain:
        out["networkx_louvain"], parts = best(
            lambda: nx.community.louvain_communities(h, seed=1), 1)
        out["networkx_louvain_modularity"] = nx.community.modularity(h, parts)
    json.dump(out, sys.stdout)


if __name__ == "__main__":
    main()
