import Foundation

/// The push state machine behind ``SuppressionList``: splits lines until the first meaningful one decides the
/// form, then either checks each line as an address (plain list) or hands the rest to ``CSVParser`` (export).
/// Holds at most one line of 64 KB, or one CSV record within the parser's limits.
struct SuppressionListReader {
    /// What the reader found in a line or record.
    enum Item {
        case address(String)
        case problem(SuppressionList.Problem)
    }

    private enum Form {
        case undecided, plain, csv
    }

    private static let maxLineBytes = 65_536
    private static let lineFeed: UInt8 = 0x0A
    private static let carriageReturn: UInt8 = 0x0D

    private var form = Form.undecided
    private var line: [UInt8] = []
    private var lineNumber = 1
    private var overlong = false
    private var skipLineFeed = false
    /// Set once the file turns out to be CSV; taken out while it parses, so its records can update `self`.
    private var parser: CSVParser?
    /// Lines before the CSV header (blank or comments), added to the parser's line numbers.
    private var linesBeforeHeader = 0
    /// The email column, once the CSV header is read.
    private var emailIndex: Int?

    /// Reads `chunk`, calling `emit` for each address and problem completed in it.
    mutating func feed(_ chunk: UnsafeBufferPointer<UInt8>, _ emit: (Item) throws -> Void) throws {
        var index = 0
        while index < chunk.count {
            if skipLineFeed {
                skipLineFeed = false
                if chunk[index] == Self.lineFeed {
                    index += 1
                    continue
                }
            }
            if form == .csv {
                try parse(UnsafeBufferPointer(rebasing: chunk[index...]), emit)
                return
            }
            var end = index
            while end < chunk.count, chunk[end] != Self.lineFeed, chunk[end] != Self.carriageReturn { end += 1 }
            let room = Self.maxLineBytes - line.count
            if end - index > room { overlong = true }
            line.append(contentsOf: chunk[index..<min(end, index + max(room, 0))])
            guard end < chunk.count else { return }
            skipLineFeed = chunk[end] == Self.carriageReturn
            try endLine(emit)
            index = end + 1
        }
    }

    /// Ends the input: the last line if it has no line break, the last CSV record.
    mutating func finish(_ emit: (Item) throws -> Void) throws {
        if form != .csv, !line.isEmpty || overlong { try endLine(emit) }
        if form == .csv, var parser = parser.take() {
            defer { self.parser = parser }
            try parser.finish { try record($0, emit) }
        }
    }

    private mutating func parse(_ bytes: UnsafeBufferPointer<UInt8>, _ emit: (Item) throws -> Void) throws {
        guard var parser = parser.take() else { return }
        defer { self.parser = parser }
        try parser.feed(UnsafeRawBufferPointer(bytes)) { try record($0, emit) }
    }

    private mutating func endLine(_ emit: (Item) throws -> Void) throws {
        var current: [UInt8] = []
        swap(&current, &line)
        defer {
            line = current
            line.removeAll(keepingCapacity: true)
            overlong = false
            lineNumber += 1
        }
        if overlong {
            try emit(.problem(.init(line: lineNumber, reason: "the line is longer than \(Self.maxLineBytes) bytes")))
            return
        }
        if lineNumber == 1, current.starts(with: [0xEF, 0xBB, 0xBF]) { current.removeFirst(3) }
        let (meaningful, header) = current.withUnsafeBufferPointer { bytes in
            let text = Self.trimmed(bytes)
            guard let first = text.first, first != UInt8(ascii: "#") else { return (false, false) }
            return (true, Self.isHeader(text))
        }
        guard meaningful else { return }
        if form == .undecided {
            guard !header else {
                form = .csv
                linesBeforeHeader = lineNumber - 1
                parser = CSVParser()
                current.append(Self.lineFeed)
                try current.withUnsafeBufferPointer { try parse($0, emit) }
                return
            }
            form = .plain
        }
        try current.withUnsafeBufferPointer { try address(Self.trimmed($0), line: lineNumber, emit) }
    }

    /// True when the first meaningful line of the file is a CSV header rather than an address.
    private static func isHeader(_ text: UnsafeBufferPointer<UInt8>) -> Bool {
        if text.contains(UInt8(ascii: ",")) || text.contains(UInt8(ascii: "\"")) { return true }
        let name = String(decoding: text, as: UTF8.self).lowercased()
        return SuppressionList.emailColumns.contains(name)
    }

    private mutating func record(_ record: CSVParser.Record, _ emit: (Item) throws -> Void) throws {
        let line = record.line + linesBeforeHeader
        guard let emailIndex else {
            let names = record.fields.strings.map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
            guard let index = names.firstIndex(where: SuppressionList.emailColumns.contains) else {
                throw SuppressionList.Unusable(
                    description: "the header on line \(line) (\(names.joined(separator: ", ").prefix(200))) has no email "
                        + "column; expected one named \(SuppressionList.emailColumns.joined(separator: ", ")) "
                        + "or a plain list of addresses")
            }
            self.emailIndex = index
            return
        }
        if let problem = record.problem {
            try emit(.problem(.init(line: line, reason: "the row is damaged (\(problem))")))
        } else if emailIndex >= record.fields.count {
            try emit(.problem(.init(line: line, reason: "the row has \(record.fields.count) fields and no email field")))
        } else {
            let text = Self.trimmed(record.fields[emailIndex])
            if text.isEmpty {
                try emit(.problem(.init(line: line, reason: "the email field is empty")))
            } else {
                try address(text, line: line, emit)
            }
        }
    }

    private func address(_ text: UnsafeBufferPointer<UInt8>, line: Int, _ emit: (Item) throws -> Void) throws {
        guard let address = String(validating: text, as: UTF8.self) else {
            try emit(.problem(.init(line: line, reason: "the address is not UTF-8")))
            return
        }
        guard EmailAddressSyntax.isValid(text) else {
            try emit(.problem(.init(line: line, reason: "\"\(address.prefix(80))\" is not an email address")))
            return
        }
        try emit(.address(address))
    }

    /// `text` without spaces and tabs at either end.
    private static func trimmed(_ text: UnsafeBufferPointer<UInt8>) -> UnsafeBufferPointer<UInt8> {
        var lower = 0
        var upper = text.count
        while lower < upper, text[lower] == 0x20 || text[lower] == 0x09 { lower += 1 }
        while upper > lower, text[upper - 1] == 0x20 || text[upper - 1] == 0x09 { upper -= 1 }
        return UnsafeBufferPointer(rebasing: text[lower..<upper])
    }
}
