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
  * `background` flows (issue 14) are demands that must be carried (unmet penalty 100,000 USD/TEU by
    default): in every link and node flow and in the objective, but in no freight total (delivered,
    unmet, total cost, corridors); the JSON `background` object reports them apart. `scale_demand`
    without `demand:` leaves them alone.
  * a file with `periods` (issue 8) is solved by solve_periods: a time-expanded LP over a cyclic
    year with demand due per period at the destination, per-period capacities, transit shares, storage,
    late backlog and losses (docs/periods.md); objective_value then sums the year, delivered/unmet TEU are annual sums.

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
  background: {teu, carried_teu, lost_teu, total_cost_usd, flows: {id: {delivered_teu, unmet_teu, paths}}}
                                      (only when the file has background traffic)

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
from scipy.sparse import coo_matrix, vstack

DEFAULT_VOT = 50.0
DEFAULT_PENALTY = 20000.0
BACKGROUND_PENALTY = 100000.0
TOL = 1e-6

TOP_KEYS = {"schema_version", "name", "description", "extends", "nodes", "links", "demands", "background", "changes",
            "uncertainty",  # uncertainty: read by `corridor sweep --monte-carlo`; the oracle solves the deterministic scenario
            "periods", "seasonality",  # periods (issue 8): solved by solve_periods, a time-expanded LP
            "tonnes_per_teu", "teu_per_train",
            "default_congestion",  # units for reports only, and false turns the default congestion curves off (issue 14)
            "congestion_value_of_time_usd_per_teu_day"}  # the value of time of congestion waits (issue 15)
NODE_KEYS = {"id", "name", "country", "kind", "lat", "lon", "capacity_teu",
             "handling_cost_usd_per_teu", "dwell_days", "storage_capacity_teu",
             "holding_cost_usd_per_teu_day", "congestion", "source", "notes"}  # storage: used only with periods
NODE_REQUIRED = {"id", "country", "kind", "lat", "lon"}
LINK_KEYS = {"id", "from", "to", "mode", "corridor", "gauge_mm", "distance_km", "capacity_teu",
             "cost_usd_per_teu", "time_days", "bidirectional", "teu_per_train", "congestion", "source", "notes"}
LINK_REQUIRED = {"id", "from", "to", "mode", "corridor", "distance_km", "cost_usd_per_teu", "time_days"}
DEMAND_KEYS = {"id", "from", "to", "teu", "value_of_time_usd_per_teu_day",
               "unmet_penalty_usd_per_teu", "late_penalty_usd_per_teu_day", "tonnes_per_teu", "direction", "source", "notes", "avoid_countries"}
DEMAND_REQUIRED = {"from", "to", "teu"}
BACKGROUND_KEYS = DEMAND_KEYS - {"late_penalty_usd_per_teu_day", "avoid_countries"}
BACKGROUND_REQUIRED = {"id", "from", "to", "teu"}
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
    "scale_demand": ({"factor", "demand", "from", "to", "direction", "periods"}, {"factor"}),
    "add_storage": ({"node", "teu", "holding_cost_usd_per_teu_day"}, {"node", "teu"}),
    # issue 14: changes that cut (or set) time and cost
    "scale_time": (set(SELECTORS) | {"factor"} | PERIOD_SCOPE, {"factor"}),
    "set_time_days": (set(SELECTORS) | {"days"} | PERIOD_SCOPE, {"days"}),
    "scale_dwell": (set(SELECTORS) | {"factor"} | PERIOD_SCOPE, {"factor"}),
    "set_dwell_days": (set(SELECTORS) | {"days"} | PERIOD_SCOPE, {"days"}),
    "scale_cost": (set(SELECTORS) | {"factor"}, {"factor"}),
    # issue 15: a share of each picked demand avoids countries
    "avoid_countries": ({"countries", "share", "demand", "from", "to", "direction"}, {"countries"}),
    # issue 15: the price of a TEU not carried, by year
    "scale_unmet_penalty": ({"factor", "demand", "from", "to", "direction"}, {"factor"}),
}


def _time_rule(ctype: str, body: dict, w: str):
    """The new value of a time (days) under a change of time: add, scale or set."""
    if ctype == "add_delay":
        d = _num(body["days"], f"{w}.days", nonneg=False)
        return lambda t: t + d
    if ctype in ("scale_time", "scale_dwell"):
        f = _num(body["factor"], f"{w}.factor")
        return lambda t: t * f
    d = _num(body["days"], f"{w}.days")
    return lambda t: d


def _timed(net: "Network", ctype: str, kind: str, nodes: list, links: list):
    """(nodes whose dwell, links whose transit time) a change of time acts on. scale_dwell/set_dwell_days:
    the selected nodes, or the nodes at either end of the selected links; the others: a node or country
    selector picks dwell, a link/corridor/mode selector transit time."""
    if ctype in ("scale_dwell", "set_dwell_days"):
        if kind in ("node", "country"):
            return nodes, []
        ends = {e for l in links for e in (l.frm, l.to)}
        return [n for n in net.nodes if n.id in ends], []
    if kind in ("node", "country"):
        return nodes, []
    return [], links


def _check_cut(new, old: float, what: str, w: str) -> None:
    if new(old) < -1e-12:
        raise InputError(f"{w}.days: the cut takes {what} below 0 days")


class InputError(Exception):
    pass


# Default congestion curves (utilisation, extra days per TEU), from the table in Scenarios/SOURCES.md
# ("Congestion"), for capacity-limited elements with no `congestion` of their own.
DEFAULT_CONGESTION = {
    "border": [(0.5, 0.0), (0.7, 0.5), (0.85, 1.5), (0.95, 3.0), (1.0, 4.0)],
    "port": [(0.5, 0.0), (0.7, 0.5), (0.85, 2.0), (0.95, 4.0), (1.0, 5.5)],
    "terminal": [(0.6, 0.0), (0.8, 0.3), (0.9, 0.8), (1.0, 2.0)],
    "ferry": [(0.5, 0.0), (0.7, 1.0), (0.85, 2.5), (0.95, 5.0), (1.0, 7.0)],
}


