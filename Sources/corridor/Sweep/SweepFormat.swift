import ArgumentParser
import Reports
import Simulation

/// Formats of `corridor sweep` and `corridor merge`.
enum SweepFormat: String, ExpressibleByArgument, CaseIterable {
    case table
    case json
    case csv
    case jsonl

    /// The report of a flow sweep in this format (`rankBy` nil: as swept).
    func render(_ run: SweepRun, shard: Shard, rankBy: RankKey? = nil, limit: Int) -> String {
        switch self {
        case .table: SweepReport.text(run, rankBy: rankBy, limit: limit)
        case .json: SweepReport.json(run, rankBy: rankBy)
        case .csv: SweepReport.csv(run, rankBy: rankBy)
        case .jsonl: SweepRecords.render(run, shard: shard)
        }
    }

    /// The report of a capacity sweep of the scenario at `file` in this format.
    func render(_ sweep: CapacitySweep, file: String, shard: Shard, limit: Int) -> String {
        switch self {
        case .table: CapacitySweepReport.text(sweep, file: file, limit: limit)
        case .json: CapacitySweepReport.json(sweep, file: file)
        case .csv: CapacitySweepReport.csv(sweep)
        case .jsonl: CapacitySweepRecords.render(sweep, file: file, shard: shard)
        }
    }
}
