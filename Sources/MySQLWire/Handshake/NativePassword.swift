import Crypto

/// The `mysql_native_password` scheme, both sides.
///
/// The server stores `SHA1(SHA1(password))`, shown as `*` and 40 uppercase hex digits. The
/// client proves it knows the password by sending `SHA1(password) XOR SHA1(salt + stored)`;
/// the server recovers `SHA1(password)` from that and hashes it once more to compare.
///
/// An empty password is stored as the empty string (its parsed form is an empty byte array, not
/// nil), and the client then sends an empty response: an empty reply matches only it.
public enum NativePassword {
    public static let pluginName = "mysql_native_password"

    /// The stored form of an empty password.
    public static let emptyPasswordStoredHash = ""

    /// `*` + 40 uppercase hex digits of `SHA1(SHA1(password))`; "" for an empty password.
    public static func storedHash(password: String) -> String {
        guard !password.isEmpty else { return emptyPasswordStoredHash }
        let digits = Array("0123456789ABCDEF".utf8)
        var text: [UInt8] = [UInt8(ascii: "*")]
        for byte in sha1(sha1(Array(password.utf8))) {
            text.append(digits[Int(byte >> 4)])
            text.append(digits[Int(byte & 0xF)])
        }
        return String(decoding: text, as: UTF8.self)
    }

    /// The 20 hash bytes of a stored hash; `[]` for the empty password, nil for anything that is
    /// neither "" nor `*` followed by 40 hex digits (either case).
    public static func storedHashBytes(fromStoredHash text: String) -> [UInt8]? {
        if text == emptyPasswordStoredHash { return [] }
        let chars = Array(text.utf8)
        guard chars.count == 41, chars[0] == UInt8(ascii: "*") else { return nil }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(20)
        var index = 1
        while index < chars.count {
            guard let high = hexValue(chars[index]), let low = hexValue(chars[index + 1]) else { return nil }
            bytes.append(high << 4 | low)
            index += 2
        }
        return bytes
    }

    /// The client's auth response for `password` and the server's 20-byte `salt`; empty for an
    /// empty password.
    public static func scramble(password: String, salt: [UInt8]) -> [UInt8] {
        guard !password.isEmpty else { return [] }
        let stage1 = sha1(Array(password.utf8))
        let mask = sha1(salt + sha1(stage1))
        return zip(stage1, mask).map { $0 ^ $1 }
    }

    /// Whether `reply` proves knowledge of the password whose stored hash bytes are
    /// `storedHashBytes` (from ``storedHashBytes(fromStoredHash:)``), for the 20-byte `salt`
    /// sent in the handshake.
    public static func verify(reply: [UInt8], salt: [UInt8], storedHashBytes: [UInt8]) -> Bool {
        if storedHashBytes.isEmpty || reply.isEmpty {
            return storedHashBytes.isEmpty && reply.isEmpty
        }
        guard reply.count == 20, storedHashBytes.count == 20 else { return false }
        let mask = sha1(salt + storedHashBytes)
        let candidate = zip(reply, mask).map { $0 ^ $1 }
        return constantTimeEqual(sha1(candidate), storedHashBytes)
    }

    /// Compares without an early exit, so the time taken does not reveal how many leading bytes
    /// of a guess were right.
    private static func constantTimeEqual(_ lhs: [UInt8], _ rhs: [UInt8]) -> Bool {
        guard lhs.count == rhs.count else { return false }
        var difference: UInt8 = 0
        for index in lhs.indices {
            difference |= lhs[index] ^ rhs[index]
        }
        return difference == 0
    }

    private static func sha1(_ bytes: [UInt8]) -> [UInt8] {
        Array(Insecure.SHA1.hash(data: bytes))
    }

    private static func hexValue(_ char: UInt8) -> UInt8? {
        switch char {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return char - UInt8(ascii: "0")
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return char - UInt8(ascii: "A") + 10
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return char - UInt8(ascii: "a") + 10
        default: return nil
        }
    }
}