def parse_congestion(v: Any, where: str, limited: bool):
    """`none`, or a convex list of {utilisation, extra_days} breakpoints (utilisation in (0, 1], increasing)."""
    if v is None:
        return None
    if v == "none":
        return "none"
    if not isinstance(v, list):
        raise InputError(f"{where}: expected a list of breakpoints or 'none'")
    if not limited:
        raise InputError(f"{where}: only a capacity-limited node or link congests")
    pts = []
    for i, rec in enumerate(v):
        _check_keys(rec, {"utilisation", "extra_days"}, {"utilisation", "extra_days"}, f"{where}[{i}]")
        pts.append((_num(rec["utilisation"], f"{where}[{i}].utilisation"), _num(rec["extra_days"], f"{where}[{i}].extra_days")))
    if len(pts) < 2:
        raise InputError(f"{where}: expected at least two breakpoints")
    slope = 0.0
    for i, (u, e) in enumerate(pts):
        if not 0 < u <= 1:
            raise InputError(f"{where}[{i}].utilisation: expected a value in (0, 1]")
        if i:
            pu, pe = pts[i - 1]
            if u <= pu:
                raise InputError(f"{where}[{i}]: utilisation must increase")
            s = (e - pe) / (u - pu)
            if s < slope - 1e-12:
                raise InputError(f"{where}[{i}]: the curve must be convex")
            slope = s
    return pts


SUBDIVISIONS = 4  # pieces per band between breakpoints, as in Sources/FreightNetwork/CongestionCurve.swift


def _curve_points(pts):
    """The breakpoints, extended to utilisation 1 by the last slope when the last is below 1."""
    pts = list(pts)
    if pts[-1][0] < 1:
        (u1, e1), (u2, e2) = pts[-2], pts[-1]
        pts.append((1.0, e2 + (e2 - e1) / (u2 - u1) * (1 - u2)))
    return pts


def wait_days(pts, flow: float, cap: float) -> float:
    """g(F/cap): the extra days every TEU waits (flat below the first breakpoint, last slope beyond the last)."""
    pts = _curve_points(pts)
    rho = flow / cap if cap > 0 else 0.0
    if rho <= pts[0][0]:
        return pts[0][1]
    for (u1, e1), (u2, e2) in zip(pts, pts[1:]):
        if rho <= u2 or (u2, e2) == pts[-1]:
            return e1 + (e2 - e1) * (rho - u1) / (u2 - u1)
    return pts[-1][1]


def congestion_pieces(pts, cap: float):
    """The affine pieces (F0, B0, slope) of B(F), the integral of the wait the program minimises (Beckmann's
    user equilibrium): g1 on [0, u1*cap], then each band between breakpoints cut into SUBDIVISIONS pieces at
    the wait at their midpoint. B is convex, so B(F) = max over the pieces of B0 + slope*(F - F0)."""
    pts = _curve_points(pts)
    pieces, f, b = [], 0.0, 0.0
    if pts[0][0] * cap > 0:
        pieces.append((0.0, 0.0, pts[0][1]))
        f, b = pts[0][0] * cap, pts[0][0] * cap * pts[0][1]
    for (u1, e1), (u2, e2) in zip(pts, pts[1:]):
        w = (u2 - u1) * cap / SUBDIVISIONS
        for i in range(SUBDIVISIONS):
            slope = e1 + (e2 - e1) * (i + 0.5) / SUBDIVISIONS
            pieces.append((f, b, slope))
            f, b = f + w, b + w * slope
    return pieces


def wait_beyond_integral(pts, flow: float, cap: float) -> float:
    """F*g(F/cap) - B(F): the TEU-days waited beyond what the program charges (added back to its optimum to
    give the realised generalised cost)."""
    if flow <= 0 or cap <= 0:
        return 0.0
    integral = max(b0 + slope * (flow - f0) for f0, b0, slope in congestion_pieces(pts, cap))
    return flow * wait_days(pts, flow, cap) - integral


def effective_curve(net, elem, default_key):
    """The element's congestion curve: its own, else its kind's default (unless turned off), else None."""
    if elem.cong == "none" or elem.capacity is None:
        return None
    if elem.cong is not None:
        return elem.cong
    return DEFAULT_CONGESTION.get(default_key) if net.default_congestion else None


def congestion_vot(net) -> float:
    """The one value of time that prices congestion delay: the scenario's
    congestion_value_of_time_usd_per_teu_day, else the TEU-weighted mean over the demands."""
    if net.congestion_vot is not None:
        return net.congestion_vot
    teu = sum(d.teu for d in net.demands)
    return sum(d.teu * d.vot for d in net.demands) / teu if teu > 0 else 0.0


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
    storage: float | None = None   # TEU (a stock), periods only
    holding: float = 0.0           # USD/TEU/day
    pfactor: dict = field(default_factory=dict)  # period name -> capacity factor (period-scoped changes)
    cong: Any = None               # congestion: None (default curve), "none", or [(utilisation, extra days)]

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
    pfactor: dict = field(default_factory=dict)  # period name -> capacity factor
    pextra: dict = field(default_factory=dict)   # period name -> extra transit days
    cong: Any = None               # congestion: None (default curve), "none", or [(utilisation, extra days)]


