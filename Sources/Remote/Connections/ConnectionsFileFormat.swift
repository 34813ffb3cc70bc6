import Foundation

/// The connections file's text: a small subset of TOML.
///
/// ```
/// # comment
/// [prod]
/// host = "fe1.example.com"
/// port = 9030
/// user = "ops"
/// password = "…"
/// database = "shop"
/// ```
///
/// Strings are `"basic"` (escapes `\"`, `\\`, `\n`, `\t`) or `'literal'`; `port` is an integer.
/// Errors name the file and line and never quote a value, so a password cannot leak into them.
public enum ConnectionsFileFormat {
    public static func parse(_ text: String, file: String) throws(ConnectionsFileError) -> [SavedConnection] {
        var connections: [SavedConnection] = []
        var seenKeys: Set<String> = []
        for (index, rawLine) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            func failure(_ why: String) -> ConnectionsFileError {
                .syntax(file: file, line: index + 1, why)
            }
            let line = rawLine.trimmingWhitespace()
            if line.isEmpty || line.hasPrefix("#") { continue }
            if line.hasPrefix("[") {
                guard let close = line.firstIndex(of: "]"), isBlankOrComment(line[line.index(after: close)...]) else {
                    throw failure("a section header is '[name]'")
                }
                let name = String(line[line.index(after: line.startIndex)..<close]).trimmingWhitespace()
                guard SavedConnection.isValidName(name) else {
                    throw failure("a connection name may hold letters, digits, '-', '_' and '.' only")
                }
                guard !connections.contains(where: { $0.name == name }) else {
                    throw failure("connection '\(name)' is defined twice")
                }
                connections.append(SavedConnection(name: name))
                seenKeys = []
                continue
            }
            guard let equals = line.firstIndex(of: "=") else { throw failure("expected 'key = value' or '[name]'") }
            let key = String(line[..<equals]).trimmingWhitespace()
            guard SavedConnection.keys.contains(key) else {
                throw failure("unknown key '\(key.prefix(40))' (expected \(SavedConnection.keys.joined(separator: ", ")))")
            }
            guard !connections.isEmpty else { throw failure("'\(key)' comes before any [name] section") }
            guard seenKeys.insert(key).inserted else { throw failure("'\(key)' is set twice") }
            let value = Substring(line[line.index(after: equals)...]).trimmingWhitespace()
            try assign(key, value, to: &connections[connections.count - 1], failure: failure)
        }
        return connections
    }

    /// The file's text for `connections`, with a header saying why the mode must stay 0600.
    public static func render(_ connections: [SavedConnection]) -> String {
        var text = "# SnapDeck saved connections: `snapdeck connections add/remove` rewrites this file.\n"
        text += "# Keep it mode 0600: it may hold passwords.\n"
        for connection in connections {
            text += "\n[\(connection.name)]\n"
            if let host = connection.host { text += "host = \(quoted(host))\n" }
            if let port = connection.port { text += "port = \(port)\n" }
            if let user = connection.user { text += "user = \(quoted(user))\n" }
            if let password = connection.password { text += "password = \(quoted(password))\n" }
            if let database = connection.database { text += "database = \(quoted(database))\n" }
        }
        return text
    }

    private static func assign(
        _ key: String, _ value: String, to connection: inout SavedConnection,
        failure: (String) -> ConnectionsFileError
    ) throws(ConnectionsFileError) {
        if key == "port" {
            let digits = value.prefix { $0.isNumber }
            guard let port = Int(digits), (1...65535).contains(port), isBlankOrComment(value.dropFirst(digits.count)) else {
                throw failure("port must be a number from 1 to 65535")
            }
            connection.port = port
            return
        }
        guard let text = unquoted(value) else {
            throw failure("the value of '\(key)' must be a quoted string (\"…\" or '…')")
        }
        switch key {
        case "host": connection.host = text
        case "user": connection.user = text
        case "password": connection.password = text
        default: connection.database = text
        }
    }

    /// The string a quoted value holds, if it is one followed by nothing but a comment.
    static func unquoted(_ value: String) -> String? {
        var scalars = value.unicodeScalars.makeIterator()
        guard let quote = scalars.next(), quote == "\"" || quote == "'" else { return nil }
        var text = String.UnicodeScalarView()
        while let scalar = scalars.next() {
            if scalar == quote {
                var rest = String.UnicodeScalarView()
                while let next = scalars.next() { rest.append(next) }
                return isBlankOrComment(Substring(String(rest))) ? String(text) : nil
            }
            if scalar == "\\" && quote == "\"" {
                switch scalars.next() {
                case "\"": text.append("\"")
                case "\\": text.append("\\")
                case "n": text.append("\n")
                case "t": text.append("\t")
                default: return nil
                }
            } else {
                text.append(scalar)
            }
        }
        return nil
    }

    static func quoted(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }

    private static func isBlankOrComment(_ text: Substring) -> Bool {
        let rest = text.trimmingWhitespace()
        return rest.isEmpty || rest.hasPrefix("#")
    }
}

extension StringProtocol {
    func trimmingWhitespace() -> String {
        trimmingCharacters(in: .whitespacesAndNewlines)
    }
}
