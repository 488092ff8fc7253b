#!/usr/bin/env python3
"""Independent oracle for `corridor capacity`: corridor capacities by networkx's maximum flow and
the demand-pattern factor λ by scipy's HiGHS, on a scenario file loaded by oracle.py's loader.

It shares no code with the Swift implementation. The model, from docs/commands/capacity.md:
  * a corridor selection uses the open links tagged with its tags or `shared`, between open nodes;
  * default selections: each corridor tag in link order except `shared` and tags whose links are
    all `sea`; then `overland` (all of those together) when there are two or more;
  * sources: the origins of the demands in the main direction (the one with the most TEU, westbound
    on a tie; a demand's direction is written or follows from its ends' longitudes); sinks: their
    destinations that are not also origins, open ones; every demand's when that leaves no open source
    or sink (background traffic is neither);
  * background traffic (issue 14) takes its share first: with `--reserve RUN.json` (the JSON of
    `corridor run FILE`), every node's and link's capacity is reduced by the TEU/year the background
    flows' routes in that report put through it (never below 0). The routing is corridor's (a
    degenerate optimum may route it several ways); the maximum flow and λ on what is left are this
    oracle's own;
  * a node's throughput (inflow plus what originates there) is bounded by its capacity: the node is
    split into in -> out with that capacity; links go out(tail) -> in(head); a super source feeds
    every source's `in`, every sink's `out` drains to a super sink; missing capacity = unlimited;
  * capacity = the maximum flow (None when a path with no capacity limit exists);
  * λ = max λ such that every demand (origin a source, destination a sink, TEU > 0, reachable on
    the corridor) scaled by λ can be carried together, one commodity per demand (None if unbounded).

Usage: python3 Tests/Oracle/capacity_oracle.py FILE [--reserve RUN.json]   -> JSON list of
  {"corridor", "capacity_teu" (number|null), "concurrent_factor" (number|null)}
"""
import json
import os
import sys

import networkx as nx
import numpy as np
from scipy.optimize import linprog
from scipy.sparse import lil_matrix

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import oracle  # noqa: E402  (the loader only)


def selections(net):
    tags, sea_only = [], {}
    for link in net.links:
        if link.corridor == "shared":
            continue
        if link.corridor not in sea_only:
            tags.append(link.corridor)
            sea_only[link.corridor] = True
        sea_only[link.corridor] = sea_only[link.corridor] and link.mode == "sea"
    overland = [t for t in tags if not sea_only[t]]
    result = [(t, [t]) for t in overland]
    if len(overland) > 1:
        result.append(("overland", overland))
    return result


def usable_links(net, tags):
    closed = {n.id for n in net.nodes if n.closed}
    allowed = set(tags) | {"shared"}
    return [l for l in net.links
            if not l.closed and l.corridor in allowed and l.frm not in closed and l.to not in closed]


def endpoints(net):
    closed = {n.id for n in net.nodes if n.closed}
    # Both directions (issue 14): the main direction's demands (most TEU; westbound on a tie) define them.
    teu = {"westbound": 0.0, "eastbound": 0.0}
    for d in net.demands:
        if not d.background:
            teu[oracle.direction_of(net, d)] += d.teu
    main = "eastbound" if teu["eastbound"] > teu["westbound"] else "westbound"
    main_sources, main_sinks = ends([d for d in net.demands if not d.background and oracle.direction_of(net, d) == main],
                                    closed)
    if main_sources and main_sinks:
        return main_sources, main_sinks
    # That direction has no open origin or destination: every demand's, as with one direction.
    return ends([d for d in net.demands if not d.background], closed)


def ends(freight, closed):
    sources = []
    for d in freight:
        if d.frm not in closed and d.frm not in sources:
            sources.append(d.frm)
    sinks = []
    for d in freight:
        if d.to not in closed and d.to not in sinks and d.to not in sources:
            sinks.append(d.to)
    return sources, sinks


def max_flow(net, tags):
    sources, sinks = endpoints(net)
    g = nx.DiGraph()
    for n in net.nodes:
        if n.closed:
            continue
        if n.capacity is None:
            g.add_edge(("in", n.id), ("out", n.id))
        else:
            g.add_edge(("in", n.id), ("out", n.id), capacity=n.capacity)
    for l in usable_links(net, tags):
        u, v = ("out", l.frm), ("in", l.to)
        if g.has_edge(u, v):  # parallel links: capacities add, one unlimited makes it unlimited
            old = g[u][v].get("capacity")
            if old is None or l.capacity is None:
                g[u][v].pop("capacity", None)
            else:
                g[u][v]["capacity"] = old + l.capacity
        elif l.capacity is None:
            g.add_edge(u, v)
        else:
            g.add_edge(u, v, capacity=l.capacity)
    for s in sources:
        g.add_edge("S", ("in", s))
    for t in sinks:
        g.add_edge(("out", t), "T")
    if "S" not in g or "T" not in g:
        return 0.0
    try:
        try:
            value, _ = nx.maximum_flow(g, "S", "T")
        except IndexError:  # networkx's preflow-push can trip on fractional capacities (reserved ones)
            value, _ = nx.maximum_flow(g, "S", "T", flow_func=nx.algorithms.flow.edmonds_karp)
    except nx.NetworkXUnbounded:
        return None
    cut_value, _ = nx.minimum_cut(g, "S", "T")
    assert abs(cut_value - value) <= 1e-6 * max(1.0, value)
    return float(value)


