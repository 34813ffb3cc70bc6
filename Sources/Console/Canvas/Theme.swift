import Foundation

/// Maps roles to styles and picks the glyph set.
///
/// `standard` uses the 16-colour palette on the terminal's default background (readable on light
/// and dark terminals); `monochrome` is what `NO_COLOR` gets: no colours at all, with roles still
/// told apart by bold, reverse, underline and dim, and states by glyph and word.
public struct Theme: Sendable, Hashable {
    public var name: String
    public var glyphs: GlyphSet
    public var styles: [Role: Style]

    public init(name: String, glyphs: GlyphSet, styles: [Role: Style]) {
        self.name = name
        self.glyphs = glyphs
        self.styles = styles
    }

    public var usesColor: Bool {
        styles.values.contains { $0.foreground != nil || $0.background != nil }
    }

    /// The style the terminal paints a cell with: the role's style plus the cell's own attributes.
    public func style(for cell: Cell) -> Style {
        var style = styles[cell.role] ?? Style()
        style.attributes.formUnion(cell.attributes)
        return style
    }

    public static func standard(asciiOnly: Bool = false) -> Theme {
        Theme(name: "standard", glyphs: asciiOnly ? .ascii : .unicode, styles: [
            .normal: Style(), .dim: Style(.brightBlack), .header: Style(.black, on: .cyan),
            .badge: Style(.black, on: .yellow, .bold), .tab: Style(), .tabActive: Style(.black, on: .cyan, .bold),
            .columnHeader: Style(nil, on: nil, [.bold, .underline]), .selected: Style(nil, on: nil, .reverse),
            .running: Style(.cyan, on: nil, .bold), .finished: Style(.green), .failed: Style(.red, on: nil, .bold),
            .pending: Style(.yellow), .warning: Style(.yellow, on: nil, .bold), .error: Style(.red, on: nil, .bold),
            .info: Style(.green), .key: Style(.black, on: .cyan), .hint: Style(), .border: Style(.cyan),
            .title: Style(.cyan, on: nil, .bold), .input: Style(nil, on: nil, .underline),
            .danger: Style(.white, on: .red, .bold), .sql: Style(.magenta), .progressDone: Style(.green),
            .progressTodo: Style(.brightBlack),
        ])
    }

    public static func monochrome(asciiOnly: Bool = false) -> Theme {
        Theme(name: "monochrome", glyphs: asciiOnly ? .ascii : .unicode, styles: [
            .normal: Style(), .dim: Style(nil, on: nil, .dim), .header: Style(nil, on: nil, .reverse),
            .badge: Style(nil, on: nil, [.bold, .reverse]), .tab: Style(), .tabActive: Style(nil, on: nil, [.bold, .reverse]),
            .columnHeader: Style(nil, on: nil, [.bold, .underline]), .selected: Style(nil, on: nil, .reverse),
            .running: Style(nil, on: nil, .bold), .finished: Style(), .failed: Style(nil, on: nil, [.bold, .underline]),
            .pending: Style(nil, on: nil, .dim), .warning: Style(nil, on: nil, .bold),
            .error: Style(nil, on: nil, [.bold, .underline]), .info: Style(), .key: Style(nil, on: nil, .reverse),
            .hint: Style(), .border: Style(), .title: Style(nil, on: nil, .bold), .input: Style(nil, on: nil, .underline),
            .danger: Style(nil, on: nil, [.bold, .reverse]), .sql: Style(nil, on: nil, .bold), .progressDone: Style(),
            .progressTodo: Style(nil, on: nil, .dim),
        ])
    }

    /// The theme an environment asks for: `NO_COLOR` (any value, per no-color.org) turns colours
    /// off, and a locale (`LC_ALL`, then `LC_CTYPE`, then `LANG`) that is not UTF-8 picks ASCII glyphs.
    public static func fromEnvironment(_ environment: [String: String]) -> Theme {
        let locale = [environment["LC_ALL"], environment["LC_CTYPE"], environment["LANG"]]
            .compactMap { $0 }.first { !$0.isEmpty } ?? ""
        let normalized = locale.lowercased().replacingOccurrences(of: "-", with: "")
        let asciiOnly = !normalized.contains("utf8")
        return environment["NO_COLOR"] != nil ? monochrome(asciiOnly: asciiOnly) : standard(asciiOnly: asciiOnly)
    }
}
