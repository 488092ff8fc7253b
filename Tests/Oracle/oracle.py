#!/usr/bin/env python3
"""Independent oracle for corridor scenario files (schema_version 1).

Loads a scenario file exactly as Scenarios/SCHEMA.md describes (resolving `extends` and
applying `changes` in order), builds the min-cost multi-commodity flow LP with scipy's HiGHS
and prints the optimum.  It shares no code with the Swift implementation, so it can serve as
an oracle in tests.

Model (the one the Swift solver implements):
  * one commodity per demand k; x[k,a] >= 0 TEU/year on each open link a; u[k] >= 0 unmet TEU.
  * flow conservation for every commodity at every open node; delivered = teu - u.
  * cost per TEU of k on link a  = cost_usd_per_teu(a) + vot(k) * time_days(a)
  * node throughput = TEU entering over links + TEU originating there (delivered TEU only);
    each TEU of throughput pays handling_cost_usd_per_teu + vot(k) * dwell_days and the sum
    over all commodities is bounded by capacity_teu (absent = unlimited).
  * a link's flow summed over all commodities is bounded by its capacity_teu.
  * unmet TEU of k cost unmet_penalty_usd_per_teu(k).
  * closed links/nodes carry nothing; a demand whose origin or destination is closed is unmet.
  * min-cost: minimise total cost.  max-throughput: maximise delivered TEU, then (among those
    optima) minimise total cost.

Usage (from the repository root):
  python3 Tests/Oracle/oracle.py FILE [FILE...] [--objective min-cost|max-throughput] [--json] [-v]

  Without --json it prints a report per file: delivered/unmet TEU, TEU and share per corridor
  (main corridor of each route = the non-`shared` tag covering most of its km, found by path
  decomposition), average cost and time per corridor, and the binding capacities with their
  shadow prices (USD per TEU/year of extra capacity). -v adds every demand's routes.

JSON output (one object per file; a list when several files are given):
  objective: "min-cost" | "max-throughput"
  objective_value: min-cost -> total generalised cost in USD/year (tariffs + handling + value of
                   time + unmet penalties, including the origin nodes' handling/dwell of the
                   delivered TEU); max-throughput -> delivered TEU/year
  total_cost_usd, delivered_teu, unmet_teu
  link_flows: {link id: TEU}          (every directed link, file order; `ID:rev` for reverses)
  node_throughputs: {node id: TEU}    (every node, file order)
  demands: {demand id: {delivered_teu, unmet_teu, paths: [{nodes, teu, corridor, cost_usd_per_teu,
            time_days}]}}
  corridors: {tag: TEU delivered on routes whose main corridor is that tag}
  corridor_stats: {tag: {teu, avg_cost_usd_per_teu, avg_time_days}}
  binding: [{kind, id, capacity_teu, used_teu, shadow_price_usd_per_teu}]
  warnings: [text]                    (selectors that matched nothing)

Compare objective values, delivered and unmet TEU with another solver: when the optimum is
degenerate, flows and shadow prices may legitimately differ between solvers.

Deterministic: inputs are processed in file order, HiGHS is deterministic for a given input, and
path decomposition breaks ties by id.
Exit status: 0 solved, 1 input error, 2 solver failure.
"""
from __future__ import annotations

import argparse
import difflib
import json
import math
import os
import sys
from dataclasses import dataclass, field, replace
from typing import Any

import numpy as np
import yaml
from scipy.optimize import linprog
from scipy.sparse import coo_matrix

DEFAULT_VOT = 50.0
DEFAULT_PENALTY = 20000.0
TOL = 1e-6

TOP_KEYS = {"schema_version", "name", "description", "extends", "nodes", "links", "demands", "changes",
            "uncertainty",  # uncertainty: read by `corridor sweep --monte-carlo`; the oracle solves the deterministic scenario
            "periods", "seasonality"}  # periods (issue 8): this static oracle solves the annual network and ignores them
NODE_KEYS = {"id", "name", "country", "kind", "lat", "lon", "capacity_teu",
             "handling_cost_usd_per_teu", "dwell_days", "storage_capacity_teu",
             "holding_cost_usd_per_teu_day", "source", "notes"}  # storage: used only with periods
