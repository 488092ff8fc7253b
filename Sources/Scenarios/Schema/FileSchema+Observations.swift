extension FileSchema {
    /// An observations file's top level: its header as ``ObservationsFile/readHeader(_:)`` reads it, the
    /// years' scenario files and the observations.
    static var observationsProperties: [(String, SchemaValue)] {
        guard case .object(var properties)? = described({ _ = ObservationsFile.readHeader(&$0) }).schema["properties"]
        else { return [] }
        // A year 1900–2200 → a scenario file's path, as `ObservationsFile.readScenarios` reads them.
        let year = "^(19[0-9][0-9]|2[01][0-9][0-9]|2200)$"
        let path = SchemaValue.type("string", ("minLength", 1))
        properties.append(
            (
                "scenarios",
                .type(
                    "object", ("patternProperties", .object([(year, path)])), ("additionalProperties", false),
                    ("minProperties", 1))
            ))
        let observation = SchemaValue.object([("$ref", "#/definitions/observation")])
        properties.append(("observations", .type("array", ("items", observation), ("minItems", 1))))
        return properties
    }

    /// An observations file's required fields.
    static var observationsRequired: [String] {
        (described { _ = ObservationsFile.readHeader(&$0) }.described?.required ?? []) + ["scenarios", "observations"]
    }

    /// One observation, as `ObservationRecord` reads it.
    static var observation: SchemaValue {
        describing { _ = ObservationRecord.read(fields: &$0, years: []) }
    }
}
