// Payloads (without the 4-byte packet header) captured by a logging TCP proxy in front of
// MariaDB 10.11.19 (Debian 12 package 1:10.11.19-0+deb12u1) on 127.0.0.1, user 'snap' with
// password "secret" (mysql_native_password), database 'shop'. Clients: PyMySQL 1.2.4,
// mysql-connector-python 26.10.0 in pure mode (use_pure=True), and the mariadb CLI 15.1
// (Distrib 10.11.19, libmariadb 3.3.20), all under Python 3.11 / Debian 12.

/// Connection-phase packets from real logins.
enum HandshakeCaptures {
    /// MariaDB's HandshakeV10 to PyMySQL: version 5.5.5-10.11.19-MariaDB-0+deb12u1, connection 4,
    /// caps 0x81fff7fe, charset 8 (latin1), status 0x0002; MariaDB's extended caps (0x1d) in the reserved bytes.
    static let pymysqlGreeting = """
        0a352e352e352d31302e31312e31392d4d6172696144422d302b6465623132753100040000003d4c48633b394e5d00fe
        f7080200ff81150000000000001d000000666859656d7525524f747a2c006d7973716c5f6e61746976655f7061737377
        6f726400
        """

    /// PyMySQL 1.2.4's HandshakeResponse41 to `pymysqlGreeting` (seq 1), password "secret", db shop:
    /// caps 0x003aa20d, max packet 0xffffff, charset 45, lenenc auth data, attributes.
    static let pymysqlResponse = """
        0da23a00ffffff002d0000000000000000000000000000000000000000000000736e61700014b748007af7e8bb82e7fc
        19afaf55ac90ec59063373686f70006d7973716c5f6e61746976655f70617373776f726400360c5f636c69656e745f6e
        616d650770796d7973716c0f5f636c69656e745f76657273696f6e05312e322e34045f706964053134313936
        """

    /// MariaDB's OK after the PyMySQL login (seq 2), status AUTOCOMMIT.
    static let loginOK = "00000002000000"

    /// The greeting of PyMySQL's login with the wrong password "wrong".
    static let badPasswordGreeting = """
        0a352e352e352d31302e31312e31392d4d6172696144422d302b64656231327531000500000053792c684c215d3300fe
        f7080200ff81150000000000001d000000255d2a57562d793c5d416b77006d7973716c5f6e61746976655f7061737377
        6f726400
        """

    /// PyMySQL's response carrying the scramble of "wrong".
    static let badPasswordResponse = """
        0da23a00ffffff002d0000000000000000000000000000000000000000000000736e617000144da1aec58f250d5c530b
        8f072da6425e083e1c2773686f70006d7973716c5f6e61746976655f70617373776f726400360c5f636c69656e745f6e
        616d650770796d7973716c0f5f636c69656e745f76657273696f6e05312e322e34045f706964053134323036
        """

    /// MariaDB's reply to it (seq 2): ERR 1045/28000.
    static let accessDenied = """
        ff15042332383030304163636573732064656e69656420666f7220757365722027736e61702740276c6f63616c686f73
        742720287573696e672070617373776f72643a2059455329
        """

    /// MariaDB's greeting to mysql-connector-python (connection 6).
    static let connectorGreeting = """
        0a352e352e352d31302e31312e31392d4d6172696144422d302b64656231327531000600000065382550454a226700fe
        f7080200ff81150000000000001d000000644155672a397c285038692b006d7973716c5f6e61746976655f7061737377
        6f726400
        """

    /// mysql-connector-python 26.10.0 (pure) answering `connectorGreeting`: caps 0x003ba20d
    /// (with MULTI_STATEMENTS), max packet 1 GiB, charset 45, seven attributes.
    static let connectorResponse = """
        0da23b00000000402d0000000000000000000000000000000000000000000000736e61700014cc2dcda86070ed5b5e78
        b1f0668ef9037110337b73686f70006d7973716c5f6e61746976655f70617373776f7264008e045f7069640531343238
        39095f706c6174666f726d067838365f36340c5f736f757263655f686f737402766d0c5f636c69656e745f6e616d6516
        6d7973716c2d636f6e6e6563746f722d707974686f6e0f5f636c69656e745f6c6963656e73650747504c2d322e300f5f
        636c69656e745f76657273696f6e0732362e31302e30035f6f730944656269616e2d3132
        """

    /// The greeting before the auth switch (connection 7).
    static let switchGreeting = """
        0a352e352e352d31302e31312e31392d4d6172696144422d302b64656231327531000700000071507c427239646c00fe
        f7080200ff81150000000000001d0000007172693877725637506a4969006d7973716c5f6e61746976655f7061737377
        6f726400
        """

    /// mysql-connector-python with auth_plugin='caching_sha2_password': a 32-byte
    /// caching_sha2 scramble, plugin caching_sha2_password.
    static let switchResponse = """
        0da23b00000000402d0000000000000000000000000000000000000000000000736e61700020fedaa4d727fdb167f835
        cc0a4ee60a87cc86a7a23b83161b7f0ac2468259c87773686f700063616368696e675f736861325f70617373776f7264
        008e045f706964053134333131095f706c6174666f726d067838365f36340c5f736f757263655f686f737402766d0c5f
        636c69656e745f6e616d65166d7973716c2d636f6e6e6563746f722d707974686f6e0f5f636c69656e745f6c6963656e
        73650747504c2d322e300f5f636c69656e745f76657273696f6e0732362e31302e30035f6f730944656269616e2d3132
        """

    /// MariaDB's AuthSwitchRequest (seq 2): back to mysql_native_password, same salt + NUL.
    static let authSwitch = "fe6d7973716c5f6e61746976655f70617373776f72640071507c427239646c7172693877725637506a496900"

    /// The client's bare 20-byte native scramble of "secret" (seq 3); MariaDB answered OK.
    static let authSwitchReply = "c85ae0921d125a532f68aac94f1adc6cae794f51"

    /// MariaDB's greeting to the mariadb CLI (connection 8).
    static let cliGreeting = """
        0a352e352e352d31302e31312e31392d4d6172696144422d302b646562313275310008000000616d7e546626283700fe
        f7080200ff81150000000000001d0000007a233d483365272d4c752c77006d7973716c5f6e61746976655f7061737377
        6f726400
        """

    /// The mariadb CLI 15.1's response: caps 0x20ffa68c (no CLIENT_LONG_PASSWORD, so MariaDB
    /// extended caps 0x1d sit in the last 4 reserved bytes), max packet 1 MiB, charset 33.
    static let cliResponse = """
        8ca6ff200000100021000000000000000000000000000000000000001d000000736e61700014728c19aca1fd2078a505
        f6e7253314ac51879a3373686f70006d7973716c5f6e61746976655f70617373776f7264007f035f6f73054c696e7578
        0c5f636c69656e745f6e616d650a6c69626d617269616462045f7069640531343439310f5f636c69656e745f76657273
        696f6e06332e332e3230095f706c6174666f726d067838365f36340c70726f6772616d5f6e616d65056d7973716c0c5f
        7365727665725f686f7374093132372e302e302e31
        """

    /// The OK to the CLI's login under SESSION_TRACK: status 0x4002, empty info, then the
    /// session-state record "schema changed to shop".
    static let cliLoginOK = "00000002400000000701050473686f70"
}