NODE_REQUIRED = {"id", "country", "kind", "lat", "lon"}
LINK_KEYS = {"id", "from", "to", "mode", "corridor", "gauge_mm", "distance_km", "capacity_teu",
             "cost_usd_per_teu", "time_days", "bidirectional", "source", "notes"}
LINK_REQUIRED = {"id", "from", "to", "mode", "corridor", "distance_km", "cost_usd_per_teu", "time_days"}
DEMAND_KEYS = {"id", "from", "to", "teu", "value_of_time_usd_per_teu_day",
               "unmet_penalty_usd_per_teu", "late_penalty_usd_per_teu_day", "source", "notes"}
DEMAND_REQUIRED = {"from", "to", "teu"}
KINDS = {"hub", "border", "port", "terminal", "waypoint"}
MODES = {"rail", "ferry", "road", "sea"}
SELECTORS = ("link", "node", "country", "corridor", "mode")
PERIOD_SCOPE = {"periods", "from", "to"}  # issue 8: limits a change to periods (scale_demand: `periods` only)
CHANGE_KEYS = {
    "close": (set(SELECTORS) | PERIOD_SCOPE, set()),
    "scale_capacity": (set(SELECTORS) | {"factor"} | PERIOD_SCOPE, {"factor"}),
    "set_capacity": ({"link", "node", "capacity_teu"}, {"capacity_teu"}),
    "add_delay": (set(SELECTORS) | {"days"} | PERIOD_SCOPE, {"days"}),
    "add_surcharge": (set(SELECTORS) | {"usd_per_teu"}, {"usd_per_teu"}),
    "scale_demand": ({"factor", "demand", "from", "to", "periods"}, {"factor"}),
    "add_storage": ({"node", "teu", "holding_cost_usd_per_teu_day"}, {"node", "teu"}),
}


class InputError(Exception):
    pass


# --------------------------------------------------------------------------- model values
@dataclass
class Node:
    id: str
    name: str
    country: str
    kind: str
    lat: float
    lon: float
    capacity: float | None = None
    handling: float = 0.0
    dwell: float = 0.0
    closed: bool = False

    def countries(self) -> list[str]:
        return [c.strip() for c in self.country.split("/")]


@dataclass
class Link:
    id: str
    base_id: str
    frm: str
    to: str
    mode: str
    corridor: str
    distance: float
    cost: float
    time: float
    capacity: float | None = None
    gauge: int | None = None
    closed: bool = False


@dataclass
class Demand:
    id: str
    frm: str
    to: str
    teu: float
    vot: float = DEFAULT_VOT
    penalty: float = DEFAULT_PENALTY


@dataclass
class Network:
    name: str
    nodes: list[Node] = field(default_factory=list)
    links: list[Link] = field(default_factory=list)
    demands: list[Demand] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


# --------------------------------------------------------------------------- loading
def _num(v: Any, where: str, nonneg: bool = True) -> float:
    if isinstance(v, bool) or not isinstance(v, (int, float)) or not math.isfinite(float(v)):
        raise InputError(f"{where}: expected a number, found {v!r}")
    if nonneg and v < 0:
        raise InputError(f"{where}: expected a number >= 0, found {v}")
    return float(v)


def _check_keys(rec: Any, allowed: set, required: set, where: str) -> None:
    if not isinstance(rec, dict):
        raise InputError(f"{where}: expected a mapping")
    for k in rec:
        if k not in allowed:
            near = difflib.get_close_matches(str(k), sorted(allowed), n=1)
            hint = f" (did you mean '{near[0]}'?)" if near else ""
            raise InputError(f"{where}.{k}: unknown key{hint}")
    for k in required:
        if k not in rec:
            raise InputError(f"{where}: missing required key '{k}'")


def _ident(v: Any, where: str) -> str:
    if not isinstance(v, str) or not v or len(v) > 64 or not all(c.isalnum() or c in "_-." for c in v):
        raise InputError(f"{where}: invalid id {v!r}")
    return v


