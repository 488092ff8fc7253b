/// What a ``FieldReader`` in describe mode learnt about the mapping its reading code reads: the
/// accepted keys and, for each field read, its JSON Schema and whether it is required.
///
/// The JSON Schemas of `schemas/` are made from these notes (see ``FileSchema``), so the loader's
/// reading code is the one field table: a key, type, range or requirement is written once.
struct SchemaNotes: Sendable {
    /// The keys passed to ``FieldReader/rejectUnknownKeys(allowed:)``, or `nil` when it was not called.
    var allowed: [String]?
    /// Each field read, in reading order, with its schema.
    var fields: [(key: String, schema: SchemaValue)] = []
    /// The fields read as required, in reading order.
    var required: [String] = []
    /// Optional fields that, when written, need a value (a selector, a change's `periods`): the others
    /// may be null, which the loader reads as absent.
    var needValue: Set<String> = []
    /// Constraints on the mapping as a whole (`anyOf` the required selectors, say), all of which must hold.
    var constraints: [SchemaValue] = []
}
