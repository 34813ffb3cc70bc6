import Engine
import Essentials
import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// A small line editor for the SQL shell: raw-mode terminal, cursor keys, history, the usual
/// Emacs keys (Ctrl-A/E/B/F/K/U/W), Ctrl-C to drop the line and Ctrl-D to leave. Reads UTF-8
/// and places the cursor by display width, so CJK text edits correctly.
final class LineEditor {
    enum Outcome {
        case line(String)
        case interrupted
        case endOfInput
    }

    private(set) var history: [String] = []
    private var saved = termios()

    init(history: [String]) {
        self.history = history
    }

    func addHistory(_ entry: String) {
        guard !entry.isEmpty, history.last != entry else { return }
        history.append(entry)
        if history.count > 1000 { history.removeFirst(history.count - 1000) }
    }

    func readLine(prompt: String) -> Outcome {
        guard tcgetattr(STDIN_FILENO, &saved) == 0 else { return fallbackRead(prompt) }
        var raw = saved
        raw.c_lflag &= ~tcflag_t(ICANON | ECHO | ISIG | IEXTEN)
        raw.c_iflag &= ~tcflag_t(IXON | ICRNL)
        tcsetattr(STDIN_FILENO, TCSAFLUSH, &raw)
        defer { tcsetattr(STDIN_FILENO, TCSAFLUSH, &saved) }

        var buffer: [Character] = []
        var cursor = 0
        var historyIndex = history.count
        var draft: [Character] = []
        func redraw() {
            let after = String(buffer[cursor...])
            var text = "\r" + prompt + String(buffer) + "\u{1b}[K"
            let back = DisplayWidth.of(after)
            if back > 0 { text += "\u{1b}[\(back)D" }
            emit(text)
        }
        emit(prompt)
        while true {
            guard let key = readKey() else { return .endOfInput }
            switch key {
            case .character(let c):
                buffer.insert(c, at: cursor)
                cursor += 1
            case .enter:
                emit("\r\n")
                return .line(String(buffer))
            case .backspace where cursor > 0:
                buffer.remove(at: cursor - 1)
                cursor -= 1
            case .delete where cursor < buffer.count:
                buffer.remove(at: cursor)
            case .left where cursor > 0: cursor -= 1
            case .right where cursor < buffer.count: cursor += 1
            case .home: cursor = 0
            case .end: cursor = buffer.count
            case .killToEnd: buffer.removeSubrange(cursor...)
            case .killToStart:
                buffer.removeSubrange(..<cursor)
                cursor = 0
            case .killWord:
                var start = cursor
                while start > 0, buffer[start - 1] == " " { start -= 1 }
                while start > 0, buffer[start - 1] != " " { start -= 1 }
                buffer.removeSubrange(start..<cursor)
                cursor = start
            case .up where historyIndex > 0:
                if historyIndex == history.count { draft = buffer }
                historyIndex -= 1
                buffer = Array(history[historyIndex])
                cursor = buffer.count
            case .down where historyIndex < history.count:
                historyIndex += 1
                buffer = historyIndex == history.count ? draft : Array(history[historyIndex])
                cursor = buffer.count
            case .clearScreen:
                emit("\u{1b}[H\u{1b}[2J")
            case .interrupt:
                emit("^C\r\n")
                return .interrupted
            case .endOfFile where buffer.isEmpty:
                emit("\r\n")
                return .endOfInput
            default:
                continue
            }
            redraw()
        }
    }

    private enum Key {
        case character(Character), enter, backspace, delete, left, right, up, down, home, end
        case killToEnd, killToStart, killWord, clearScreen, interrupt, endOfFile, ignored
    }

    private func readByte() -> UInt8? {
        var byte: UInt8 = 0
        return POSIXFile.readSome(STDIN_FILENO, &byte, 1) == 1 ? byte : nil
    }

    private func readKey() -> Key? {
        guard let b = readByte() else { return nil }
        switch b {
        case 13, 10: return .enter
        case 127, 8: return .backspace
        case 1: return .home
        case 5: return .end
        case 2: return .left
        case 6: return .right
        case 11: return .killToEnd
        case 21: return .killToStart
        case 23: return .killWord
        case 12: return .clearScreen
        case 3: return .interrupt
        case 4: return .endOfFile
        case 16: return .up
        case 14: return .down
        case 27: return escapeSequence()
        case 9: return .character(" ")
        case 0..<32: return .ignored
        default: return utf8Character(first: b)
        }
    }

    private func escapeSequence() -> Key {
        guard let b1 = readByte(), b1 == UInt8(ascii: "[") || b1 == UInt8(ascii: "O"), let b2 = readByte() else {
            return .ignored
        }
        switch b2 {
        case UInt8(ascii: "A"): return .up
        case UInt8(ascii: "B"): return .down
        case UInt8(ascii: "C"): return .right
        case UInt8(ascii: "D"): return .left
        case UInt8(ascii: "H"): return .home
        case UInt8(ascii: "F"): return .end
        case UInt8(ascii: "0")...UInt8(ascii: "9"):
            var code = Int(b2 - 48)
            while let b = readByte(), b != UInt8(ascii: "~") {
                guard b >= 48, b <= 57 else { return .ignored }
                code = code * 10 + Int(b - 48)
            }
            switch code {
            case 1, 7: return .home
            case 4, 8: return .end
            case 3: return .delete
            default: return .ignored
            }
        default: return .ignored
        }
    }

    private func utf8Character(first: UInt8) -> Key {
        var bytes = [first]
        let extra = first >= 0xf0 ? 3 : first >= 0xe0 ? 2 : first >= 0xc0 ? 1 : 0
        for _ in 0..<extra {
            guard let b = readByte() else { break }
            bytes.append(b)
        }
        guard let c = String(decoding: bytes, as: UTF8.self).first else { return .ignored }
        return .character(c)
    }

    private func fallbackRead(_ prompt: String) -> Outcome {
        emit(prompt)
        guard let line = Swift.readLine() else { return .endOfInput }
        return .line(line)
    }

    private func emit(_ text: String) {
        FileHandle.standardOutput.write(Data(text.utf8))
    }
}
