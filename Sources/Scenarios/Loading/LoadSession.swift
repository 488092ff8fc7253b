
/// What one file resolves to: its network before and after its own changes.
struct ResolvedFile {
    /// The file's `name`, when it could be read.
    var name: String?
    /// The file's `description`, if any.
    var description: String?
    /// The network after `extends` and demand replacement, before this file's changes.
    var base: NetworkDraft
    /// The network after this file's changes.
    var final: NetworkDraft
    /// One line per change this file applied.
    var changes: [String]
    /// True when the file lists no changes: ``final`` is ``base``, and one network serves both.
    var finalIsBase = false
}

/// One load of a scenario: follows `extends`, reads every file once and collects all diagnostics.
struct LoadSession {
    /// The top-level keys of a scenario file.
    static let topLevelKeys = [
        "schema_version", "name", "description", "extends", "nodes", "links", "demands", "background", "changes",
        "uncertainty", "periods", "seasonality", "tonnes_per_teu", "teu_per_train", "default_congestion",
        "congestion_value_of_time_usd_per_teu_day",
    ] + PlanFile.topLevelKeys

    /// Everything found wrong so far, in every file.
    var diagnostics = ScenarioDiagnostics()
    /// The `uncertainty` entries of the files read so far, bases first (see `Uncertainty/`).
    var uncertainty: [UncertaintyRecord] = []
    /// The files being resolved, outermost first, as (identity, display path), to detect cycles.
    private var chain: [(identity: String, display: String)] = []

    /// Resolves the text of the file shown as `file`, following its `extends` chain.
    mutating func resolve(text: String, file: String) -> ResolvedFile? {
        chain.append((SourceFile.identity(of: file), file))
        defer { chain.removeLast() }
        guard let root = YAMLDocument.compose(text, file: file, into: &diagnostics) else { return nil }
        // A file that is not a scenario (`extends: /etc/passwd`) is named, never quoted.
        let known = root.mapping?.keys.contains { Self.topLevelKeys.contains($0.scalar?.string ?? "") } ?? false
        guard known else {
            let found = root.mapping != nil ? "none of its keys is a scenario field" : "its top level is "
                + (root.sequence != nil ? "a list" : "a single value") + ", not a mapping of fields"
            let message = "not a scenario file: \(found)"
            diagnostics.append(ScenarioError(at: FieldReader.position(of: root, in: file), field: "", message: message))
            return nil
        }
        guard var top = FieldReader(root, file: file, path: "", into: &diagnostics) else { return nil }
        defer { diagnostics.append(contentsOf: top.problems) }
        top.rejectUnknownKeys(allowed: Self.topLevelKeys)
        let (name, description) = Self.readHeader(&top)
        var base = readNetwork(&top, file: file)
        readPeriods(&top, into: &base)
        Self.readDefaults(&top, into: &base)
        var final = base
        var lines: [String] = []
        let changes = (top.list("changes") ?? []).enumerated().map { index, entry in
            Change.read(entry, file: file, path: "changes[\(index)]", into: &diagnostics)
        }
        for case let change? in changes {
            if let line = change.apply(to: &final, into: &diagnostics) { lines.append(line) }
        }
        uncertainty += UncertaintyRecord.readList(top.list("uncertainty"), file: file, into: &diagnostics)
        return ResolvedFile(
            name: name?.value, description: description?.value, base: base, final: final, changes: lines,
            finalIsBase: changes.isEmpty)
    }

    /// The network a file describes before its own changes.
    ///
    /// For a file with `extends`: what the base resolves to, with this file's `demands` (and
    /// `background`) in place of the base's when it lists any. For a network file: its `nodes`,
    /// `links`, `demands` and `background`.
    private mutating func readNetwork(_ top: inout FieldReader, file: String) -> NetworkDraft {
        var draft = NetworkDraft()
        if top.contains("extends") {
            draft = top.word("extends").map { resolveBase($0, of: file) } ?? .unknown
            rejectRecords(in: &top, keys: ["nodes": "add_node", "links": "add_link"])
            if top.contains("demands") {
                draft.removeDemands(background: false)
                readRecords("demands", from: &top, into: &draft, read: DemandRecord.read) { $0.add($1, into: &$2) }
            }
            if top.contains("background") {
                draft.removeDemands(background: true)
                readBackground(&top, into: &draft)
            }
            return draft
        }
        for key in ["nodes", "links"] where !top.contains(key) {
            top.reportMissing(key, hint: "a file without 'extends' must list nodes and links")
            draft.forgetIDs(of: key)
        }
        readRecords("nodes", from: &top, into: &draft, read: NodeRecord.read) { $0.add($1, into: &$2) }
        readRecords("links", from: &top, into: &draft, read: LinkRecord.read) { $0.add($1, into: &$2) }
        readRecords("demands", from: &top, into: &draft, read: DemandRecord.read) { $0.add($1, into: &$2) }
        readBackground(&top, into: &draft)
        return draft
    }

