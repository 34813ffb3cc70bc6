/// Terminal column widths: East Asian wide and fullwidth characters take two columns,
/// combining marks none. Enough of Unicode's EastAsianWidth table for CJK, Hangul, kana,
/// fullwidth forms and emoji, which is what labels and comments contain in practice.
public enum DisplayWidth {
    public static func of(_ text: String) -> Int {
        var width = 0
        for scalar in text.unicodeScalars { width += of(scalar) }
        return width
    }

    public static func of(_ scalar: Unicode.Scalar) -> Int {
        let v = scalar.value
        if v < 0x20 || (0x7f..<0xa0).contains(v) { return 0 }
        if v < 0x300 { return 1 }
        if (0x300...0x36f).contains(v) || (0x200b...0x200f).contains(v) || (0xfe00...0xfe0f).contains(v) { return 0 }
        if (0x1100...0x115f).contains(v) || (0x2e80...0x303e).contains(v) || (0x3041...0x33ff).contains(v)
            || (0x3400...0x4dbf).contains(v) || (0x4e00...0x9fff).contains(v) || (0xa000...0xa4cf).contains(v)
            || (0xac00...0xd7a3).contains(v) || (0xf900...0xfaff).contains(v) || (0xfe30...0xfe4f).contains(v)
            || (0xff00...0xff60).contains(v) || (0xffe0...0xffe6).contains(v) || (0x1f300...0x1f64f).contains(v)
            || (0x1f900...0x1f9ff).contains(v) || (0x20000...0x3fffd).contains(v)
        {
            return 2
        }
        return 1
    }

    /// `text` padded with spaces to `width` columns (never cut).
    public static func pad(_ text: String, to width: Int) -> String {
        let w = of(text)
        return w >= width ? text : text + String(repeating: " ", count: width - w)
    }
}