def parse_node(rec: dict, where: str) -> Node:
    _check_keys(rec, NODE_KEYS, NODE_REQUIRED, where)
    if rec["kind"] not in KINDS:
        raise InputError(f"{where}.kind: expected one of {sorted(KINDS)}, found {rec['kind']!r}")
    lat, lon = _num(rec["lat"], f"{where}.lat", False), _num(rec["lon"], f"{where}.lon", False)
    if not -90 <= lat <= 90 or not -180 <= lon <= 180:
        raise InputError(f"{where}: coordinates out of range")
    nid = _ident(rec["id"], f"{where}.id")
    return Node(
        id=nid, name=str(rec.get("name", nid)), country=str(rec["country"]), kind=rec["kind"],
        lat=lat, lon=lon,
        capacity=_num(rec["capacity_teu"], f"{where}.capacity_teu") if "capacity_teu" in rec else None,
        handling=_num(rec.get("handling_cost_usd_per_teu", 0), f"{where}.handling_cost_usd_per_teu"),
        dwell=_num(rec.get("dwell_days", 0), f"{where}.dwell_days"),
    )


def parse_link(rec: dict, where: str) -> list[Link]:
    _check_keys(rec, LINK_KEYS, LINK_REQUIRED, where)
    if rec["mode"] not in MODES:
        raise InputError(f"{where}.mode: expected one of {sorted(MODES)}, found {rec['mode']!r}")
    lid = _ident(rec["id"], f"{where}.id")
    if rec["from"] == rec["to"]:
        raise InputError(f"{where}: from and to are the same node")
    bidi = rec.get("bidirectional", False)
    if not isinstance(bidi, bool):
        raise InputError(f"{where}.bidirectional: expected true/false")
    gauge = rec.get("gauge_mm")
    if gauge is not None and (isinstance(gauge, bool) or not isinstance(gauge, int)):
        raise InputError(f"{where}.gauge_mm: expected an integer")
    base = Link(
        id=lid, base_id=lid, frm=str(rec["from"]), to=str(rec["to"]), mode=rec["mode"],
        corridor=str(rec["corridor"]), distance=_num(rec["distance_km"], f"{where}.distance_km"),
        cost=_num(rec["cost_usd_per_teu"], f"{where}.cost_usd_per_teu"),
        time=_num(rec["time_days"], f"{where}.time_days"),
        capacity=_num(rec["capacity_teu"], f"{where}.capacity_teu") if "capacity_teu" in rec else None,
        gauge=gauge,
    )
    out = [base]
    if bidi:
        out.append(replace(base, id=lid + ":rev", frm=base.to, to=base.frm))
    return out


def parse_demand(rec: dict, where: str) -> Demand:
    _check_keys(rec, DEMAND_KEYS, DEMAND_REQUIRED, where)
    frm, to = str(rec["from"]), str(rec["to"])
    if frm == to:
        raise InputError(f"{where}: from and to are the same node")
    did = _ident(rec["id"], f"{where}.id") if "id" in rec else f"{frm}-{to}"
    return Demand(
        id=did, frm=frm, to=to, teu=_num(rec["teu"], f"{where}.teu"),
        vot=_num(rec.get("value_of_time_usd_per_teu_day", DEFAULT_VOT), f"{where}.value_of_time_usd_per_teu_day"),
        penalty=_num(rec.get("unmet_penalty_usd_per_teu", DEFAULT_PENALTY), f"{where}.unmet_penalty_usd_per_teu"),
    )


def _nearest(name: str, pool: list[str]) -> str:
    near = difflib.get_close_matches(name, pool, n=1)
    return f" (did you mean '{near[0]}'?)" if near else ""


