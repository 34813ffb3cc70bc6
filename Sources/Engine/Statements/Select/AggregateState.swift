import SQLSyntax

/// One aggregate's running state for one group. Sums are exact: integers and decimals add up
/// as 128-bit integers (a decimal's unscaled value), only FLOAT and DOUBLE as Double. A DISTINCT
/// aggregate keeps the set of values and folds it in at the end.
struct AggregateState {
    private var count: Int64 = 0
    private var exactSum: Int128 = 0
    private var floatingSum: Double = 0
    private var extreme: Datum = .null
    private var seen: Set<Datum> = []

    init() {}

    /// COUNT(*)'s state when the row count is known without reading the rows.
    init(rowCount: Int64) {
        count = rowCount
    }

    mutating func add(_ value: Datum, _ plan: AggregatePlan) throws(SQLError) {
        if plan.distinct {
            if !value.isNull { seen.insert(value) }
            return
        }
        try accumulate(value, plan)
    }

    private mutating func accumulate(_ value: Datum, _ plan: AggregatePlan) throws(SQLError) {
        if plan.argument != nil, value.isNull { return }
        count += 1
        switch plan.function {
        case .count:
            break
        case .min, .max:
            let c = Datum.order(value, extreme)
            if extreme.isNull || (plan.function == .min ? c < 0 : c > 0) { extreme = value }
        case .sum, .avg:
            switch argumentClass(plan) {
            case .floating: floatingSum += value.double ?? 0
            case .decimal(_, let scale):
                try addExact(value.unscaled(at: scale), plan)
            case .integer: try addExact(value.integer, plan)
            }
        }
    }

    private mutating func addExact(_ value: Int128?, _ plan: AggregatePlan) throws(SQLError) {
        let (sum, overflow) = exactSum.addingReportingOverflow(value ?? 0)
        if overflow { throw outOfRange(plan) }
        exactSum = sum
    }

    /// The aggregate's value: COUNT of nothing is 0, every other aggregate of nothing NULL.
    func result(_ plan: AggregatePlan) throws(SQLError) -> Datum {
        if plan.distinct {
            var folded = AggregateState()
            for value in seen { try folded.accumulate(value, plan) }
            return try folded.result(AggregatePlan(
                function: plan.function, argument: plan.argument, distinct: false, type: plan.type, name: plan.name))
        }
        if plan.function == .count { return .int(Int128(count)) }
        if count == 0 { return .null }
        switch plan.function {
        case .min, .max, .count: return extreme
        case .sum:
            switch argumentClass(plan) {
            case .floating: return .double(floatingSum)
            case .decimal(_, let scale):
                guard ExactDecimal.fits(exactSum) else { throw outOfRange(plan) }
                return .decimal(exactSum, scale: scale)
            case .integer:
                guard exactSum >= Int128(Int64.min), exactSum <= Int128(Int64.max) else { throw outOfRange(plan) }
                return .int(exactSum)
            }
        case .avg:
            switch argumentClass(plan) {
            case .floating: return .double(floatingSum / Double(count))
            case .integer: return .double(Double(exactSum) / Double(count))
            case .decimal(_, let scale):
                let target = max(scale, 4)
                guard let numerator = ExactDecimal.rescale(exactSum, from: scale, to: target) else { throw outOfRange(plan) }
                return .decimal(ExactDecimal.divideRounded(numerator, by: Int128(count)), scale: target)
            }
        }
    }

    private func argumentClass(_ plan: AggregatePlan) -> NumericClass {
        plan.argument.flatMap { NumericClass($0.type) } ?? .integer
    }

    private func outOfRange(_ plan: AggregatePlan) -> SQLError {
        SQLError(code: 1690, sqlState: "22003", "\(plan.type.sqlName) value is out of range in '\(plan.name)'")
    }
}
