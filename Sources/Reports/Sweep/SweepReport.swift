public import Simulation

/// The report of a sweep: text, JSON or CSV. Deterministic: the same run gives the same bytes, so
/// a merged sweep prints exactly what the unsharded one does. Timing and thread counts are not in
/// it (the command prints them on stderr).
public enum SweepReport {
    /// How many ranked rows the text shows at most (JSON and CSV list all).
    public static let defaultLimit = 25

    /// The plain-text report; `limit` rows of each ranking or binding table.
    public static func text(_ run: SweepRun, rankBy: RankKey? = nil, limit: Int = defaultLimit) -> String {
        var out = header(run)
        switch run.kind {
        case .singleFailures:
            let ranking = CriticalityRanking(run, rankBy: rankBy)
            let effective = ranking.singles.count(where: \.hasEffect)
            out +=
                "Ranked by \(describe(ranking.rankBy)); \(F.grouped(Double(ranking.singles.count))) single failures, "
                + "\(F.grouped(Double(effective))) change the optimum\n\n"
            out += SweepTables.ranking(run, ranking, pairs: false, limit: limit).text()
            let hidden = ranking.singles.count - min(limit, ranking.singles.count)
            if hidden > 0 {
                let hiddenEffective = max(0, effective - limit)
                out +=
                    "  … \(F.grouped(Double(hidden))) more (\(F.grouped(Double(hiddenEffective))) of them change the optimum; "
                    + "--limit N, or --format csv/json for all)\n"
            }
            if let top = run.pairTop {
                out +=
                    "\nPairs among the \(top) most critical that change the optimum "
                    + "(\(F.grouped(Double(ranking.pairs.count))) pairs, ranked the same way; interaction = the pair's added generalised cost "
                    + "minus its two single failures')\n"
                out += SweepTables.ranking(run, ranking, pairs: true, limit: limit).text()
                if ranking.pairs.count > limit {
                    out +=
                        "  … \(F.grouped(Double(ranking.pairs.count - limit))) more (--limit N, or --format csv/json for all)\n"
                }
            }
        case .monteCarlo:
            let summary = MonteCarloSummary(run)
            out +=
                "\(F.grouped(Double(summary.samples))) samples (seed \(run.seed.map(String.init) ?? "—")), "
                + "\(F.grouped(Double(summary.optimal))) optimal; \(run.uncertainty.count) uncertain entr"
                + "\(run.uncertainty.count == 1 ? "y" : "ies")\n\n"
            out += SweepTables.distributions(run, summary).text() + "\n"
            out += "Uncertain elements (closed p: the probability declared; closed in: the share of samples)\n"
            out += SweepTables.uncertainty(run, summary).text() + "\n"
            out += "Capacities that bind (full, or with a shadow price), by share of optimal samples\n"
            out += SweepTables.binding(run, summary, limit: limit).text()
            if summary.binding.count > limit {
                out += "  … \(summary.binding.count - limit) more (--limit N, or --format json)\n"
            }
        }
        return out
    }

    /// The full report as one JSON object (`format_version` 1).
    public static func json(_ run: SweepRun, rankBy: RankKey? = nil) -> String {
        var members: [(String, JSONValue)] = [
            ("format_version", .number(1)),
            ("kind", .string(run.kind.rawValue)),
            ("scenario", .string(run.scenario)),
            ("file", .string(run.file)),
            ("program_digest", .string(run.programDigest)),
            ("cases", .number(Double(run.caseCount))),
            ("completed", .number(Double(run.completedCount))),
            ("complete", .bool(run.isComplete)),
            ("intact", .object(SweepRecords.metrics(run.intact) + [("binding_ids", bindingIDs(run, run.intact))])),
        ]
        switch run.kind {
        case .singleFailures:
            let ranking = CriticalityRanking(run, rankBy: rankBy)
            members += [
                ("targets", .array(run.targetKinds.map { .string($0) })),
                ("include_endpoints", .bool(run.includeEndpoints)),
                ("modes", .array(run.modes.map { .string($0) })),
                ("rank_by", .string(ranking.rankBy.rawValue)),
                ("single_failures", .array(ranking.singles.enumerated().map { entry(run, $1, rank: $0 + 1) })),
                ("pair_top", run.pairTop.map { .number(Double($0)) } ?? .null),
                ("pairs", .array(ranking.pairs.enumerated().map { entry(run, $1, rank: $0 + 1) })),
            ]
        case .monteCarlo:
            let summary = MonteCarloSummary(run)
            func distribution(_ d: MonteCarloSummary.Distribution?) -> JSONValue {
                guard let d else { return .null }
                return .object([
                    ("count", .number(Double(d.count))), ("mean", .number(d.mean)), ("p5", .number(d.p5)),
                    ("p50", .number(d.p50)), ("p95", .number(d.p95)), ("min", .number(d.minimum)),
                    ("max", .number(d.maximum)),
                ])
            }
            members += [
                ("seed", run.seed.map { .string(String($0)) } ?? .null),
                ("samples", .number(Double(summary.samples))),
                ("optimal_samples", .number(Double(summary.optimal))),
                ("delivered_teu", distribution(summary.delivered)),
                ("lost_teu", distribution(summary.lostTEU)),
                ("total_cost_usd", distribution(summary.totalCost)),
                ("avg_time_days", distribution(summary.avgDays)),
                ("generalised_cost_usd", distribution(summary.objective)),
                (
                    "uncertainty",
                    .array(
                        run.uncertainty.enumerated().map { e, u in
                            var fields = SweepRecords.uncertainty(u)
                            if case .object(var list) = fields, e < summary.entries.count {
                                list.append(("closed_share", .number(summary.entries[e].closedShare)))
                                list.append(("mean_factor", .number(summary.entries[e].meanFactor)))
                                fields = .object(list)
                            }
                            return fields
                        })
                ),
                (
                    "binding",
                    .array(
                        summary.binding.map { b in
                            let e = run.capacities[b.capacity]
                            return .object([
                                ("element", .string(e.kind)), ("id", .string(e.id)), ("name", .string(e.name)),
                                ("share", .number(b.share)), ("binds_intact", .bool(b.bindsIntact)),
                            ])
                        })
                ),
            ]
        }
        return JSONValue.object(members).rendered()
    }

