/// Terminal column widths of text, and cutting, padding and wrapping by them: the CLI's result
/// grid and the dashboard measure with this one table, so both align the same text alike.
///
/// East Asian Wide and Fullwidth characters and emoji presentation take two columns, combining
/// marks and format characters none, everything else one. A `Character` (grapheme cluster) takes
/// the width of its base scalar, or two when it is an emoji sequence.
public enum DisplayWidth {
    public static func of(_ text: String) -> Int {
        var total = 0
        for ch in text { total += of(ch) }
        return total
    }

    public static func of(_ character: Character) -> Int {
        let scalars = character.unicodeScalars
        guard let first = scalars.first else { return 0 }
        if first.value < 0x80 {
            if scalars.count == 1 { return first.value < 0x20 || first.value == 0x7f ? 0 : 1 }
            // A keycap ("1️⃣") is ASCII plus U+FE0F; anything else keeps the ASCII width.
            return scalars.contains("\u{FE0F}") ? 2 : 1
        }
        if scalars.count > 1, scalars.contains(where: { $0.properties.isEmojiPresentation || $0.value == 0xFE0F }) {
            return 2
        }
        return of(first)
    }

    public static func of(_ scalar: Unicode.Scalar) -> Int {
        let v = scalar.value
        if v < 0x20 || (0x7f..<0xa0).contains(v) { return 0 }
        if v < 0x300 { return 1 }
        if isZeroWidth(scalar) { return 0 }
        return isWide(v) ? 2 : 1
    }

