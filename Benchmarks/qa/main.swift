import Domain
import Foundation
import QAEngine

// marquee-qa-bench: QA engine throughput on generated 100 KB emails (emails/s on one core) and audience
// CSV throughput on a 1M-row list, each against a Python reference (lxml, csv) run on the same inputs.
//
// usage: marquee-qa-bench [--seconds S] [--rows N] [--python PYTHON] [--reference reference.py] [--no-python]

struct Settings {
    var seconds = 3.0
    var rows = 1_000_000
    var emails = 16
    var python = "python3"
    var reference: String? = nil
    var runPython = true

    init(_ arguments: [String]) {
        var rest = arguments[...]
        while let flag = rest.popFirst() {
            switch flag {
            case "--seconds": seconds = Double(rest.popFirst() ?? "") ?? seconds
            case "--rows": rows = Int(rest.popFirst() ?? "") ?? rows
            case "--emails": emails = Int(rest.popFirst() ?? "") ?? emails
            case "--python": python = rest.popFirst() ?? python
            case "--reference": reference = rest.popFirst()
            case "--no-python": runPython = false
            default:
                FileHandle.standardError.write(Data("unknown flag \(flag)\n".utf8))
                exit(2)
            }
        }
    }
}

let settings = Settings(Array(CommandLine.arguments.dropFirst()))
let referenceScript = settings.reference
    ?? URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("reference.py").path

func now() -> Double {
    var time = timespec()
    clock_gettime(CLOCK_MONOTONIC, &time)
    return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
}

/// Runs `body` repeatedly for about `seconds` on this thread; returns calls per second.
func rate(seconds: Double, _ body: (Int) -> Void) -> Double {
    for index in 0..<8 { body(index) }  // warm up
    var calls = 0
    let start = now()
    var elapsed = 0.0
    repeat {
        for _ in 0..<8 {
            body(calls)
            calls += 1
        }
        elapsed = now() - start
    } while elapsed < seconds
    return Double(calls) / elapsed
}

/// Runs the Python reference; returns the number it prints on its last line.
func python(_ arguments: [String]) -> Double? {
    guard settings.runPython else { return nil }
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = [settings.python, referenceScript] + arguments
    let pipe = Pipe()
    process.standardOutput = pipe
    do { try process.run() } catch {
        print("  (python reference not run: \(error))")
        return nil
    }
    let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    process.waitUntilExit()
    guard process.terminationStatus == 0, let last = output.split(separator: "\n").last, let value = Double(last) else {
        print("  (python reference failed: exit \(process.terminationStatus))")
        return nil
    }
    return value
}

func format(_ value: Double) -> String { String(format: value >= 100 ? "%.0f" : "%.1f", value) }

let directory = FileManager.default.temporaryDirectory.appendingPathComponent("marquee-qa-bench-\(getpid())")
try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
defer { try? FileManager.default.removeItem(at: directory) }

// MARK: Emails
let emails = (0..<settings.emails).map(Corpus.email(seed:))
for (index, html) in emails.enumerated() {
    try Data(html.utf8).write(to: directory.appendingPathComponent("email-\(index).html"))
}
let averageKB = Double(emails.map(\.utf8.count).reduce(0, +)) / Double(emails.count) / 1024
let plan = TrackingPlan(source: "newsletter", medium: "email", campaign: "spring-26")
let engine = QAEngine()
let documents = emails.map {
    EmailDocument(html: $0, subject: "Spring is here", preheader: "New arrivals for the season", plainText: nil)
}
let sample = engine.check(email: documents[0], plan: plan)
print("QA engine: \(documents.count) generated emails of \(String(format: "%.1f", averageKB)) KB, one thread (= one core)")
print("  findings on email 0: \(sample.errors) errors, \(sample.warnings) warnings, \(sample.infos) infos")
var sink = 0
let swiftEmails = rate(seconds: settings.seconds) { index in
    sink &+= engine.check(email: documents[index % documents.count], plan: plan).findings.count
}
print("  swift   \(format(swiftEmails)) emails/s/core")
if let reference = python(["emails", directory.path, String(settings.seconds)]) {
    print("  python  \(format(reference)) emails/s/core  (lxml; links, images, content checks)")
    print("  ratio   \(String(format: "%.2f", swiftEmails / reference))× python")
}

// MARK: Audience CSV
let csvURL = directory.appendingPathComponent("audience.csv")
try Corpus.audience(rows: settings.rows).write(to: csvURL)
print("Audience CSV: \(settings.rows) rows, \(try FileManager.default.attributesOfItem(atPath: csvURL.path)[.size] ?? 0) bytes")
let start = now()
let handle = try FileHandle(forReadingFrom: csvURL)
let report = try AudienceChecker().check(handle)
try handle.close()
let swiftSeconds = now() - start
print("  swift   \(format(Double(settings.rows) / swiftSeconds)) rows/s (\(String(format: "%.2f", swiftSeconds)) s; kept \(report.kept), dropped \(report.dropped))")
if let reference = python(["audience", csvURL.path]) {
    print("  python  \(format(Double(settings.rows) / reference)) rows/s (\(String(format: "%.2f", reference)) s; csv module)")
    print("  ratio   \(String(format: "%.2f", reference / swiftSeconds))× python")
}
if sink == -1 { print(sink) }