@dataclass
class Demand:
    id: str
    frm: str
    to: str
    teu: float
    vot: float = DEFAULT_VOT
    penalty: float = DEFAULT_PENALTY
    late: float | None = None      # USD/TEU/day of waiting; None = the value of time
    pscale: dict = field(default_factory=dict)   # period name -> share multiplier (scoped scale_demand)
    background: bool = False       # background traffic (issue 14): carried, reported apart
    direction: str | None = None   # "westbound" | "eastbound" as written; None = from the ends' longitudes
    avoid: tuple = ()              # countries the freight never enters (issue 15), sorted


@dataclass
class Network:
    name: str
    nodes: list[Node] = field(default_factory=list)
    links: list[Link] = field(default_factory=list)
    demands: list[Demand] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    periods: list | None = None    # [(name, days)] of a seasonal scenario
    seasonality: dict = field(default_factory=dict)  # period name -> demand weight
    default_congestion: bool = True  # false: no default congestion curves
    congestion_vot: float | None = None  # congestion_value_of_time_usd_per_teu_day; None: the mean


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
        storage=_num(rec["storage_capacity_teu"], f"{where}.storage_capacity_teu") if "storage_capacity_teu" in rec else None,
        holding=_num(rec.get("holding_cost_usd_per_teu_day", 0), f"{where}.holding_cost_usd_per_teu_day"),
        cong=parse_congestion(rec.get("congestion"), f"{where}.congestion", "capacity_teu" in rec),
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
        cong=parse_congestion(rec.get("congestion"), f"{where}.congestion", "capacity_teu" in rec),
    )
    out = [base]
    if bidi:
        out.append(replace(base, id=lid + ":rev", frm=base.to, to=base.frm, pfactor={}, pextra={}))
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
        late=_num(rec["late_penalty_usd_per_teu_day"], f"{where}.late_penalty_usd_per_teu_day")
        if "late_penalty_usd_per_teu_day" in rec else None,
        direction=_direction(rec["direction"], f"{where}.direction") if "direction" in rec else None,
        avoid=tuple(sorted({str(c) for c in rec.get("avoid_countries") or []})),
    )


def avoided(net: "Network", d: Demand, l: "Link") -> bool:
    """True when link l has an end in a country demand d avoids (a node lies in each of its countries)."""
    if not d.avoid:
        return False
    ends = [n for n in net.nodes if n.id in (l.frm, l.to)]
    return any(c in d.avoid for n in ends for c in n.countries())


DIRECTIONS = ("westbound", "eastbound")


def _direction(v: Any, where: str) -> str:
    if v not in DIRECTIONS:
        raise InputError(f"{where}: expected westbound or eastbound, found '{v}'")
    return v


def direction_of(net: "Network", d: Demand) -> str:
    """The written direction, or westbound when the origin lies east of the destination (or level)."""
    if d.direction:
        return d.direction
    lon = {n.id: n.lon for n in net.nodes}
    return "westbound" if lon[d.frm] >= lon[d.to] else "eastbound"


def parse_background(rec: dict, where: str) -> Demand:
    _check_keys(rec, BACKGROUND_KEYS, BACKGROUND_REQUIRED, where)
    d = parse_demand(rec, where)
    d.background = True
    if "unmet_penalty_usd_per_teu" not in rec:
        d.penalty = BACKGROUND_PENALTY
    return d


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
    if "default_congestion" in doc:
        if not isinstance(doc["default_congestion"], bool):
            raise InputError(f"{fname}.default_congestion: expected true or false")
        net.default_congestion = doc["default_congestion"]
    if "congestion_value_of_time_usd_per_teu_day" in doc:
        net.congestion_vot = _num(doc["congestion_value_of_time_usd_per_teu_day"],
                                  f"{fname}.congestion_value_of_time_usd_per_teu_day")
    if "periods" in doc:
        net.periods = parse_periods(doc["periods"], f"{fname}.periods")
    if "seasonality" in doc:
        net.seasonality = {str(k): _num(v, f"{fname}.seasonality.demand.{k}")
                           for k, v in ((doc["seasonality"] or {}).get("demand") or {}).items()}
    if "demands" in doc:  # replaces the base's demands, not its background
        net.demands = [d for d in net.demands if d.background] + [
            parse_demand(r, f"{fname}: demands[{i}]") for i, r in enumerate(doc["demands"] or [])]
    if "background" in doc:  # replaces the base's background, not its demands
        net.demands = [d for d in net.demands if not d.background] + [
            parse_background(r, f"{fname}: background[{i}]") for i, r in enumerate(doc["background"] or [])]
    for i, ch in enumerate(doc.get("changes") or []):
        apply_change(net, ch, f"{fname}: changes[{i}]")
    validate(net, fname)
    return net


MONTHS = [("jan", 31), ("feb", 28), ("mar", 31), ("apr", 30), ("may", 31), ("jun", 30),
          ("jul", 31), ("aug", 31), ("sep", 30), ("oct", 31), ("nov", 30), ("dec", 31)]


def parse_periods(v: Any, where: str) -> list:
    """`months`, `weeks` (w01..w52, 7 days) or a list of {name, days}."""
    if v == "months":
        return [(n, float(d)) for n, d in MONTHS]
    if v == "weeks":
        return [(f"w{i:02d}", 7.0) for i in range(1, 53)]
    if not isinstance(v, list) or not v:
        raise InputError(f"{where}: expected months, weeks or a list of {{name, days}}")
    out = []
    for i, rec in enumerate(v):
        _check_keys(rec, {"name", "days"}, {"name", "days"}, f"{where}[{i}]")
        days = _num(rec["days"], f"{where}[{i}].days")
        if days <= 0:
            raise InputError(f"{where}[{i}].days: must be > 0")
        out.append((str(rec["name"]), days))
    return out


