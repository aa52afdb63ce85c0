import Domain
import Foundation
import GRDB
import Library

// marquee-library-bench [documents] [queries]: loads N generated documents of 120 words (default 10,000) into
// an in-memory library, then times Q searches of 1–3 words (default 500) through LibraryStore.search (FTS5,
// bm25 ranking, snippets, top 10) against a baseline measured in the same run: a LIKE scan finding every
// matching document (what ranking needs to see), without ranking.

let arguments = CommandLine.arguments.dropFirst().compactMap { Int($0) }
let documentCount = arguments.first ?? 10_000
let queryCount = arguments.dropFirst().first ?? 500

/// A deterministic generator (64-bit LCG), so every run searches the same corpus.
struct Generator {
    var state: UInt64 = 0x2545_F491_4F6C_DD1D
    mutating func next(_ bound: Int) -> Int {
        state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
        return Int((state >> 33) % UInt64(bound))
    }
}

/// Words of a 20,000-word vocabulary drawn log-uniformly (Zipf-like: a few words are everywhere, most are rare),
/// so searches are selective as in real SOPs. Word `i` is `w<i>`; bodies pad words with spaces so the LIKE
/// baseline can match whole words.
func word(_ generator: inout Generator) -> String {
    let rank = Int(exp(Double(generator.next(1_000_000)) / 1_000_000 * log(20_000.0)))
    return "w\(rank)"
}

func percentile(_ samples: [Duration], _ p: Double) -> Duration {
    let sorted = samples.sorted()
    return sorted[min(sorted.count - 1, Int((Double(sorted.count) * p).rounded(.up)) - 1)]
}

func milliseconds(_ duration: Duration) -> String {
    let (seconds, attoseconds) = duration.components
    return String(format: "%.3f ms", Double(seconds) * 1_000 + Double(attoseconds) / 1e15)
}

var generator = Generator()
let database = try DatabaseQueue()
let library = try LibraryStore(database: database, templateOwner: "olga")
let clock = ContinuousClock()
let loadStarted = clock.now
for index in 0..<documentCount {
    let words = (0..<120).map { _ in word(&generator) }
    try await library.save(
        path: "sop/generated-\(index)", title: words.prefix(4).joined(separator: " "), kind: .sop, owner: "olga",
        body: " " + words.joined(separator: " ") + " ", author: "bench", at: Date(timeIntervalSince1970: 0), note: "")
}
print("loaded \(documentCount) documents in \(milliseconds(clock.now - loadStarted)) (in-memory SQLite)")

let queries = (0..<queryCount).map { _ in
    (0..<(1 + generator.next(3))).map { _ in word(&generator) }.joined(separator: " ")
}
var fts: [Duration] = []
var like: [Duration] = []
var hits = 0
for query in queries {
    let started = clock.now
    hits += try await library.search(query, limit: 10).count
    fts.append(clock.now - started)
    let words = query.split(separator: " ").map { "% \($0) %" }
    let likeStarted = clock.now
    _ = try await database.read { db in
        try String.fetchAll(
            db,
            sql: """
                SELECT d.path FROM library_document d JOIN library_content c ON c.hash = d.hash
                WHERE \(words.map { _ in "c.body LIKE ?" }.joined(separator: " OR "))
                """, arguments: StatementArguments(words))
    }
    like.append(clock.now - likeStarted)
}
print("\(queryCount) queries, \(hits) hits")
print("fts5 bm25 search: p50 \(milliseconds(percentile(fts, 0.5)))  p99 \(milliseconds(percentile(fts, 0.99)))")
print("LIKE scan:        p50 \(milliseconds(percentile(like, 0.5)))  p99 \(milliseconds(percentile(like, 0.99)))")
