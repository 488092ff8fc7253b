/// How the text of a scalar reads as a number or a boolean under the YAML 1.2 core schema.
///
/// Yams resolves plain scalars by YAML 1.1 rules, where `010000` is octal (4096), `12:30` is
/// base 60 (750), `0x10` is 16, `1_000` is 1000 and `yes`, `on`, `no`, `off` are booleans. Number
/// and boolean fields read the text themselves instead: a YAML 1.2 decimal number, or `true` /
/// `false`. Every other number form is refused with what it would have been read as, so that a
/// value never changes meaning between YAML readers without a word.
enum ScalarText {
    /// What a scalar's text means in a number field.
    enum Number: Equatable {
        /// A YAML 1.2 core decimal number (`10000`, `-1.5`, `.5`, `2e6`), or `.inf` / `.nan`.
        case value(Double)
        /// A number form that YAML 1.2 core does not read as a decimal number the way YAML 1.1 does:
        /// the message says how it would have been read, the hint what to write.
        case refused(message: String, hint: String)
        /// Not a number in any YAML version.
        case notANumber
    }

    /// What a scalar's text means in a boolean field.
    enum Boolean: Equatable {
        /// `true`, `True`, `TRUE`, `false`, `False` or `FALSE`.
        case value(Bool)
        /// A YAML 1.1 boolean (`yes`, `no`, `on`, `off`, `y`, `n`): the message and the hint.
        case refused(message: String, hint: String)
        /// Not a boolean.
        case notABoolean
    }

    /// Reads `text` (already trimmed of spaces) as a number field's value.
    static func number(_ text: String) -> Number {
        if let value = plainDecimal(text) { return .value(value) }
        let (negative, body) = splitSign(text)
        let sign = negative ? "-" : ""
        if let special = infinityOrNaN(body) { return .value(negative ? -special : special) }
        if isDecimal(body) {
            let isInteger = body.allSatisfy(\.isASCIIDigit)
            if isInteger, body.count > 1, body.hasPrefix("0") {
                return leadingZero(body, sign: sign, text: text)
            }
            return Double(text).map(Number.value) ?? .notANumber
        }
        for (prefix, radix, name) in [("0x", 16, "a hexadecimal"), ("0o", 8, "an octal"), ("0b", 2, "a YAML 1.1 binary")] {
            guard body.hasPrefix(prefix), let value = Int(body.dropFirst(2).filter { $0 != "_" }, radix: radix) else {
                continue
            }
            return .refused(
                message: "found '\(text)', \(name) number (\(sign)\(value))",
                hint: "write \(sign)\(value) as a decimal number")
        }
        if let value = sexagesimal(body) {
            let written = format(negative ? -value : value)
            return .refused(
                message: "found '\(text)', which YAML 1.1 reads as the base-60 number \(written)",
                hint: "write \(written) if that is meant; YAML 1.2 reads base-60 numbers as text")
        }
        if body.contains("_"), isDecimal(body.filter { $0 != "_" }), let value = Double(sign + body.filter { $0 != "_" }) {
            let written = format(value)
            return .refused(
                message: "found '\(text)', which YAML 1.1 reads as \(written) (digits grouped with '_')",
                hint: "YAML 1.2 has no digit separators: write \(written)")
        }
        return .notANumber
    }

    /// The value of `text` when it is a YAML 1.2 decimal other than an integer with a leading zero,
    /// read from its UTF-8 bytes; `nil` leaves the text to ``number(_:)``'s general reading.
    private static func plainDecimal(_ text: String) -> Double? {
        var text = text
        let isPlain = text.withUTF8 { isPlainDecimal($0) }
        return isPlain ? Double(text) : nil
    }

    /// True when `utf8` is a YAML 1.2 decimal other than an integer with a leading zero.
    private static func isPlainDecimal(_ utf8: UnsafeBufferPointer<UInt8>) -> Bool {
        func isDigit(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }
        var index = 0
        let end = utf8.count
        if index < end, utf8[index] == UInt8(ascii: "-") || utf8[index] == UInt8(ascii: "+") { index += 1 }
        let wholeStart = index
        while index < end, isDigit(utf8[index]) { index += 1 }
        let wholeCount = index - wholeStart
        var isInteger = true
        var fractionDigits = 0
        if index < end, utf8[index] == UInt8(ascii: ".") {
            isInteger = false
            index += 1
            let fractionStart = index
            while index < end, isDigit(utf8[index]) { index += 1 }
            fractionDigits = index - fractionStart
        }
        guard wholeCount > 0 || fractionDigits > 0 else { return false }
        if index < end {
            guard utf8[index] == UInt8(ascii: "e") || utf8[index] == UInt8(ascii: "E") else { return false }
            isInteger = false
            index += 1
            if index < end, utf8[index] == UInt8(ascii: "-") || utf8[index] == UInt8(ascii: "+") { index += 1 }
            guard index < end else { return false }
            while index < end {
                guard isDigit(utf8[index]) else { return false }
                index += 1
            }
        }
        return !(isInteger && wholeCount > 1 && utf8[wholeStart] == UInt8(ascii: "0"))
    }

