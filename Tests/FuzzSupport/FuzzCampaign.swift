import SQLSyntax

/// One run of the binary in a fuzz campaign: a script of mutated statements and the way it
/// reaches `snapdeck sql`.
public struct FuzzRun: Sendable {
    public enum Channel: Sendable {
        /// `-e SCRIPT`: text only, since argv cannot hold NUL, and at most `argumentLimit` bytes.
        case argument
        case standardInput
    }

    /// 0-based, in campaign order.
    public let index: Int
    /// Whether this run is the first on a fresh data directory (the runner then sets it up).
    public let startsDirectory: Bool
    public let channel: Channel
    public let statements: [[UInt8]]

    /// The statements, each ended by `;` and a newline.
    public var script: [UInt8] {
        statements.flatMap { $0 + Array(";\n".utf8) }
    }
}

/// A deterministic sequence of runs holding `count` mutated statements in all: the same seed
/// gives the same runs, byte for byte.
///
/// Statements come from ``StatementMutator`` over ``EngineCorpus``, and some are then damaged
/// further as bytes: huge literals (up to 1 MB), deep nesting, NUL bytes, invalid UTF-8,
/// truncation inside a character. A run holds up to `statementsPerRun` of them; one that leaves
/// a quote or comment open goes last, so it cannot swallow the statements after it (others are
/// closed), and a huge one ends its run, so that a whole run is not slow.
public struct FuzzCampaign: Sequence {
    public static let statementsPerRun = 40
    /// Each data directory serves this many runs, then a fresh one starts, so state (tables,
    /// snapshots) cannot pile up without bound.
    public static let runsPerDirectory = 50
    /// Linux refuses one argument over 128 KiB; stay well below.
    public static let argumentLimit = 100_000
    static let hugeStatement = 64 * 1024

    public let seed: UInt64
    public let count: Int

    public init(seed: UInt64, count: Int) {
        self.seed = seed
        self.count = count
    }

    public func makeIterator() -> Iterator {
        Iterator(seed: seed, count: count)
    }

    public struct Iterator: IteratorProtocol {
        private var generator: SplitMix64
        private var remaining: Int
        private var index = 0
        /// A statement that leaves a quote or comment open can only end a run; a second one in
        /// the same run is closed, or waits here for the next run when no closer does.
        private var carried: [UInt8]?
        private let mutator = StatementMutator(corpus: EngineCorpus.statements)

        init(seed: UInt64, count: Int) {
            generator = SplitMix64(seed: seed)
            remaining = count
        }

        public mutating func next() -> FuzzRun? {
            guard remaining > 0 || carried != nil else { return nil }
            var closed: [[UInt8]] = []
            var open = carried
            carried = nil
            while remaining > 0, closed.count + (open == nil ? 0 : 1) < FuzzCampaign.statementsPerRun {
                let statement = damaged(Array(mutator.mutant(using: &generator).utf8))
                remaining -= 1
                if statement.count > FuzzCampaign.hugeStatement {
                    closed.append(statement)
                    break
                }
                guard Self.leavesSomethingOpen(statement) else {
                    closed.append(statement)
                    continue
                }
                if open == nil {
                    open = statement
                } else if let closedNow = Self.closing(statement) {
                    closed.append(closedNow)
                } else {
                    carried = statement
                    break
                }
            }
            let statements = closed + (open.map { [$0] } ?? [])
            let bytes = statements.reduce(0) { $0 + $1.count + 2 }
            let script = statements.flatMap { $0 }
            let textOnly = !script.contains(0) && String(validating: script, as: UTF8.self) != nil
            let channel: FuzzRun.Channel =
                textOnly && bytes <= FuzzCampaign.argumentLimit && Bool.random(using: &generator)
                ? .argument : .standardInput
            defer { index += 1 }
            return FuzzRun(
                index: index, startsDirectory: index % FuzzCampaign.runsPerDirectory == 0,
                channel: channel, statements: statements)
        }

        /// An unterminated quote or comment would take the rest of the script with it.
        private static func leavesSomethingOpen(_ statement: [UInt8]) -> Bool {
            !ScriptSplitter.isBlank(ScriptSplitter.split(String(decoding: statement + Array(";".utf8), as: UTF8.self)).remainder)
        }

        /// The statement with what it leaves open closed (a quote, a comment), if one closer does.
        private static func closing(_ statement: [UInt8]) -> [UInt8]? {
            ["'", "\"", "`", "*/", "\n"].lazy.map { statement + Array($0.utf8) }.first { !leavesSomethingOpen($0) }
        }

        private mutating func damaged(_ statement: [UInt8]) -> [UInt8] {
            var bytes = statement
            // Out of 10,000: a megabyte costs a debug build about 2 s, so it stays rare.
            switch Int.random(in: 0..<10_000, using: &generator) {
            case 0..<5: insertHuge(length: 1 << 20, into: &bytes)
            case 5..<105: insertHuge(length: Int.random(in: 10_000...100_000, using: &generator), into: &bytes)
            case 105..<305:
                for _ in 0..<Int.random(in: 1...4, using: &generator) { insert([0], into: &bytes) }
            case 305..<555: insert(Self.invalidUTF8.randomElement(using: &generator) ?? [0xFF], into: &bytes)
            case 555..<705:
                bytes = Array(bytes.prefix(Int.random(in: 0...bytes.count, using: &generator)))
            default: break
            }
            return bytes
        }

        /// Lone continuation bytes, cut sequences, overlong forms, surrogates, bytes never valid.
        private static let invalidUTF8: [[UInt8]] = [
            [0x80], [0xBF], [0xC3], [0xE2, 0x82], [0xF0, 0x9F, 0x98], [0xC0, 0xAF], [0xE0, 0x80, 0xAF],
            [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80], [0xF8, 0x88, 0x80, 0x80, 0x80], [0xFE], [0xFF],
        ]

        /// A long run inside a quote of the statement (a LIKE pattern, a name, a property) or
        /// all of them (a location and a secret, say, where an error quotes one and masks the
        /// other), or, for text that needs no quotes, anywhere.
        private mutating func insertHuge(length: Int, into bytes: inout [UInt8]) {
            let unquoted: [String] = ["(", "\\", "9"]
            let quoted: [String] = ["x", "\\", "%_", "表", "''"]
            let kind = Int.random(in: 0..<(unquoted.count + quoted.count + 1), using: &generator)
            if kind < unquoted.count {
                insert(Array(String(repeating: unquoted[kind], count: length).utf8), into: &bytes)
            } else if kind == unquoted.count {
                let half = String(repeating: "(", count: length / 2) + "1" + String(repeating: ")", count: length / 2)
                insert(Array(half.utf8), into: &bytes)
            } else {
                let unit = quoted[kind - unquoted.count - 1]
                let quotes = bytes.indices.filter { [UInt8(ascii: "'"), UInt8(ascii: "\""), UInt8(ascii: "`")].contains(bytes[$0]) }
                let chosen = Bool.random(using: &generator) ? quotes : quotes.randomElement(using: &generator).map { [$0] } ?? []
                let run = Array(String(repeating: unit, count: length / unit.utf8.count / Swift.max(chosen.count, 1)).utf8)
                if chosen.isEmpty { insert(Array("'".utf8) + run + Array("'".utf8), into: &bytes) }
                for quote in chosen.reversed() { bytes.insert(contentsOf: run, at: quote + 1) }
            }
        }

        private mutating func insert(_ piece: [UInt8], into bytes: inout [UInt8]) {
            bytes.insert(contentsOf: piece, at: Int.random(in: 0...bytes.count, using: &generator))
        }
    }
}
