import Catalog
import SQLSyntax

/// A compiled WHERE clause: every predicate bound to a column index with its literal already
/// converted to the column's type.
struct RowFilter {
    private enum Test {
        case compare(ComparisonOperator, Value)
        case isNull(Bool)
        case inList([Value], negated: Bool)
        case like(LikePattern, negated: Bool)
        case between(Value, Value)
    }
    private let tests: [(Int, Test)]

    var isEmpty: Bool { tests.isEmpty }

    init(_ predicates: [Predicate], table: TableRecord) throws(SQLError) {
        try self.init(predicates, columns: table.columns)
    }

    /// A filter on rows of `columns` (a table's, or a SHOW's whose cells are text).
    init(_ predicates: [Predicate], columns: [Column]) throws(SQLError) {
        var tests: [(Int, Test)] = []
        for predicate in predicates {
            let name: String
            switch predicate {
            case .compare(let c, _, _), .isNull(let c, _), .inList(let c, _, _), .like(let c, _, _), .between(let c, _, _):
                name = c
            }
            guard let index = columns.firstIndex(where: { $0.name.caseInsensitiveEquals(name) }) else {
                throw SQLError.unknownColumn(name, in: "where clause")
            }
            let type = columns[index].type
            func convert(_ literal: Literal) throws(SQLError) -> Value {
                do {
                    return try type.value(fromLiteral: literal)
                } catch {
                    throw SQLError.general("Invalid value '\(error.text)' for column '\(name)' of type \(type.sqlName) in where clause")
                }
            }
            switch predicate {
            case .compare(_, let op, let literal): tests.append((index, .compare(op, try convert(literal))))
            case .isNull(_, let negated): tests.append((index, .isNull(negated)))
            case .inList(_, let values, let negated):
                var converted: [Value] = []
                for v in values { converted.append(try convert(v)) }
                tests.append((index, .inList(converted, negated: negated)))
            case .like(_, let pattern, let negated): tests.append((index, .like(LikePattern(pattern, caseSensitive: false), negated: negated)))
            case .between(_, let low, let high): tests.append((index, .between(try convert(low), try convert(high))))
            }
        }
        self.tests = tests
    }

    func matches(_ row: [Value]) -> Bool {
        for (index, test) in tests where !passes(row[index], test) { return false }
        return true
    }

    private func passes(_ value: Value, _ test: Test) -> Bool {
        if case .isNull(let negated) = test { return value.isNull != negated }
        if value.isNull { return false }
        switch test {
        case .compare(let op, let literal):
            if literal.isNull { return false }
            return op.holds(Value.compare(value, literal))
        case .inList(let values, let negated):
            return values.contains { Value.compare(value, $0) == 0 } != negated
        case .like(let pattern, let negated):
            return pattern.matches(value.displayText ?? "") != negated
        case .between(let low, let high):
            return Value.compare(value, low) >= 0 && Value.compare(value, high) <= 0
        case .isNull:
            return true
        }
    }
}
