// Command-phase payloads (without packet headers) captured by a logging TCP proxy in front of
// MariaDB 10.11.19 (Debian 12 package) on 127.0.0.1, from PyMySQL 1.2.4 sessions on database
// 'shop'. The DEPRECATE_EOF captures come from PyMySQL with client_flag MULTI_STATEMENTS |
// DEPRECATE_EOF; the multi-statement, COM_FIELD_LIST and COM_SET_OPTION replies from PyMySQL
// with MULTI_STATEMENTS, its commands sent through its own command writer and the replies read
// packet by packet. The table:
//   CREATE TABLE items (id INT NOT NULL PRIMARY KEY, big BIGINT, price DECIMAL(10,2),
//     name VARCHAR(20) DEFAULT 'none', d DATE, ts DATETIME) DEFAULT CHARSET=utf8mb4;
//   rows (1, 9007199254740993, 12.50, 'apple', '2024-02-29', '2024-02-29 13:45:00'),
//        (2, NULL, NULL, '', NULL, NULL)

/// Replies to queries and other commands.
enum ResultCaptures {
    /// COM_QUERY `SELECT id, big, price, name, d, ts FROM items ORDER BY id` from PyMySQL (seq 0).
    static let itemsQuery = """
        0353454c4543542069642c206269672c2070726963652c206e616d652c20642c2074732046524f4d206974656d73204f
        52444552204259206964
        """

    /// MariaDB's reply with classic EOFs (seq 1...11); status 0x0021 (IN_TRANS | NO_INDEX_USED)
    /// because PyMySQL had turned autocommit off.
    static let itemsClassic: [String] = [
        "06",
        "036465660473686f70056974656d73056974656d730269640269640c3f000b000000030350000000",
        "036465660473686f70056974656d73056974656d7303626967036269670c3f0014000000080000000000",
        "036465660473686f70056974656d73056974656d730570726963650570726963650c3f000c000000f60000020000",
        "036465660473686f70056974656d73056974656d73046e616d65046e616d650c2d0050000000fd0000000000",
        "036465660473686f70056974656d73056974656d73016401640c3f000a0000000a8000000000",
        "036465660473686f70056974656d73056974656d730274730274730c3f00130000000c8000000000",
        "fe00002100",
        """
            013110393030373139393235343734303939330531322e3530056170706c650a323032342d30322d323913323032342d
            30322d32392031333a34353a3030
            """,
        "0132fbfb00fbfb",
        "fe00002100",
    ]

    /// The same query under DEPRECATE_EOF (seq 1...10): no EOF after the definitions, an OK-FE
    /// `fe 00 00 22 00 00 00` at the end (no info byte; Doris adds one).
    static var itemsDeprecateEOF: [String] {
        // The count, definitions and rows came back byte-identical to `itemsClassic`'s; only the
        // EOFs differ, so they are taken from there.
        Array(itemsClassic[0...6]) + Array(itemsClassic[8...9]) + ["fe000022000000"]
    }

    /// OK to `UPDATE items SET name = 'apple' WHERE id = 1`: info with a length prefix.
    static let updateOK = "0000000100000028526f7773206d6174636865643a203120204368616e6765643a203020205761726e696e67733a2030"

    /// ERR 1064/42000 to `SELEKT 1`.
    static let syntaxError = """
        ff2804233432303030596f75206861766520616e206572726f7220696e20796f75722053514c2073796e7461783b2063
        6865636b20746865206d616e75616c207468617420636f72726573706f6e647320746f20796f7572204d617269614442
        207365727665722076657273696f6e20666f72207468652072696768742073796e74617820746f20757365206e656172
        202753454c454b54203127206174206c696e652031
        """

    /// COM_INIT_DB `nope` from PyMySQL's select_db.
    static let initDBNope = "026e6f7065"

    /// ERR 1049/42000 to it.
    static let unknownDatabase = "ff1904233432303030556e6b6e6f776e20646174616261736520276e6f706527"

    /// COM_PING from PyMySQL's ping().
    static let ping = "0e"

    /// OK to COM_PING, status IN_TRANS.
    static let pingOK = "00000001000000"

    /// COM_QUIT from PyMySQL's close(); MariaDB sends nothing back.
    static let quit = "01"

    /// COM_QUERY `select 1; select 2`.
    static let multiQuery = "0373656c65637420313b2073656c6563742032"

