import Catalog
import SQLSyntax

/// What a SELECT asks for, with `*` expanded and each output column named.
struct SelectRequest {
    struct Item {
        var expression: SelectExpression
        var name: String
        /// The alias as written, which GROUP BY, HAVING and ORDER BY may refer to.
        var alias: String?
    }
    var items: [Item]
    var distinct = false
    var groupBy: [SelectExpression] = []
    var having: SelectExpression?
    var orderBy: [OrderKey] = []
    var limit = Int.max
    var offset = 0
}

extension SelectRequest {
    /// The request of a parsed SELECT over rows of `columns`: `*` expanded, items named.
    init(_ select: Select, columns: [Column], binder: ExpressionBinder, _ c: ExecutionContext) {
        var items: [Item] = []
        for item in select.items {
            switch item {
            case .star:
                items += columns.map { Item(expression: .column($0.name), name: $0.name) }
            case .expression(let expression, let alias):
                items.append(Item(expression: expression, name: alias ?? binder.name(of: expression), alias: alias))
            }
        }
        self.init(
            items: items, distinct: select.distinct, groupBy: select.groupBy, having: select.having, orderBy: select.orderBy,
            // `sql_select_limit` caps every SELECT, as in MySQL.
            limit: min(select.limit ?? Int.max, c.session.sqlSelectLimit), offset: select.offset ?? 0)
    }
}

/// A SELECT bound to its columns: the outputs, and for an aggregate query the group keys and
/// aggregates to compute per group.
struct SelectPlan {
    enum SortSource {
        case output(Int)
        case extra(Int)
    }
    let names: [String]
    let outputs: [Typed]
    let having: Typed?
    let sort: [(source: SortSource, descending: Bool)]
    let extraKeys: [Typed]
    let groupKeys: [Typed]
    let aggregates: [AggregatePlan]
    let isAggregate: Bool
    let distinct: Bool
    let limit: Int
    let offset: Int

    init(_ request: SelectRequest, binder initial: ExpressionBinder) throws(SQLError) {
        var binder = initial
        let items = request.items
        let orderBy = try request.orderBy.map { key throws(SQLError) in
            OrderKey(try Self.resolvingAlias(key.expression, items, binder.columns, recursive: false), descending: key.descending)
        }
        let having = try request.having.map { e throws(SQLError) in try Self.resolvingAlias(e, items, binder.columns, recursive: true) }
        let isAggregate = !request.groupBy.isEmpty || items.contains { $0.expression.containsAggregate }
            || having?.containsAggregate == true || orderBy.contains { $0.expression.containsAggregate }
        binder.place = "group statement"
        for g in request.groupBy {
            let expression = try Self.groupExpression(g, items, binder.columns)
            binder.groupKeys.append(try binder.bind(expression, grouped: false))
        }
        binder.place = "field list"
        var outputs: [Typed] = []
        for item in items { outputs.append(try binder.bind(item.expression, grouped: isAggregate)) }
        binder.place = "having clause"
        if let having {
            self.having = try binder.bind(having, grouped: isAggregate)
        } else {
            self.having = nil
        }
        binder.place = "order clause"
        var sort: [(SortSource, Bool)] = []
        var extraKeys: [Typed] = []
        for key in orderBy {
            if case .literal(.number(let text)) = key.expression, let position = Int(text) {
                guard (1...items.count).contains(position) else { throw SQLError.unknownColumn(text, in: "order clause") }
                sort.append((.output(position - 1), key.descending))
            } else if let i = items.firstIndex(where: { $0.expression == key.expression }) {
                sort.append((.output(i), key.descending))
            } else {
                sort.append((.extra(extraKeys.count), key.descending))
                extraKeys.append(try binder.bind(key.expression, grouped: isAggregate))
            }
        }
        self.isAggregate = isAggregate
        names = items.map(\.name)
        self.outputs = outputs
        self.sort = sort
        self.extraKeys = extraKeys
        groupKeys = binder.groupKeys
        aggregates = binder.aggregates
        distinct = request.distinct
        limit = request.limit
        offset = request.offset
    }

    /// Whether every aggregate is COUNT(*) and there is one group, so a known row count
    /// answers the query without reading rows.
    var countsRowsOnly: Bool {
        isAggregate && groupKeys.isEmpty && aggregates.allSatisfy { $0.function == .count && $0.argument == nil && !$0.distinct }
    }

    /// `ORDER BY alias` (and an alias inside HAVING) stands for the aliased expression; a name
    /// that is a column of the table keeps meaning the column inside HAVING.
    private static func resolvingAlias(_ e: SelectExpression, _ items: [SelectRequest.Item], _ columns: [Column], recursive: Bool) throws(SQLError) -> SelectExpression {
        switch e {
        case .column(let name):
            let matches = items.filter { $0.alias?.caseInsensitiveEquals(name) == true }
            guard let first = matches.first else { return e }
            if recursive, columns.contains(where: { $0.name.caseInsensitiveEquals(name) }) { return e }
            if matches.count > 1, matches.contains(where: { $0.expression != first.expression }) {
                throw SQLError(code: 1052, sqlState: "23000", "Column '\(name)' in \(recursive ? "having" : "order") clause is ambiguous")
            }
            return first.expression
        case .unary(let op, let x) where recursive:
            return .unary(op, try resolvingAlias(x, items, columns, recursive: true))
        case .binary(let op, let x, let y) where recursive:
            return .binary(op, try resolvingAlias(x, items, columns, recursive: true), try resolvingAlias(y, items, columns, recursive: true))
        case .isNull(let x, let negated) where recursive:
            return .isNull(try resolvingAlias(x, items, columns, recursive: true), negated: negated)
        default:
            return e
        }
    }

    /// `GROUP BY 2` is the second output column and `GROUP BY alias` the aliased expression
    /// (a table column of that name wins, as in MySQL).
    private static func groupExpression(_ g: SelectExpression, _ items: [SelectRequest.Item], _ columns: [Column]) throws(SQLError) -> SelectExpression {
        var expression = g
        if case .literal(.number(let text)) = g, let position = Int(text) {
            guard (1...items.count).contains(position) else { throw SQLError.unknownColumn(text, in: "group statement") }
            expression = items[position - 1].expression
        } else if case .column(let name) = g, !columns.contains(where: { $0.name.caseInsensitiveEquals(name) }),
            let item = items.first(where: { $0.alias?.caseInsensitiveEquals(name) == true })
        {
            expression = item.expression
        }
        if expression.containsAggregate {
            throw SQLError(code: 1056, sqlState: "42000", "Can't group on '\(items.first { $0.expression == expression }?.name ?? "aggregate")'")
        }
        return expression
    }
}