def load(path: str, _stack: tuple[str, ...] = ()) -> Network:
    path = os.path.abspath(path)
    if path in _stack:
        raise InputError(f"{path}: extends cycle: {' -> '.join(_stack + (path,))}")
    with open(path, encoding="utf-8") as fh:
        doc = yaml.safe_load(fh)
    fname = os.path.basename(path)
    _check_keys(doc, TOP_KEYS, {"schema_version", "name"}, fname)
    if doc["schema_version"] != 1:
        raise InputError(f"{fname}.schema_version: must be 1")
    if "extends" in doc:
        if "nodes" in doc or "links" in doc:
            raise InputError(f"{fname}: a file with extends may not hold nodes or links")
        net = load(os.path.join(os.path.dirname(path), doc["extends"]), _stack + (path,))
        net.name = str(doc["name"])
    else:
        if "nodes" not in doc or "links" not in doc:
            raise InputError(f"{fname}: a network file needs nodes and links")
        net = Network(name=str(doc["name"]))
        for i, rec in enumerate(doc.get("nodes") or []):
            net.nodes.append(parse_node(rec, f"{fname}: nodes[{i}]"))
        for i, rec in enumerate(doc.get("links") or []):
            net.links.extend(parse_link(rec, f"{fname}: links[{i}]"))
    if "demands" in doc:
        net.demands = [parse_demand(r, f"{fname}: demands[{i}]") for i, r in enumerate(doc["demands"] or [])]
    for i, ch in enumerate(doc.get("changes") or []):
        apply_change(net, ch, f"{fname}: changes[{i}]")
    validate(net, fname)
    return net


def validate(net: Network, fname: str) -> None:
    ids = [n.id for n in net.nodes]
    if len(set(ids)) != len(ids):
        raise InputError(f"{fname}: duplicate node id")
    lids = [l.id for l in net.links]
    if len(set(lids)) != len(lids):
        raise InputError(f"{fname}: duplicate link id")
    dids = [d.id for d in net.demands]
    if len(set(dids)) != len(dids):
        dup = sorted({d for d in dids if dids.count(d) > 1})
        raise InputError(f"{fname}: duplicate demand id {dup}")
    known = set(ids)
    for l in net.links:
        for end in (l.frm, l.to):
            if end not in known:
                raise InputError(f"{fname}: link {l.id} refers to unknown node '{end}'{_nearest(end, ids)}")
    for d in net.demands:
        for end in (d.frm, d.to):
            if end not in known:
                raise InputError(f"{fname}: demand {d.id} refers to unknown node '{end}'{_nearest(end, ids)}")


def _select(net: Network, ch: dict, where: str, allowed=SELECTORS):
    """Return (kind, nodes, links) chosen by the single selector in ch."""
    present = [s for s in SELECTORS if s in ch]
    if len(present) != 1 or present[0] not in allowed:
        raise InputError(f"{where}: needs exactly one selector of {list(allowed)}")
    kind = present[0]
    val = str(ch[kind])
    if kind == "link":
        hit = [l for l in net.links if l.base_id == val or l.id == val]
        if not hit:
            raise InputError(f"{where}.link: unknown link '{val}'{_nearest(val, [l.base_id for l in net.links])}")
        return kind, [], hit
    if kind == "node":
        hit = [n for n in net.nodes if n.id == val]
        if not hit:
            raise InputError(f"{where}.node: unknown node '{val}'{_nearest(val, [n.id for n in net.nodes])}")
        return kind, hit, []
    if kind == "country":
        nodes = [n for n in net.nodes if val in n.countries()]
        ids = {n.id for n in nodes}
        links = [l for l in net.links if l.frm in ids or l.to in ids]
        if not nodes:
            net.warnings.append(f"{where}.country: '{val}' matches no node")
        return kind, nodes, links
    links = [l for l in net.links if (l.corridor if kind == "corridor" else l.mode) == val]
    if not links:
        net.warnings.append(f"{where}.{kind}: '{val}' matches no link")
    return kind, [], links


