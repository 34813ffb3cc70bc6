/// A table column: title, width bounds, and how it gives way on narrow screens.
///
/// `priority` 0 columns are never dropped; higher numbers are dropped (and shrunk) first. The
/// `flex` column takes whatever width is left, like TaskErrMsg.
struct ColumnSpec: Sendable, Hashable {
    var title: String
    var minWidth: Int
    var maxWidth: Int
    var priority: Int
    var flex = false
    var alignRight = false
}
