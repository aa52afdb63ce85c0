import Domain
import Foundation

/// The running state of one audience check: header columns, addresses seen, counts and samples.
struct AudienceState {
    private let policy: AudiencePolicy
    private var header: [String]?
    private var emailIndex = 0
    private var consentIndex: Int?
    private var seen: Set<String> = []
    private var rows = 0
    private var kept = 0
    private var counts: [String: Int] = [:]
    private var samples: [Finding] = []
    /// True when the header is unusable and reading should stop.
    private(set) var stopped = false

    init(policy: AudiencePolicy) { self.policy = policy }

    mutating func handle(_ record: CSVParser.Record, writer: inout CSVWriter, onRow: (AudienceRow) -> Void) {
        let (fields, latin1) = Self.decode(record.fields)
        guard let header else {
            readHeader(fields, line: record.line, writer: &writer)
            return
        }
        rows += 1
        var findings: [Finding] = []
        var keep = true
        let at = { (column: String?) in Location(line: record.line, path: column) }
        if latin1 {
            findings.append(
                Finding(
                    .audienceInvalidEncoding, at: at(nil), "Row \(record.line) is not UTF-8; it was read as Latin-1.",
                    fix: "Export the list as CSV UTF-8 so names keep their accents."))
        }
        if let problem = record.problem ?? (fields.count != header.count
            ? "\(fields.count) fields where the header has \(header.count)" : nil)
        {
            findings.append(
                Finding(
                    .audienceMalformedRow, at: at(nil), "Row \(record.line) is damaged (\(problem)) and was left out.",
                    fix: "Fix the row's quotes and commas in the source file."))
            keep = false
        }
        let email = fields.indices.contains(emailIndex) ? fields[emailIndex].trimmingCharacters(in: .whitespaces) : nil
        if keep, let email {
            keep = check(email: email, fields: fields, at: at(policy.emailColumn), into: &findings)
        }
        if keep {
            kept += 1
            writer.write(fields)
        }
        for finding in findings {
            counts[finding.rule.rawValue, default: 0] += 1
            if samples.count < policy.sampleFindings { samples.append(finding) }
        }
        onRow(AudienceRow(line: record.line, fields: fields, email: email, findings: findings, kept: keep))
    }

    /// Checks one address; false when the row must be dropped.
    private mutating func check(email: String, fields: [String], at: Location, into findings: inout [Finding]) -> Bool {
        guard EmailAddressSyntax.isValid(email) else {
            findings.append(
                Finding(
                    .audienceInvalidEmail, at: at, "\"\(email.prefix(80))\" is not a valid email address.",
                    fix: "Correct the address or remove the row."))
            return false
        }
        let key = policy.key(for: email)
        if let reason = policy.suppressions[key] {
            findings.append(
                Finding(
                    .audienceSuppressed, at: at, "\(email) is on the suppression list (\(reason.rawValue)).",
                    fix: "Nothing to do: the address was removed from the cleaned list."))
            return false
        }
        guard seen.insert(key).inserted else {
            findings.append(
                Finding(
                    .audienceDuplicate, at: at, "\(email) is already in the list.",
                    fix: "Nothing to do: the duplicate was removed from the cleaned list."))
            return false
        }
        if let consentIndex {
            let value = fields.indices.contains(consentIndex) ? fields[consentIndex] : ""
            if !policy.consentValues.contains(value.trimmingCharacters(in: .whitespaces).lowercased()) {
                findings.append(
                    Finding(
                        .audienceMissingConsent, at: at, "\(email) has no recorded marketing consent.",
                        fix: "Only mail people who opted in; the row was removed from the cleaned list."))
                return false
            }
        }
        if policy.isRoleAddress(email) {
            findings.append(
                Finding(
                    .audienceRoleAddress, at: at, "\(email) is a shared role address, which often bounces or complains.",
                    fix: "Replace it with a person's address if you have one."))
            return !policy.dropRoleAddresses
        }
        return true
    }

    private mutating func readHeader(_ fields: [String], line: Int, writer: inout CSVWriter) {
        var names = fields.map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
        if let first = names.first, first.hasPrefix("\u{FEFF}") { names[0] = String(first.dropFirst()) }
        let required = [policy.emailColumn] + policy.requiredColumns + [policy.consentColumn].compactMap { $0 }
        let missing = required.filter { !names.contains($0.lowercased()) }
        guard missing.isEmpty, let email = names.firstIndex(of: policy.emailColumn.lowercased()) else {
            let finding = Finding(
                .audienceMissingColumn, at: Location(line: line),
                "The list has no \(missing.joined(separator: ", ")) column.",
                fix: "Add the column with that exact name to the header row.")
            counts[finding.rule.rawValue, default: 0] += 1
            samples.append(finding)
            stopped = true
            return
        }
        header = names
        emailIndex = email
        consentIndex = policy.consentColumn.flatMap { names.firstIndex(of: $0.lowercased()) }
        writer.write(fields)
    }

    func report() -> AudienceReport {
        var findings = samples
        var counts = counts
        if header != nil, rows == 0 {
            findings.append(
                Finding(.audienceEmpty, at: nil, "The list has no rows.", fix: "Upload the list with its rows."))
            counts[RuleID.audienceEmpty.rawValue] = 1
        } else if header == nil, !stopped {
            findings.append(
                Finding(.audienceEmpty, at: nil, "The file is empty.", fix: "Upload the list with a header and rows."))
            counts[RuleID.audienceEmpty.rawValue] = 1
        }
        return AudienceReport(
            verdict: findings.contains { $0.severity == .error } ? .failed : .passed, rows: rows, kept: kept,
            dropped: rows - kept, counts: counts, findings: findings)
    }

    /// Fields as strings: UTF-8 when valid, else Latin-1 (every byte is a code point), flagged.
    private static func decode(_ fields: [[UInt8]]) -> ([String], Bool) {
        var latin1 = false
        let strings = fields.map { bytes -> String in
            if let text = String(validating: bytes, as: UTF8.self) { return text }
            latin1 = true
            return String(String.UnicodeScalarView(bytes.map { Unicode.Scalar($0) }))
        }
        return (strings, latin1)
    }
}
