import Domain
import Foundation

/// The running state of one audience check: header columns, addresses seen, counts, samples and the
/// cleaned list being written.
///
/// Rows are checked on their bytes against byte-keyed sets built once from the policy; a `Finding` (and its
/// strings) is only made while samples are still wanted or when a row callback needs it — otherwise a
/// problem is just counted.
struct AudienceState {
    /// Why a row is flagged, before it becomes a `Finding`.
    private enum Problem {
        case invalidEncoding
        case malformed(String)
        case invalidEmail
        case suppressed(AudiencePolicy.SuppressionReason)
        case duplicate
        case missingConsent
        case roleAddress
    }

    private let policy: AudiencePolicy
    /// Suppressed addresses first (member number = index in `suppressionReasons`), then every address kept
    /// or dropped for consent: one probe per row answers both "suppressed?" and "seen before?".
    private var addresses: ByteStringSet
    private let suppressionReasons: [AudiencePolicy.SuppressionReason]
    private let consentValues: ByteStringSet
    private let roleLocalParts: ByteStringSet
    /// The number of header columns, once the header is read.
    private var columns: Int?
    private var emailIndex = 0
    private var consentIndex: Int?
    private var rows = 0
    private var kept = 0
    private var counts: [RuleID: Int] = [:]
    private var samples: [Finding] = []
    private var writer = CSVWriter()
    /// Scratch buffers reused for every row.
    private var problems: [Problem] = []
    private var key: [UInt8] = []
    private var normalized: [UInt8] = []
    /// Hot-path copies of the policy's key rules (reading them through `policy` retains its collections).
    private let gmailNormalization: Bool
    private let stripPlusTagsEverywhere: Bool
    private let commaSeparated: Bool
    /// Fixed-size scratch for ASCII keys, computed in place.
    private var keyScratch = [UInt8](repeating: 0, count: 512)
    /// The hashes of the keys of a window's rows, for `warm(_:)`, and what its loads returned.
    private var hashes: [UInt64] = []
    private var warmed: UInt64 = 0
    /// The keys `warm(_:)` computed for the window being parsed, back to back (never more bytes than the
    /// window), and the rows they belong to, in order; `warmedCursor` is the next one `check` may reuse.
    private var warmedKeys = [UInt8](repeating: 0, count: AudienceState.window)
    private var warmedRows: [WarmedRow] = []
    private var warmedCursor = 0
    /// The bytes of the window being parsed (nil between windows): only a field inside it can be a warmed row.
    private var window: UnsafeBufferPointer<UInt8>?
    /// Bit `first << 8 | second` is set for the first two bytes of every role local part of two or more
    /// bytes; an ASCII local part whose (lower-cased) first two bytes are not in it is no role address.
    private var rolePrefixes = [UInt64](repeating: 0, count: 1_024)
    /// True when some role local part is shorter than two bytes (the prefix filter does not apply to those).
    private let hasShortRoles: Bool
    /// The last consent field seen (raw bytes) and whether it counted as a yes.
    private var lastConsent: [UInt8] = []
    private var lastConsentGranted: Bool?
    /// True when the header is unusable and reading should stop.
    private(set) var stopped = false

