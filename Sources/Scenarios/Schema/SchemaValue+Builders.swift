extension SchemaValue {
    /// `{ "type": type }` with `members` after it.
    static func type(_ type: String, _ members: (String, SchemaValue)...) -> SchemaValue {
        .object([("type", .string(type))] + members)
    }

    /// A list whose items have the schema `items`.
    static func list(of items: SchemaValue) -> SchemaValue { .type("array", ("items", items)) }

    /// `{ "anyOf": [{ "required": [a] }, …] }`: at least one of `keys` (`exactlyOne`: `oneOf`, exactly one).
    static func requiring(anyOf keys: [String], exactlyOne: Bool = false) -> SchemaValue {
        .object([(exactlyOne ? "oneOf" : "anyOf", .array(keys.map { .object([("required", .array([.string($0)]))]) }))])
    }

    /// `{ "not": { "required": keys } }`: not all of `keys` together.
    static func forbidding(together keys: [String]) -> SchemaValue {
        .object([("not", .object([("required", .array(keys.map { .string($0) }))]))])
    }
}
