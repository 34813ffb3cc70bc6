/// Bytes from a hex literal; whitespace (the line breaks of long captures) is ignored.
func bytes(_ hex: String) -> [UInt8] {
    let digits = hex.unicodeScalars.filter { !$0.properties.isWhitespace }.map { Character($0) }
    precondition(digits.count.isMultiple(of: 2), "odd number of hex digits")
    return stride(from: 0, to: digits.count, by: 2).map { index in
        UInt8(String(digits[index...index + 1]), radix: 16)!
    }
}

/// Lowercase hex of `data`, for readable failure messages.
func hex(_ data: [UInt8]) -> String {
    data.map { byte in
        let text = String(byte, radix: 16)
        return byte < 16 ? "0" + text : text
    }.joined()
}

/// Bytes of ASCII text.
func ascii(_ text: String) -> [UInt8] {
    Array(text.utf8)
}

/// The wire bytes of captured payloads sent back to back from `firstSequenceID` on.
func wire(_ payloads: [String], firstSequenceID: UInt8) -> [UInt8] {
    var stream: [UInt8] = []
    var sequenceID = firstSequenceID
    for payload in payloads.map(bytes) {
        stream += [UInt8(payload.count & 0xFF), UInt8(payload.count >> 8 & 0xFF), UInt8(payload.count >> 16), sequenceID]
        stream += payload
        sequenceID &+= 1
    }
    return stream
}