    /// A state for checking a list of `listBytes` bytes, when known (its keys never take more).
    init(policy: AudiencePolicy, listBytes: Int? = nil) {
        self.policy = policy
        var addresses = ByteStringSet(capacity: policy.suppressionEnds.count + 1_024)
        addresses.reserveMemberBytes(policy.suppressionKeys.count + min(listBytes ?? 0, Self.reservedKeyBytesLimit))
        var reasons: [AudiencePolicy.SuppressionReason] = []
        reasons.reserveCapacity(policy.suppressionEnds.count)
        policy.suppressionKeys.withUnsafeBufferPointer { keys in
            var start = 0
            for (end, reason) in zip(policy.suppressionEnds, policy.suppressionReasons) {
                let (index, inserted) = addresses.insert(UnsafeBufferPointer(rebasing: keys[start..<end]))
                if inserted { reasons.append(reason) } else { reasons[index] = reason }
                start = end
            }
        }
        self.addresses = addresses
        suppressionReasons = reasons
        consentValues = ByteStringSet(policy.consentValues)
        roleLocalParts = ByteStringSet(policy.roleLocalParts)
        gmailNormalization = policy.gmailNormalization
        stripPlusTagsEverywhere = policy.stripPlusTagsEverywhere
        commaSeparated = policy.delimiter == UInt8(ascii: ",")
        var hasShortRoles = false
        for role in policy.roleLocalParts {
            let bytes = Array(role.utf8)
            if bytes.count < 2 {
                hasShortRoles = true
            } else {
                let bit = Int(bytes[0]) << 8 | Int(bytes[1])
                rolePrefixes[bit >> 6] |= 1 << UInt64(bit & 63)
            }
        }
        self.hasShortRoles = hasShortRoles
        hashes.reserveCapacity(4_096)
        lastConsent.reserveCapacity(16)
    }

    /// The most key bytes reserved up front for a list of known size.
    static let reservedKeyBytesLimit = 1 << 30

    /// The most bytes handed to `warm(_:)` at a time.
    static let window = 65_536

    /// The address field of a row `warm(_:)` saw, with its key and the key's hash.
    private struct WarmedRow {
        var field: UnsafePointer<UInt8>
        var fieldCount: Int
        var keyEnd: Int
        var hash: UInt64
    }

    /// Before `chunk` (at most `window` bytes) is parsed: finds the address of each simple line (no quote up
    /// to the address; others are left alone), computes its key and hash, and loads the dedupe-table slots all
    /// of them will probe, so their cache misses overlap. The rows are then checked as usual, reusing those
    /// keys for the fields they were computed from, until `leaveWindow()`.
    mutating func warm(_ chunk: UnsafeBufferPointer<UInt8>) {
        precondition(chunk.count <= Self.window, "windows are at most \(Self.window) bytes")
        hashes.removeAll(keepingCapacity: true)
        warmedRows.removeAll(keepingCapacity: true)
        warmedCursor = 0
        window = chunk
        guard columns != nil, let base = chunk.baseAddress else { return }
        let delimiter = policy.delimiter
        let emailIndex = emailIndex
        let (gmail, strip) = (gmailNormalization, stripPlusTagsEverywhere)
        let longestKey = keyScratch.count
        warmedKeys.withUnsafeMutableBufferPointer { keys in
            var keyStart = 0
            let count = chunk.count
            var index = 0
            while index < count {
                var field = 0
                var fieldStart = index
                var emailStart = -1
                var emailEnd = -1
                var quoted = false
                while index < count {
                    let byte = base[index]
                    if byte == 0x0A || byte == 0x0D { break }
                    if byte == delimiter {
                        if field == emailIndex {
                            emailStart = fieldStart
                            emailEnd = index
                            // The rest of the line, to its line feed (a lone CR is missed: that line's key
                            // is then not warmed, nothing worse; a key is reused only for its own bytes).
                            index += 1
                            let rest = UnsafeRawPointer(base + index)
                            index = memchr(rest, 0x0A, count - index).map { index + rest.distance(to: UnsafeRawPointer($0)) } ?? count
                            break
                        }
                        field += 1
                        fieldStart = index + 1
                    } else if byte == 0x22 {
                        quoted = true
                    }
                    index += 1
                }
                if emailStart < 0, field == emailIndex, index < count {
                    emailStart = fieldStart
                    emailEnd = index
                }
                index += 1
                let length = emailEnd - emailStart
                guard !quoted, emailStart >= 0, length <= longestKey,
                    let keyCount = AudiencePolicy.asciiKey(
                        of: UnsafeBufferPointer(start: base + emailStart, count: length),
                        into: UnsafeMutableBufferPointer(rebasing: keys[keyStart...]), gmailNormalization: gmail,
                        stripPlusTagsEverywhere: strip)
                else { continue }
                let hash = addresses.hash(of: UnsafeBufferPointer(rebasing: keys[keyStart..<keyStart + keyCount]))
                hashes.append(hash)
                keyStart += keyCount
                warmedRows.append(WarmedRow(field: base + emailStart, fieldCount: length, keyEnd: keyStart, hash: hash))
            }
        }
        warmed ^= hashes.withUnsafeBufferPointer { addresses.warm($0) }
    }

