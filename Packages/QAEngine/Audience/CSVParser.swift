/// An RFC 4180 CSV parser as a push state machine: feed it chunks, it emits records as they complete,
/// holding at most one record (fields capped at `maxFieldBytes`) in memory. Tolerant: quoting errors mark
/// the record malformed instead of failing; CRLF, LF and lone CR all end records.
struct CSVParser {
    /// One parsed record: raw field bytes, the line it starts on, and why it is malformed, if it is.
    struct Record {
        var fields: [[UInt8]]
        var line: Int
        var problem: String?
    }

    private enum State {
        case fieldStart, unquoted, quoted, quoteInQuoted
    }

    private let delimiter: UInt8
    private let maxFieldBytes: Int
    private var state = State.fieldStart
    private var field: [UInt8] = []
    private var fields: [[UInt8]] = []
    private var problem: String?
    private var line = 1
    private var recordLine = 1
    private var skipLineFeed = false

    init(delimiter: UInt8 = UInt8(ascii: ","), maxFieldBytes: Int = 65_536) {
        self.delimiter = delimiter
        self.maxFieldBytes = maxFieldBytes
    }

    /// Parses `chunk`, calling `emit` for each completed record.
    mutating func feed(_ chunk: UnsafeRawBufferPointer, _ emit: (Record) throws -> Void) rethrows {
        for byte in chunk {
            if skipLineFeed {
                skipLineFeed = false
                if byte == 0x0A { continue }
            }
            switch state {
            case .fieldStart:
                if byte == UInt8(ascii: "\"") {
                    state = .quoted
                } else {
                    try plain(byte, emit)
                }
            case .unquoted:
                try plain(byte, emit)
            case .quoted:
                if byte == UInt8(ascii: "\"") {
                    state = .quoteInQuoted
                } else {
                    if byte == 0x0A { line += 1 }
                    append(byte)
                }
            case .quoteInQuoted:
                if byte == UInt8(ascii: "\"") {
                    append(byte)
                    state = .quoted
                } else if byte == delimiter || byte == 0x0A || byte == 0x0D {
                    try plain(byte, emit)
                } else {
                    problem = problem ?? "text after a closing quote"
                    append(byte)
                    state = .unquoted
                }
            }
        }
    }

    /// Ends the input, emitting the last record if the file does not end with a line break.
    mutating func finish(_ emit: (Record) throws -> Void) rethrows {
        if state == .quoted { problem = problem ?? "a quoted field is never closed" }
        if state != .fieldStart || !field.isEmpty || !fields.isEmpty {
            try endRecord(emit)
        }
    }

    private mutating func plain(_ byte: UInt8, _ emit: (Record) throws -> Void) rethrows {
        switch byte {
        case delimiter:
            endField()
        case 0x0A, 0x0D:
            skipLineFeed = byte == 0x0D
            try endRecord(emit)
            line += 1
            recordLine = line
        case UInt8(ascii: "\""):
            problem = problem ?? "a quote inside an unquoted field"
            append(byte)
            state = .unquoted
        default:
            append(byte)
            state = .unquoted
        }
    }

    private mutating func append(_ byte: UInt8) {
        if field.count < maxFieldBytes {
            field.append(byte)
        } else {
            problem = problem ?? "a field longer than \(maxFieldBytes) bytes"
        }
    }

    private mutating func endField() {
        fields.append(field)
        field.removeAll(keepingCapacity: true)
        state = .fieldStart
    }

    private mutating func endRecord(_ emit: (Record) throws -> Void) rethrows {
        endField()
        let record = Record(fields: fields, line: recordLine, problem: problem)
        fields.removeAll(keepingCapacity: true)
        problem = nil
        if !(record.fields.count == 1 && record.fields[0].isEmpty && record.problem == nil) {
            try emit(record)
        }
    }
}