    static func isZeroWidth(_ scalar: Unicode.Scalar) -> Bool {
        let v = scalar.value
        if (0x1160...0x11ff).contains(v) || v == 0x200b { return true }
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .enclosingMark, .format: return true
        default: return false
        }
    }

    /// East Asian Wide (W) and Fullwidth (F) ranges from Unicode's EastAsianWidth.txt, merged.
    private static let wideRanges: [ClosedRange<UInt32>] = [
        0x1100...0x115f, 0x231a...0x231b, 0x2329...0x232a, 0x23e9...0x23ec, 0x23f0...0x23f0, 0x23f3...0x23f3,
        0x25fd...0x25fe, 0x2614...0x2615, 0x2648...0x2653, 0x267f...0x267f, 0x2693...0x2693, 0x26a1...0x26a1,
        0x26aa...0x26ab, 0x26bd...0x26be, 0x26c4...0x26c5, 0x26ce...0x26ce, 0x26d4...0x26d4, 0x26ea...0x26ea,
        0x26f2...0x26f3, 0x26f5...0x26f5, 0x26fa...0x26fa, 0x26fd...0x26fd, 0x2705...0x2705, 0x270a...0x270b,
        0x2728...0x2728, 0x274c...0x274c, 0x274e...0x274e, 0x2753...0x2755, 0x2757...0x2757, 0x2795...0x2797,
        0x27b0...0x27b0, 0x27bf...0x27bf, 0x2b1b...0x2b1c, 0x2b50...0x2b50, 0x2b55...0x2b55, 0x2e80...0x303e,
        0x3041...0x33ff, 0x3400...0x4dbf, 0x4e00...0x9fff, 0xa000...0xa4cf, 0xa960...0xa97f, 0xac00...0xd7a3,
        0xf900...0xfaff, 0xfe10...0xfe19, 0xfe30...0xfe6f, 0xff00...0xff60, 0xffe0...0xffe6, 0x16fe0...0x16fe4,
        0x17000...0x18aff, 0x1b000...0x1b2ff, 0x1f004...0x1f004, 0x1f0cf...0x1f0cf, 0x1f18e...0x1f18e,
        0x1f191...0x1f19a, 0x1f200...0x1f251, 0x1f300...0x1f64f, 0x1f680...0x1f6ff, 0x1f7e0...0x1f7eb,
        0x1f90c...0x1f9ff, 0x1fa70...0x1faff, 0x20000...0x2fffd, 0x30000...0x3fffd,
    ]

    static func isWide(_ v: UInt32) -> Bool {
        var low = 0
        var high = wideRanges.count - 1
        while low <= high {
            let mid = (low + high) / 2
            let range = wideRanges[mid]
            if v < range.lowerBound {
                high = mid - 1
            } else if v > range.upperBound {
                low = mid + 1
            } else {
                return true
            }
        }
        return false
    }

    /// `text` cut to at most `width` columns, ending in `ellipsis` when anything was cut.
    public static func truncate(_ text: String, to width: Int, ellipsis: String = "…") -> String {
        guard width > 0 else { return "" }
        if of(text) <= width { return text }
        let room = width - of(ellipsis)
        guard room >= 0 else { return prefix(text, width: width) }
        return prefix(text, width: room) + ellipsis
    }

    /// The longest prefix of `text` that fits in `width` columns (a wide character never splits).
    public static func prefix(_ text: String, width: Int) -> String {
        var used = 0
        var result = ""
        for ch in text {
            let w = of(ch)
            if used + w > width { break }
            used += w
            result.append(ch)
        }
        return result
    }

    /// `text` cut from the left to fit, e.g. a long path that matters most at its end.
    public static func truncateLeading(_ text: String, to width: Int, ellipsis: String = "…") -> String {
        guard width > 0 else { return "" }
        if of(text) <= width { return text }
        let room = width - of(ellipsis)
        guard room > 0 else { return String(ellipsis.prefix(width)) }
        var used = 0
        var kept: [Character] = []
        for ch in text.reversed() {
            let w = of(ch)
            if used + w > room { break }
            used += w
            kept.append(ch)
        }
        return ellipsis + String(kept.reversed())
    }

    /// `text` padded with spaces to `width` columns (never cut).
    public static func pad(_ text: String, to width: Int) -> String {
        let w = of(text)
        return w >= width ? text : text + String(repeating: " ", count: width - w)
    }

    /// `text` padded with spaces to exactly `width` columns, cut with an ellipsis if longer.
    public static func fit(_ text: String, _ width: Int, alignRight: Bool = false, ellipsis: String = "…") -> String {
        let cut = truncate(text, to: width, ellipsis: ellipsis)
        let gap = String(repeating: " ", count: max(0, width - of(cut)))
        return alignRight ? gap + cut : cut + gap
    }

    /// Lines of at most `width` columns: breaks at spaces where it can, inside words where it must,
    /// and at every newline in `text`.
    public static func wrap(_ text: String, width: Int) -> [String] {
        guard width > 0 else { return [] }
        var lines: [String] = []
        for fullParagraph in text.split(separator: "\n", omittingEmptySubsequences: false) {
            // Leading spaces indent every line of their paragraph.
            let indent = String(fullParagraph.prefix { $0 == " " })
            guard indent.count < width else {
                lines.append(String(fullParagraph))
                continue
            }
            let paragraph = fullParagraph.dropFirst(indent.count)
            let width = width - indent.count
            var line = indent
            var lineWidth = 0
            for word in paragraph.split(separator: " ", omittingEmptySubsequences: false) {
                var word = String(word)
                var wordWidth = of(word)
                let gap = lineWidth == 0 ? 0 : 1
                if lineWidth + gap + wordWidth <= width {
                    if gap == 1 { line += " " }
                    line += word
                    lineWidth += gap + wordWidth
                    continue
                }
                if lineWidth > 0 {
                    lines.append(line)
                    line = indent
                    lineWidth = 0
                }
                while wordWidth > width {
                    var head = prefix(word, width: width)
                    // A wide character in a one-column wrap still has to go somewhere.
                    if head.isEmpty, let first = word.first { head = String(first) }
                    lines.append(indent + head)
                    word = String(word.dropFirst(head.count))
                    wordWidth = of(word)
                }
                line = indent + word
                lineWidth = wordWidth
            }
            lines.append(line)
        }
        return lines
    }
}
