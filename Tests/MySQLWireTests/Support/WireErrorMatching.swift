import MySQLWire
import Testing

/// The ``WireError`` `body` throws, or nil when it returns; any other error fails the test, since
/// every decoder promises to throw only ``WireError``.
func wireError(_ body: () throws -> Void) -> WireError? {
    do {
        try body()
        return nil
    } catch let error as WireError {
        return error
    } catch {
        Issue.record("untyped error \(error)")
        return nil
    }
}

extension WireError {
    var isTruncated: Bool {
        if case .truncated = self { return true }
        return false
    }

    var isMalformed: Bool {
        if case .malformed = self { return true }
        return false
    }
}

/// A small deterministic generator, so garbage-input tests see the same bytes on every run.
struct SplitMix64: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) {
        state = seed
    }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var value = state
        value = (value ^ (value >> 30)) &* 0xBF58_476D_1CE4_E5B9
        value = (value ^ (value >> 27)) &* 0x94D0_49BB_1331_11EB
        return value ^ (value >> 31)
    }
}
