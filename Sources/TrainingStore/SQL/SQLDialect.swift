/// The mechanical differences between the two backends' SQL, applied to statements written once.
///
/// A statement is written with `?` parameters and these tokens:
/// - `{seq}`: the column that orders rows by insertion (`rowid` in SQLite, the `seq` identity column in PostgreSQL);
/// - `{C}`: after a text column in `ORDER BY`, byte order (SQLite's default; `COLLATE "C"` in PostgreSQL);
/// - `{FOR SHARE}`, `{FOR UPDATE}`: row locks (PostgreSQL only; a SQLite write transaction locks the whole file).
///
/// Both backends take `ON CONFLICT … DO NOTHING/UPDATE` and `RETURNING`; value types (dates, UUIDs,
/// booleans) are mapped by each driver from `SQLValue`.
enum SQLDialect: Sendable {
    case sqlite
    case postgres

    /// `template` in this dialect.
    func render(_ template: String) -> String {
        let sqlite = self == .sqlite
        let text = SQLTemplate.expand(template) { inner in
            switch inner {
            case "seq": sqlite ? "rowid" : "seq"
            case "C": sqlite ? "" : " COLLATE \"C\""
            case "FOR SHARE": sqlite ? "" : " FOR SHARE"
            case "FOR UPDATE": sqlite ? "" : " FOR UPDATE"
            default: nil
            }
        }
        guard !sqlite else { return text }
        // `?` → `$1`, `$2`, … outside quoted text.
        var result: [UInt8] = []
        result.reserveCapacity(text.utf8.count + 16)
        var number = 0
        var quote: UInt8?
        for byte in text.utf8 {
            if let open = quote {
                if byte == open { quote = nil }
            } else if byte == 0x27 || byte == 0x22 {
                quote = byte
            } else if byte == 0x3F {
                number += 1
                result.append(0x24)
                result.append(contentsOf: String(number).utf8)
                continue
            }
            result.append(byte)
        }
        return String(decoding: result, as: UTF8.self)
    }
}

/// A statement written once, rendered for both dialects when first used.
struct SQL: Sendable, ExpressibleByStringLiteral {
    let sqlite: String
    let postgres: String

    init(_ template: String) {
        sqlite = SQLDialect.sqlite.render(template)
        postgres = SQLDialect.postgres.render(template)
    }

    init(stringLiteral template: String) { self.init(template) }

    /// A statement whose text differs between the backends beyond the tokens.
    init(sqlite: String, postgres: String) {
        self.sqlite = SQLDialect.sqlite.render(sqlite)
        self.postgres = SQLDialect.postgres.render(postgres)
    }

    func text(_ dialect: SQLDialect) -> String { dialect == .sqlite ? sqlite : postgres }
}