def scope_periods(net: Network, body: dict, where: str) -> list[str]:
    """Period names a scoped change acts on: `periods: [..]` or `from`/`to` inclusive, wrapping."""
    if not net.periods:
        raise InputError(f"{where}: a period scope needs `periods`")
    names = [n for n, _ in net.periods]
    if "periods" in body:
        chosen = [str(x) for x in body["periods"]]
    else:
        i, j = names.index(str(body["from"])), names.index(str(body["to"]))
        chosen = [names[(i + m) % len(names)] for m in range((j - i) % len(names) + 1)]
    for c in chosen:
        if c not in names:
            raise InputError(f"{where}: unknown period '{c}'{_nearest(c, names)}")
    return chosen


def picked_demands(net: Network, body: dict, w: str) -> list:
    """The demands `scale_demand`, `scale_unmet_penalty` or `avoid_countries` picks: by `demand` id, or by from/to/direction (freight only)."""
    if "demand" in body and ("from" in body or "to" in body):
        raise InputError(f"{w}: give either demand or from/to")
    if "demand" in body:
        hit = [d for d in net.demands if d.id == body["demand"]]
        if not hit:
            raise InputError(f"{w}.demand: unknown demand '{body['demand']}'"
                             f"{_nearest(str(body['demand']), [d.id for d in net.demands])}")
        return hit
    return [d for d in net.demands if not d.background
            and ("from" not in body or d.frm == body["from"]) and ("to" not in body or d.to == body["to"])
            and ("direction" not in body or direction_of(net, d) == body["direction"])]


def apply_scoped(net: Network, ctype: str, body: dict, w: str) -> None:
    """A change limited to periods: factors, extra days or demand shares of those periods only."""
    chosen = scope_periods(net, body, w)
    if ctype == "scale_demand":
        f = _num(body["factor"], f"{w}.factor")
        for d in picked_demands(net, body, w):
            for p in chosen:
                d.pscale[p] = d.pscale.get(p, 1.0) * f
        return
    sel = {k: v for k, v in body.items() if k not in PERIOD_SCOPE}
    kind, nodes, links = _select(net, sel, w)
    if ctype == "close":
        for n in nodes:
            for p in chosen:
                n.pfactor[p] = 0.0
        if kind in ("link", "corridor", "mode"):
            for l in links:
                for p in chosen:
                    l.pfactor[p] = 0.0
    elif ctype == "scale_capacity":
        f = _num(body["factor"], f"{w}.factor")
        for n in nodes:
            for p in chosen:
                n.pfactor[p] = n.pfactor.get(p, 1.0) * f
        for l in links:
            for p in chosen:
                l.pfactor[p] = l.pfactor.get(p, 1.0) * f
    elif ctype in ("add_delay", "scale_time", "set_time_days", "scale_dwell", "set_dwell_days"):
        new = _time_rule(ctype, body, w)
        tnodes, tlinks = _timed(net, ctype, kind, nodes, links)
        for n in tnodes:
            _check_cut(new, n.dwell, f"node {n.id}", w)
            extra = new(n.dwell) - n.dwell  # on every link into the node
            for l in net.links:
                if l.to == n.id:
                    for p in chosen:
                        l.pextra[p] = l.pextra.get(p, 0.0) + extra
        for l in tlinks:
            for p in chosen:
                now = l.time + l.pextra.get(p, 0.0)
                _check_cut(new, now, f"link {l.id}", w)
                l.pextra[p] = new(now) - l.time
    else:
        raise InputError(f"{w}: {ctype} takes no period scope")


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
    scoped = "periods" in body or (
        ctype not in ("scale_demand", "avoid_countries", "scale_unmet_penalty") and ("from" in body or "to" in body))
    if scoped:
        apply_scoped(net, ctype, body, w)
        return
    if ctype == "add_storage":
        hit = [n for n in net.nodes if n.id == str(body["node"])]
        if not hit:
            raise InputError(f"{w}.node: unknown node '{body['node']}'")
        for n in hit:
            n.storage = (n.storage or 0.0) + _num(body["teu"], f"{w}.teu")
            if "holding_cost_usd_per_teu_day" in body:
                n.holding = _num(body["holding_cost_usd_per_teu_day"], f"{w}.holding_cost_usd_per_teu_day")
        return
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
    elif ctype in ("add_delay", "scale_time", "set_time_days", "scale_dwell", "set_dwell_days"):
        new = _time_rule(ctype, body, w)
        kind, nodes, links = _select(net, body, w)
        tnodes, tlinks = _timed(net, ctype, kind, nodes, links)
        for n in tnodes:
            _check_cut(new, n.dwell, f"node {n.id}", w)
        for l in tlinks:
            _check_cut(new, l.time, f"link {l.id}", w)
        for n in tnodes:
            n.dwell = max(0.0, new(n.dwell))
        for l in tlinks:
            l.time = max(0.0, new(l.time))
    elif ctype == "scale_cost":
        f = _num(body["factor"], f"{w}.factor")
        kind, nodes, links = _select(net, body, w)
        if kind in ("node", "country"):
            for n in nodes:
                n.handling *= f
        else:
            for l in links:
                l.cost *= f
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
        for d in picked_demands(net, body, w):
            d.teu *= f
    elif ctype == "scale_unmet_penalty":
        f = _num(body["factor"], f"{w}.factor")
        for d in picked_demands(net, body, w):
            d.penalty *= f
    elif ctype == "avoid_countries":
        codes = tuple(sorted({str(c) for c in body["countries"]}))
        share = _num(body.get("share", 1), f"{w}.share")
        for d in list(picked_demands(net, body, w)):
            both = tuple(sorted(set(d.avoid) | set(codes)))
            if share >= 1:
                d.avoid = both
            elif share > 0:
                net.demands.append(replace(d, id=f"{d.id}.avoid-{'-'.join(codes)}", teu=d.teu * share, avoid=both,
                                           pscale=dict(d.pscale)))
                d.teu *= 1 - share


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