def concurrent_factor(net, tags):
    sources, sinks = endpoints(net)
    links = usable_links(net, tags)
    g = nx.DiGraph()
    g.add_nodes_from(n.id for n in net.nodes if not n.closed)
    g.add_edges_from((l.frm, l.to) for l in links)
    def reaches(d):
        if not d.avoid:
            return nx.has_path(g, d.frm, d.to)
        h = g.subgraph([n.id for n in net.nodes if not n.closed and not set(n.countries()) & set(d.avoid)])
        return d.frm in h and d.to in h and nx.has_path(h, d.frm, d.to)

    demands = [d for d in net.demands
               if not d.background and d.frm in sources and d.to in sinks and d.teu > 0 and reaches(d)]
    if not demands:
        return None
    nodes = [n.id for n in net.nodes if not n.closed]
    index = {n: i for i, n in enumerate(nodes)}
    # Columns: λ, then x[k, l] for every demand k and usable link l.
    ncols = 1 + len(demands) * len(links)
    col = lambda k, j: 1 + k * len(links) + j  # noqa: E731
    eq = lil_matrix((len(demands) * len(nodes), ncols))
    bounds = [(0, None)] * ncols
    for k, d in enumerate(demands):
        for j, l in enumerate(links):
            if oracle.avoided(net, d, l):
                bounds[col(k, j)] = (0, 0)  # issue 15: the demand never enters a country it avoids
            eq[k * len(nodes) + index[l.frm], col(k, j)] += 1
            eq[k * len(nodes) + index[l.to], col(k, j)] -= 1
        eq[k * len(nodes) + index[d.frm], 0] -= d.teu
        eq[k * len(nodes) + index[d.to], 0] += d.teu
    rows, rhs = [], []
    for j, l in enumerate(links):
        if l.capacity is not None:
            row = np.zeros(ncols)
            for k in range(len(demands)):
                row[col(k, j)] = 1
            rows.append(row)
            rhs.append(l.capacity)
    for n in net.nodes:
        if n.closed or n.capacity is None:
            continue
        row = np.zeros(ncols)
        for k, d in enumerate(demands):
            for j, l in enumerate(links):
                if l.to == n.id:
                    row[col(k, j)] += 1
            if d.frm == n.id:
                row[0] += d.teu
        if row.any():
            rows.append(row)
            rhs.append(n.capacity)
    cost = np.zeros(ncols)
    cost[0] = -1
    result = linprog(cost, A_ub=np.array(rows) if rows else None, b_ub=rhs if rows else None,
                     A_eq=eq.tocsr(), b_eq=np.zeros(eq.shape[0]), bounds=bounds, method="highs")
    if result.status == 3:
        return None
    assert result.status == 0, result.message
    return float(result.x[0])


def reserve(net, path):
    """Takes from each capacity the background TEU/year that `corridor run`'s report routes through it."""
    with open(path, encoding="utf-8") as fh:
        report = json.load(fh)
    on_node, on_link = {}, {}
    for flow in (report.get("background") or {}).get("flows", []):
        for route in flow["routes"]:
            for n in route["nodes"]:
                on_node[n] = on_node.get(n, 0.0) + route["teu"]
            for l in route["links"]:
                on_link[l] = on_link.get(l, 0.0) + route["teu"]
    # Rounded to 1e-6 TEU/yr (far below the tests' 1e-6 relative tolerance): route sums carry float dust.
    for n in net.nodes:
        if n.capacity is not None:
            n.capacity = round(max(0.0, n.capacity - on_node.get(n.id, 0.0)), 6)
    for l in net.links:
        if l.capacity is not None:
            l.capacity = round(max(0.0, l.capacity - on_link.get(l.id, 0.0)), 6)


def main(argv):
    net = oracle.load(argv[1])
    if "--reserve" in argv:
        reserve(net, argv[argv.index("--reserve") + 1])
    out = []
    for name, tags in selections(net):
        out.append({"corridor": name, "capacity_teu": max_flow(net, tags),
                    "concurrent_factor": concurrent_factor(net, tags)})
    print(json.dumps(out))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
