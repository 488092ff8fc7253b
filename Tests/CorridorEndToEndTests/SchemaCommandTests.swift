import Foundation
import Testing

@Suite("corridor schema: the JSON Schemas of schemas/")
struct SchemaCommandTests {
    @Test("Prints what schemas/ holds, for each kind", arguments: ["scenario", "plan", "observations"])
    func printsCheckedInSchema(kind: String) throws {
        let outcome = try CLI.run(["schema", kind])
        #expect(outcome.status == 0, "\(outcome.stderr)")
        let file = CLI.root.appendingPathComponent("schemas/\(kind).schema.json")
        #expect(outcome.stdout == (try String(contentsOf: file, encoding: .utf8)))
        let json = try JSONSerialization.jsonObject(with: Data(outcome.stdout.utf8)) as? [String: Any]
        #expect(json?["$schema"] as? String == "http://json-schema.org/draft-07/schema#")
        #expect(json?["additionalProperties"] as? Bool == false)
    }

    @Test("An unknown kind is a usage error naming the kinds")
    func unknownKind() throws {
        let outcome = try CLI.run(["schema", "scenarios"])
        #expect(outcome.status == 64)
        #expect(outcome.stderr.contains("scenario") && outcome.stderr.contains("observations"), "\(outcome.stderr)")
    }
}