    /// Reads the `background` list (traffic that is not China–Europe freight) into the draft's demands.
    private mutating func readBackground(_ top: inout FieldReader, into draft: inout NetworkDraft) {
        readRecords("background", from: &top, into: &draft, read: BackgroundRecord.read) { $0.add($1.record, into: &$2) }
    }

    /// Reads `schema_version`, `name` and `description`.
    static func readHeader(_ top: inout FieldReader) -> (name: Located<String>?, description: Located<String>?) {
        readSchemaVersion(&top)
        return (top.word("name", required: true), top.string("description"))
    }

    /// Reads `default_congestion`, `congestion_value_of_time_usd_per_teu_day`, `tonnes_per_teu` and
    /// `teu_per_train` into `draft`.
    static func readDefaults(_ top: inout FieldReader, into draft: inout NetworkDraft) {
        if let defaults = top.bool("default_congestion") { draft.defaultCongestion = defaults }
        if let value = top.congestionValueOfTime() { draft.congestionValueOfTime = value }
        if let tonnes = top.tonnesPerTEU() { draft.tonnesPerTEU = tonnes }
        if let perTrain = top.teuPerTrain() { draft.teuPerTrain = perTrain }
    }

    /// Checks `schema_version` is the integer 1.
    private static func readSchemaVersion(_ top: inout FieldReader) {
        top.describe("schema_version", .object([("const", 1)]))
        guard let version = top.integer("schema_version", required: true), version.value != 1 else { return }
        let message = "unsupported schema version \(version.value); this loader reads version 1"
        top.report(ScenarioError(at: version.position, field: "schema_version", message: message))
    }

    /// Records an error for each of `keys` present in a file with `extends`, naming the change to use.
    private func rejectRecords(in top: inout FieldReader, keys: KeyValuePairs<String, String>) {
        for (key, change) in keys {
            guard let written = top.keys.first(where: { $0.value == key }) else { continue }
            let message = "not allowed in a file with 'extends'"
            top.report(
                ScenarioError(at: written.position, field: key, message: message, hint: "use '\(change)' changes"))
        }
    }

    /// Reads every record of the list under `key` and adds it to `draft`.
    ///
    /// When the list itself is wrong, the draft no longer knows the ids of that kind, so
    /// references to them are not reported as unknown.
    private mutating func readRecords<Record>(
        _ key: String,
        from top: inout FieldReader,
        into draft: inout NetworkDraft,
        read: (YAMLNode, String, String, inout ScenarioDiagnostics) -> Record?,
        add: (inout NetworkDraft, Record, inout ScenarioDiagnostics) -> Void
    ) {
        guard let entries = top.list(key) else {
            if top.contains(key) { draft.forgetIDs(of: key) }
            return
        }
        draft.reserve(entries.count, for: key)
        for (index, entry) in entries.enumerated() {
            guard let record = read(entry, top.file, "\(key)[\(index)]", &diagnostics) else {
                draft.isSound = false
                continue
            }
            add(&draft, record, &diagnostics)
        }
    }

    /// Resolves the file named by `extends` in `file`, or an unknown draft when it cannot be read.
    private mutating func resolveBase(_ extends: Located<String>, of file: String) -> NetworkDraft {
        let path = SourceFile.resolve(extends.value, relativeTo: file)
        let identity = SourceFile.identity(of: path)
        if chain.contains(where: { $0.identity == identity }) {
            let cycle = (chain.map(\.display) + [path]).joined(separator: " → ")
            diagnostics.append(
                ScenarioError(at: extends.position, field: "extends", message: "extends cycle: \(cycle)"))
            return .unknown
        }
        switch SourceFile.read(path) {
        case .failure(.notText(let reason)):
            diagnostics.append(
                ScenarioError(at: SourcePosition(file: path), field: "", message: "not a text file (\(reason))"))
            return .unknown
        case .failure(let failure):
            diagnostics.append(
                ScenarioError(at: extends.position, field: "extends", message: failure.message(for: path)))
            return .unknown
        case .success(let text):
            return resolve(text: text, file: path)?.final ?? .unknown
        }
    }
}
