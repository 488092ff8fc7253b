import FreightNetwork
import Scenarios
import Testing

/// Number and boolean fields read YAML 1.2 core-schema values only; YAML 1.1 forms, which Yams
/// would resolve silently, are errors that say how they would have been read and what to write.
@Suite("Scenario loader: YAML 1.2 numbers and booleans")
struct YAMLVersionTests {
    /// A one-link network with `capacity` as the link's capacity and `extra` added to the link.
    static func network(capacity: String, extra: String = "") -> String {
        """
        schema_version: 1
        name: Y
        nodes:
          - { id: A, country: CN, kind: hub, lat: 1, lon: 2 }
          - { id: B, country: KZ, kind: hub, lat: 1, lon: 2 }
        links:
          - { id: A-B, from: A, to: B, mode: rail, corridor: x, distance_km: 1, cost_usd_per_teu: 1, time_days: 1,
              capacity_teu: \(capacity)\(extra) }
        """
    }

    @Test(
        "YAML 1.1 number forms are refused in a number field, with how they would be read and what to write",
        arguments: [
            (
                "010000",
                "expected a decimal number, found '010000', which YAML 1.1 reads as the octal number 4096 and "
                    + "YAML 1.2 as 10000 (write 10000 without the leading zero, or 4096 if octal was meant)"
            ),
            (
                "12:30",
                "expected a decimal number, found '12:30', which YAML 1.1 reads as the base-60 number 750 "
                    + "(write 750 if that is meant; YAML 1.2 reads base-60 numbers as text)"
            ),
            ("0x10", "expected a decimal number, found '0x10', a hexadecimal number (16) (write 16 as a decimal number)"),
            ("0o17", "expected a decimal number, found '0o17', an octal number (15) (write 15 as a decimal number)"),
            (
                "0b101",
                "expected a decimal number, found '0b101', a YAML 1.1 binary number (5) (write 5 as a decimal number)"
            ),
            (
                "1_000",
                "expected a decimal number, found '1_000', which YAML 1.1 reads as 1000 (digits grouped with '_') "
                    + "(YAML 1.2 has no digit separators: write 1000)"
            ),
            (
                "\"0x10\"",
                "expected a decimal number, found '0x10', a hexadecimal number (16) (write 16 as a decimal number)"
            ),
            (
                "09",
                "expected a decimal number, found '09', a number with a leading zero (octal in YAML 1.1) "
                    + "(write 9, without the leading zero)"
            ),
        ]
    )
    func refusedNumbers(written: String, message: String) {
        #expect(
            Fixtures.diagnostics(Self.network(capacity: written))
                == "t.yaml:8:21: error: links[0].capacity_teu: \(message)"
        )
    }

    @Test(
        "YAML 1.2 decimal numbers load, quoted or not",
        arguments: [
            ("10000", 10000.0), ("0", 0), ("1e4", 10000), ("2.5E+3", 2500), (".5e1", 5), ("+7", 7), ("3.", 3),
            ("\"60.5\"", 60.5), ("0.25e2", 25), ("'100'", 100),
        ]
    )
    func decimalNumbers(written: String, value: Double) throws {
        let scenario = try ScenarioLoader.load(text: Self.network(capacity: written), file: "t.yaml")
        #expect(scenario.network[link: "A-B"]?.capacityTEU == value)
    }

    @Test("A sexagesimal time in a days field and a signed octal are refused with their YAML 1.1 values")
    func otherFields() {
        let text = Self.network(capacity: "100").replacing("time_days: 1", with: "time_days: 1:30.5")
            .replacing("lon: 2 }\n  - { id: B", with: "lon: -010 }\n  - { id: B")
        #expect(
            Fixtures.diagnostics(text) == """
                t.yaml:4:51: error: nodes[0].lon: expected a decimal number, found '-010', which YAML 1.1 reads as \
                the octal number -8 and YAML 1.2 as -10 (write -10 without the leading zero, or -8 if octal was meant)
                t.yaml:7:105: error: links[0].time_days: expected a decimal number, found '1:30.5', which YAML 1.1 \
                reads as the base-60 number 90.5 (write 90.5 if that is meant; YAML 1.2 reads base-60 numbers as text)
                """
        )
    }

    @Test(
        "Integer fields read decimal integers only",
        arguments: [
            ("0x1", "expected a decimal integer, found '0x1', a hexadecimal number (1) (write 1 as a decimal number)"),
            (
                "01",
                "expected a decimal integer, found '01', which YAML 1.1 reads as the octal number 1 and YAML 1.2 "
                    + "as 1 (write 1 without the leading zero, or 1 if octal was meant)"
            ),
            ("1.0", "expected an integer, found '1.0'"),
        ]
    )
    func integers(written: String, message: String) {
        let text = Self.network(capacity: "100").replacing("schema_version: 1", with: "schema_version: \(written)")
        #expect(Fixtures.diagnostics(text) == "t.yaml:1:17: error: schema_version: \(message)")
    }

    @Test(
        "YAML 1.1 booleans are refused where a boolean is expected",
        arguments: [("yes", true), ("no", false), ("on", true), ("off", false), ("Y", true), ("NO", false)]
    )
    func refusedBooleans(written: String, meaning: Bool) {
        let text = Self.network(capacity: "100", extra: ", bidirectional: \(written)")
        #expect(
            Fixtures.diagnostics(text)
                == "t.yaml:8:41: error: links[0].bidirectional: expected true or false, found '\(written)', "
                + "which YAML 1.1 reads as \(meaning) (YAML 1.2 has only true and false: write \(meaning))"
        )
    }

    @Test(
        "YAML 1.2 booleans load; a quoted one is text",
        arguments: [("true", 2), ("True", 2), ("TRUE", 2), ("false", 1), ("False", 1), ("FALSE", 1)]
    )
    func booleans(written: String, links: Int) throws {
        let text = Self.network(capacity: "100", extra: ", bidirectional: \(written)")
        #expect(try ScenarioLoader.load(text: text, file: "t.yaml").network.links.count == links)
        #expect(
            Fixtures.diagnostics(Self.network(capacity: "100", extra: ", bidirectional: \"true\""))
                == "t.yaml:8:41: error: links[0].bidirectional: expected true or false, found 'true'"
        )
    }

    @Test("Text fields keep YAML 1.1 number and boolean forms as written")
    func textFields() throws {
        let text = Self.network(capacity: "100").replacing("name: Y", with: "name: 12:30")
            .replacing("corridor: x", with: "corridor: 0x10").replacing("country: KZ", with: "country: NO")
        let scenario = try ScenarioLoader.load(text: text, file: "t.yaml")
        #expect(scenario.name == "12:30")
        #expect(scenario.network[link: "A-B"]?.corridor == "0x10")
        #expect(scenario.network[node: "B"]?.country == "NO")
    }

    @Test("Uncertainty values are read by the same rule")
    func uncertaintyValues() {
        let text = Fixtures.extendingNetwork("uncertainty:\n  - { link: AKT-BAK, capacity_factor: { uniform: [0x1, 1] } }")
        let found = Fixtures.diagnostics(text, file: Fixtures.path("inline.yaml"))
        #expect(
            found
                == "inline.yaml:5:51: error: uncertainty[0].capacity_factor.uniform[0]: expected a number ≥ 0, "
                + "found '0x1', a hexadecimal number (1) (write 1 as a decimal number)"
        )
    }
}
