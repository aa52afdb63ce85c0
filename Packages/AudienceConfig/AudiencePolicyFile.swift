import Foundation
import QAEngine
import Yams

/// An audience policy file (YAML) read into an `AudiencePolicy`, its suppression lists loaded. Used by
/// `marquee qa check --audience-policy FILE` and `marquee-qa --audience-policy FILE`:
///
/// ```yaml
/// email_column: email
/// consent_column: consent          # null: the list needs no consent column
/// consent_values: [yes, "true", opt-in]
/// required_columns: [first_name]
/// gmail_normalization: true
/// strip_plus_tags: false
/// drop_role_addresses: false
/// role_local_parts: [info, admin, support]
/// suppressions:                    # files relative to this one
///   - {file: unsubscribed.csv, reason: unsubscribed}
/// ```
///
/// Every key is optional (the default policy's value stands; a list replaces the default list). An unknown
/// key, a wrong type, a bad reason or an unreadable suppression list is an ``AudienceConfigError`` naming it.
public struct AudiencePolicyFile: Sendable {
    /// The keys the file may have, in the order documented.
    public static let keys = [
        "email_column", "consent_column", "consent_values", "required_columns", "gmail_normalization",
        "strip_plus_tags", "drop_role_addresses", "role_local_parts", "suppressions",
    ]

    /// The file read, as named.
    public var path: String
    /// The policy, suppressions included.
    public var policy: AudiencePolicy
    /// What each suppression list gave, in file order.
    public var suppressions: [SuppressionFile.Loaded]

    /// Reads the file at `path` and the suppression lists it names.
    public init(contentsOf path: String) throws(AudienceConfigError) {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw AudienceConfigError("cannot read audience policy \(path)")
        }
        let directory = URL(fileURLWithPath: path).deletingLastPathComponent().path
        var reader = AudiencePolicyReader(file: path, directory: directory)
        let (policy, files) = try reader.read(String(decoding: data, as: UTF8.self))
        self.path = path
        self.policy = policy
        suppressions = []
        for (index, file) in files.enumerated() {
            do {
                suppressions.append(try file.add(to: &self.policy))
            } catch {
                throw AudienceConfigError("audience policy \(path): suppressions[\(index)]: \(error)")
            }
        }
    }
}
