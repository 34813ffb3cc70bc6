import Foundation

/// Asks for a password on the terminal without echoing it, as the mysql client's `-p` does.
enum PasswordPrompt {
    /// The line typed on `/dev/tty` after `prompt`, or nil when there is no terminal to ask on.
    static func read(_ prompt: String = "Enter password: ") -> String? {
        let fd = open("/dev/tty", O_RDWR | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var saved = termios()
        let isTerminal = tcgetattr(fd, &saved) == 0
        if isTerminal { EchoGuard.silence(fd, saved) }
        defer {
            if isTerminal { EchoGuard.restore() }
        }
        write(fd, prompt, prompt.utf8.count)
        var line: [UInt8] = []
        var byte: UInt8 = 0
        while Foundation.read(fd, &byte, 1) == 1, byte != UInt8(ascii: "\n") {
            line.append(byte)
        }
        // The Enter was not echoed either.
        write(fd, "\n", 1)
        if line.last == UInt8(ascii: "\r") { line.removeLast() }
        return String(decoding: line, as: UTF8.self)
    }
}

/// Turns echo off and back on, also when Ctrl-C or a signal ends the process at the prompt:
/// a shell left without echo looks broken. The handlers only call tcsetattr, which is
/// async-signal-safe.
private enum EchoGuard {
    // Written before the handlers are installed and read by them only; one prompt at a time.
    nonisolated(unsafe) static var terminal: Int32 = -1
    nonisolated(unsafe) static var saved = termios()
    static let signals = [SIGINT, SIGTERM, SIGHUP, SIGQUIT]

    static func silence(_ fd: Int32, _ modes: termios) {
        terminal = fd
        saved = modes
        for signal in signals {
            Foundation.signal(signal) { number in
                tcsetattr(EchoGuard.terminal, TCSANOW, &EchoGuard.saved)
                Foundation.signal(number, SIG_DFL)
                raise(number)
            }
        }
        var quiet = modes
        quiet.c_lflag &= ~tcflag_t(ECHO)
        // TCSANOW, not TCSAFLUSH: a password typed ahead of the prompt is kept.
        tcsetattr(fd, TCSANOW, &quiet)
    }

    static func restore() {
        tcsetattr(terminal, TCSANOW, &saved)
        for signal in signals { Foundation.signal(signal, SIG_DFL) }
    }
}
