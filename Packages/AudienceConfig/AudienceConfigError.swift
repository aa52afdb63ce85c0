/// An audience policy file or suppression list that cannot be used, as one sentence naming the file and the key
/// or line at fault (`audience policy policy.yaml line 3: unknown key "emial_column"; …`).
public struct AudienceConfigError: Error, Sendable, Equatable, CustomStringConvertible {
    public let description: String

    init(_ description: String) {
        self.description = description
    }
}
