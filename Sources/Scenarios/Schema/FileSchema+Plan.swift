extension FileSchema {
    /// A plan file's top level: a scenario file's fields (none required: its scenarios may be other
    /// files) and the plan's.
    static var planProperties: [(String, SchemaValue)] {
        let header = described { _ = PlanFile.readHeader(&$0) }
        guard case .object(let plan)? = header.schema["properties"] else { return [] }
        var properties =
            FileSchema.scenario.json["properties"].flatMap { value -> [(String, SchemaValue)]? in
                guard case .object(let members) = value else { return nil }
                return members
            } ?? []
        for (key, value) in plan {
            if let index = properties.firstIndex(where: { $0.0 == key }) {
                properties[index].1 = value
            } else {
                properties.append((key, value))
            }
        }
        let lists = [
            ("investments", "investment"), ("scenarios", "scenario_reference"), ("years", "year"),
            ("targets", "target"),
        ]
        for (key, name) in lists {
            properties.append((key, .type("array", ("items", .object([("$ref", .string("#/definitions/\(name)"))])))))
        }
        return properties
    }

    /// A plan file's required fields: the header's and the investments.
    static var planRequired: [String] {
        let header = described { _ = PlanFile.readHeader(&$0) }
        return (header.described?.required ?? []) + ["investments"]
    }

    /// Rules across a plan's top-level fields that ``PlanFile`` checks: `years` or `scenarios`, not both;
    /// `years` needs a `discount_rate`, and `targets` need `years`; with a `discount_rate` every investment
    /// needs a `lifetime_years`.
    static var planRules: [SchemaValue] {
        let lifetime = SchemaValue.object([
            (
                "properties",
                .object([("investments", .object([("items", .object([("required", .array(["lifetime_years"]))]))]))])
            )
        ])
        return [
            .forbidding(together: ["years", "scenarios"]),
            .object([("dependencies", .object([("years", .array(["discount_rate"])), ("targets", .array(["years"]))]))]
            ),
            .object([("if", .object([("required", .array(["discount_rate"]))])), ("then", lifetime)]),
        ]
    }

    /// One investment, with its effects.
    static var investment: SchemaValue {
        let reader = described { _ = PlanFile.readInvestmentFields(&$0, declaresDiscountRate: false) }
        let effects = SchemaValue.object([("items", .object([("$ref", "#/definitions/effect")]))])
        return reader.schema.merging(.object([("properties", mergedProperty(reader.schema, "effects", effects))]))
    }

    /// One effect: a mapping with one key, the effect type, over its body.
    static var effect: SchemaValue {
        oneKeyMapping(
            PlanFile.effectKinds.map { kind in
                switch kind {
                case "add_link": (kind, .object([("$ref", "#/definitions/link")]))
                case "add_node": (kind, .object([("$ref", "#/definitions/node")]))
                default: (kind, describing { reader in _ = PlanFile.readEffectBody(kind, &reader) })
                }
            })
    }

    /// A mapping with exactly one of `bodies`' keys.
    static func oneKeyMapping(_ bodies: [(String, SchemaValue)]) -> SchemaValue {
        .type(
            "object", ("properties", .object(bodies)), ("minProperties", 1), ("maxProperties", 1),
            ("additionalProperties", false))
    }

    /// The `properties` of `object` with `extra` merged into the property `key`.
    private static func mergedProperty(_ object: SchemaValue, _ key: String, _ extra: SchemaValue) -> SchemaValue {
        guard case .object(var members)? = object["properties"] else { return .object([]) }
        if let index = members.firstIndex(where: { $0.0 == key }) { members[index].1 = members[index].1.merging(extra) }
        return .object(members)
    }
}