# --------------------------------------------------------------------------- periods (issue 8)
SHARE_RESOLUTION = 64  # arrival shares are whole 64ths of the entering period (see docs/periods.md)


def arrival_shares(starts: list, lengths: list, p: int, tau: float) -> dict:
    """Shares of freight entering uniformly during period p that arrive in each period after tau days.

    The entering interval [start_p, end_p) shifted by tau is intersected with every period of every
    year it reaches (the year is cyclic); each share is rounded to 64ths and the largest share (the
    earliest one on ties) absorbs the rounding so the shares sum to exactly 1.
    """
    P = len(lengths)
    if P == 1:
        return {p: 1.0}
    year = sum(lengths)
    lo, hi = starts[p] + tau, starts[p] + lengths[p] + tau
    raw = [0.0] * P
    first_year = int(math.floor(lo / year)) - 1
    for y in range(first_year, first_year + 4):
        for j in range(P):
            a, b = starts[j] + y * year, starts[j] + lengths[j] + y * year
            raw[j] += max(0.0, min(b, hi) - max(a, lo))
    units = [round(r / lengths[p] * SHARE_RESOLUTION) for r in raw]
    top = max(units)
    largest = units.index(top)
    units[largest] += SHARE_RESOLUTION - sum(units)
    return {j: u / SHARE_RESOLUTION for j, u in enumerate(units) if u > 0}


def demand_shares(net: Network, d: Demand) -> list[float]:
    """Share of the demand's annual TEU released in each period: weight x days, normalised, x scoped factors."""
    w = [net.seasonality.get(n, 1.0) * days for n, days in net.periods]
    total = sum(w)
    return [(w[i] / total if total > 0 else 0.0) * d.pscale.get(n, 1.0) for i, (n, _) in enumerate(net.periods)]


