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
    /// Fixed-size scratch for ASCII keys, computed in place.
    private var keyScratch = [UInt8](repeating: 0, count: 512)
    /// The hashes of the keys of a chunk's rows, for `warm(_:)`, and what its loads returned.
    private var hashes: [UInt64] = []
    private var warmed: UInt64 = 0
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

    init(policy: AudiencePolicy) {
        self.policy = policy
        var addresses = ByteStringSet(capacity: policy.suppressions.count + 1_024)
        var reasons: [AudiencePolicy.SuppressionReason] = []
        reasons.reserveCapacity(policy.suppressions.count)
        for (var address, reason) in policy.suppressions {
            address.withUTF8 { _ = addresses.insert($0) }
            reasons.append(reason)
        }
        self.addresses = addresses
        suppressionReasons = reasons
        consentValues = ByteStringSet(policy.consentValues)
        roleLocalParts = ByteStringSet(policy.roleLocalParts)
        gmailNormalization = policy.gmailNormalization
        stripPlusTagsEverywhere = policy.stripPlusTagsEverywhere
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

    /// Before `chunk` is parsed: finds the address of each simple line (no quote up to the address; others
    /// are left alone), computes its key's hash and loads the dedupe-table slots all of them will probe, so
    /// their cache misses overlap. Only a hint: the rows are checked as usual afterwards.
    mutating func warm(_ chunk: UnsafeBufferPointer<UInt8>) {
        guard columns != nil, let base = chunk.baseAddress else { return }
        let delimiter = policy.delimiter
        let emailIndex = emailIndex
        let (gmail, strip) = (gmailNormalization, stripPlusTagsEverywhere)
        hashes.removeAll(keepingCapacity: true)
        keyScratch.withUnsafeMutableBufferPointer { scratch in
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
                            index += 1
                            while index < count, base[index] != 0x0A, base[index] != 0x0D { index += 1 }
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
                guard !quoted, emailStart >= 0, length <= scratch.count else { continue }
                var bits: UInt8 = 0
                for offset in 0..<length {
                    let byte = base[emailStart + offset]
                    bits |= byte
                    scratch[offset] = byte
                }
                guard bits < 0x80 else { continue }
                let keyCount = AudiencePolicy.asciiKey(
                    inPlace: UnsafeMutableBufferPointer(rebasing: scratch[..<length]), gmailNormalization: gmail,
                    stripPlusTagsEverywhere: strip)
                hashes.append(addresses.hash(of: UnsafeBufferPointer(rebasing: scratch[..<keyCount])))
            }
        }
        warmed ^= hashes.withUnsafeBufferPointer { addresses.warm($0) }
    }

    /// Checks one record; the header and kept rows go to the cleaned list, handed to `write` in 64 KB pieces.
    mutating func handle(
        _ record: CSVParser.Record, onRow: ((AudienceRow) -> Void)?, write: ([UInt8]) throws -> Void
    ) throws {
        handle(record, onRow: onRow)
        if let output = cleanedOutput(minimumBytes: 65_536) { try write(output) }
    }

    /// The cleaned list written so far, once it holds `minimumBytes` or more; the buffer is then emptied.
    mutating func cleanedOutput(minimumBytes: Int) -> [UInt8]? {
        writer.buffer.count >= minimumBytes ? writer.drain() : nil
    }

    private mutating func handle(_ record: CSVParser.Record, onRow: ((AudienceRow) -> Void)?) {
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
                if keep, hasEmail { keep = check(email: email, fields: fields) }
                if keep {
                    kept += 1
                    writer.write(fields)
                }
                report(line: record.line, email: hasEmail ? email : nil, fields: fields, kept: keep, onRow: onRow)
            }
        }
    }

    /// Checks one (trimmed) address; false when the row must be dropped.
    private mutating func check(email: UnsafeBufferPointer<UInt8>, fields: CSVFields) -> Bool {
        guard EmailAddressSyntax.isValid(email) else {
            problems.append(.invalidEmail)
            return false
        }
        let ascii = FieldText.isASCII(email)
        let index: Int
        let inserted: Bool
        if ascii, email.count <= keyScratch.count {
            let (gmail, strip) = (gmailNormalization, stripPlusTagsEverywhere)
            let keyCount = keyScratch.withUnsafeMutableBufferPointer { scratch in
                let bytes = UnsafeMutableBufferPointer(rebasing: scratch[..<email.count])
                _ = bytes.update(fromContentsOf: email)
                return AudiencePolicy.asciiKey(inPlace: bytes, gmailNormalization: gmail, stripPlusTagsEverywhere: strip)
            }
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
