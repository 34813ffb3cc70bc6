/// The client's answer to the handshake: capabilities, max packet size, charset, user, auth
/// response, and optionally database, auth plugin and connection attributes.
///
/// Which optional fields exist, and how the auth response is framed, follows the client's own
/// capability bits: length-encoded under `pluginAuthLenencClientData`, else a 1-byte length under
/// `secureConnection`, else NUL-terminated. A client without `protocol41` is refused with
/// ``WireError/clientProtocolUnsupported`` (ERR 1251/08004).
public struct HandshakeResponse41: Sendable {
    public var capabilities: CapabilityFlags
    public var maxPacketSize: UInt32
    public var characterSet: UInt8
    public var username: String
    public var authResponse: [UInt8]
    /// The initial database; nil when the client did not send the field.
    public var database: String?
    /// The plugin that produced ``authResponse``; nil when the client did not send the field.
    public var authPluginName: String?
    /// Connection attributes (`_client_name`, `_client_version`, …) in the client's order.
    public var connectAttributes: [(key: String, value: String)]

    public init(
        capabilities: CapabilityFlags, maxPacketSize: UInt32 = 16 * 1024 * 1024,
        characterSet: UInt8 = CharacterSetID.utf8mb4, username: String, authResponse: [UInt8],
        database: String? = nil, authPluginName: String? = NativePassword.pluginName,
        connectAttributes: [(key: String, value: String)] = []
    ) {
        self.capabilities = capabilities
        self.maxPacketSize = maxPacketSize
        self.characterSet = characterSet
        self.username = username
        self.authResponse = authResponse
        self.database = database
        self.authPluginName = authPluginName
        self.connectAttributes = connectAttributes
    }

    /// The fixed part before the user name: caps, max packet, charset and 23 reserved bytes.
    /// A payload of exactly this size is an SSLRequest.
    public static let fixedPrefixLength = 32

    /// Writes the fields the capability bits call for; a database or plugin left nil is written
    /// empty when its bit is set, and a 1-byte-length auth response is cut to 255 bytes.
    public func encode() -> [UInt8] {
        var writer = ByteWriter(capacity: 128)
        writer.writeInt4(capabilities.rawValue)
        writer.writeInt4(maxPacketSize)
        writer.writeInt1(characterSet)
        writer.writeZeros(23)
        writer.writeNullTerminatedString(username)
        if capabilities.contains(.pluginAuthLenencClientData) {
            writer.writeLengthEncodedBytes(authResponse)
        } else if capabilities.contains(.secureConnection) {
            let response = authResponse.prefix(255)
            writer.writeInt1(UInt8(response.count))
            writer.writeBytes(response)
        } else {
            writer.writeBytes(authResponse)
            writer.writeInt1(0)
        }
        if capabilities.contains(.connectWithDB) {
            writer.writeNullTerminatedString(database ?? "")
        }
        if capabilities.contains(.pluginAuth) {
            writer.writeNullTerminatedString(authPluginName ?? "")
        }
        if capabilities.contains(.connectAttrs) {
            var attributes = ByteWriter()
            for (key, value) in connectAttributes {
                attributes.writeLengthEncodedString(key)
                attributes.writeLengthEncodedString(value)
            }
            writer.writeLengthEncodedBytes(attributes.bytes)
        }
        return writer.bytes
    }

    /// Decodes a handshake response. The reserved bytes are not checked (MariaDB clients put
    /// their extended capabilities there), and the optional trailing fields may be absent even
    /// when their bit is set, as MySQL's server allows.
    public static func decode(_ payload: [UInt8]) throws(WireError) -> HandshakeResponse41 {
        var reader = ByteReader(payload)
        // Protocol 4.1 is checked on the low two bytes alone: a pre-4.1 response is shorter and
        // must be refused with 1251, not reported as truncated.
        var probe = reader
        let lowCapabilities = try probe.readInt2("capability flags")
        guard CapabilityFlags(rawValue: UInt32(lowCapabilities)).contains(.protocol41) else {
            throw .clientProtocolUnsupported
        }
        let capabilities = CapabilityFlags(rawValue: try reader.readInt4("capability flags"))
        if payload.count == fixedPrefixLength, capabilities.contains(.ssl) {
            throw .malformed("SSLRequest received, but the server offers no TLS")
        }
        let maxPacketSize = try reader.readInt4("max packet size")
        let characterSet = try reader.readInt1("character set")
        try reader.skip(count: 23, "reserved")
        let username = try reader.readNullTerminatedString("user name")
        let authResponse: [UInt8]
        if capabilities.contains(.pluginAuthLenencClientData) {
            authResponse = try reader.readLengthEncodedBytes("auth response")
        } else if capabilities.contains(.secureConnection) {
            let length = try reader.readInt1("auth response length")
            authResponse = try reader.readBytes(count: Int(length), "auth response")
        } else {
            authResponse = try reader.readNullTerminatedBytes("auth response")
        }
        var response = HandshakeResponse41(
            capabilities: capabilities, maxPacketSize: maxPacketSize, characterSet: characterSet,
            username: username, authResponse: authResponse, authPluginName: nil
        )
        if capabilities.contains(.connectWithDB), !reader.isAtEnd {
            response.database = try reader.readNullTerminatedString("database")
        }
        if capabilities.contains(.pluginAuth), !reader.isAtEnd {
            let isLast = !capabilities.contains(.connectAttrs)
            response.authPluginName = try reader.readNullTerminatedString("auth plugin name", allowingEnd: isLast)
        }
        if capabilities.contains(.connectAttrs), !reader.isAtEnd {
            response.connectAttributes = try decodeAttributes(try reader.readLengthEncodedBytes("connect attributes"))
        }
        try reader.expectEnd("handshake response")
        return response
    }

    private static func decodeAttributes(_ block: [UInt8]) throws(WireError) -> [(key: String, value: String)] {
        var reader = ByteReader(block)
        var attributes: [(key: String, value: String)] = []
        while !reader.isAtEnd {
            let key = try reader.readLengthEncodedString("attribute name")
            attributes.append((key, try reader.readLengthEncodedString("attribute value")))
        }
        return attributes
    }
}

extension HandshakeResponse41: Equatable {
    public static func == (lhs: HandshakeResponse41, rhs: HandshakeResponse41) -> Bool {
        lhs.capabilities == rhs.capabilities && lhs.maxPacketSize == rhs.maxPacketSize
            && lhs.characterSet == rhs.characterSet && lhs.username == rhs.username
            && lhs.authResponse == rhs.authResponse && lhs.database == rhs.database
            && lhs.authPluginName == rhs.authPluginName
            && lhs.connectAttributes.elementsEqual(rhs.connectAttributes) { $0 == $1 }
    }
}
