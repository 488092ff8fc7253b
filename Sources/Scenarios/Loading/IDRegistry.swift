/// The ids of one kind of record (nodes, links or demands), with where each was defined.
///
/// Ids of records that had other errors are kept too, so a reference to them is not reported a
/// second time as unknown.
struct IDRegistry {
    /// What the ids name, for messages: `node`, `link`, `demand`.
    let kind: String
    /// The ids in definition order (for deterministic suggestions).
    private(set) var order: [String] = []
    /// Where each id was defined.
    private(set) var origins: [String: SourcePosition] = [:]
    /// False when some record's id could not be read, so an "unknown id" could be a false alarm.
    var isComplete = true

    /// Creates an empty registry for ids of `kind`.
    init(kind: String) { self.kind = kind }

    /// Makes room for `count` more ids.
    mutating func reserve(_ count: Int) {
        origins.reserveCapacity(origins.count + count)
        order.reserveCapacity(order.count + count)
    }

    /// True when `id` was defined.
    func contains(_ id: String) -> Bool { origins[id] != nil }

    /// Registers `id`, or returns a "duplicate" error naming the first definition.
    ///
    /// - Parameter note: Said about the id before where it was first defined, such as
    ///   `the default FROM-TO`.
    mutating func register(_ id: Located<String>, field: @autoclosure () -> String, note: String? = nil) -> ScenarioError? {
        // One hash for a new id (the common case): the old value comes back when there was one, and is put back.
        if let first = origins.updateValue(id.position, forKey: id.value) {
            origins[id.value] = first
            let place = first.file == id.position.file ? "line \(first.line)" : first.description
            let prefix = note.map { "\($0); " } ?? ""
            return ScenarioError(
                at: id.position,
                field: field(),
                message: "duplicate \(kind) id '\(id.value)' (\(prefix)first defined at \(place))"
            )
        }
        order.append(id.value)
        return nil
    }

    /// Checks a reference; returns `nil` when `id` is known (or may be), an "unknown" error otherwise.
    func check(_ id: Located<String>, field: @autoclosure () -> String) -> ScenarioError? {
        guard !contains(id.value), isComplete else { return nil }
        return ScenarioError(
            at: id.position,
            field: field(),
            message: "unknown \(kind) '\(id.value)'",
            hint: Suggestions.hint(for: id.value, in: order)
        )
    }
}