def apply_change(net: Network, ch: Any, where: str) -> None:
    if not isinstance(ch, dict) or len(ch) != 1:
        raise InputError(f"{where}: a change is a mapping with exactly one key")
    (ctype, body), = ch.items()
    w = f"{where}.{ctype}"
    if ctype == "add_node":
        net.nodes.append(parse_node(body, w))
        return
    if ctype == "add_link":
        net.links.extend(parse_link(body, w))
        return
    if ctype == "add_demand":
        net.demands.append(parse_demand(body, w))
        return
    if ctype not in CHANGE_KEYS:
        near = difflib.get_close_matches(ctype, list(CHANGE_KEYS) + ["add_node", "add_link", "add_demand"], n=1)
        raise InputError(f"{where}: unknown change '{ctype}'" + (f" (did you mean '{near[0]}'?)" if near else ""))
    allowed, required = CHANGE_KEYS[ctype]
    _check_keys(body, allowed, required, w)
    scoped = "periods" in body or (ctype != "scale_demand" and ("from" in body or "to" in body))
    if ctype == "add_storage" or scoped:
        return  # storage and period-scoped changes do not change the annual network this oracle solves
    if ctype == "close":
        kind, nodes, links = _select(net, body, w)
        for n in nodes:
            n.closed = True
        if kind in ("link", "corridor", "mode"):
            for l in links:
                l.closed = True
    elif ctype == "scale_capacity":
        f = _num(body["factor"], f"{w}.factor")
        kind, nodes, links = _select(net, body, w)
        for n in nodes:
            if n.capacity is not None:
                n.capacity *= f
        for l in links:
            if l.capacity is not None:
                l.capacity *= f
    elif ctype == "set_capacity":
        c = _num(body["capacity_teu"], f"{w}.capacity_teu")
        kind, nodes, links = _select(net, body, w, allowed=("link", "node"))
        for n in nodes:
            n.capacity = c
        for l in links:
            l.capacity = c
    elif ctype == "add_delay":
        d = _num(body["days"], f"{w}.days")
        kind, nodes, links = _select(net, body, w)
        if kind in ("node", "country"):
            for n in nodes:
                n.dwell += d
        else:
            for l in links:
                l.time += d
    elif ctype == "add_surcharge":
        s = _num(body["usd_per_teu"], f"{w}.usd_per_teu")
        kind, nodes, links = _select(net, body, w)
        if kind in ("node", "country"):
            for n in nodes:
                n.handling += s
        else:
            for l in links:
                l.cost += s
    elif ctype == "scale_demand":
        f = _num(body["factor"], f"{w}.factor")
        if "demand" in body and ("from" in body or "to" in body):
            raise InputError(f"{w}: give either demand or from/to")
        if "demand" in body:
            hit = [d for d in net.demands if d.id == body["demand"]]
            if not hit:
                raise InputError(f"{w}.demand: unknown demand '{body['demand']}'"
                                 f"{_nearest(str(body['demand']), [d.id for d in net.demands])}")
        else:
            hit = [d for d in net.demands
                   if ("from" not in body or d.frm == body["from"]) and ("to" not in body or d.to == body["to"])]
        for d in hit:
            d.teu *= f


# --------------------------------------------------------------------------- LP
@dataclass
class Result:
    objective: str
    status: str
    total_cost: float
    delivered: float
    unmet: float
    link_flow: dict
    node_throughput: dict
    demand: dict
    binding: list
    flows_by_demand: dict