def solve_periods(net: Network, objective: str = "min-cost") -> Result:
    """The time-expanded LP, one commodity per demand (written independently of the Swift model).

    Demand is due at the destination: teu*share(p) must arrive in period p; the origin may ship in any
    period. Variables per demand k and period p: x[k,a,p] TEU entering link a; y shipped from the
    origin; u lost (due in p, never delivered); v received at the destination; s[k,n,p] stock at a
    storage node (the destination included) at the end of p; and per destination group g (demands with
    the same destination, value of time and late penalty, whose TEU are interchangeable there) b[g,p],
    TEU due by the end of p and not yet delivered. Rows: supply sum_p (y + u) = sum_p teu*share(p) per
    demand; due sum_{k in g} (v + u) + b[g,p] - b[g,p-1] = sum_{k in g} teu*share(p); balance at every
    (node, period); link capacity cap*days/365*factor per period; node throughput (arrivals + shipped
    from it) likewise (an unlimited node with factor 0 takes nothing); storage stock <= its capacity.
    A factor of 0 on a link or on its tail node forbids entering the link in that period.
    Cost: x pays tariff + vot*(time + extra) + head handling + vot*head dwell; y the origin's
    handling + vot*dwell; u the unmet penalty; b late*days(p+1); s holding*days(p+1) (stock is not late).
    """
    names = [n for n, _ in net.periods]
    lengths = [d for _, d in net.periods]
    P = len(names)
    starts = [sum(lengths[:i]) for i in range(P)]
    nodes = net.nodes
    nidx = {n.id: i for i, n in enumerate(nodes)}
    N = len(nodes)
    links = [l for l in net.links if not l.closed and not nodes[nidx[l.frm]].closed and not nodes[nidx[l.to]].closed]

    def nfac(n, p):
        return nodes[n].pfactor.get(names[p], 1.0)

    cost, lo, hi = [], [], []

    def var(c, lower=0.0, upper=None):
        cost.append(c); lo.append(lower); hi.append(upper)
        return len(cost) - 1

    eq_r, eq_c, eq_v, eq_b = [], [], [], []
    ub_r, ub_c, ub_v, ub_b = [], [], [], []
    balance = {}  # (k, n, p) -> row

    def bal(k, n, p):
        if (k, n, p) not in balance:
            balance[(k, n, p)] = len(eq_b)
            eq_b.append(0.0)
        return balance[(k, n, p)]

    link_rows = {}  # (a, p) -> list of (var, coef)
    node_rows = {}  # (n, p) -> list of (var, coef)
    store_rows = {}  # (n, p) -> list of var
    lost_vars, us_of = [], []
    x_link = {}  # flow variable -> (link id, demand index)
    total_released = 0.0
    storage_nodes = [n for n in range(N) if (nodes[n].storage or 0) > 0 and not nodes[n].closed]
    groups = {}  # (destination, vot, late) -> {p: [(var, coef)]}, due TEU per period
    for k, d in enumerate(net.demands):
        o, t = nidx[d.frm], nidx[d.to]
        late = d.vot if d.late is None else d.late
        shares = demand_shares(net, d)
        closed = nodes[o].closed or nodes[t].closed
        # avoiding freight is its own group: it never stands in for freight that may use those countries
        group = groups.setdefault((t, d.vot, late, d.avoid), {"terms": {p: [] for p in range(P)}, "due": [0.0] * P})
        ys, us = [], []
        for p in range(P):
            origin = nodes[o].handling + d.vot * nodes[o].dwell
            ys.append(var(origin, 0.0, 0.0 if closed else None))
            us.append(var(d.penalty))
        r = len(eq_b)
        eq_b.append(d.teu * sum(shares))
        total_released += d.teu * sum(shares)
        for p in range(P):
            for j in (ys[p], us[p]):
                eq_r.append(r); eq_c.append(j); eq_v.append(1.0)
            # shipped leaves the origin; received arrives at the destination and meets what is due there
            rb = bal(k, o, p)
            eq_r.append(rb); eq_c.append(ys[p]); eq_v.append(-1.0)
            v = var(0.0)
            rt = bal(k, t, p)
            eq_r.append(rt); eq_c.append(v); eq_v.append(1.0)
            group["terms"][p] += [(v, 1.0), (us[p], 1.0)]
            group["due"][p] += d.teu * shares[p]
            node_rows.setdefault((o, p), []).append((ys[p], 1.0))
        lost_vars += us
        us_of.append(us)
        for l in links:
            if avoided(net, d, l):
                continue
            a = net.links.index(l)
            tail, head = nidx[l.frm], nidx[l.to]
            for p in range(P):
                factor = l.pfactor.get(names[p], 1.0)
                if factor <= 0 or nfac(tail, p) <= 0:
                    continue
                extra = l.pextra.get(names[p], 0.0)
                h = nodes[head]
                c = l.cost + d.vot * (l.time + extra) + h.handling + d.vot * h.dwell
                x = var(c)
                x_link[x] = (l.id, k)
                eq_r.append(bal(k, tail, p)); eq_c.append(x); eq_v.append(1.0)
                for q, f in arrival_shares(starts, lengths, p, l.time + extra + h.dwell).items():
                    eq_r.append(bal(k, head, q)); eq_c.append(x); eq_v.append(-f)
                    node_rows.setdefault((head, q), []).append((x, f))
                link_rows.setdefault((a, p), []).append((x, 1.0))
        if P > 1:
            for n in storage_nodes:
                for p in range(P):
                    sc = nodes[n].holding * lengths[(p + 1) % P]
                    sv = var(sc)
                    eq_r += [bal(k, n, p), bal(k, n, (p + 1) % P)]; eq_c += [sv, sv]; eq_v += [1.0, -1.0]
                    store_rows.setdefault((n, p), []).append(sv)
    for (_, _, late, _), group in groups.items():
        backlog = [var(late * lengths[(p + 1) % P]) for p in range(P)] if P > 1 else []
        for p in range(P):
            r = len(eq_b)
            eq_b.append(group["due"][p])
            for j, c in group["terms"][p]:
                eq_r.append(r); eq_c.append(j); eq_v.append(c)
            if P > 1:
                eq_r += [r, r]; eq_c += [backlog[p], backlog[(p - 1) % P]]; eq_v += [1.0, -1.0]
    for (a, p), terms in sorted(link_rows.items()):
        l = net.links[a]
        if l.capacity is None:
            continue
        r = len(ub_b)
        ub_b.append(l.capacity * lengths[p] / 365 * l.pfactor.get(names[p], 1.0))
        for j, c in terms:
            ub_r.append(r); ub_c.append(j); ub_v.append(c)
    for (n, p), terms in sorted(node_rows.items()):
        node = nodes[n]
        if node.capacity is None and nfac(n, p) > 0:
            continue
        r = len(ub_b)
        ub_b.append(0.0 if node.capacity is None else node.capacity * lengths[p] / 365 * nfac(n, p))
        for j, c in terms:
            ub_r.append(r); ub_c.append(j); ub_v.append(c)
    for (n, p), terms in sorted(store_rows.items()):
        r = len(ub_b)
        ub_b.append(nodes[n].storage)
        for j in terms:
            ub_r.append(r); ub_c.append(j); ub_v.append(1.0)
    # congestion per period: z >= D(F) on the element's capacity in the period, costing vbar per TEU-day
    vbar = congestion_vot(net)
    open_ids = {l.id for l in links}
    elements = [(terms, effective_curve(net, net.links[a], "ferry" if net.links[a].mode == "ferry" else None),
                 (net.links[a].capacity or 0) * lengths[p] / 365 * net.links[a].pfactor.get(names[p], 1.0))
                for (a, p), terms in sorted(link_rows.items()) if net.links[a].id in open_ids]
    elements += [(terms, effective_curve(net, nodes[n], nodes[n].kind),
                  (nodes[n].capacity or 0) * lengths[p] / 365 * nfac(n, p))
                 for (n, p), terms in sorted(node_rows.items()) if not nodes[n].closed]
    congesting = [(terms, curve, cap) for terms, curve, cap in elements if curve is not None and cap > 0]
    for terms, curve, cap in congesting:
        z = var(vbar)
        for f0, d0, slope in congestion_pieces(curve, cap):
            r = len(ub_b)
            ub_b.append(slope * f0 - d0)
            for j, c in terms:
                ub_r.append(r); ub_c.append(j); ub_v.append(slope * c)
            ub_r.append(r); ub_c.append(z); ub_v.append(-1.0)

    nv = len(cost)
    Aeq = coo_matrix((eq_v, (eq_r, eq_c)), shape=(len(eq_b), nv)).tocsr()
    Aub = coo_matrix((ub_v, (ub_r, ub_c)), shape=(len(ub_b), nv)).tocsr() if ub_b else None
    bounds = list(zip(lo, hi))
    opts = {"presolve": True, "primal_feasibility_tolerance": 1e-9, "dual_feasibility_tolerance": 1e-9}

    def run(c, extra=None):
        A, b = Aub, ub_b
        if extra is not None:  # stage 2 of max throughput: total lost at most `extra`
            row = coo_matrix(([1.0] * len(lost_vars), ([0] * len(lost_vars), lost_vars)), shape=(1, nv)).tocsr()
            A = vstack([Aub, row]).tocsr() if Aub is not None else row
            b = list(ub_b) + [extra]
        # Older SciPy (1.10) HiGHS can stop with "Error" at 1e-9 tolerances on the bundled 12-month LP;
        # its default tolerances (1e-7) then solve it.
        # With background traffic (penalties of 1e5 USD/TEU beside costs of 1) the 12-month LP can end in an
        # "unknown" model status under presolve; the dual simplex without presolve then solves it.
        for method, options in (("highs", opts), ("highs", {"presolve": True}), ("highs-ds", {"presolve": False})):
            res = linprog(np.array(c), A_ub=A, b_ub=np.array(b) if b else None, A_eq=Aeq, b_eq=np.array(eq_b),
                          bounds=bounds, method=method, options=options)
            if res.status == 0:
                break
        if res.status != 0:
            raise RuntimeError(f"HiGHS failed: {res.message}")
        return res

    if objective == "max-throughput":
        c1 = np.zeros(nv)
        c1[lost_vars] = 1.0
        umin = run(c1).fun
        # stage 2 keeps the throughput within corridor's own slack (1e-9 of the shortfall and of the demand):
        # with congestion, a looser slack lets stage 2 trade delivered TEU for less delay
        res = run(np.array(cost), umin * (1 + 1e-9) + 1e-9 * max(1.0, total_released))
    else:
        res = run(np.array(cost))
    x = res.x
    lost = float(sum(x[j] for j in lost_vars))
    link_flow = {l.id: 0.0 for l in net.links}
    for j, (lid, _) in x_link.items():
        link_flow[lid] += float(x[j])
    flows = {d.id: {} for d in net.demands}
    for j, (lid, k) in x_link.items():
        if x[j] > TOL:
            did = net.demands[k].id
            flows[did][lid] = flows[did].get(lid, 0.0) + float(x[j])
    demand = {}
    for k, d in enumerate(net.demands):
        u = float(sum(x[us_of[k][p]] for p in range(P)))
        demand[d.id] = {"delivered_teu": _r(d.teu * sum(demand_shares(net, d)) - u), "unmet_teu": _r(u)}
    thr = {n.id: 0.0 for n in nodes}  # annual throughput: arrivals + shipped from the node
    for (n, p), terms in node_rows.items():
        thr[nodes[n].id] += float(sum(c * x[j] for j, c in terms))
    # the program charges the integral of each wait; the cost reported is every TEU's wait at vbar
    total_cost = float(res.fun) + sum(vbar * wait_beyond_integral(curve, float(sum(c * x[j] for j, c in terms)), cap)
                                      for terms, curve, cap in congesting)
    return Result(objective, "optimal", total_cost, total_released - lost, lost, link_flow, thr, demand, [], flows)


