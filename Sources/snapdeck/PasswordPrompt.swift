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
        if isTerminal {
            var quiet = saved
            quiet.c_lflag &= ~tcflag_t(ECHO)
            // TCSANOW, not TCSAFLUSH: a password typed ahead of the prompt is kept.
            tcsetattr(fd, TCSANOW, &quiet)
        }
        defer {
            if isTerminal { tcsetattr(fd, TCSANOW, &saved) }
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