def solve(net: Network, objective: str = "min-cost") -> Result:
    nodes = net.nodes
    nidx = {n.id: i for i, n in enumerate(nodes)}
    open_links = [l for l in net.links if not l.closed and not nodes[nidx[l.frm]].closed and not nodes[nidx[l.to]].closed]
    K, A, N = len(net.demands), len(open_links), len(nodes)
    nx = K * A
    nv = nx + K  # x[k,a] then u[k]

    def xv(k, a):
        return k * A + a

    def uv(k):
        return nx + k

    c = np.zeros(nv)
    const = 0.0
    bounds = [(0, None)] * nv
    for k, d in enumerate(net.demands):
        o, t = nodes[nidx[d.frm]], nodes[nidx[d.to]]
        for a, l in enumerate(open_links):
            h = nodes[nidx[l.to]]
            c[xv(k, a)] = l.cost + d.vot * l.time + h.handling + d.vot * h.dwell
        origin_cost = o.handling + d.vot * o.dwell
        const += d.teu * origin_cost
        c[uv(k)] = d.penalty - origin_cost
        if o.closed or t.closed:
            bounds[uv(k)] = (d.teu, d.teu)
        else:
            bounds[uv(k)] = (0, d.teu)

    # equalities: flow conservation  out - in + (u if origin) - (u if dest)... written as
    # out - in = (teu - u) at origin, -(teu - u) at destination, 0 elsewhere.
    rows, cols, vals, beq = [], [], [], []
    r = 0
    for k, d in enumerate(net.demands):
        for n in range(N):
            if nodes[n].closed:
                continue
            for a, l in enumerate(open_links):
                if nidx[l.frm] == n:
                    rows.append(r); cols.append(xv(k, a)); vals.append(1.0)
                elif nidx[l.to] == n:
                    rows.append(r); cols.append(xv(k, a)); vals.append(-1.0)
            rhs = 0.0
            if nidx[d.frm] == n:
                rows.append(r); cols.append(uv(k)); vals.append(1.0); rhs = d.teu
            elif nidx[d.to] == n:
                rows.append(r); cols.append(uv(k)); vals.append(-1.0); rhs = -d.teu
            beq.append(rhs)
            r += 1
    Aeq = coo_matrix((vals, (rows, cols)), shape=(r, nv)).tocsr()
    beq = np.array(beq)

    # inequalities: capacities
    rows, cols, vals, bub, cap_rows = [], [], [], [], []
    r = 0
    for a, l in enumerate(open_links):
        if l.capacity is None:
            continue
        for k in range(K):
            rows.append(r); cols.append(xv(k, a)); vals.append(1.0)
        bub.append(l.capacity); cap_rows.append(("link", l.id, l.capacity)); r += 1
    for n, node in enumerate(nodes):
        if node.capacity is None or node.closed:
            continue
        rhs = node.capacity
        for k, d in enumerate(net.demands):
            for a, l in enumerate(open_links):
                if nidx[l.to] == n:
                    rows.append(r); cols.append(xv(k, a)); vals.append(1.0)
            if nidx[d.frm] == n:
                rows.append(r); cols.append(uv(k)); vals.append(-1.0)
                rhs -= d.teu
        bub.append(rhs); cap_rows.append(("node", node.id, node.capacity)); r += 1
    n_cap = r
    Aub_base = (rows, cols, vals)
    opts = {"presolve": True, "primal_feasibility_tolerance": 1e-9, "dual_feasibility_tolerance": 1e-9}

    def run(cvec, extra=None):
        rr, cc, vv = list(Aub_base[0]), list(Aub_base[1]), list(Aub_base[2])
        b = list(bub)
        if extra is not None:
            coeffs, rhs = extra
            for j, v in coeffs:
                rr.append(n_cap); cc.append(j); vv.append(v)
            b.append(rhs)
        nrow = len(b)
        Aub = coo_matrix((vv, (rr, cc)), shape=(nrow, nv)).tocsr() if nrow else None
        res = linprog(cvec, A_ub=Aub, b_ub=np.array(b) if nrow else None, A_eq=Aeq, b_eq=beq,
                      bounds=bounds, method="highs", options=opts)
        if res.status != 0:
            raise RuntimeError(f"HiGHS failed: {res.message}")
        return res

    if objective == "max-throughput":
        cu = np.zeros(nv)
        for k in range(K):
            cu[uv(k)] = 1.0
        res1 = run(cu)
        umin = res1.fun
        res = run(c, ([(uv(k), 1.0) for k in range(K)], umin + 1e-7 * max(1.0, umin)))
    else:
        res = run(c)

    x = res.x
    total_cost = float(res.fun + const)
    link_flow = {l.id: 0.0 for l in net.links}
    for a, l in enumerate(open_links):
        link_flow[l.id] = float(sum(x[xv(k, a)] for k in range(K)))
    thr = {n.id: 0.0 for n in nodes}
    for l in open_links:
        thr[l.to] += link_flow[l.id]
    demand_out = {}
    flows_by_demand = {}
    for k, d in enumerate(net.demands):
        u = float(x[uv(k)])
        deliv = d.teu - u
        thr[d.frm] += deliv
        fl = {open_links[a].id: float(x[xv(k, a)]) for a in range(A) if x[xv(k, a)] > TOL}
        flows_by_demand[d.id] = fl
        demand_out[d.id] = {"delivered_teu": _r(deliv), "unmet_teu": _r(u)}
    binding = []
    marg = res.ineqlin.marginals if n_cap else []
    for i, (kind, cid, cap) in enumerate(cap_rows):
        used = link_flow[cid] if kind == "link" else thr[cid]
        price = -float(marg[i]) if i < len(marg) else 0.0
        if used >= cap - 1e-6 * max(1.0, cap) or price > 1e-6:
            binding.append({"kind": kind, "id": cid, "capacity_teu": _r(cap), "used_teu": _r(used),
                            "shadow_price_usd_per_teu": _r(price)})
    delivered = sum(v["delivered_teu"] for v in demand_out.values())
    unmet = sum(v["unmet_teu"] for v in demand_out.values())
    return Result(objective, "optimal", total_cost, delivered, unmet, link_flow, thr, demand_out,
                  binding, flows_by_demand)


