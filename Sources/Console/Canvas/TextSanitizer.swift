/// Makes data safe to draw: nothing in a label, message or cell may move the cursor or restyle
/// the terminal.
///
/// C0 controls become caret notation (`ESC` → `^[`), newlines and tabs become spaces, DEL and C1
/// controls become `?`, and bidirectional overrides are dropped (they could reorder what the
/// operator reads). Everything else, CJK and emoji included, passes through.
public enum TextSanitizer {
    public static func clean(_ text: String) -> String {
        guard needsCleaning(text) else { return text }
        var result = ""
        for scalar in text.unicodeScalars {
            result += clean(scalar)
        }
        return result
    }

    static func needsCleaning(_ text: String) -> Bool {
        text.unicodeScalars.contains { isUnsafe($0) }
    }

    static func isUnsafe(_ scalar: Unicode.Scalar) -> Bool {
        let v = scalar.value
        return v < 0x20 || (0x7f...0x9f).contains(v) || (0x202a...0x202e).contains(v) || (0x2066...0x2069).contains(v)
    }

    private static func clean(_ scalar: Unicode.Scalar) -> String {
        let v = scalar.value
        switch v {
        case 0x09, 0x0a, 0x0d: return " "
        case 0..<0x20: return "^" + String(Character(Unicode.Scalar(v + 0x40)!))
        case 0x7f...0x9f: return "?"
        case 0x202a...0x202e, 0x2066...0x2069: return ""
        default: return String(scalar)
        }
    }
}
