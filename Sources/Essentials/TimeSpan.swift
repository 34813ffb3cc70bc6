/// Lengths of time as people read them, the same in SHOW BACKUP's ETA, the CLI's progress line
/// and the dashboard.
public enum TimeSpan {
    /// `45s`, `3m02s`, `2h05m`, `3d04h`: whole seconds (towards zero), at most two units.
    public static func text(_ seconds: Double) -> String {
        let s = max(0, Int(seconds.rounded(.down)))
        func two(_ n: Int) -> String { CivilTime.pad(n, 2) }
        if s < 60 { return "\(s)s" }
        if s < 3600 { return "\(s / 60)m\(two(s % 60))s" }
        if s < 86400 { return "\(s / 3600)h\(two(s / 60 % 60))m" }
        return "\(s / 86400)d\(two(s / 3600 % 24))h"
    }
}
