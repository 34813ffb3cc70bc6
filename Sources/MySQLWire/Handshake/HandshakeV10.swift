/// The server's first packet: protocol 10, server version, connection id, auth salt,
/// capabilities, charset, status and auth plugin.
///
/// The 20-byte salt travels split 8 + 12, each part followed by a NUL. The defaults are what
/// SnapDeck sends, modelled on a Doris FE: version `5.7.99`, charset 33, status 0 (PyMySQL, which
/// wants autocommit off, then sends no `SET AUTOCOMMIT = 0`), `mysql_native_password`,
/// ``CapabilityFlags/snapDeckServer``.
/// A payload starting with `FF` is an ERR (a server refusing the connection): check for it before
/// decoding.
public struct HandshakeV10: Equatable, Sendable {
    public var serverVersion: String
    public var connectionID: UInt32
    /// The auth challenge, 20 bytes without NUL for `mysql_native_password`.
    public var salt: [UInt8]
    public var capabilities: CapabilityFlags
    public var characterSet: UInt8
    public var status: ServerStatus
    public var authPluginName: String

    public static let protocolVersion: UInt8 = 10

    public init(
        connectionID: UInt32, salt: [UInt8], serverVersion: String = "5.7.99",
        capabilities: CapabilityFlags = .snapDeckServer, characterSet: UInt8 = CharacterSetID.utf8,
        status: ServerStatus = [], authPluginName: String = NativePassword.pluginName
    ) {
        self.serverVersion = serverVersion
        self.connectionID = connectionID
        self.salt = salt
        self.capabilities = capabilities
        self.characterSet = characterSet
        self.status = status
        self.authPluginName = authPluginName
    }

    /// A fresh 20-byte salt of ASCII letters. Like Doris's, it holds no NUL (the field is
    /// NUL-terminated on the wire) and nothing a client could mistake for a delimiter.
    public static func randomSalt() -> [UInt8] {
        var generator = SystemRandomNumberGenerator()
        return randomSalt(using: &generator)
    }

    /// A 20-byte salt of ASCII letters drawn from `generator`.
    public static func randomSalt(using generator: inout some RandomNumberGenerator) -> [UInt8] {
        let letters = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz".utf8)
        return (0..<20).map { _ in letters.randomElement(using: &generator)! }
    }

    public func encode() -> [UInt8] {
        var writer = ByteWriter(capacity: 96)
        writer.writeInt1(Self.protocolVersion)
        writer.writeNullTerminatedString(serverVersion)
        writer.writeInt4(connectionID)
        writer.writeBytes(padded(Array(salt.prefix(8)), to: 8))
        writer.writeInt1(0)
        writer.writeInt2(UInt16(truncatingIfNeeded: capabilities.rawValue))
        writer.writeInt1(characterSet)
        writer.writeInt2(status.rawValue)
        writer.writeInt2(UInt16(truncatingIfNeeded: capabilities.rawValue >> 16))
        let secondPart = padded(Array(salt.dropFirst(8)), to: 12)
        writer.writeInt1(capabilities.contains(.pluginAuth) ? UInt8(clamping: 8 + secondPart.count + 1) : 0)
        writer.writeZeros(10)
        if capabilities.contains(.secureConnection) {
            writer.writeBytes(secondPart)
            writer.writeInt1(0)
        }
        if capabilities.contains(.pluginAuth) {
            writer.writeNullTerminatedString(authPluginName)
        }
        return writer.bytes
    }

    /// Decodes a server greeting. MariaDB's extended capabilities in the reserved bytes are
    /// ignored; a plugin name missing its final NUL (older MySQL servers) is accepted.
    public static func decode(_ payload: [UInt8]) throws(WireError) -> HandshakeV10 {
        var reader = ByteReader(payload)
        let version = try reader.readInt1("protocol version")
        guard version == protocolVersion else { throw .malformed("handshake protocol version \(version)") }
        let serverVersion = try reader.readNullTerminatedString("server version")
        let connectionID = try reader.readInt4("connection id")
        var salt = try reader.readBytes(count: 8, "auth-plugin-data-part-1")
        try reader.skip(count: 1, "filler")
        var capabilities = UInt32(try reader.readInt2("capability flags"))
        let characterSet = try reader.readInt1("character set")
        let status = try reader.readInt2("status flags")
        capabilities |= UInt32(try reader.readInt2("capability flags (upper)")) << 16
        let flags = CapabilityFlags(rawValue: capabilities)
        let authDataLength = Int(try reader.readInt1("auth-plugin-data length"))
        try reader.skip(count: 10, "reserved")
        if flags.contains(.secureConnection) {
            var part2 = try reader.readBytes(count: max(13, authDataLength - 8), "auth-plugin-data-part-2")
            if part2.last == 0 { part2.removeLast() }
            salt += part2
        }
        var plugin = ""
        if flags.contains(.pluginAuth) {
            plugin = try reader.readNullTerminatedString("auth plugin name", allowingEnd: true)
        }
        return HandshakeV10(
            connectionID: connectionID, salt: salt, serverVersion: serverVersion, capabilities: flags,
            characterSet: characterSet, status: ServerStatus(rawValue: status), authPluginName: plugin
        )
    }

    private func padded(_ bytes: [UInt8], to count: Int) -> [UInt8] {
        bytes + Array(repeating: 0, count: max(0, count - bytes.count))
    }
}
