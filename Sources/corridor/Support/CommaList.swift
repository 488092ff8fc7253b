import ArgumentParser
import Foundation

/// The comma lists of the options (`--targets links,nodes`, `--modes rail,road`, `--corridor middle,southern`),
/// split and checked in one place.
enum CommaList {
    /// The words of `text`, split at commas and trimmed of spaces.
    static func words(_ text: String) -> [String] {
        text.split(separator: ",").map { String($0).trimmingCharacters(in: .whitespaces) }
    }

    /// The values named in `text`, first occurrence first.
    /// - Throws: a usage error naming `option` and the `noun` at fault, or `empty` when the list is empty.
    static func values<Value: RawRepresentable & CaseIterable & Equatable>(
        _ text: String, option: String, noun: String, empty: String
    ) throws -> [Value] where Value.RawValue == String {
        var values: [Value] = []
        for word in words(text) {
            guard let value = Value(rawValue: word) else {
                let allowed = Value.allCases.map(\.rawValue).joined(separator: ", ")
                throw ValidationError("\(option): unknown \(noun) '\(word)'; expected a list of \(allowed).")
            }
            if !values.contains(value) { values.append(value) }
        }
        guard !values.isEmpty else { throw ValidationError("\(option): \(empty)") }
        return values
    }
}