    /// After the window given to `warm(_:)` is parsed: its keys no longer apply (its memory may be reused).
    mutating func leaveWindow() {
        window = nil
        warmedRows.removeAll(keepingCapacity: true)
    }

    /// The key and hash `warm(_:)` computed for `field` (an untrimmed address field), if it did.
    private mutating func warmedKey(of field: UnsafeBufferPointer<UInt8>) -> (start: Int, end: Int, hash: UInt64)? {
        guard let window, let start = field.baseAddress, let windowStart = window.baseAddress,
            start >= windowStart, start < windowStart + window.count
        else { return nil }
        while warmedCursor < warmedRows.count, warmedRows[warmedCursor].field < start { warmedCursor += 1 }
        guard warmedCursor < warmedRows.count else { return nil }
        let row = warmedRows[warmedCursor]
        guard row.field == start, row.fieldCount == field.count else { return nil }
        return (warmedCursor == 0 ? 0 : warmedRows[warmedCursor - 1].keyEnd, row.keyEnd, row.hash)
    }

    /// Checks one record; the header and kept rows go to the cleaned list, handed to `write` in 64 KB pieces.
    mutating func handle(
        _ record: CSVParser.Record, onRow: ((AudienceRow) -> Void)?, write: (UnsafeRawBufferPointer) throws -> Void
    ) throws {
        handle(record, onRow: onRow)
        try flushCleaned(minimumBytes: 65_536, to: write)
    }

    /// Hands the cleaned list written so far to `write` once it holds `minimumBytes` or more, and empties it.
    mutating func flushCleaned(minimumBytes: Int, to write: (UnsafeRawBufferPointer) throws -> Void) rethrows {
        if writer.buffer.count >= minimumBytes { try writer.flush(write) }
    }

    private mutating func handle(_ record: CSVParser.Record, onRow: ((AudienceRow) -> Void)?) {
        guard !stopped else { return }
        record.fields.withUTF8Text { fields, latin1 in
            guard let columns else {
                readHeader(fields, line: record.line)
                return
            }
            rows += 1
            problems.removeAll(keepingCapacity: true)
            if latin1 { problems.append(.invalidEncoding) }
            var keep = true
            if let problem = record.problem
                ?? (fields.count != columns ? "\(fields.count) fields where the header has \(columns)" : nil)
            {
                problems.append(.malformed(problem))
                keep = false
            }
            let hasEmail = emailIndex < fields.count
            let field = hasEmail ? fields[emailIndex] : UnsafeBufferPointer(start: nil, count: 0)
            FieldText.withTrimmed(field, .whitespaces) { email in
                if keep, hasEmail { keep = check(email: email, field: field, fields: fields) }
                if keep {
                    kept += 1
                    // An unquoted record split at commas has no comma, quote or line break in a field.
                    writer.write(fields, asIs: record.isUnquoted && commaSeparated)
                }
                report(line: record.line, email: hasEmail ? email : nil, fields: fields, kept: keep, onRow: onRow)
            }
        }
    }

