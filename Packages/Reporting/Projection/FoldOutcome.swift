/// What folding one fact into a ``CampaignTrack`` did.
public enum FoldOutcome: Sendable, Hashable {
    /// The fact was the next version and is folded in.
    case folded
    /// The version was folded before (a fact published twice); nothing changed.
    case duplicate
    /// A version is missing before this one; nothing changed.
    case gap(expected: Int)
}
