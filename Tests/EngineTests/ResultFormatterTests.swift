import Engine
import Testing

@Suite struct ResultFormatterTests {
    let result = ResultSet(columns: ["id", "城市"], rows: [["1", "上海"], ["22", nil]])

    @Test func tableIsBoxedAndAlignedByDisplayWidth() {
        let text = ResultFormatter(format: .table).render(result, seconds: 0.004)
        #expect(text == """
            +----+------+
            | id | 城市 |
            +----+------+
            | 1  | 上海 |
            | 22 | NULL |
            +----+------+
            2 rows in set (0.00 sec)


            """)
    }

    @Test func verticalTsvAndJson() {
        #expect(ResultFormatter(format: .vertical).render(result, seconds: 0).hasPrefix("*************************** 1. row ***************************\n  id: 1\n城市: 上海\n"))
        #expect(ResultFormatter(format: .tsv).render(result, seconds: 0) == "id\t城市\n1\t上海\n22\tNULL\n")
        #expect(ResultFormatter(format: .json).render(result, seconds: 0) == "[\n  {\"id\": \"1\", \"城市\": \"上海\"},\n  {\"id\": \"22\", \"城市\": null}\n]\n")
    }

    @Test func statusLines() {
        #expect(ResultFormatter(format: .table).render(ResultSet(affectedRows: 1), seconds: 0.01) == "Query OK, 1 row affected (0.01 sec)\n\n")
        #expect(ResultFormatter(format: .table).render(ResultSet(columns: ["a"], rows: []), seconds: 0) == "Empty set (0.00 sec)\n\n")
        #expect(ResultFormatter(format: .table).render(ResultSet(columns: ["a"], rows: [["\u{1b}[2J"]]), seconds: 0).contains("\\x1b[2J"))
    }
}