    /// Checks one (trimmed) address from `field`; false when the row must be dropped.
    private mutating func check(
        email: UnsafeBufferPointer<UInt8>, field: UnsafeBufferPointer<UInt8>, fields: CSVFields
    ) -> Bool {
        guard EmailAddressSyntax.isValid(email) else {
            problems.append(.invalidEmail)
            return false
        }
        let ascii = FieldText.isASCII(email)
        let index: Int
        let inserted: Bool
        let (gmail, strip) = (gmailNormalization, stripPlusTagsEverywhere)
        if let (start, end, hash) = warmedKey(of: field) {
            (index, inserted) = warmedKeys.withUnsafeBufferPointer {
                addresses.insert(UnsafeBufferPointer(rebasing: $0[start..<end]), hash: hash)
            }
        } else if ascii, email.count <= keyScratch.count,
            let keyCount = keyScratch.withUnsafeMutableBufferPointer({
                AudiencePolicy.asciiKey(of: email, into: $0, gmailNormalization: gmail, stripPlusTagsEverywhere: strip)
            })
        {
            (index, inserted) = keyScratch.withUnsafeBufferPointer {
                addresses.insert(UnsafeBufferPointer(rebasing: $0[..<keyCount]))
            }
        } else {
            policy.key(of: email, into: &key)
            (index, inserted) = key.withUnsafeBufferPointer { addresses.insert($0) }
        }
        if index < suppressionReasons.count {
            problems.append(.suppressed(suppressionReasons[index]))
            return false
        }
        guard inserted else {
            problems.append(.duplicate)
            return false
        }
        if let consentIndex {
            let value = consentIndex < fields.count ? fields[consentIndex] : UnsafeBufferPointer(start: nil, count: 0)
            let granted: Bool
            if let last = lastConsentGranted, value.count == lastConsent.count,
                value.isEmpty || lastConsent.withUnsafeBufferPointer({ memcmp($0.baseAddress!, value.baseAddress!, value.count) == 0 })
            {
                granted = last
            } else {
                FieldText.normalize(value, trimming: .whitespaces, into: &normalized)
                granted = normalized.withUnsafeBufferPointer({ consentValues.index(of: $0) }) != nil
                lastConsent.removeAll(keepingCapacity: true)
                lastConsent.append(contentsOf: value)
                lastConsentGranted = granted
            }
            if !granted {
                problems.append(.missingConsent)
                return false
            }
        }
        if let at = email.lastIndex(of: UInt8(ascii: "@")), !ascii || mayBeRole(UnsafeBufferPointer(rebasing: email[..<at])) {
            FieldText.normalize(UnsafeBufferPointer(rebasing: email[..<at]), trimming: nil, into: &normalized)
            if normalized.withUnsafeBufferPointer({ roleLocalParts.index(of: $0) }) != nil {
                problems.append(.roleAddress)
                return !policy.dropRoleAddresses
            }
        }
        return true
    }

    /// False when the ASCII `local` part is certainly no role local part (by its first two bytes).
    private func mayBeRole(_ local: UnsafeBufferPointer<UInt8>) -> Bool {
        guard local.count >= 2 else { return hasShortRoles }
        @inline(__always) func lower(_ byte: UInt8) -> Int { Int(byte &- 65 < 26 ? byte | 0x20 : byte) }
        let bit = lower(local[0]) << 8 | lower(local[1])
        return rolePrefixes[bit >> 6] & (1 << UInt64(bit & 63)) != 0
    }

    /// Counts the row's problems, keeps samples and calls `onRow`; findings are built only when needed.
    private mutating func report(
        line: Int, email: UnsafeBufferPointer<UInt8>?, fields: CSVFields, kept: Bool,
        onRow: ((AudienceRow) -> Void)?
    ) {
        guard !problems.isEmpty || onRow != nil else { return }
        for problem in problems { counts[Self.rule(of: problem), default: 0] += 1 }
        guard onRow != nil || samples.count < policy.sampleFindings else { return }
        let email = email.map { String(decoding: $0, as: UTF8.self) }
        var findings: [Finding] = []
        for problem in problems {
            let finding = self.finding(problem, line: line, email: email ?? "")
            findings.append(finding)
            if samples.count < policy.sampleFindings { samples.append(finding) }
        }
        onRow?(AudienceRow(line: line, fields: fields.strings, email: email, findings: findings, kept: kept))
    }

