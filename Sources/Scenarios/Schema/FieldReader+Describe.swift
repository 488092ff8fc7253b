extension FieldReader {
    /// A reader in describe mode for the mapping at `path`: it reads nothing (every field is absent),
    /// reports nothing, and notes what its reading code asks of each field in ``described``.
    init(describing path: String) {
        file = ""
        self.path = path
        mapping = YAMLNode.Mapping(pairs: [])
        position = SourcePosition(file: "", line: 0, column: 0)
        described = SchemaNotes()
    }

    /// True in describe mode.
    var isDescribing: Bool { described != nil }

    /// In describe mode, adds `schema` to what is noted of `key` (and notes it required when
    /// `required`); otherwise does nothing.
    ///
    /// The schema is only made in describe mode: reading a file pays one test per field.
    mutating func describe(_ key: String, _ schema: @autoclosure () -> SchemaValue, required: Bool = false) {
        guard var notes = described else { return }
        let schema = schema()
        if let index = notes.fields.firstIndex(where: { $0.key == key }) {
            notes.fields[index].schema = notes.fields[index].schema.merging(schema)
        } else {
            notes.fields.append((key, SchemaValue.object([]).merging(schema)))
        }
        if required, !notes.required.contains(key) { notes.required.append(key) }
        described = notes
    }

    /// In describe mode, notes a constraint on the whole mapping; otherwise does nothing.
    mutating func describeMapping(_ constraint: @autoclosure () -> SchemaValue) {
        guard described != nil else { return }
        described?.constraints.append(constraint())
    }

    /// The JSON Schema of the mapping as described: an object with the fields read as its properties
    /// (an optional field may be null, which the loader reads as absent), its required fields, and no
    /// other key. Empty for a reader that is not in describe mode.
    var schema: SchemaValue {
        guard let notes = described else { return .object([]) }
        var properties: [(String, SchemaValue)] = []
        for (key, schema) in notes.fields {
            let nullable = !notes.required.contains(key) && !notes.needValue.contains(key)
            properties.append((key, nullable ? Self.nullable(schema) : schema))
        }
        var members: [(String, SchemaValue)] = [("type", "object"), ("properties", .object(properties))]
        if !notes.required.isEmpty { members.append(("required", .array(notes.required.map { .string($0) }))) }
        members.append(("additionalProperties", false))
        if !notes.constraints.isEmpty { members.append(("allOf", .array(notes.constraints))) }
        return .object(members)
    }

    /// `schema` that also accepts null.
    private static func nullable(_ schema: SchemaValue) -> SchemaValue {
        var field = schema
        if case .string(let type)? = schema["type"] {
            field = field.merging(.object([("type", .array([.string(type), "null"]))]))
        }
        if case .array(let values)? = schema["enum"], !values.contains(.null) {
            field = field.merging(.object([("enum", .array(values + [.null]))]))
        }
        let null = SchemaValue.type("null")
        if case .array(let options)? = schema["anyOf"], !options.contains(null) {
            field = field.merging(.object([("anyOf", .array(options + [null]))]))
        }
        return field
    }

    /// In describe mode, notes that `key`, when written, needs a value (null is an error, not absence).
    mutating func describeNeedsValue(_ key: String) {
        described?.needValue.insert(key)
    }

    /// The keys accepted by ``FieldReader/rejectUnknownKeys(allowed:)`` that no field read describes.
    var undescribedKeys: [String] {
        guard let notes = described else { return [] }
        return (notes.allowed ?? []).filter { key in !notes.fields.contains { $0.key == key } }
    }
}
