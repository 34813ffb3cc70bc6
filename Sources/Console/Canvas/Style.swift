/// The 16 ANSI colours every terminal has; themes never rely on more.
public enum TerminalColor: String, Sendable, Hashable, CaseIterable {
    case black, red, green, yellow, blue, magenta, cyan, white
    case brightBlack, brightRed, brightGreen, brightYellow, brightBlue, brightMagenta, brightCyan, brightWhite
}

/// How a role looks: colours (nil = the terminal's default) and attributes.
public struct Style: Sendable, Hashable {
    public var foreground: TerminalColor?
    public var background: TerminalColor?
    public var attributes: TextAttributes

    public init(_ foreground: TerminalColor? = nil, on background: TerminalColor? = nil, _ attributes: TextAttributes = []) {
        self.foreground = foreground
        self.background = background
        self.attributes = attributes
    }
}
