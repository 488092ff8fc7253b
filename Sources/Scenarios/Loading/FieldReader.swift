internal import Yams

/// Reads the fields of one YAML mapping, recording a diagnostic at the exact value.
///
/// Problems are collected in ``problems`` rather than thrown, so one pass reports all of them.
/// A missing field is reported at the mapping's own position; a wrong value at the value.
struct FieldReader {
    /// The file being read, as it appears in diagnostics.
    let file: String
    /// The dotted path of the mapping, such as `links[3]`; empty for the top level.
    let path: String
    /// The mapping's entries.
    let mapping: YAMLNode.Mapping
    /// Where the mapping starts.
    let position: SourcePosition
    /// Everything found wrong so far.
    private(set) var problems: [ScenarioError] = []
    /// Valid keys suggested for misspelt ones: they are not reported missing a second time.
    private(set) var suggestedKeys: Set<String> = []
    /// Where ``lookup(_:)`` starts: just after the entry it found last.
    private var nextEntry = 0
    /// In describe mode (see `FieldReader+Describe.swift`), what the reading code said about each field;
    /// `nil` when reading a file.
    var described: SchemaNotes?

    /// Opens `node` as a mapping, or returns `nil` after recording "expected a mapping".
    init?(_ node: YAMLNode, file: String, path: String, into diagnostics: inout ScenarioDiagnostics) {
        guard let mapping = Self.merged(node) else {
            let found = Self.describe(node)
            let position = Self.position(of: node, in: file)
            diagnostics.append(ScenarioError(at: position, field: path, message: "expected a mapping, found \(found)"))
            return nil
        }
        self.file = file
        self.path = path
        self.mapping = mapping
        self.position = Self.position(of: node, in: file)
    }

    /// Reads the required `from` and `to` of a link or demand, and reports `what` going from a node to itself.
    mutating func ends(of what: String) -> (from: Located<String>?, to: Located<String>?) {
        let from = string("from", required: true)
        let to = string("to", required: true)
        if let from, let to, from.value == to.value {
            report(
                ScenarioError(
                    at: to.position, field: fieldPath("to"),
                    message: "\(what) cannot go from '\(to.value)' to itself"))
        }
        return (from, to)
    }

    /// True when nothing was found wrong in this mapping.
    var isValid: Bool { !problems.contains { $0.severity == .error } }

    /// The dotted path of a field of this mapping.
    func fieldPath(_ key: String) -> String { path.isEmpty ? key : "\(path).\(key)" }

    /// The keys written in the mapping, in file order, with where each is.
    var keys: [Located<String>] {
        mapping.keys.map { Located(value: $0.scalar?.string ?? Self.describe($0), position: position(of: $0)) }
    }

    /// The value under `key`, or `nil` when the key is absent or its value is null.
    func value(_ key: String) -> YAMLNode? {
        guard let value = entry(key), !YAMLDocument.isNull(value) else { return nil }
        return value
    }

    /// True when `key` is written in the mapping, even with a null value.
    func contains(_ key: String) -> Bool { entry(key) != nil }

    /// The value written under the plain key `key`, null or not.
    ///
    /// Compares the key's text: Yams's `mapping[key]` compares resolved tags too, and resolving a
    /// tag runs its regular expressions on every key it passes, which took half of loading a
    /// 1,000-node file. Field names are words, whose tag is always `str`: the same answer.
    func entry(_ key: String) -> YAMLNode? {
        mapping.pairs.firstIndex { $0.key.isScalar(key) }.map { mapping.pairs[$0].value }
    }

    /// The value written under the plain key `key`, as ``entry(_:)`` finds it, searched from just after the
    /// entry found last: records read their fields in the order files usually write them, so most
    /// searches stop at the first key they compare.
    mutating func lookup(_ key: String) -> YAMLNode? {
        let pairs = mapping.pairs
        var index = nextEntry < pairs.count ? nextEntry : 0
        for _ in pairs.indices {
            if pairs[index].key.isScalar(key) {
                nextEntry = index + 1
                return pairs[index].value
            }
            index = index + 1 == pairs.count ? 0 : index + 1
        }
        return nil
    }

