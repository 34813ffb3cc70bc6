/// Schedules, in Doris's job-scheduler syntax: CREATE JOB, PAUSE / RESUME / DROP JOB, and
/// SnapDeck's EXECUTE JOB.
extension StatementParser {
    /// `CREATE JOB name ON SCHEDULE {AT t | EVERY n unit [STARTS t] [ENDS t]} [COMMENT 'c']
    /// DO statement`
    mutating func createJob() throws(SyntaxError) -> Statement {
        try expect("JOB")
        let name = try identifier()
        try expect("ON", "SCHEDULE")
        let schedule: JobSchedule
        if accept("AT") {
            schedule = .at(try timePoint())
        } else {
            try expect("EVERY")
            let amount = try integer()
            guard let unit = current.keyword else { throw unexpected }
            advance()
            let starts = accept("STARTS") ? try timePoint() : nil
            let ends = accept("ENDS") ? try timePoint() : nil
            schedule = .every(amount: amount, unit: unit, starts: starts, ends: ends)
        }
        let comment = accept("COMMENT") ? try stringLiteral() : nil
        try expect("DO")
        return .createJob(CreateJob(name: name, schedule: schedule, comment: comment, body: try restOfStatement()))
    }

    /// `PAUSE JOB WHERE jobname = 'n'`, `RESUME JOB ...`, `EXECUTE JOB ...`.
    mutating func jobStatusChange() throws(SyntaxError) -> Statement {
        let verb = try expectOne(of: ["PAUSE", "RESUME", "EXECUTE"])
        try expect("JOB")
        let name = try jobNameCondition()
        switch verb {
        case "PAUSE": return .pauseJob(name: name)
        case "RESUME": return .resumeJob(name: name)
        default: return .executeJob(name: name)
        }
    }

    /// `DROP JOB [IF EXISTS] WHERE jobname = 'n'`
    mutating func dropJob() throws(SyntaxError) -> Statement {
        try expect("JOB")
        let ifExists = accept(sequence: ["IF", "EXISTS"])
        return .dropJob(name: try jobNameCondition(), ifExists: ifExists)
    }

    /// `WHERE jobname = 'n'`; the key is matched without regard to case, as Doris does.
    private mutating func jobNameCondition() throws(SyntaxError) -> String {
        try expect("WHERE")
        guard current.keyword == "JOBNAME" else { throw unexpected }
        advance()
        try expectSymbol("=")
        return try stringLiteral()
    }

    /// `'yyyy-MM-dd HH:mm:ss'` or `CURRENT_TIMESTAMP`.
    private mutating func timePoint() throws(SyntaxError) -> JobTimePoint {
        if accept("CURRENT_TIMESTAMP") { return .currentTimestamp }
        return .text(try stringLiteral())
    }

    /// The text from the cursor to the end of the statement (without its terminator), for
    /// bodies kept as written; the cursor moves to the terminator.
    private mutating func restOfStatement() throws(SyntaxError) -> String {
        guard !current.isTerminator, current.kind != .end else { throw unexpected }
        let start = current.start
        skipToStatementEnd()
        return String(String.UnicodeScalarView(source[start..<max(start, statementEnd)]))
    }
}