def solve(net: Network, objective: str = "min-cost") -> Result:
    if net.periods:
        return solve_periods(net, objective)
    nodes = net.nodes
    nidx = {n.id: i for i, n in enumerate(nodes)}
    open_links = [l for l in net.links if not l.closed and not nodes[nidx[l.frm]].closed and not nodes[nidx[l.to]].closed]
    K, A, N = len(net.demands), len(open_links), len(nodes)
    nx = K * A
    # congesting elements: (kind, index, pieces); each gets z >= D(F), its extra TEU-days, costing vbar per day
    congesting = []
    for a, l in enumerate(open_links):
        curve = effective_curve(net, l, "ferry" if l.mode == "ferry" else None)
        if curve is not None and l.capacity > 0:
            congesting.append(("link", a, congestion_pieces(curve, l.capacity), curve, l.capacity))
    for n, node in enumerate(nodes):
        curve = effective_curve(net, node, node.kind)
        if curve is not None and not node.closed and node.capacity > 0:
            congesting.append(("node", n, congestion_pieces(curve, node.capacity), curve, node.capacity))
    nv = nx + K + len(congesting)  # x[k,a], u[k], then z[e]

    def xv(k, a):
        return k * A + a

    def uv(k):
        return nx + k

    c = np.zeros(nv)
    const = 0.0
    bounds = [(0, None)] * nv
    vbar = congestion_vot(net)
    for e in range(len(congesting)):
        c[nx + K + e] = vbar
    for k, d in enumerate(net.demands):
        o, t = nodes[nidx[d.frm]], nodes[nidx[d.to]]
        for a, l in enumerate(open_links):
            h = nodes[nidx[l.to]]
            c[xv(k, a)] = l.cost + d.vot * l.time + h.handling + d.vot * h.dwell
        origin_cost = o.handling + d.vot * o.dwell
        const += d.teu * origin_cost
        c[uv(k)] = d.penalty - origin_cost
        for a, l in enumerate(open_links):
            if avoided(net, d, l):
                bounds[xv(k, a)] = (0, 0)
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
    for e, (kind, i, pieces, _, _) in enumerate(congesting):
        # F = flow on the link, or throughput at the node (entering TEU + delivered TEU starting there)
        terms, const_f = [], 0.0
        if kind == "link":
            terms = [(xv(k, i), 1.0) for k in range(K)]
        else:
            for k, d in enumerate(net.demands):
                terms += [(xv(k, a), 1.0) for a, l in enumerate(open_links) if nidx[l.to] == i]
                if nidx[d.frm] == i:
                    terms.append((uv(k), -1.0)); const_f += d.teu
        for f0, d0, slope in pieces:  # slope*F - z <= slope*f0 - d0
            for j, v in terms:
                rows.append(r); cols.append(j); vals.append(slope * v)
            rows.append(r); cols.append(nx + K + e); vals.append(-1.0)
            bub.append(slope * f0 - d0 - slope * const_f); r += 1
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
        res = run(c, ([(uv(k), 1.0) for k in range(K)], umin * (1 + 1e-9) + 1e-9 * max(1.0, sum(d.teu for d in net.demands))))
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
    # the program charges the integral of each wait; the cost reported is every TEU's wait at vbar
    for kind, i, _, curve, cap in congesting:
        flow = link_flow[open_links[i].id] if kind == "link" else thr[nodes[i].id]
        total_cost += vbar * wait_beyond_integral(curve, flow, cap)
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
        if d.background:
            continue
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
    return {"demands": dem, "corridors": {k: _r(v) for k, v in sorted(corridors.items())}, "corridor_stats": avg,
            "directions": directions(net, res, dem)}


