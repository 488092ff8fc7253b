/// An entry of a scenario file's `nodes`, `links` or `demands` (or an `add_…` change), read with positions.
protocol ScenarioRecord {
    /// The keys the entry may have.
    static var keys: [String] { get }
    /// Reads the entry's fields from its opened mapping; every problem stays in `reader`.
    static func read(fields reader: inout FieldReader) -> Self
}

extension ScenarioRecord {
    /// Reads an entry, recording every problem in `diagnostics`.
    ///
    /// - Returns: `nil` only when `yaml` is not a mapping.
    static func read(_ yaml: YAMLNode, file: String, path: String, into diagnostics: inout ScenarioDiagnostics) -> Self? {
        guard var reader = FieldReader(yaml, file: file, path: path, into: &diagnostics) else { return nil }
        reader.rejectUnknownKeys(allowed: keys)
        let record = read(fields: &reader)
        diagnostics.append(contentsOf: reader.problems)
        return record
    }
}