    /// CSV: the ranked single failures and pairs (a `case` column tells them apart), or one row per
    /// Monte Carlo sample with each uncertainty entry's factor.
    public static func csv(_ run: SweepRun, rankBy: RankKey? = nil) -> String {
        switch run.kind {
        case .singleFailures:
            return SweepTables.rankingCSV(run, CriticalityRanking(run, rankBy: rankBy)).csv()
        case .monteCarlo:
            return SweepTables.samples(run).csv()
        }
    }

    typealias F = NumberFormatting

    private static func header(_ run: SweepRun) -> String {
        let title = run.kind == .singleFailures ? "Single failures" : "Monte Carlo"
        var out = "\(title): \(run.scenario)  (\(run.file))\n"
        let i = run.intact
        out +=
            "Intact network: \(F.grouped(i.deliveredTEU)) TEU/yr delivered, total cost USD \(F.money(i.totalCostUSD))/yr, "
            + "avg transit \(i.avgTimeDays.map { F.fixed($0, 1) } ?? "—") days, generalised cost USD "
            + "\(i.objectiveUSD.map(F.money) ?? "—")/yr\n"
        if run.kind == .singleFailures {
            var counts: [String: Int] = [:]
            for t in run.targets { counts[t.kind, default: 0] += 1 }
            let kinds = ["link", "node", "border", "country"].compactMap { k in
                counts[k].map { "\($0) \(k)\($0 == 1 ? "" : k == "country" ? "" : "s")" }
            }
            .map { $0.hasSuffix("country") && !$0.hasPrefix("1 ") ? String($0.dropLast(1)) + "ies" : $0 }
            out += "Closed one at a time: \(kinds.joined(separator: ", "))"
            if !run.modes.isEmpty { out += " (\(run.modes.joined(separator: ", ")) only)" }
            out += "\n"
            if !run.includeEndpoints && (run.targetKinds.contains("nodes") || run.targetKinds.contains("links")) {
                out +=
                    "Left out: where demands start or end, and links that are their only way out or in "
                    + "(closing them removes the demand; --include-endpoints)\n"
            }
        }
        if !run.isComplete {
            out +=
                "INCOMPLETE: \(F.grouped(Double(run.completedCount))) of \(F.grouped(Double(run.caseCount))) cases answered"
                + (run.interrupted ? " (interrupted)" : "") + "; figures cover those only\n"
        }
        return out
    }

    private static func describe(_ key: RankKey) -> String {
        switch key {
        case .lostTEU: "lost TEU, then added generalised cost"
        case .objective: "added generalised cost (tariffs, handling, time value, unmet penalties)"
        case .cost: "added total cost (tariffs and handling)"
        case .days: "added average transit days"
        }
    }

    private static func bindingIDs(_ run: SweepRun, _ m: CaseMetrics) -> JSONValue {
        .array(
            m.binding.filter { $0 < run.capacities.count }.map {
                .string("\(run.capacities[$0].kind):\(run.capacities[$0].id)")
            })
    }

    private static func entry(_ run: SweepRun, _ e: CriticalityRanking.Entry, rank: Int) -> JSONValue {
        var members: [(String, JSONValue)] = [
            ("rank", .number(Double(rank))),
            ("case", .number(Double(e.caseIndex))),
            (
                "closed",
                .array(
                    e.targets.map { t in
                        let el = run.targets[t]
                        return .object([
                            ("element", .string(el.kind)), ("id", .string(el.id)), ("name", .string(el.name)),
                        ])
                    })
            ),
            ("lost_teu", .number(e.metrics.isOptimal ? e.lostTEU : nil)),
            ("added_total_cost_usd", .number(e.metrics.isOptimal ? e.addedCostUSD : nil)),
            ("added_avg_time_days", .number(e.addedDays)),
            ("added_generalised_cost_usd", .number(e.addedObjectiveUSD)),
        ]
        let lostByDirection = e.metrics.lostTEUByDirection(against: run.intact)
        if !lostByDirection.isEmpty {
            members.insert(("lost_teu_by_direction", SweepRecords.byDirection(lostByDirection)), at: 3)
        }
        if e.targets.count > 1 { members.append(("interaction_usd", .number(e.interactionUSD))) }
        members += SweepRecords.metrics(e.metrics).map { $0.0 == "objective_usd" ? ("generalised_cost_usd", $0.1) : $0 }
        members.append(("binding_ids", bindingIDs(run, e.metrics)))
        return .object(members)
    }
}
