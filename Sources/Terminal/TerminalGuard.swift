import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Puts the terminal back the way it was on every exit path: normal quit, signals handled on
/// the main queue, `exit()` (atexit), and crashes (a last-resort handler that only makes
/// async-signal-safe calls: restore the saved termios, show the cursor, leave the alternate
/// screen, stop mouse reporting, then re-raise so the crash is still reported).
public enum TerminalGuard {
    nonisolated(unsafe) private static var saved = termios()
    nonisolated(unsafe) private static var armed = false
    private static let crashSignals: [Int32] = [SIGILL, SIGTRAP, SIGSEGV, SIGBUS, SIGABRT, SIGFPE]
    /// Show cursor, leave the alternate screen, mouse reporting off, attributes reset.
    private static let resetSequence: [UInt8] = Array("\u{1b}[?25h\u{1b}[?1049l\u{1b}[?1000l\u{1b}[?1003l\u{1b}[0m\r\n".utf8)

    /// Remembers the terminal's current settings; call before curses starts.
    public static func arm() {
        guard !armed, tcgetattr(STDIN_FILENO, &saved) == 0 else { return }
        armed = true
        atexit { TerminalGuard.restoreTerminalState() }
        for signal in crashSignals {
            var action = sigaction()
            action.__sigaction_handler.sa_handler = { number in
                TerminalGuard.restoreTerminalState()
                Glibc.signal(number, SIG_DFL)
                raise(number)
            }
            sigemptyset(&action.sa_mask)
            action.sa_flags = 0  // the handler itself resets to SIG_DFL before re-raising
            sigaction(signal, &action, nil)
        }
    }

    /// Restores termios and the visible terminal state. Idempotent and async-signal-safe.
    public static func restoreTerminalState() {
        guard armed else { return }
        tcsetattr(STDIN_FILENO, TCSANOW, &saved)
        resetSequence.withUnsafeBytes { _ = write(STDOUT_FILENO, $0.baseAddress, $0.count) }
    }

    /// Forgets the saved state after an orderly shutdown (so atexit does nothing more).
    public static func disarm() {
        armed = false
        for signal in crashSignals { Glibc.signal(signal, SIG_DFL) }
    }
}
