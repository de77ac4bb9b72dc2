import Foundation
import TrainingKit

/// Name-based UUIDs in the manner of RFC 4122 version 5, with SHA-256 in place of SHA-1:
/// the same namespace and name always give the same UUID.
public enum DeterministicUUID {
    /// The namespace of cares' xAPI statement ids (itself a random UUID, fixed forever).
    public static let statementNamespace = UUID(uuidString: "6b0cf4a2-6d3c-4f0a-9a55-0c2a6d2f8e41") ?? UUID()

    public static func make(namespace: UUID, name: String) -> UUID {
        let n = namespace.uuid
        var bytes = [n.0, n.1, n.2, n.3, n.4, n.5, n.6, n.7, n.8, n.9, n.10, n.11, n.12, n.13, n.14, n.15]
        bytes += Array(name.utf8)
        var digest = Array(SHA256.hash(bytes).prefix(16))
        digest[6] = (digest[6] & 0x0f) | 0x50  // version 5
        digest[8] = (digest[8] & 0x3f) | 0x80  // RFC 4122 variant
        return UUID(uuid: (
            digest[0], digest[1], digest[2], digest[3], digest[4], digest[5], digest[6], digest[7],
            digest[8], digest[9], digest[10], digest[11], digest[12], digest[13], digest[14], digest[15]))
    }
}
