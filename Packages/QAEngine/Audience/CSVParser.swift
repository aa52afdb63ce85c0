/// An RFC 4180 CSV parser as a push state machine: feed it chunks, it emits records as they complete,
/// holding at most one record (at most `maxFields` fields of at most `maxFieldBytes` bytes) in memory.
/// Tolerant: quoting errors and oversized records mark the record malformed instead of failing; CRLF, LF and
/// lone CR all end records. Simple records (unquoted, complete in the chunk) are handed out in place;
/// others are copied, runs of ordinary bytes in bulk, so the per-byte work is a comparison.
struct CSVParser {
    /// One parsed record: its fields (borrowed, valid only during the `emit` call), the line it starts on,
    /// and why it is malformed, if it is. `isUnquoted` is true when no field was quoted, so the fields and
    /// their separators are the record's CSV form as they stand.
    struct Record {
        var fields: CSVFields
        var line: Int
        var problem: String?
        var isUnquoted = false
    }

    private enum State {
        case fieldStart, unquoted, quoted, quoteInQuoted
    }

    private static let quote = UInt8(ascii: "\"")
    private static let lineFeed: UInt8 = 0x0A
    private static let carriageReturn: UInt8 = 0x0D

    private let delimiter: UInt8
    private let maxFieldBytes: Int
    private let maxFields: Int
    private var state = State.fieldStart
    /// The current record's fields, each followed by a separator byte; the current field starts at `fieldStart`.
    private var bytes: [UInt8] = []
    private var ends: [Int] = []
    private var fieldStart = 0
    private var problem: String?
    private var line = 1
    private var recordLine = 1
    private var skipLineFeed = false

    init(delimiter: UInt8 = UInt8(ascii: ","), maxFieldBytes: Int = 65_536, maxFields: Int = 1_024) {
        self.delimiter = delimiter
        self.maxFieldBytes = maxFieldBytes
        self.maxFields = maxFields
        bytes.reserveCapacity(1_024)
        ends.reserveCapacity(64)
    }

    /// Parses `chunk`, calling `emit` for each completed record.
    mutating func feed(_ chunk: UnsafeRawBufferPointer, _ emit: (Record) throws -> Void) rethrows {
        let input = chunk.assumingMemoryBound(to: UInt8.self)
        var index = 0
        while index < input.count {
            let byte = input[index]
            if skipLineFeed {
                skipLineFeed = false
                if byte == Self.lineFeed {
                    index += 1
                    continue
                }
            }
            if state == .fieldStart, ends.isEmpty, let end = try emitInPlace(input, from: index, emit) {
                index = end
                continue
            }
            switch state {
            case .fieldStart where byte == Self.quote:
                state = .quoted
            case .fieldStart, .unquoted:
                let end = endOfPlainRun(input, from: index)
                if end > index {
                    append(UnsafeBufferPointer(rebasing: input[index..<end]))
                    state = .unquoted
                    index = end
                    continue
                }
                try plain(byte, emit)
            case .quoted:
                let end = endOfQuotedRun(input, from: index)
                if end > index {
                    append(UnsafeBufferPointer(rebasing: input[index..<end]))
                    index = end
                    continue
                }
                if byte == Self.quote {
                    state = .quoteInQuoted
                } else {
                    line += 1
                    append(byte)
                }
            case .quoteInQuoted:
                if byte == Self.quote {
                    append(byte)
                    state = .quoted
                } else if byte == delimiter || byte == Self.lineFeed || byte == Self.carriageReturn {
                    try plain(byte, emit)
                } else {
                    problem = problem ?? "text after a closing quote"
                    append(byte)
                    state = .unquoted
                }
            }
            index += 1
        }
    }

    /// Ends the input, emitting the last record if the file does not end with a line break.
    mutating func finish(_ emit: (Record) throws -> Void) rethrows {
        if state == .quoted { problem = problem ?? "a quoted field is never closed" }
        if state != .fieldStart || bytes.count > fieldStart || !ends.isEmpty {
            try endRecord(emit)
        }
    }

