/// Text made safe to print on a terminal.
public enum TerminalText {
    /// `text` with control characters (C0, DEL, C1) and bidirectional-formatting characters written
    /// as `\u{…}`, so that nothing read from an input file can move the cursor, clear the screen,
    /// cut a line short (NUL) or reorder what is shown (U+202E).
    ///
    /// - Parameters:
    ///   - text: The text to escape.
    ///   - keepingLineBreaks: Leaves line feeds and tabs as they are, for messages of several lines;
    ///     every other control character is still escaped.
    public static func escaped(_ text: String, keepingLineBreaks: Bool = false) -> String {
        var result = ""
        for scalar in text.unicodeScalars {
            let value = scalar.value
            let isControl = value < 0x20 || (0x7F...0x9F).contains(value)
            let isBidi = (0x202A...0x202E).contains(value) || (0x2066...0x2069).contains(value)
                || value == 0x200E || value == 0x200F || value == 0x061C
            let isKept = keepingLineBreaks && (scalar == "\n" || scalar == "\t")
            if (isControl || isBidi) && !isKept {
                result += "\\u{" + String(value, radix: 16, uppercase: true) + "}"
            } else {
                result.unicodeScalars.append(scalar)
            }
        }
        return result
    }
}