    private static func rule(of problem: Problem) -> RuleID {
        switch problem {
        case .invalidEncoding: .audienceInvalidEncoding
        case .malformed: .audienceMalformedRow
        case .invalidEmail: .audienceInvalidEmail
        case .suppressed: .audienceSuppressed
        case .duplicate: .audienceDuplicate
        case .missingConsent: .audienceMissingConsent
        case .roleAddress: .audienceRoleAddress
        }
    }

    private func finding(_ problem: Problem, line: Int, email: String) -> Finding {
        let row = Location(line: line)
        let address = Location(line: line, path: policy.emailColumn)
        switch problem {
        case .invalidEncoding:
            return Finding(
                .audienceInvalidEncoding, at: row, "Row \(line) is not UTF-8; it was read as Latin-1.",
                fix: "Export the list as CSV UTF-8 so names keep their accents.")
        case let .malformed(problem):
            return Finding(
                .audienceMalformedRow, at: row, "Row \(line) is damaged (\(problem)) and was left out.",
                fix: "Fix the row's quotes and commas in the source file.")
        case .invalidEmail:
            return Finding(
                .audienceInvalidEmail, at: address, "\"\(email.prefix(80))\" is not a valid email address.",
                fix: "Correct the address or remove the row.")
        case let .suppressed(reason):
            return Finding(
                .audienceSuppressed, at: address, "\(email) is on the suppression list (\(reason.rawValue)).",
                fix: "Nothing to do: the address was removed from the cleaned list.")
        case .duplicate:
            return Finding(
                .audienceDuplicate, at: address, "\(email) is already in the list.",
                fix: "Nothing to do: the duplicate was removed from the cleaned list.")
        case .missingConsent:
            return Finding(
                .audienceMissingConsent, at: address, "\(email) has no recorded marketing consent.",
                fix: "Only mail people who opted in; the row was removed from the cleaned list.")
        case .roleAddress:
            return Finding(
                .audienceRoleAddress, at: address, "\(email) is a shared role address, which often bounces or complains.",
                fix: "Replace it with a person's address if you have one.")
        }
    }

    private mutating func readHeader(_ fields: CSVFields, line: Int) {
        var names = fields.strings.map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
        if let first = names.first, first.hasPrefix("\u{FEFF}") { names[0] = String(first.dropFirst()) }
        let required = [policy.emailColumn] + policy.requiredColumns + [policy.consentColumn].compactMap { $0 }
        let missing = required.filter { !names.contains($0.lowercased()) }
        guard missing.isEmpty, let email = names.firstIndex(of: policy.emailColumn.lowercased()) else {
            let finding = Finding(
                .audienceMissingColumn, at: Location(line: line),
                "The list has no \(missing.joined(separator: ", ")) column.",
                fix: "Add the column with that exact name to the header row.")
            counts[finding.rule, default: 0] += 1
            samples.append(finding)
            stopped = true
            return
        }
        columns = names.count
        emailIndex = email
        consentIndex = policy.consentColumn.flatMap { names.firstIndex(of: $0.lowercased()) }
        writer.write(fields)
    }

    func report() -> AudienceReport {
        var findings = samples
        var counts = Dictionary(uniqueKeysWithValues: counts.map { ($0.key.rawValue, $0.value) })
        if columns != nil, rows == 0 {
            findings.append(
                Finding(.audienceEmpty, at: nil, "The list has no rows.", fix: "Upload the list with its rows."))
            counts[RuleID.audienceEmpty.rawValue] = 1
        } else if columns == nil, !stopped {
            findings.append(
                Finding(.audienceEmpty, at: nil, "The file is empty.", fix: "Upload the list with a header and rows."))
            counts[RuleID.audienceEmpty.rawValue] = 1
        }
        return AudienceReport(
            verdict: findings.contains { $0.severity == .error } ? .failed : .passed, rows: rows, kept: kept,
            dropped: rows - kept, counts: counts, findings: findings)
    }
}