    /// Emits the record starting at `start` straight from `input` when it is simple — unquoted, complete in
    /// this chunk, within the limits — and returns the index after its line break; nil when the record must
    /// be parsed byte by byte.
    private mutating func emitInPlace(
        _ input: UnsafeBufferPointer<UInt8>, from start: Int, _ emit: (Record) throws -> Void
    ) rethrows -> Int? {
        var index = start
        var fieldStart = start
        while index < input.count {
            let byte = input[index]
            let endsRecord = byte == Self.lineFeed || byte == Self.carriageReturn
            if byte == delimiter || endsRecord {
                guard ends.count < maxFields, index - fieldStart <= maxFieldBytes else { break }
                ends.append(index - start)
                fieldStart = index + 1
                if endsRecord {
                    if !(ends.count == 1 && ends[0] == 0) {
                        try ends.withUnsafeBufferPointer { ends in
                            let fields = CSVFields(bytes: UnsafeBufferPointer(rebasing: input[start..<index]), ends: ends)
                            try emit(Record(fields: fields, line: recordLine, problem: nil, isUnquoted: true))
                        }
                    }
                    ends.removeAll(keepingCapacity: true)
                    skipLineFeed = byte == Self.carriageReturn
                    line += 1
                    recordLine = line
                    return index + 1
                }
            } else if byte == Self.quote {
                break
            }
            index += 1
        }
        ends.removeAll(keepingCapacity: true)
        return nil
    }

    /// The end of the run of bytes from `start` that need no decision outside quotes.
    private func endOfPlainRun(_ input: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        var index = start
        while index < input.count {
            let byte = input[index]
            if byte == delimiter || byte == Self.quote || byte == Self.lineFeed || byte == Self.carriageReturn { break }
            index += 1
        }
        return index
    }

    /// The end of the run of bytes from `start` that need no decision inside quotes (line feeds are counted).
    private func endOfQuotedRun(_ input: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        var index = start
        while index < input.count, input[index] != Self.quote, input[index] != Self.lineFeed { index += 1 }
        return index
    }

    /// Handles a delimiter, line break or stray quote outside quotes.
    private mutating func plain(_ byte: UInt8, _ emit: (Record) throws -> Void) rethrows {
        switch byte {
        case delimiter:
            endField()
        case Self.lineFeed, Self.carriageReturn:
            skipLineFeed = byte == Self.carriageReturn
            try endRecord(emit)
            line += 1
            recordLine = line
        default:
            problem = problem ?? "a quote inside an unquoted field"
            append(byte)
            state = .unquoted
        }
    }

    private mutating func append(_ byte: UInt8) {
        if bytes.count - fieldStart < maxFieldBytes {
            bytes.append(byte)
        } else {
            problem = problem ?? "a field longer than \(maxFieldBytes) bytes"
        }
    }

    private mutating func append(_ run: UnsafeBufferPointer<UInt8>) {
        let room = maxFieldBytes - (bytes.count - fieldStart)
        if run.count <= room {
            bytes.append(contentsOf: run)
        } else {
            bytes.append(contentsOf: run.prefix(max(room, 0)))
            problem = problem ?? "a field longer than \(maxFieldBytes) bytes"
        }
    }

    private mutating func endField() {
        if ends.count < maxFields {
            ends.append(bytes.count)
            bytes.append(delimiter)
        } else {
            problem = problem ?? "more than \(maxFields) fields"
            bytes.removeSubrange(fieldStart...)
        }
        fieldStart = bytes.count
        state = .fieldStart
    }

    private mutating func endRecord(_ emit: (Record) throws -> Void) rethrows {
        endField()
        let problem = problem
        self.problem = nil
        if !(ends.count == 1 && ends[0] == 0 && problem == nil) {
            try CSVFields.with(bytes, ends) { try emit(Record(fields: $0, line: recordLine, problem: problem)) }
        }
        bytes.removeAll(keepingCapacity: true)
        ends.removeAll(keepingCapacity: true)
        fieldStart = 0
    }
}