def directions(net: Network, res: Result, dem: dict) -> dict:
    """Per direction with China-Europe demand: demand, delivered and unmet TEU, flow-weighted cost and days
    over its paths, and TEU per corridor (issue 14: both directions)."""
    out = {}
    for d in net.demands:
        if d.background:
            continue
        o = out.setdefault(direction_of(net, d), {"demand_teu": 0.0, "delivered_teu": 0.0, "unmet_teu": 0.0,
                                                  "_teu": 0.0, "_cost": 0.0, "_time": 0.0, "corridors": {}})
        o["demand_teu"] += d.teu
        o["delivered_teu"] += res.demand[d.id]["delivered_teu"]
        o["unmet_teu"] += res.demand[d.id]["unmet_teu"]
        for p in dem[d.id]["paths"]:
            o["_teu"] += p["teu"]; o["_cost"] += p["teu"] * p["cost_usd_per_teu"]; o["_time"] += p["teu"] * p["time_days"]
            o["corridors"][p["corridor"]] = o["corridors"].get(p["corridor"], 0.0) + p["teu"]
    for o in out.values():
        teu = o.pop("_teu"); cost = o.pop("_cost"); time = o.pop("_time")
        o["avg_cost_usd_per_teu"] = _r(cost / teu, 1) if teu > 1e-9 else None
        o["avg_time_days"] = _r(time / teu, 2) if teu > 1e-9 else None
        o["corridors"] = {k: _r(v) for k, v in sorted(o["corridors"].items()) if v > 1e-9}
        for k in ("demand_teu", "delivered_teu", "unmet_teu"):
            o[k] = _r(o[k])
    return {k: out[k] for k in DIRECTIONS if k in out}


def background(net: Network, res: Result) -> dict | None:
    """Background flows apart: TEU, carried, lost, tariffs and handling (USD/yr), and each flow's paths."""
    flows = [d for d in net.demands if d.background]
    if not flows:
        return None
    out = {"teu": 0.0, "carried_teu": 0.0, "lost_teu": 0.0, "total_cost_usd": 0.0, "flows": {}}
    for d in flows:
        info = dict(res.demand[d.id])
        out["teu"] += d.teu
        out["carried_teu"] += info["delivered_teu"]
        out["lost_teu"] += info["unmet_teu"]
        plist = []
        for p in decompose(net, d, res.flows_by_demand[d.id]):
            cost, time = path_cost(net, d, p)
            out["total_cost_usd"] += p["teu"] * cost
            plist.append({"nodes": p["nodes"], "teu": _r(p["teu"]), "cost_usd_per_teu": _r(cost, 2),
                          "time_days": _r(time, 2)})
        info["paths"] = plist
        out["flows"][d.id] = info
    for k in ("teu", "carried_teu", "lost_teu", "total_cost_usd"):
        out[k] = _r(out[k])
    return out


def freight_totals(net: Network, res: Result) -> tuple[float, float]:
    """Delivered and unmet TEU of the China-Europe demands (background traffic left out)."""
    freight = [d for d in net.demands if not d.background]
    return (sum(res.demand[d.id]["delivered_teu"] for d in freight),
            sum(res.demand[d.id]["unmet_teu"] for d in freight))


def to_json(net: Network, res: Result) -> dict:
    an = analyse(net, res)
    bg = background(net, res)
    delivered, unmet = freight_totals(net, res)
    out = {
        "scenario": net.name,
        "objective": res.objective,
        "objective_value": _r(res.delivered if res.objective == "max-throughput" else res.total_cost),
        "total_cost_usd": _r(res.total_cost),
        "delivered_teu": _r(delivered),
        "unmet_teu": _r(unmet),
        "link_flows": {k: _r(v) for k, v in res.link_flow.items()},
        "node_throughputs": {k: _r(v) for k, v in res.node_throughput.items()},
        "demands": an["demands"],
        "corridors": an["corridors"],
        "corridor_stats": an["corridor_stats"],
        "directions": an["directions"],
        "binding": res.binding,
        "warnings": net.warnings,
    }
    if bg is not None:
        out["background"] = bg
    return out


def report(net: Network, res: Result, verbose: bool = False) -> str:
    an = analyse(net, res)
    total = sum(d.teu for d in net.demands if not d.background)
    delivered, unmet = freight_totals(net, res)
    lines = [f"== {net.name}  [{res.objective}]",
             f"   demand {total:,.0f} TEU  delivered {delivered:,.0f}  unmet {unmet:,.0f}"
             f"  objective ${res.total_cost / 1e6:,.1f} M (tariffs, handling, time value, unmet penalty)"]
    deliv = delivered or 1.0
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
            if d.background:
                continue
            info = an["demands"][d.id]
            lines.append(f"     {d.id:14s} {d.teu:>8,.0f} vot {d.vot:>4.0f}  unmet {info['unmet_teu']:>8,.0f}")
            for p in info["paths"]:
                lines.append(f"        {p['teu']:>8,.0f} {p['corridor']:8s} ${p['cost_usd_per_teu']:>6,.0f} "
                             f"{p['time_days']:5.1f} d  {'>'.join(p['nodes'])}")
    bg = background(net, res)
    if bg is not None:
        lines.append(f"   background {bg['teu']:,.0f} TEU  carried {bg['carried_teu']:,.0f}  lost {bg['lost_teu']:,.0f}"
                     " (in every flow and the objective, in no freight figure above)")
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
