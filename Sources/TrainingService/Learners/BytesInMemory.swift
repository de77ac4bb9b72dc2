/// Bytes already in memory, given as one chunk.
public struct BytesInMemory: ByteSource {
    private var bytes: [UInt8]?

    public init(_ bytes: [UInt8]) { self.bytes = bytes }

    public mutating func nextChunk() throws -> [UInt8] {
        defer { bytes = nil }
        return bytes ?? []
    }
}