def _r(v: float, nd: int = 6) -> float:
    v = round(float(v), nd)
    return 0.0 if v == 0 else v


# --------------------------------------------------------------------------- paths
def decompose(net: Network, d: Demand, flows: dict) -> list[dict]:
    """Split one demand's link flows into origin->destination paths (largest flow first)."""
    links = {l.id: l for l in net.links}
    rem = dict(flows)
    out_of: dict[str, list[str]] = {}
    for lid in rem:
        out_of.setdefault(links[lid].frm, []).append(lid)
    paths = []
    for _ in range(10000):
        node, seen, path = d.frm, [d.frm], []
        ok = True
        while node != d.to:
            cand = [lid for lid in out_of.get(node, []) if rem[lid] > TOL]
            if not cand:
                ok = False
                break
            lid = max(cand, key=lambda i: (rem[i], i))
            nxt = links[lid].to
            if nxt in seen:  # cancel a cycle
                j = seen.index(nxt)
                cyc = path[j:] + [lid]
                m = min(rem[i] for i in cyc)
                for i in cyc:
                    rem[i] -= m
                node, seen, path = d.frm, [d.frm], []
                continue
            path.append(lid); seen.append(nxt); node = nxt
        if not ok or not path:
            break
        m = min(rem[i] for i in path)
        if m <= TOL:
            break
        for i in path:
            rem[i] -= m
        paths.append({"links": path, "nodes": [d.frm] + [links[i].to for i in path], "teu": m,
                      "corridor": main_corridor([links[i] for i in path])})
    return paths


def main_corridor(path: list[Link]) -> str:
    km: dict[str, float] = {}
    for l in path:
        if l.corridor != "shared":
            km[l.corridor] = km.get(l.corridor, 0.0) + l.distance
    if not km:
        return "shared"
    return sorted(km.items(), key=lambda kv: (-kv[1], kv[0]))[0][0]


def path_cost(net: Network, d: Demand, p: dict) -> tuple[float, float]:
    nodes = {n.id: n for n in net.nodes}
    links = {l.id: l for l in net.links}
    cost = nodes[d.frm].handling
    time = nodes[d.frm].dwell
    for lid in p["links"]:
        l = links[lid]
        cost += l.cost + nodes[l.to].handling
        time += l.time + nodes[l.to].dwell
    return cost, time


# --------------------------------------------------------------------------- output
def analyse(net: Network, res: Result) -> dict:
    corridors: dict[str, float] = {}
    stats: dict[str, list[float]] = {}
    dem = {}
    for d in net.demands:
        paths = decompose(net, d, res.flows_by_demand[d.id])
        info = dict(res.demand[d.id])
        plist = []
        for p in paths:
            cost, time = path_cost(net, d, p)
            corridors[p["corridor"]] = corridors.get(p["corridor"], 0.0) + p["teu"]
            s = stats.setdefault(p["corridor"], [0.0, 0.0, 0.0])
            s[0] += p["teu"]; s[1] += p["teu"] * cost; s[2] += p["teu"] * time
            plist.append({"nodes": p["nodes"], "teu": _r(p["teu"]), "corridor": p["corridor"],
                          "cost_usd_per_teu": _r(cost, 2), "time_days": _r(time, 2)})
        info["paths"] = plist
        dem[d.id] = info
    avg = {k: {"teu": _r(v[0]), "avg_cost_usd_per_teu": _r(v[1] / v[0], 1) if v[0] else 0.0,
               "avg_time_days": _r(v[2] / v[0], 2) if v[0] else 0.0} for k, v in sorted(stats.items())}
    return {"demands": dem, "corridors": {k: _r(v) for k, v in sorted(corridors.items())}, "corridor_stats": avg}


