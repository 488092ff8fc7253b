import Foundation
import Testing

@testable import Scenarios

/// The JSON Schemas of `schemas/`, made by `corridor schema` from the loader's reading code.
@Suite("File schemas: made from the loader's field readers")
struct FileSchemaTests {
    /// The repository's root.
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    @Test("The checked-in schema is what the loader's readers describe today", arguments: FileSchema.allCases)
    func checkedIn(kind: FileSchema) throws {
        let file = Self.root.appendingPathComponent("schemas/\(kind.fileName)")
        let checkedIn = try String(contentsOf: file, encoding: .utf8)
        #expect(
            checkedIn == kind.text,
            "schemas/\(kind.fileName) is stale: run `corridor schema \(kind.rawValue) > schemas/\(kind.fileName)`")
    }

    @Test("Making a schema twice gives the same text")
    func deterministic() {
        for kind in FileSchema.allCases { #expect(kind.text == kind.text) }
    }

    @Test("The top level has exactly the keys the loader accepts", arguments: FileSchema.allCases)
    func topLevelKeys(kind: FileSchema) throws {
        guard case .object(let properties)? = kind.json["properties"] else {
            Issue.record("no properties")
            return
        }
        #expect(Set(properties.map(\.0)) == Set(kind.topLevelKeys))
        #expect(properties.count == kind.topLevelKeys.count)
    }

    @Test("Every key a record accepts has a described type")
    func recordsDescribeEveryKey() {
        let readers: [(String, FieldReader)] = [
            ("node", FileSchema.describedRecord(NodeRecord.self)), ("link", FileSchema.describedRecord(LinkRecord.self)),
            ("demand", FileSchema.describedRecord(DemandRecord.self)),
            ("background", FileSchema.describedRecord(BackgroundRecord.self)),
            ("uncertainty", FileSchema.described { _ = UncertaintyRecord.read(fields: &$0) }),
            ("period", FileSchema.described { _ = LoadSession.readPeriod(&$0) }),
            ("observation", FileSchema.described { _ = ObservationRecord.read(fields: &$0, years: []) }),
            ("investment", FileSchema.described { _ = PlanFile.readInvestmentFields(&$0, declaresDiscountRate: true) }),
            ("year", FileSchema.described { _ = PlanFile.readYear(&$0) }),
        ]
        for (name, reader) in readers {
            #expect(reader.described?.allowed?.isEmpty == false, "\(name): no allowed keys noted")
            #expect(reader.undescribedKeys.isEmpty, "\(name): \(reader.undescribedKeys) have no type")
        }
    }

    @Test("A change body describes every key its change accepts, and only those", arguments: Change.Kind.allCases)
    func changeBodies(kind: Change.Kind) {
        guard ![.addNode, .addLink, .addDemand].contains(kind) else { return }
        let reader = FileSchema.described { _ = Change.readBody(kind, &$0) }
        let described = Set(reader.described?.fields.map(\.key) ?? [])
        // Accepted by the key check but refused later: selectors the change does not take, periods on a
        // change that cannot be limited to them.
        var refused = Set(Selector.Kind.allCases.map(\.rawValue)).subtracting(kind.selectorKinds.map(\.rawValue))
        if kind.scopeRefusal != nil { refused.formUnion(kind.scopeKeys) }
        #expect(Set(reader.undescribedKeys) == refused.intersection(reader.described?.allowed ?? []))
        #expect(described.isDisjoint(with: refused))
    }

    @Test("A required field of a record is required in its schema")
    func required() {
        let link = FileSchema.record(LinkRecord.self)
        guard case .array(let required)? = link["required"] else {
            Issue.record("no required list")
            return
        }
        let names = Set(required.compactMap { value -> String? in if case .string(let s) = value { s } else { nil } })
        #expect(names == ["id", "from", "to", "mode", "corridor", "distance_km", "cost_usd_per_teu", "time_days"])
        #expect(link["additionalProperties"] == .bool(false))
    }

    @Test("Describe mode reads nothing and reports nothing")
    func describeModeIsSilent() {
        var reader = FieldReader(describing: "nodes[0]")
        let record = NodeRecord.read(fields: &reader)
        #expect(record.node == nil)
        #expect(record.id == nil)
        #expect(reader.problems.isEmpty)
        #expect(reader.isDescribing)
    }
}