    /// Its reply with classic EOFs: the first result's EOFs carry 0x000a (MORE_RESULTS_EXISTS |
    /// AUTOCOMMIT), the second's 0x0002.
    static let multiClassic: [String] = [
        "01",
        "036465660000000131000c3f0001000000038100000000",
        "fe00000a00",
        "0131",
        "fe00000a00",
        "01",
        "036465660000000132000c3f0001000000038100000000",
        "fe00000200",
        "0132",
        "fe00000200",
    ]

    /// The same under DEPRECATE_EOF: OK-FE 0x000a, then OK-FE 0x0002.
    static let multiDeprecateEOF: [String] = [
        "01",
        "036465660000000131000c3f0001000000038100000000",
        "0131",
        "fe00000a000000",
        "01",
        "036465660000000132000c3f0001000000038100000000",
        "0132",
        "fe000002000000",
    ]

    /// Reply to `select 1; selekt 2`: a result flagged MORE_RESULTS_EXISTS, then ERR 1064.
    static let multiWithErrorClassic: [String] = [
        "01",
        "036465660000000131000c3f0001000000038100000000",
        "fe00000a00",
        "0131",
        "fe00000a00",
        """
            ff2804233432303030596f75206861766520616e206572726f7220696e20796f75722053514c2073796e7461783b2063
            6865636b20746865206d616e75616c207468617420636f72726573706f6e647320746f20796f7572204d617269614442
            207365727665722076657273696f6e20666f72207468652072696768742073796e74617820746f20757365206e656172
            202773656c656b74203227206174206c696e652031
            """,
    ]

    /// Reply to `update items set name='apple' where id=1; select 3` under DEPRECATE_EOF:
    /// an OK with status 0x000a, then a result set.
    static let okThenResultDeprecateEOF: [String] = [
        "0000000a00000028526f7773206d6174636865643a203120204368616e6765643a203020205761726e696e67733a2030",
        "01",
        "036465660000000133000c3f0001000000038100000000",
        "0133",
        "fe000002000000",
    ]

    /// COM_FIELD_LIST for table `items`, empty wildcard.
    static let fieldListRequest = "046974656d7300"

    /// Its reply: six definitions, each followed by its default (`0`, NULL, NULL, `none`, NULL,
    /// NULL), then an EOF.
    static let fieldListClassic: [String] = [
        "036465660473686f70056974656d73056974656d730269640269640c3f000b0000000303500000000130",
        "036465660473686f70056974656d73056974656d7303626967036269670c3f0014000000080000000000fb",
        "036465660473686f70056974656d73056974656d730570726963650570726963650c3f000c000000f60000020000fb",
        """
            036465660473686f70056974656d73056974656d73046e616d65046e616d650c2d0050000000fd0000000000046e6f6e
            65
            """,
        "036465660473686f70056974656d73056974656d73016401640c3f000a0000000a8000000000fb",
        "036465660473686f70056974656d73056974656d730274730274730c3f00130000000c8000000000fb",
        "fe00000200",
    ]

    /// The same under DEPRECATE_EOF: ends with an OK-FE.
    static var fieldListDeprecateEOF: [String] {
        // The definitions came back byte-identical to `fieldListClassic`'s.
        Array(fieldListClassic.dropLast()) + ["fe000002000000"]
    }

    /// The mariadb CLI's COM_FIELD_LIST reply for `id`: it negotiated MariaDB's extended metadata,
    /// so an extra lenenc (`00`) precedes the `0c` length byte.
    static let fieldListMariaDBExtended = "036465660473686f70056974656d73056974656d73026964026964000c3f000b0000000303500000000130"

    /// COM_SET_OPTION 1 (multi-statements off).
    static let setOptionOff = "1b0100"

    /// Its reply without DEPRECATE_EOF: an EOF.
    static let setOptionReplyClassic = "fe00000200"

    /// Its reply under DEPRECATE_EOF: an OK-FE.
    static let setOptionReplyDeprecateEOF = "fe000002000000"

    /// `select 1; select 2` after multi-statements were turned off: ERR 1064.
    static let multiAfterOptionOff = """
        ff2804233432303030596f75206861766520616e206572726f7220696e20796f75722053514c2073796e7461783b2063
        6865636b20746865206d616e75616c207468617420636f72726573706f6e647320746f20796f7572204d617269614442
        207365727665722076657273696f6e20666f72207468652072696768742073796e74617820746f20757365206e656172
        202773656c656374203227206174206c696e652031
        """

    /// OK to COM_RESET_CONNECTION.
    static let resetConnectionOK = "00000002000000"
}
