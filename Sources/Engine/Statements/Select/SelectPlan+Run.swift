import Catalog

/// Feeds rows to a visitor until it returns false.
typealias RowSource = (_ visit: ([Value]) throws(SQLError) -> Bool) throws(SQLError) -> Void

extension SelectPlan {
    private struct ProducedRow {
        var outputs: [Datum]
        var keys: [Datum]
    }

    /// Runs the plan over `rows`. `knownRowCount`, when the rows need no filtering, lets a
    /// COUNT(*)-only query skip reading them.
    func run(_ rows: RowSource, knownRowCount: (() throws(SQLError) -> Int64)? = nil) throws(SQLError) -> ResultSet {
        var produced = isAggregate ? try aggregated(rows, knownRowCount) : try plain(rows)
        if !sort.isEmpty {
            let ordered = produced.enumerated().sorted { a, b in
                for (source, descending) in sort {
                    let c = Datum.order(value(a.element, source), value(b.element, source))
                    if c != 0 { return descending ? c > 0 : c < 0 }
                }
                return a.offset < b.offset
            }
            produced = ordered.map(\.element)
        }
        let start = min(offset, produced.count)
        let end = start + min(limit, produced.count - start)
        let cells = produced[start..<end].map { row in row.outputs.map(\.text) }
        return ResultSet(columns: names, types: outputs.map(\.type), rows: cells)
    }

    private func value(_ row: ProducedRow, _ source: SortSource) -> Datum {
        switch source {
        case .output(let i): return row.outputs[i]
        case .extra(let i): return row.keys[i]
        }
    }

    /// One output row per input row; without ORDER BY or DISTINCT the scan stops at LIMIT.
    private func plain(_ rows: RowSource) throws(SQLError) -> [ProducedRow] {
        var produced: [ProducedRow] = []
        var seen: Set<[Datum]> = []
        let stopAfter = sort.isEmpty && limit < Int.max ? limit + min(offset, Int.max - limit) : nil
        if stopAfter == 0 { return [] }
        try rows { row throws(SQLError) in
            let input = EvaluationInput(row: row)
            try emit(input, into: &produced, seen: &seen)
            return stopAfter.map { produced.count < $0 } ?? true
        }
        return produced
    }

    /// One accumulator per aggregate per group, so memory grows with the groups, not the rows.
    private func aggregated(_ rows: RowSource, _ knownRowCount: (() throws(SQLError) -> Int64)?) throws(SQLError) -> [ProducedRow] {
        var groupIndex: [[Datum]: Int] = [:]
        var keys: [[Datum]] = []
        var states: [[AggregateState]] = []
        if countsRowsOnly, let knownRowCount {
            let count = try knownRowCount()
            keys = [[]]
            states = [Array(repeating: AggregateState(rowCount: count), count: aggregates.count)]
        } else {
            try rows { row throws(SQLError) in
                let input = EvaluationInput(row: row)
                var key: [Datum] = []
                key.reserveCapacity(groupKeys.count)
                for k in groupKeys { key.append(try k.bound.evaluate(input)) }
                let group: Int
                if let existing = groupIndex[key] {
                    group = existing
                } else {
                    group = keys.count
                    groupIndex[key] = group
                    keys.append(key)
                    states.append(Array(repeating: AggregateState(), count: aggregates.count))
                }
                for (j, plan) in aggregates.enumerated() {
                    try states[group][j].add(try plan.argument?.bound.evaluate(input) ?? .null, plan)
                }
                return true
            }
        }
        // Aggregates without GROUP BY give one row even for no input (COUNT 0, SUM NULL).
        if groupKeys.isEmpty, keys.isEmpty {
            keys = [[]]
            states = [Array(repeating: AggregateState(), count: aggregates.count)]
        }
        var produced: [ProducedRow] = []
        var seen: Set<[Datum]> = []
        for (group, key) in keys.enumerated() {
            var results: [Datum] = []
            for (j, plan) in aggregates.enumerated() { results.append(try states[group][j].result(plan)) }
            try emit(EvaluationInput(key: key, aggregates: results), into: &produced, seen: &seen)
        }
        return produced
    }

    private func emit(_ input: EvaluationInput, into produced: inout [ProducedRow], seen: inout Set<[Datum]>) throws(SQLError) {
        if let having, try having.bound.evaluate(input).truth != true { return }
        var outputs: [Datum] = []
        outputs.reserveCapacity(self.outputs.count)
        for o in self.outputs { outputs.append(try o.bound.evaluate(input)) }
        if distinct, !seen.insert(outputs).inserted { return }
        var keys: [Datum] = []
        for k in extraKeys { keys.append(try k.bound.evaluate(input)) }
        produced.append(ProducedRow(outputs: outputs, keys: keys))
    }
}
