extension ConfigErrors {
    /// Wraps `errors` sorted by where they are in the file; those without a location (in built-in default
    /// sections) come last. Errors at the same place keep the order they were found in.
    init(inFileOrder errors: [ConfigError]) {
        let ordered = errors.enumerated().sorted { lhs, rhs in
            switch (lhs.element.location, rhs.element.location) {
            case let (left?, right?): left == right ? lhs.offset < rhs.offset : left < right
            case (.some, nil): true
            case (nil, .some): false
            case (nil, nil): lhs.offset < rhs.offset
            }
        }
        self.init(ordered.map(\.element))
    }
}
