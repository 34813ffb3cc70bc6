/// The server's request to authenticate again with another plugin: `FE`, plugin name, NUL,
/// plugin data.
///
/// SnapDeck sends it when a client announced another plugin (MySQL 8 clients default to
/// `caching_sha2_password`), reusing the handshake's salt. The client's answer is a bare payload
/// with the new auth response (for `mysql_native_password`, the 20-byte scramble), at the next
/// sequence id.
public struct AuthSwitchRequest: Equatable, Sendable {
    public var pluginName: String
    /// For `mysql_native_password`: the 20-byte salt followed by a NUL.
    public var pluginData: [UInt8]

    public init(pluginName: String, pluginData: [UInt8]) {
        self.pluginName = pluginName
        self.pluginData = pluginData
    }

    public static let header: UInt8 = 0xFE

    /// A switch to `mysql_native_password` with the given 20-byte salt.
    public static func nativePassword(salt: [UInt8]) -> AuthSwitchRequest {
        AuthSwitchRequest(pluginName: NativePassword.pluginName, pluginData: salt + [0])
    }

    /// The plugin data without the NUL that terminates it: the salt to scramble with.
    public var challenge: [UInt8] {
        pluginData.last == 0 ? Array(pluginData.dropLast()) : pluginData
    }

    public func encode() -> [UInt8] {
        var writer = ByteWriter(capacity: 2 + pluginName.utf8.count + pluginData.count)
        writer.writeInt1(Self.header)
        writer.writeNullTerminatedString(pluginName)
        writer.writeBytes(pluginData)
        return writer.bytes
    }

    /// Decodes a switch request. A lone `FE` is the pre-4.1 request for the old password scheme
    /// and comes back as `mysql_old_password` with no data.
    public static func decode(_ payload: [UInt8]) throws(WireError) -> AuthSwitchRequest {
        var reader = ByteReader(payload)
        let header = try reader.readInt1("auth switch header")
        guard header == Self.header else { throw .malformed("auth switch starts with \(header)") }
        if reader.isAtEnd { return AuthSwitchRequest(pluginName: "mysql_old_password", pluginData: []) }
        let name = try reader.readNullTerminatedString("auth plugin name")
        return AuthSwitchRequest(pluginName: name, pluginData: reader.readRestBytes())
    }
}