    /// Records an "unknown key" error for every key not in `allowed`, suggesting the nearest.
    ///
    /// Keys not yet written are preferred, and a wider misspelling of one of them is still
    /// suggested: `dislinktance_km` is most likely the missing `distance_km`.
    mutating func rejectUnknownKeys(allowed: [String]) {
        if described != nil { described?.allowed = allowed }
        let allKnown = mapping.pairs.allSatisfy { pair in
            guard let name = pair.key.scalar?.string else { return false }
            return allowed.contains { $0.utf8.count == name.utf8.count && $0 == name }
        }
        guard !allKnown else { return }
        let written = Set(mapping.keys.compactMap { $0.scalar?.string })
        let absent = allowed.filter { !written.contains($0) }
        let candidates = absent + allowed.filter { written.contains($0) }
        for key in mapping.keys {
            guard let name = key.scalar?.string else {
                report(at: key, field: path, "expected a plain key, found \(Self.describe(key))")
                continue
            }
            guard !allowed.contains(name) else { continue }
            let suggestion =
                Suggestions.nearest(to: name, in: candidates)
                ?? Suggestions.nearest(to: name, in: absent, generous: true)
            if let suggestion { suggestedKeys.insert(suggestion) }
            report(at: key, field: fieldPath(name), "unknown key", hint: suggestion.map { "did you mean '\($0)'?" })
        }
    }

    /// Records "required field is missing" at the mapping's position.
    ///
    /// Nothing is recorded when a misspelling of `key` was already reported as an unknown key.
    /// In describe mode the field is noted as required instead.
    mutating func reportMissing(_ key: String, hint: String? = nil) {
        if described != nil { return describe(key, .object([]), required: true) }
        guard !suggestedKeys.contains(key) else { return }
        problems.append(
            ScenarioError(at: position, field: fieldPath(key), message: "required field is missing", hint: hint))
    }

    /// Records an error at `node`.
    mutating func report(at node: YAMLNode, field: String, _ message: String, hint: String? = nil) {
        guard described == nil else { return }
        problems.append(ScenarioError(at: position(of: node), field: field, message: message, hint: hint))
    }

    /// Records an already-built diagnostic.
    mutating func report(_ diagnostic: ScenarioError) {
        guard described == nil else { return }
        problems.append(diagnostic)
    }

    /// Where `node` starts in this reader's file.
    func position(of node: YAMLNode) -> SourcePosition { Self.position(of: node, in: file) }

    /// Where `node` starts in `file`.
    static func position(of node: YAMLNode, in file: String) -> SourcePosition {
        SourcePosition(file: file, line: node.mark?.line ?? 0, column: node.mark?.column ?? 0)
    }

    /// The entries of `node`, a mapping, with YAML merge keys (`<<: *defaults`) expanded; its own keys win.
    ///
    /// Only a mapping composed by Yams can hold a merge key (see ``EventComposer``).
    static func merged(_ node: YAMLNode) -> YAMLNode.Mapping? {
        guard case .yams(let yams) = node.storage else { return node.mapping }
        return yams.mapping.map { YAMLNode.Mapping(merged($0)) }
    }

    /// `mapping` with YAML merge keys (`<<: *defaults`) expanded; its own keys win.
    static func merged(_ mapping: Yams.Node.Mapping) -> Yams.Node.Mapping {
        guard let merge = mapping["<<"] else { return mapping }
        let sources = merge.mapping.map { [$0] } ?? merge.sequence?.compactMap(\.mapping) ?? []
        guard !sources.isEmpty else { return mapping }
        var pairs = mapping.filter { $0.key.scalar?.string != "<<" }.map { ($0.key, $0.value) }
        for source in sources {
            for (key, value) in merged(source) where !pairs.contains(where: { $0.0 == key }) {
                pairs.append((key, value))
            }
        }
        return Yams.Node.Mapping(pairs, mapping.tag, mapping.style, mapping.mark)
    }

    /// How a found value is shown in a message: `'lots'`, `a mapping`, `a list` or `nothing`.
    static func describe(_ node: YAMLNode) -> String {
        if node.mapping != nil { return "a mapping" }
        if node.sequence != nil { return "a list" }
        if YAMLDocument.isNull(node) { return "nothing" }
        let text = node.scalar?.string ?? ""
        let shown = text.count > 40 ? text.prefix(40) + "…" : Substring(text)
        return "'\(shown)'"
    }
}
