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
        var text = template
        for (token, sqlite, postgres) in Self.tokens {
            text = text.replacingOccurrences(of: token, with: self == .sqlite ? sqlite : postgres)
        }
        guard self == .postgres else { return text }
        // `?` → `$1`, `$2`, … outside quoted text.
        var result = ""
        var number = 0
        var quote: Character?
        for character in text {
            if let open = quote {
                if character == open { quote = nil }
            } else if character == "'" || character == "\"" {
                quote = character
            } else if character == "?" {
                number += 1
                result += "$\(number)"
                continue
            }
            result.append(character)
        }
        return result
    }

    private static let tokens = [
        ("{seq}", "rowid", "seq"),
        ("{C}", "", " COLLATE \"C\""),
        ("{FOR SHARE}", "", " FOR SHARE"),
        ("{FOR UPDATE}", "", " FOR UPDATE"),
    ]
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
