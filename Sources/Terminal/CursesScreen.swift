import CNcurses
import Console
import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Why the dashboard cannot take over the terminal.
public enum TerminalError: Error, CustomStringConvertible {
    case notATerminal
    case unsupportedTerminal(String)

    public var description: String {
        switch self {
        case .notATerminal: "the dashboard needs a terminal: stdin and stdout must be a TTY (use `snapdeck sql` in scripts)"
        case .unsupportedTerminal(let term): "cannot start the dashboard on terminal type '\(term)'"
        }
    }
}

/// The only code that touches ncurses. Must be used from the main queue only: ncurses is not
/// thread-safe. Paints whole `CellBuffer` frames (ncurses diffs them against the screen) and
/// turns input into `Key`s.
@MainActor
public final class CursesScreen {
    private let screen: OpaquePointer
    private let window: UnsafeMutablePointer<WINDOW>
    private var pairs = ColorPairs()
    public private(set) var width: Int
    public private(set) var height: Int
    /// True when the locale is UTF-8 (otherwise the dashboard uses ASCII glyphs).
    public let utf8: Bool
    public let hasColors: Bool

    /// Starts curses on the terminal. Signals must already be set to SIG_IGN by the caller
    /// (ncurses only installs handlers for signals left at SIG_DFL).
    public init() throws {
        guard isatty(STDIN_FILENO) == 1, isatty(STDOUT_FILENO) == 1 else { throw TerminalError.notATerminal }
        setlocale(LC_ALL, "")
        utf8 = String(cString: snapdeck_codeset()) == "UTF-8"
        TerminalGuard.arm()
        guard let output = fdopen(STDOUT_FILENO, "w"), let input = fdopen(STDIN_FILENO, "r"),
            let screen = newterm(nil, output, input)
        else {
            throw TerminalError.unsupportedTerminal(ProcessInfo.processInfo.environment["TERM"] ?? "")
        }
        self.screen = screen
        set_term(screen)
        guard let window = snapdeck_stdscr() else { throw TerminalError.unsupportedTerminal("no screen") }
        self.window = window
        cbreak()
        noecho()
        nonl()
        keypad(window, true)
        nodelay(window, true)
        intrflush(window, false)
        set_escdelay(25)
        curs_set(0)
        hasColors = has_colors()
        if hasColors {
            start_color()
            use_default_colors()
        }
        width = Int(getmaxx(window))
        height = Int(getmaxy(window))
    }

    /// Ends curses and restores the terminal. Safe to call twice.
    public func close() {
        curs_set(1)
        endwin()
        delscreen(screen)
        TerminalGuard.restoreTerminalState()
        TerminalGuard.disarm()
    }

    /// Reads the new size from the terminal and tells ncurses about it.
    public func refreshSize() {
        var size = winsize()
        if ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_row > 0, size.ws_col > 0 {
            resizeterm(Int32(size.ws_row), Int32(size.ws_col))
        }
        width = Int(getmaxx(window))
        height = Int(getmaxy(window))
    }

    /// Forces a full repaint on the next frame (Ctrl-L).
    public func invalidate() {
        clearok(snapdeck_curscr(), true)
    }

    /// Paints a whole frame, then one `doupdate`.
    public func present(_ buffer: CellBuffer, theme: Theme) {
        for y in 0..<min(buffer.height, height) {
            wmove(window, Int32(y), 0)
            var x = 0
            while x < min(buffer.width, width) {
                let cell = buffer[x, y]
                if cell.isContinuation {
                    x += 1
                    continue
                }
                // The last column of the last row would scroll the screen with addch; skip it.
                if y == height - 1 && x + Int(cell.width) >= width { break }
                let (attrs, pair) = attributes(for: cell, theme: theme)
                // wattr_set carries the colour pair separately: with ncursesw's extended
                // colours a pair folded into the attribute bits is ignored.
                wattr_set(window, attrs, pair, nil)
                var text = String(cell.character)
                text.withUTF8 { utf8 in
                    utf8.withMemoryRebound(to: CChar.self) { chars in
                        _ = mvwaddnstr(window, Int32(y), Int32(x), chars.baseAddress, Int32(chars.count))
                    }
                }
                x += max(1, Int(cell.width))
            }
        }
        wattr_set(window, snapdeck_a_normal(), 0, nil)
        if let cursor = buffer.cursor {
            curs_set(1)
            wmove(window, Int32(cursor.y), Int32(cursor.x))
        } else {
            curs_set(0)
        }
        wnoutrefresh(window)
        doupdate()
    }

    /// Every key waiting on stdin (none when nothing is pending).
    public func readKeys() -> [Key] {
        var keys: [Key] = []
        var ch: wint_t = 0
        while true {
            let status = wget_wch(window, &ch)
            if status == ERR { break }
            if status == KEY_CODE_YES {
                if let key = KeyDecoder.special(Int32(ch)) { keys.append(key) }
            } else if let key = KeyDecoder.character(UInt32(ch)) {
                keys.append(key)
            }
        }
        return keys
    }

    private func attributes(for cell: Cell, theme: Theme) -> (attr_t, Int16) {
        let style = theme.style(for: cell)
        var attrs = snapdeck_a_normal()
        let all = style.attributes.union(cell.attributes)
        if all.contains(.bold) { attrs |= snapdeck_a_bold() }
        if all.contains(.reverse) { attrs |= snapdeck_a_reverse() }
        if all.contains(.underline) { attrs |= snapdeck_a_underline() }
        if all.contains(.dim) { attrs |= snapdeck_a_dim() }
        var pair: Int16 = 0
        if hasColors, theme.usesColor, style.foreground != nil || style.background != nil {
            pair = Int16(pairs.pair(style.foreground, style.background))
        }
        return (attrs, pair)
    }
}

/// Allocates ncurses colour pairs lazily, one per (foreground, background) used.
struct ColorPairs {
    private var pairs: [String: Int] = [:]

    mutating func pair(_ foreground: TerminalColor?, _ background: TerminalColor?) -> Int {
        let key = "\(foreground?.rawValue ?? "-")/\(background?.rawValue ?? "-")"
        if let n = pairs[key] { return n }
        let n = pairs.count + 1
        init_pair(Int16(n), Self.number(foreground), Self.number(background))
        pairs[key] = n
        return n
    }

    /// ncurses colour numbers; -1 is the terminal's default (kept for light and dark themes).
    static func number(_ color: TerminalColor?) -> Int16 {
        guard let color else { return -1 }
        let index = Int16(TerminalColor.allCases.firstIndex(of: color) ?? 0)
        return index < 8 ? index : (snapdeck_colors() >= 16 ? index : index - 8)
    }
}
