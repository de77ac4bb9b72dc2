/// Verification codes: 100 random bits from the system's secure generator, in Crockford's base 32
/// (no I, L, O or U), printed in groups of five. Stored with the record, so a code cannot be worked
/// out from anything printed on a certificate.
public enum CertificateCode {
    static let alphabet = Array("0123456789ABCDEFGHJKMNPQRSTVWXYZ")
    public static let length = 20

    /// A new random code in canonical form.
    public static func random() -> String {
        var generator = SystemRandomNumberGenerator()
        return String((0..<length).map { _ in alphabet[Int(generator.next(upperBound: UInt8(32)))] })
    }

    /// The canonical form of a typed code (case, dashes and spaces ignored; O read as 0, I and L as 1),
    /// or nil when it cannot be a code.
    public static func canonical(_ text: String) -> String? {
        var result = ""
        for character in text.uppercased() {
            switch character {
            case "-", " ", "\t": continue
            case "O": result.append("0")
            case "I", "L": result.append("1")
            default:
                guard alphabet.contains(character) else { return nil }
                result.append(character)
            }
        }
        return result.count == length ? result : nil
    }

    /// `ABCDE-FGHJK-MNPQR-STVWX`
    public static func display(_ code: String) -> String {
        var groups: [String] = []
        var rest = Substring(code)
        while !rest.isEmpty {
            groups.append(String(rest.prefix(5)))
            rest = rest.dropFirst(5)
        }
        return groups.joined(separator: "-")
    }
}
