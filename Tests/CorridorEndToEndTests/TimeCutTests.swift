import CorridorTestSupport
import Foundation
import Testing

@Suite("GLPK end to end: changes that cut time")
struct TimeCutEndToEndTests {
    /// The issue's acceptance: a change file that cuts the Caspian ferries' time and a border's dwell
    /// shortens the Middle Corridor's transit in `compare`, and the explanation says why.
    @Test("Cutting the Caspian ferries' time and the borders' dwell shortens the Middle Corridor, and compare says why")
    func middleCorridorFaster() throws {
        let outcome = try CLI.run([
            "compare", "Scenarios/russia-disrupted-2023.yaml", "Scenarios/middle-corridor-digital-2030.yaml", "--format", "json",
        ])
        try #require(outcome.status == 0, "\(outcome.stderr)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(outcome.stdout.utf8)) as? [String: Any])
        let sentences = try #require(json["explanation"] as? [[String: Any]]).flatMap { $0["sentences"] as? [String] ?? [] }
        let middle = try #require(sentences.first { $0.hasPrefix("The middle corridor's transit falls from") })
        // "… falls from 25.5 to 22.8 days on average: …"
        let numbers = middle.split(separator: " ").compactMap { Double($0) }
        try #require(numbers.count >= 2, "\(middle)")
        #expect(numbers[0] - numbers[1] > 2, "\(middle)")
        #expect(middle.contains("the time of the Aktau port → Alat ferry (1.0 → 0.5 days)"), "\(middle)")
        #expect(middle.contains("the dwell at Dostyk (1.2 → 0.6 days)"), "\(middle)")

        // The text report says it too (wrapped at 120 columns).
        let text = try CLI.run(["compare", "Scenarios/russia-disrupted-2023.yaml", "Scenarios/middle-corridor-digital-2030.yaml"])
        #expect(text.stdout.contains("The middle corridor's transit falls from \(middle.split(separator: " ")[6])"))
    }

    @Test("A cut below 0 days is refused with its position, field and what was expected")
    func cutBelowZeroRefused() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("timecut-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let base = CLI.root.appendingPathComponent("Scenarios/russia-disrupted-2023.yaml")
        let file = folder.appendingPathComponent("cut.yaml")
        try """
            schema_version: 1
            name: too much
            extends: \(base.path)
            changes:
              - add_delay: { link: KUR-ALT, days: -2 }
            """.write(to: file, atomically: true, encoding: .utf8)
        let outcome = try CLI.run(["run", file.path])
        #expect(outcome.status == 65)
        #expect(outcome.stderr.contains("cut.yaml:5:39: error: changes[0].add_delay.days: cuts 2 days from link KUR-ALT, whose time_days is 0.8: expected a result ≥ 0 days"), "\(outcome.stderr)")
    }
}
