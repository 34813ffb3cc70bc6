extension ServerFlavor {
    /// Tells the server apart from its handshake version and `@@version_comment`.
    ///
    /// The comment decides first: Doris and StarRocks FEs announce a MySQL-looking handshake
    /// version (`5.7.99`, `5.1.0`, `8.0.33`) that says nothing of what they are. MariaDB is known by
    /// its handshake (`5.5.5-10.11.19-MariaDB-…`); any other answer with a version is MySQL.
    public static func detect(handshakeVersion: String, versionComment: String?) -> ServerFlavor {
        let comment = (versionComment ?? "").lowercased()
        if comment.contains("snapdeck") { return .snapdeck }
        if comment.contains("starrocks") { return .starRocks }
        if comment.contains("doris") { return .doris }
        let handshake = handshakeVersion.lowercased()
        if handshake.contains("mariadb") || comment.contains("mariadb") { return .mariaDB }
        if comment.contains("mysql") || ServerVersionText.firstVersion(in: handshakeVersion) != nil { return .mysql }
        return .unknown
    }

    /// What the dashboard's header shows: `SnapDeck 0.1.0`, `Doris 2.1.7`, `StarRocks 3.3.2`,
    /// `MariaDB 10.11.19`, `MySQL 8.0.36`; the flavour's name alone when no version can be read.
    public static func displayText(handshakeVersion: String, versionComment: String?) -> String {
        let flavor = detect(handshakeVersion: handshakeVersion, versionComment: versionComment)
        let version: String? = switch flavor {
        case .snapdeck, .doris, .starRocks:
            versionComment.flatMap(ServerVersionText.firstVersion(in:))
        case .mariaDB:
            ServerVersionText.mariaDBVersion(handshakeVersion)
        case .mysql, .unknown:
            ServerVersionText.firstVersion(in: handshakeVersion)
        }
        return version.map { "\(flavor.rawValue) \($0)" } ?? flavor.rawValue
    }
}

/// Version numbers inside the texts servers announce.
enum ServerVersionText {
    /// The first `digits.digits[.digits…]` run: `2.0.3` in `Doris version doris-2.0.3-rc06-37d31a5`,
    /// `0.1.0` in `SnapDeck 0.1.0 (Doris-compatible)`.
    static func firstVersion(in text: String) -> String? {
        let characters = Array(text)
        var index = 0
        while index < characters.count {
            guard characters[index].isASCII, characters[index].isNumber else {
                index += 1
                continue
            }
            var end = index
            while end < characters.count, characters[end].isASCII, characters[end].isNumber || characters[end] == "." {
                end += 1
            }
            var candidate = String(characters[index..<end])
            while candidate.hasSuffix(".") { candidate.removeLast() }
            if candidate.contains(".") { return candidate }
            index = end
        }
        return nil
    }

    /// MariaDB's handshake starts with `5.5.5-` (a replication-compatibility prefix), then the real version.
    static func mariaDBVersion(_ handshake: String) -> String? {
        let prefix = "5.5.5-"
        let rest = handshake.hasPrefix(prefix) ? String(handshake.dropFirst(prefix.count)) : handshake
        return firstVersion(in: rest)
    }
}
