import CSupport
import Crypto
import Essentials
import Foundation

/// The checksums SnapDeck records for every file: CRC32C (cheap, checked on every copy) and
/// MD5 (names files in repositories, as Doris does).
public enum Checksums {
    /// CRC32C (Castagnoli) of `bytes`, continuing from `crc` (start with 0).
    public static func crc32c(_ bytes: UnsafeRawBufferPointer, continuing crc: UInt32 = 0) -> UInt32 {
        guard let base = bytes.baseAddress else { return crc }
        return snapdeck_crc32c(crc, base, bytes.count)
    }

    public static func crc32c(_ data: [UInt8]) -> UInt32 {
        data.withUnsafeBytes { crc32c($0) }
    }

    /// Lower-case hex MD5 of `bytes`.
    public static func md5Hex(_ bytes: UnsafeRawBufferPointer) -> String {
        Hex.lowercase(Insecure.MD5.hash(data: bytes))
    }

    public static func md5Hex(_ data: [UInt8]) -> String {
        data.withUnsafeBytes { md5Hex($0) }
    }
}
