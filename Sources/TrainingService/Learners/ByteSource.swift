/// Where `CSVReader` gets its bytes.
public protocol ByteSource {
    /// The next bytes, or an empty array at the end.
    mutating func nextChunk() throws -> [UInt8]
}
