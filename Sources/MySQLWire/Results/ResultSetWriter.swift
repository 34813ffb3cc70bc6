/// Builds the payloads of a server's reply to a query, in send order, for the negotiated
/// capabilities.
///
/// A text result set is: column count, one definition per column, an EOF (left out under
/// `CLIENT_DEPRECATE_EOF`), the rows, then an EOF or, under `CLIENT_DEPRECATE_EOF`, an OK with
/// header `FE`. Every terminator of a result that is not the statement's last carries
/// ``ServerStatus/moreResultsExist``; the writer sets or clears that bit from
/// `moreResultsFollow`, and passes every other bit of `status` (autocommit, in-transaction)
/// through. Frame the payloads with ``PacketFramer`` starting one past the request's sequence id.
public struct ResultSetWriter: Sendable {
    /// The capabilities both sides agreed on.
    public var capabilities: CapabilityFlags

    public init(capabilities: CapabilityFlags) {
        self.capabilities = capabilities
    }

    /// A whole result set. With no columns there is nothing to describe, so the reply is a
    /// plain OK instead: a column count of 0 would read as an OK header anyway.
    public func resultSet(
        columns: [ColumnDefinition41], rows: [[String?]], status: ServerStatus,
        warnings: UInt16 = 0, moreResultsFollow: Bool = false
    ) -> [[UInt8]] {
        guard !columns.isEmpty else {
            return [ok(status: status, warnings: warnings, moreResultsFollow: moreResultsFollow)]
        }
        var payloads = header(columns: columns, status: status, moreResultsFollow: moreResultsFollow)
        payloads.reserveCapacity(payloads.count + rows.count + 1)
        for values in rows {
            payloads.append(row(values))
        }
        payloads.append(end(status: status, warnings: warnings, moreResultsFollow: moreResultsFollow))
        return payloads
    }

    /// The packets before the rows, for a caller that streams rows: column count, definitions
    /// and, without `CLIENT_DEPRECATE_EOF`, the EOF that ends them.
    public func header(columns: [ColumnDefinition41], status: ServerStatus, moreResultsFollow: Bool = false) -> [[UInt8]] {
        var count = ByteWriter(capacity: 9)
        count.writeLengthEncodedInt(UInt64(columns.count))
        var payloads = [count.bytes] + columns.map { $0.encode() }
        if !capabilities.contains(.deprecateEOF) {
            payloads.append(EOFPacket(status: flags(status, moreResultsFollow)).encode())
        }
        return payloads
    }

    /// One row.
    public func row(_ values: [String?]) -> [UInt8] {
        TextRow.encode(values)
    }

    /// The terminator after the rows (also the reply to `COM_SET_OPTION` and the end of a
    /// `COM_FIELD_LIST` reply): EOF, or OK-FE under `CLIENT_DEPRECATE_EOF`.
    public func end(status: ServerStatus, warnings: UInt16 = 0, moreResultsFollow: Bool = false) -> [UInt8] {
        let status = flags(status, moreResultsFollow)
        if capabilities.contains(.deprecateEOF) {
            return OKPacket(status: status, warnings: warnings).encodeAsResultSetEnd()
        }
        return EOFPacket(warnings: warnings, status: status).encode()
    }

    /// The OK for a statement without a result set.
    public func ok(
        affectedRows: UInt64 = 0, lastInsertID: UInt64 = 0, status: ServerStatus,
        warnings: UInt16 = 0, info: String = "", moreResultsFollow: Bool = false
    ) -> [UInt8] {
        OKPacket(
            affectedRows: affectedRows, lastInsertID: lastInsertID,
            status: flags(status, moreResultsFollow), warnings: warnings, info: info
        ).encode()
    }

    /// The reply to `COM_FIELD_LIST`: the columns, each with its default, then the terminator.
    public func fieldList(_ columns: [FieldListColumn], status: ServerStatus) -> [[UInt8]] {
        columns.map { $0.encode() } + [end(status: status)]
    }

    private func flags(_ status: ServerStatus, _ moreResultsFollow: Bool) -> ServerStatus {
        var flags = status
        if moreResultsFollow {
            flags.insert(.moreResultsExist)
        } else {
            flags.remove(.moreResultsExist)
        }
        return flags
    }
}
