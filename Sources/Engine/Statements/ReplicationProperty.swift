import Foundation
import SQLSyntax

/// Reads `replication_num` and `replication_allocation` ("tag.location.default: 3") the way
/// Doris's property analyzer does, for CREATE TABLE, partition properties and RESTORE.
/// SnapDeck's backends all carry the one tag `default`, so any other tag cannot be placed.
public enum ReplicationProperty {
    /// Doris's `min_replication_num_per_tablet` and `max_replication_num_per_tablet`.
    static let allowed: ClosedRange<Int> = 1...32767

    /// The replica count the properties ask for, or nil when they name neither key. As in
    /// Doris, `replication_num` wins when both are given.
    public static func count(in properties: [(key: String, value: String)]) throws(SQLError) -> Int? {
        if let num = properties.last(where: { $0.key.lowercased() == "replication_num" }) {
            guard let n = Int16(num.value) else { throw SQLError.general("For input string: \"\(num.value)\"") }
            guard n > 0 else { throw SQLError.general("Replication num should larger than 0. (suggested 3)") }
            return Int(n)
        }
        guard let allocation = properties.last(where: { $0.key.lowercased() == "replication_allocation" }) else {
            return nil
        }
        return try allocationCount(allocation.value)
    }

    /// The total replica count of `tag.location.<tag>: n[, ...]`.
    static func allocationCount(_ text: String) throws(SQLError) -> Int {
        let prefix = "tag.location"
        var total = 0
        var tags: [String] = []
        for location in text.replacingOccurrences(of: " ", with: "").split(separator: ",", omittingEmptySubsequences: false) {
            let parts = location.split(separator: ":", omittingEmptySubsequences: false)
            guard parts.count == 2, !parts[1].isEmpty else {
                throw SQLError.general("Invalid replication allocation property: \(location)")
            }
            guard parts[0].hasPrefix(prefix) else {
                throw SQLError.general("Invalid replication allocation tag property: \(location)")
            }
            let tag = parts[0].dropFirst(prefix.count + 1)
            guard !tag.isEmpty else {
                throw SQLError.general("Invalid replication allocation location tag property: \(location)")
            }
            guard let n = Int16(parts[1]) else { throw SQLError.general("For input string: \"\(parts[1])\"") }
            tags.append(String(tag))
            total += Int(n)
            if tag != "default", n > 0 {
                throw SQLError.general(
                    "Failed to find enough backend, please check the replication num,replication tag and storage medium and avaiable capacity of backends or maybe all be on same host. Create failed replications: replication tag: {\"location\" : \"\(tag)\"}, replication num: \(n), storage medium: HDD")
            }
        }
        guard allowed.contains(total) else {
            throw SQLError.general("Total replication num should between \(allowed.lowerBound) and \(allowed.upperBound)")
        }
        return total
    }

    /// How SHOW CREATE TABLE prints a replica count (newer Doris shows the allocation).
    public static func allocationText(_ count: Int) -> String { "tag.location.default: \(count)" }
}
