import Crypto
import Essentials
import Foundation
import SQLSyntax

/// Passwords as MySQL's `mysql_native_password` stores them: `*` and the 40 upper-case hex
/// digits of SHA1(SHA1(password)); the empty text for no password. A server checks a client's
/// scramble against those 20 bytes alone, so the password itself is never kept.
enum NativePassword {
    /// The stored form of a password given in clear (`IDENTIFIED BY 'pw'`, `PASSWORD('pw')`).
    static func hash(_ password: String) -> String {
        guard !password.isEmpty else { return "" }
        let once = Insecure.SHA1.hash(data: Data(password.utf8))
        return "*" + Hex.lowercase(Insecure.SHA1.hash(data: Data(once))).uppercased()
    }

    /// The stored form of what a statement gives: the hash of a password in clear, or a hash
    /// given as such once checked (`*` and 40 hex digits in either case, or empty for none).
    static func stored(_ spec: PasswordSpec) throws(SQLError) -> String {
        switch spec {
        case .plain(let password): return hash(password)
        case .hashed(let hash):
            guard hash.isEmpty || digest(of: hash) != nil else { throw SQLError.passwordHashFormat() }
            return hash.uppercased()
        }
    }

    /// The 20 bytes of SHA1(SHA1(password)) a stored hash holds, or nil when it is not one.
    static func digest(of stored: String) -> [UInt8]? {
        let scalars = Array(stored.unicodeScalars)
        guard scalars.count == 41, scalars[0] == "*" else { return nil }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(20)
        for index in stride(from: 1, to: 41, by: 2) {
            guard let high = hexValue(scalars[index]), let low = hexValue(scalars[index + 1]) else { return nil }
            bytes.append(high << 4 | low)
        }
        return bytes
    }

    private static func hexValue(_ scalar: Unicode.Scalar) -> UInt8? {
        switch scalar.value {
        case 0x30...0x39: return UInt8(scalar.value - 0x30)
        case 0x41...0x46: return UInt8(scalar.value - 0x41 + 10)
        case 0x61...0x66: return UInt8(scalar.value - 0x61 + 10)
        default: return nil
        }
    }
}
