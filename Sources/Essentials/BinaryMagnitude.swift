/// A byte count in steps of 1,024 (B, K, M, G, T), for the size texts of SHOW and the dashboard,
/// which differ only in how they spell the unit and round the amount.
public struct BinaryMagnitude: Sendable, Equatable {
    /// The count divided by 1,024 `power` times.
    public var amount: Double
    /// 0 for bytes, 1 for kibibytes, … up to 4 for tebibytes.
    public var power: Int

    public init(_ bytes: Int64) {
        var amount = Double(bytes)
        var power = 0
        while amount >= 1024, power < 4 {
            amount /= 1024
            power += 1
        }
        self.amount = amount
        self.power = power
    }
}
