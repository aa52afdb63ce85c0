/// The fields of one CSV record as a borrowed view: the field bytes, each field followed by one separator
/// byte that is not part of it (so a simple record can be viewed in place in the input), and where each
/// field ends. Valid only inside the call that hands it out.
struct CSVFields {
    /// The bytes of all fields, one separator byte after each.
    let bytes: UnsafeBufferPointer<UInt8>
    /// The end offset of each field in `bytes`; the next field starts one byte later.
    let ends: UnsafeBufferPointer<Int>

    /// The number of fields.
    var count: Int { ends.count }

    /// The bytes of field `index`.
    subscript(index: Int) -> UnsafeBufferPointer<UInt8> {
        UnsafeBufferPointer(rebasing: bytes[(index == 0 ? 0 : ends[index - 1] + 1)..<ends[index]])
    }

    /// Field `index` decoded as UTF-8.
    func string(_ index: Int) -> String { String(decoding: self[index], as: UTF8.self) }

    /// All fields decoded as UTF-8.
    var strings: [String] { (0..<count).map(string) }

    /// Calls `body` with a view of `bytes` split at `ends` (each followed by a separator byte).
    static func with<R>(_ bytes: [UInt8], _ ends: [Int], _ body: (CSVFields) throws -> R) rethrows -> R {
        try bytes.withUnsafeBufferPointer { bytes in
            try ends.withUnsafeBufferPointer { ends in try body(CSVFields(bytes: bytes, ends: ends)) }
        }
    }
}
