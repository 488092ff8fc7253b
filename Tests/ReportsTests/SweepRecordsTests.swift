import LinearProgramming
import Reports
import Simulation
import Testing

/// The JSON Lines of a sweep read back bit for bit, and the reports built from a run.
@Suite("Sweep records and reports")
struct SweepRecordsTests {
    /// A hand-made Monte Carlo run with awkward numbers, a failed case and an unanswered one.
    static func run() -> SweepRun {
        let intact = CaseMetrics(
            status: .optimal, objectiveUSD: 1.0 / 3.0, deliveredTEU: 969_000, totalCostUSD: 2_036_402_600.000_000_2,
            avgTimeDays: 28.926191950464396, binding: [0, 2], iterations: 1_047)
        var run = SweepRun(
            kind: .monteCarlo, scenario: "Caspian \"risk\"\n", file: "Scenarios/x.yaml",
            programDigest: "0123456789abcdef",
            intact: intact,
            capacities: [
                SweepElement(kind: "link", id: "KUR-ALT", name: "KUR → ALT"),
                SweepElement(kind: "node", id: "MLW", name: "Małaszewicze / Terespol"),
                SweepElement(kind: "node", id: "ALT", name: "Alat"),
            ], caseCount: 4)
        run.seed = UInt64.max
        run.uncertainty = [
            UncertaintyInfo(
                label: "link KUR-ALT", source: "x.yaml:3", elementCount: 1, closedProbability: 0.42,
                capacityFactor: nil, group: "storm"),
            UncertaintyInfo(
                label: "node ALT, mode ferry", source: "x.yaml:4", elementCount: 3, closedProbability: 0,
                capacityFactor: "uniform 0.7–0.75", group: nil),
        ]
        run.results[0] = CaseMetrics(
            status: .optimal, objectiveUSD: .leastNonzeroMagnitude, deliveredTEU: 1e12 + 0.1, totalCostUSD: -0.0,
            avgTimeDays: nil, binding: [], iterations: 0)
        run.results[1] = CaseMetrics(
            status: nil, failure: "GLPK error -1: fatal", objectiveUSD: nil, deliveredTEU: 0, totalCostUSD: 0,
            avgTimeDays: nil, binding: [],
            iterations: 0)
        run.results[3] = CaseMetrics(
            status: .optimal, objectiveUSD: 6_643_667_844.000_001, deliveredTEU: 954_000, totalCostUSD: 1.1e-7,
            avgTimeDays: 33.1,
            binding: [1], iterations: 12)
        run.sampleFactors = [[0, 0.7123456789012345], [1, 0.72], nil, [0.1 + 0.2, 0.75]]
        run.interrupted = true
        return run
    }

    @Test("A run written as JSON Lines reads back equal, to the last bit")
    func roundTrip() throws {
        let run = Self.run()
        let text = SweepRecords.render(run, shard: Shard(index: 2, count: 5))
        #expect(text.split(separator: "\n").count == 1 + 3 + 1)
        let (back, shard) = try SweepRecords.parse(text, name: "part")
        #expect(shard == Shard(index: 2, count: 5))
        #expect(back == run)
        #expect(back.results[3]?.objectiveUSD?.bitPattern == 6_643_667_844.000_001.bitPattern)
    }

    @Test("Broken parts are refused with the line that is wrong")
    func broken() throws {
        let text = SweepRecords.render(Self.run(), shard: .whole)
        let lines = text.split(separator: "\n").map(String.init)
        func message(_ text: String) -> String {
            do {
                _ = try SweepRecords.parse(text, name: "p.jsonl")
                return "parsed"
            } catch {
                return error.description
            }
        }
        #expect(message(lines.dropLast().joined(separator: "\n")) == "p.jsonl: truncated: no end record")
        #expect(
            message(([lines[0], lines[1], lines[1]] + [lines.last!]).joined(separator: "\n")).hasPrefix(
                "p.jsonl:3: case 0 appears twice"))
        #expect(message("{\"record\": \"case\"}").hasPrefix("p.jsonl:1: a case record before the header"))
        #expect(message("{not json").hasPrefix("p.jsonl:1: invalid JSON at byte 2"))
        #expect(message("").hasPrefix("p.jsonl: no sweep header record"))
    }

    @Test("The JSON parser reads what the writer writes, escapes included")
    func parser() throws {
        let value = JSONValue.object([
            ("s", .string("a\"b\\c\n\u{01}é€𝄞")),
            ("n", .array([.number(-1.5e-9), .number(0), .number(123_456_789_012)])),
            ("b", .bool(false)), ("z", .null),
        ])
        #expect(try JSONValue.parse(value.compact()) == value)
        #expect(try JSONValue.parse(value.rendered()) == value)
        #expect(try JSONValue.parse("\"\\ud834\\udd1e\"") == .string("𝄞"))
        #expect(throws: JSONParseError.self) { try JSONValue.parse("[1,]") }
        #expect(throws: JSONParseError.self) { try JSONValue.parse("{\"a\":1} x") }
    }

    @Test("JSON strings: plain text as it is, quote, backslash and control characters escaped")
    func quoting() {
        #expect(JSONValue.string("Xi'an–Duisburg é 𝄞 \u{7F}").compact() == "\"Xi'an–Duisburg é 𝄞 \u{7F}\"")
        #expect(JSONValue.string("a\"b\\c\n\r\t\u{01}\u{1F}").compact() == #""a\"b\\c\n\r\t\u0001\u001f""#)
        #expect(JSONValue.object([("k\"", .string(""))]).compact() == #"{"k\"":""}"#)
    }

    @Test("Text, JSON and CSV reports of an incomplete Monte Carlo run say so and stay deterministic")
    func reports() throws {
        let run = Self.run()
        let text = SweepReport.text(run)
        #expect(text.contains("INCOMPLETE: 3 of 4 cases answered (interrupted)"))
        #expect(text.contains("2 optimal"))
        #expect(SweepReport.text(run) == text)
        let json = SweepReport.json(run)
        let parsed = try JSONValue.parse(json)
        #expect(parsed["complete"] == .bool(false))
        #expect(parsed["seed"] == .string("18446744073709551615"))
        let csv = SweepReport.csv(run)
        #expect(
            csv.hasPrefix(
                "sample,status,delivered_teu,lost_teu,total_cost_usd,avg_time_days,generalised_cost_usd,factor_1,factor_2\n"
            ))
        #expect(csv.split(separator: "\n").count == 1 + 3)
    }
}
