import Essentials
import Foundation

/// Number, size and rate texts, the same everywhere on screen.
public enum Format {
    /// `731.0 KiB`, `6.22 MiB`: binary units like the engine's rates.
    public static func bytes(_ value: Int64) -> String {
        let units = ["B", "KiB", "MiB", "GiB", "TiB"]
        let magnitude = BinaryMagnitude(value)
        let amount = magnitude.amount
        if magnitude.power == 0 { return "\(value) B" }
        return String(format: amount >= 100 ? "%.0f" : amount >= 10 ? "%.1f" : "%.2f", amount) + " " + units[magnitude.power]
    }

    /// `731K`, `6.2M`, `1.1G`: for the narrow progress column.
    public static func compactBytes(_ value: Int64) -> String {
        let units = ["B", "K", "M", "G", "T"]
        let magnitude = BinaryMagnitude(value)
        if magnitude.power == 0 { return "\(value)B" }
        return String(format: magnitude.amount >= 10 ? "%.0f" : "%.1f", magnitude.amount) + units[magnitude.power]
    }

    public static func rate(_ bytesPerSecond: Double) -> String {
        bytes(Int64(bytesPerSecond)) + "/s"
    }

    /// "about 7s at 1.00 MiB/s", or nil without a rate.
    public static func estimate(bytes: Int64, rate: Double?) -> String? {
        guard let rate, rate > 0 else { return nil }
        return "about \(TimeSpan.text(max(1, Double(bytes) / rate))) at \(Format.rate(rate))"
    }

    /// Thousands separated by commas.
    public static func count(_ value: Int64) -> String {
        let digits = String(value.magnitude)
        var result = ""
        for (i, ch) in digits.enumerated() {
            if i > 0, (digits.count - i) % 3 == 0 { result.append(",") }
            result.append(ch)
        }
        return value < 0 ? "-" + result : result
    }
}
