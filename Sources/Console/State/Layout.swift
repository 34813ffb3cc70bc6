/// Where everything goes on a screen of a given size; shared by the reducer (how many rows a
/// page is) and the renderer, so both agree on what is visible.
///
/// Row 0 is the header, row 1 the tab bar, the last row the key hints and the one above it the
/// message line. The main area in between starts with a title line.
public struct Layout: Sendable, Hashable {
    public static let minimumWidth = 60
    public static let minimumHeight = 15

    public let width: Int
    public let height: Int

    public init(width: Int, height: Int) {
        self.width = width
        self.height = height
    }

    public var isTooSmall: Bool { width < Self.minimumWidth || height < Self.minimumHeight }

    public var header: Rect { Rect(x: 0, y: 0, width: width, height: 1) }
    public var tabBar: Rect { Rect(x: 0, y: 1, width: width, height: 1) }
    public var main: Rect { Rect(x: 0, y: 2, width: width, height: height - 4) }
    public var message: Rect { Rect(x: 0, y: height - 2, width: width, height: 1) }
    public var footer: Rect { Rect(x: 0, y: height - 1, width: width, height: 1) }

    /// The main area below its title line.
    public var body: Rect { Rect(x: 0, y: main.y + 1, width: width, height: main.height - 1) }

    /// Wide screens put the detail pane on the right, others below the table.
    public var detailOnRight: Bool { width >= 140 }

    /// The job table and, when open, the detail pane.
    public func jobAreas(detailOpen: Bool) -> (table: Rect, detail: Rect?) {
        let body = self.body
        guard detailOpen else { return (body, nil) }
        if detailOnRight {
            let tableWidth = body.width * 11 / 20
            return (Rect(x: body.x, y: body.y, width: tableWidth, height: body.height),
                    Rect(x: body.x + tableWidth, y: body.y, width: body.width - tableWidth, height: body.height))
        }
        let tableHeight = max(4, body.height * 2 / 5)
        return (Rect(x: body.x, y: body.y, width: body.width, height: tableHeight),
                Rect(x: body.x, y: body.y + tableHeight, width: body.width, height: body.height - tableHeight))
    }

    /// Data rows a table in `rect` shows below its column header.
    public static func rows(in rect: Rect) -> Int { max(1, rect.height - 1) }

    /// The snapshot browser's list and, inside a snapshot that was checked, the CHECK panel.
    public func snapshotAreas(checkRows: Int) -> (list: Rect, check: Rect?) {
        let body = self.body
        guard checkRows > 0 else { return (body, nil) }
        let panel = min(checkRows + 2, max(3, body.height / 3))
        return (Rect(x: body.x, y: body.y, width: body.width, height: body.height - panel),
                Rect(x: body.x, y: body.y + body.height - panel, width: body.width, height: panel))
    }

    /// The console's result grid (below the prompt and status lines).
    public var consoleGrid: Rect { Rect(x: 0, y: body.y + 2, width: width, height: body.height - 2) }
}