    /// The YAML 1.1 booleans that mean true.
    private static let yes: Set<String> = ["y", "Y", "yes", "Yes", "YES", "on", "On", "ON"]
    /// The YAML 1.1 booleans that mean false.
    private static let no: Set<String> = ["n", "N", "no", "No", "NO", "off", "Off", "OFF"]

    /// Reads the text of a plain scalar as a boolean field's value.
    static func boolean(_ text: String) -> Boolean {
        guard text.utf8.count <= 5 else { return .notABoolean }
        switch text {
        case "true", "True", "TRUE": return .value(true)
        case "false", "False", "FALSE": return .value(false)
        default: break
        }
        guard text.utf8.count <= 3, yes.contains(text) || no.contains(text) else { return .notABoolean }
        let meaning = yes.contains(text)
        return .refused(
            message: "found '\(text)', which YAML 1.1 reads as \(meaning)",
            hint: "YAML 1.2 has only true and false: write \(meaning)")
    }

    /// The refusal of an integer with a leading zero: octal in YAML 1.1, decimal in YAML 1.2.
    private static func leadingZero(_ body: Substring, sign: String, text: String) -> Number {
        let decimal = sign + String(body.drop { $0 == "0" }.isEmpty ? "0" : body.drop { $0 == "0" })
        guard let octal = Int(body, radix: 8) else {
            return .refused(
                message: "found '\(text)', a number with a leading zero (octal in YAML 1.1)",
                hint: "write \(decimal), without the leading zero")
        }
        return .refused(
            message: "found '\(text)', which YAML 1.1 reads as the octal number \(sign)\(octal) and YAML 1.2 as \(decimal)",
            hint: "write \(decimal) without the leading zero, or \(sign)\(octal) if octal was meant")
    }

    /// The sign, and the text after it.
    private static func splitSign(_ text: String) -> (negative: Bool, body: Substring) {
        if text.hasPrefix("-") { return (true, text.dropFirst()) }
        if text.hasPrefix("+") { return (false, text.dropFirst()) }
        return (false, text[...])
    }

    /// `.inf` or `.nan` in YAML 1.2's three spellings, after the sign.
    private static func infinityOrNaN(_ body: Substring) -> Double? {
        switch body {
        case ".inf", ".Inf", ".INF": .infinity
        case ".nan", ".NaN", ".NAN": .nan
        default: nil
        }
    }

    /// True for YAML 1.2's decimal form after the sign: `(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?`.
    private static func isDecimal(_ body: some StringProtocol) -> Bool {
        var rest = Substring(body)
        let whole = rest.prefix(while: \.isASCIIDigit)
        rest = rest.dropFirst(whole.count)
        var fraction: Substring = ""
        if rest.first == "." {
            rest = rest.dropFirst()
            fraction = rest.prefix(while: \.isASCIIDigit)
            rest = rest.dropFirst(fraction.count)
        }
        guard !whole.isEmpty || !fraction.isEmpty else { return false }
        guard let e = rest.first else { return true }
        guard e == "e" || e == "E" else { return false }
        rest = rest.dropFirst()
        if rest.first == "-" || rest.first == "+" { rest = rest.dropFirst() }
        return !rest.isEmpty && rest.allSatisfy(\.isASCIIDigit)
    }

    /// The value of a YAML 1.1 base-60 number (`12:30` is 750, `1:30.5` is 90.5), after the sign.
    private static func sexagesimal(_ body: Substring) -> Double? {
        let parts = body.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count > 1, let first = parts.first, !first.isEmpty, first.allSatisfy({ $0.isASCIIDigit || $0 == "_" })
        else { return nil }
        var value = Double(first.filter { $0 != "_" }) ?? 0
        for (index, part) in parts.dropFirst().enumerated() {
            let isLast = index == parts.count - 2
            let digits = isLast ? part.prefix { $0 != "." } : part
            guard (1...2).contains(digits.count), digits.allSatisfy(\.isASCIIDigit), let sixty = Double(digits),
                sixty < 60
            else { return nil }
            let fraction = part.dropFirst(digits.count)
            guard fraction.isEmpty || (isLast && fraction.dropFirst().allSatisfy { $0.isASCIIDigit || $0 == "_" })
            else { return nil }
            value = value * 60 + sixty + (fraction.count > 1 ? Double("0" + fraction.filter { $0 != "_" }) ?? 0 : 0)
        }
        return value
    }

    /// A number as written in messages: `750`, `90.5`.
    private static func format(_ value: Double) -> String {
        value.rounded() == value && abs(value) < 1e15 ? String(Int(value)) : String(value)
    }
}

extension Character {
    /// True for the ASCII digits 0 to 9.
    fileprivate var isASCIIDigit: Bool { isASCII && isNumber }
}
