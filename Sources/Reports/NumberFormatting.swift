/// Fixed, locale-free number formatting for tables (deterministic output).
public enum NumberFormatting {
    /// An integer with thousands separators: 1234567.8 → "1,234,568".
    public static func grouped(_ value: Double) -> String {
        guard value.isFinite else { return "—" }
        // Beyond Int64's range (only absurd inputs get there) fall back to exponent notation.
        guard abs(value) < 9e18 else { return "\(value)" }
        let rounded = value.rounded()
        let negative = rounded < 0
        let digits = String(Int64(abs(rounded)))
        var out = ""
        for (i, ch) in digits.enumerated() {
            if i > 0, (digits.count - i) % 3 == 0 { out += "," }
            out.append(ch)
        }
        return (negative ? "-" : "") + out
    }

    /// A number with a fixed count of decimals: (3.14159, 1) → "3.1".
    public static func fixed(_ value: Double, _ decimals: Int) -> String {
        guard value.isFinite else { return "—" }
        guard abs(value) < 1e15 else { return grouped(value) }
        var scale = 1.0
        for _ in 0..<decimals { scale *= 10 }
        let scaled = (abs(value) * scale).rounded()
        let whole = Int64(scaled / scale)
        var text = grouped(Double(whole))
        if decimals > 0 {
            let fraction = Int64(scaled) - whole * Int64(scale)
            let f = String(fraction)
            text += "." + String(repeating: "0", count: decimals - f.count) + f
        }
        let isZero = scaled == 0
        return (value < 0 && !isZero ? "-" : "") + text
    }

    /// A share as a percentage: 0.1234 → "12.3%".
    public static func percent(_ share: Double) -> String { fixed(share * 100, 1) + "%" }

    /// USD with a magnitude suffix: 2.345e9 → "2.35 bn".
    public static func money(_ value: Double) -> String {
        let a = abs(value)
        if a >= 1e9 { return fixed(value / 1e9, 2) + " bn" }
        if a >= 1e6 { return fixed(value / 1e6, 1) + " m" }
        return grouped(value)
    }

    /// A change with an explicit sign and thousands separators: 1234.4 → "+1,234", −5 → "-5", 0.2 → "0".
    public static func signedGrouped(_ value: Double) -> String {
        let text = grouped(value)
        return value.rounded() > 0 ? "+" + text : text
    }

    /// A change with an explicit sign and fixed decimals: (1.25, 1) → "+1.3"; zero after rounding → "0.0".
    public static func signedFixed(_ value: Double, _ decimals: Int) -> String {
        let text = fixed(value, decimals)
        return value > 0 && text.contains(where: { $0 != "0" && $0 != "." && $0 != "," }) ? "+" + text : text
    }

    /// USD with a magnitude suffix and an explicit sign: 2.3e8 → "+230.0 m".
    public static func signedMoney(_ value: Double) -> String {
        let text = money(value)
        return value > 0 && text.contains(where: { ("1"..."9").contains($0) }) ? "+" + text : text
    }
}