def to_json(net: Network, res: Result) -> dict:
    an = analyse(net, res)
    return {
        "scenario": net.name,
        "objective": res.objective,
        "objective_value": _r(res.delivered if res.objective == "max-throughput" else res.total_cost),
        "total_cost_usd": _r(res.total_cost),
        "delivered_teu": _r(res.delivered),
        "unmet_teu": _r(res.unmet),
        "link_flows": {k: _r(v) for k, v in res.link_flow.items()},
        "node_throughputs": {k: _r(v) for k, v in res.node_throughput.items()},
        "demands": an["demands"],
        "corridors": an["corridors"],
        "corridor_stats": an["corridor_stats"],
        "binding": res.binding,
        "warnings": net.warnings,
    }


def report(net: Network, res: Result, verbose: bool = False) -> str:
    an = analyse(net, res)
    total = sum(d.teu for d in net.demands)
    lines = [f"== {net.name}  [{res.objective}]",
             f"   demand {total:,.0f} TEU  delivered {res.delivered:,.0f}  unmet {res.unmet:,.0f}"
             f"  objective ${res.total_cost / 1e6:,.1f} M (tariffs, handling, time value, unmet penalty)"]
    deliv = res.delivered or 1.0
    for k, st in an["corridor_stats"].items():
        lines.append(f"   {k:9s} {st['teu']:>10,.0f} TEU  {100 * st['teu'] / deliv:5.1f}%"
                     f"   avg ${st['avg_cost_usd_per_teu']:>6,.0f}/TEU  {st['avg_time_days']:5.1f} d")
    overland = sum(st["teu"] for k, st in an["corridor_stats"].items() if k != "sea")
    if overland:
        parts = ", ".join(f"{k} {100 * st['teu'] / overland:.1f}%"
                          for k, st in an["corridor_stats"].items() if k != "sea")
        lines.append(f"   overland {overland:,.0f} TEU: {parts}")
    lines.append("   binding capacities (shadow price USD per TEU/yr):")
    for b in sorted(res.binding, key=lambda b: -b["shadow_price_usd_per_teu"]):
        lines.append(f"     {b['kind']:4s} {b['id']:12s} cap {b['capacity_teu']:>10,.0f} used {b['used_teu']:>10,.0f}"
                     f"  dual {b['shadow_price_usd_per_teu']:>8,.1f}")
    if verbose:
        lines.append("   demands:")
        for d in net.demands:
            info = an["demands"][d.id]
            lines.append(f"     {d.id:14s} {d.teu:>8,.0f} vot {d.vot:>4.0f}  unmet {info['unmet_teu']:>8,.0f}")
            for p in info["paths"]:
                lines.append(f"        {p['teu']:>8,.0f} {p['corridor']:8s} ${p['cost_usd_per_teu']:>6,.0f} "
                             f"{p['time_days']:5.1f} d  {'>'.join(p['nodes'])}")
    for w in net.warnings:
        lines.append(f"   warning: {w}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("files", nargs="+")
    ap.add_argument("--objective", choices=["min-cost", "max-throughput"], default="min-cost")
    ap.add_argument("--json", action="store_true", help="print JSON")
    ap.add_argument("--verbose", "-v", action="store_true", help="report: list every demand's paths")
    args = ap.parse_args(argv)
    outs = []
    for f in args.files:
        try:
            net = load(f)
        except (InputError, yaml.YAMLError, OSError) as e:
            print(f"error: {e}", file=sys.stderr)
            return 1
        try:
            res = solve(net, args.objective)
        except RuntimeError as e:
            print(f"error: {f}: {e}", file=sys.stderr)
            return 2
        if args.json:
            outs.append(to_json(net, res))
        else:
            print(report(net, res, args.verbose))
    if args.json:
        print(json.dumps(outs[0] if len(outs) == 1 else outs, indent=1, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    try:
        sys.exit(main())
    except BrokenPipeError:  # e.g. piped into `head`
        sys.exit(0)
