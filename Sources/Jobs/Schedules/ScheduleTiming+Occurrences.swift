/// The occurrences of a schedule: `starts + k × interval` (k ≥ 0) before `ends`, or the one
/// AT time. Pure arithmetic on epoch milliseconds.
extension ScheduleTiming {
    /// The first occurrence later than `time`, or nil when none is left.
    public func occurrence(after time: Int64) -> Int64? {
        switch self {
        case .at(let at):
            return at > time ? at : nil
        case .every(let amount, let unit, let starts, let ends):
            let interval = Int64(amount) * unit.milliseconds
            let next = time < starts ? starts : starts + ((time - starts) / interval + 1) * interval
            if let ends, next >= ends { return nil }
            return next
        }
    }

    /// The latest occurrence later than `after` and not later than `upTo`: the one a schedule
    /// runs for when every occurrence in between was missed (they collapse into it).
    public func latestOccurrence(after: Int64, upTo: Int64) -> Int64? {
        let latest: Int64
        switch self {
        case .at(let at):
            latest = at
            guard at <= upTo else { return nil }
        case .every(let amount, let unit, let starts, let ends):
            let interval = Int64(amount) * unit.milliseconds
            var last = upTo
            if let ends { last = min(last, ends - 1) }
            guard last >= starts else { return nil }
            latest = starts + (last - starts) / interval * interval
        }
        return latest > after ? latest : nil
    }
}
