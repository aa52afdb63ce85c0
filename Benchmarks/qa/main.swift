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

/// Seconds on `clock`: wall time (`CLOCK_MONOTONIC`) or this thread's CPU time (`CLOCK_THREAD_CPUTIME_ID`).
func now(_ clock: clockid_t = CLOCK_MONOTONIC) -> Double {
    var time = timespec()
    clock_gettime(clock, &time)
    return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
}

/// Runs `body` repeatedly for about `seconds` of this thread's CPU time; returns calls per CPU second, which
/// is the per-core rate whatever else the (noisy, shared) machine is doing.
func rate(seconds: Double, _ body: (Int) -> Void) -> Double {
    for index in 0..<8 { body(index) }  // warm up
    var calls = 0
    let start = now(CLOCK_THREAD_CPUTIME_ID)
    var elapsed = 0.0
    repeat {
        for _ in 0..<8 {
            body(calls)
            calls += 1
        }
        elapsed = now(CLOCK_THREAD_CPUTIME_ID) - start
    } while elapsed < seconds
    return Double(calls) / elapsed
}

/// Runs the Python reference; prints its other lines and returns the numbers on its last line.
func python(_ arguments: [String]) -> [Double]? {
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
    let lines = output.split(separator: "\n")
    guard process.terminationStatus == 0, let last = lines.last,
        case let values = last.split(separator: " ").compactMap({ Double($0) }), !values.isEmpty
    else {
        print("  (python reference failed: exit \(process.terminationStatus))")
        return nil
    }
    for line in lines.dropLast() { print("          python: \(line)") }
    return values
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
print("QA engine: \(documents.count) generated emails of \(String(format: "%.1f", averageKB)) KB, one thread, per CPU second")
print("  findings on email 0: \(sample.errors) errors, \(sample.warnings) warnings, \(sample.infos) infos")
var sink = 0
let swiftEmails = rate(seconds: settings.seconds) { index in
    sink &+= engine.check(email: documents[index % documents.count], plan: plan).findings.count
}
print("  swift   \(format(swiftEmails)) emails/s/core")
if let reference = python(["emails", directory.path, String(settings.seconds)])?.first {
    print("  python  \(format(reference)) emails/s/core  (lxml; links, images, content checks)")
    print("  ratio   \(String(format: "%.2f", swiftEmails / reference))× python")
}

// MARK: Audience CSV
/// This process's resident memory in KB from /proc/self/status: `VmHWM` (peak) or `VmRSS` (now); nil off Linux.
func residentKB(_ field: String) -> Int? {
    guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
        let line = status.split(separator: "\n").first(where: { $0.hasPrefix(field + ":") })
    else { return nil }
    return Int(line.split(separator: " ").dropFirst().first ?? "")
}

/// Starts a new peak for `VmHWM` (Linux: writing 5 to clear_refs resets it to the current size).
func resetPeakMemory() { try? Data("5".utf8).write(to: URL(fileURLWithPath: "/proc/self/clear_refs")) }

func megabytes(_ kilobytes: Int?) -> String { kilobytes.map { String(format: "%.0f MB", Double($0) / 1024) } ?? "n/a" }

let csvURL = directory.appendingPathComponent("audience.csv")
let suppressionURL = directory.appendingPathComponent("suppressed.txt")
let cleanedURL = directory.appendingPathComponent("cleaned.csv")
let suppressionCount = settings.rows / 10
try Corpus.writeAudience(rows: settings.rows, to: csvURL)
try Corpus.suppressionList(count: suppressionCount).write(to: suppressionURL)
print("Audience CSV: \(settings.rows) rows, \(try FileManager.default.attributesOfItem(atPath: csvURL.path)[.size] ?? 0) bytes, "
    + "\(suppressionCount) suppressed addresses; wall time, cleaned list written to disk")
resetPeakMemory()
let residentBefore = residentKB("VmRSS")
let start = now()
let startCPU = now(CLOCK_THREAD_CPUTIME_ID)
var policy = AudiencePolicy()
policy.suppress(
    [UInt8](try Data(contentsOf: suppressionURL)).split(separator: UInt8(ascii: "\n")).map { String(decoding: $0, as: UTF8.self) },
    reason: .unsubscribed)
guard FileManager.default.createFile(atPath: cleanedURL.path, contents: nil) else { exit(1) }
let input = try FileHandle(forReadingFrom: csvURL)
let output = try FileHandle(forWritingTo: cleanedURL)
let report = try AudienceChecker(policy: policy).check(input, writingTo: output)
try input.close()
try output.close()
let swiftSeconds = now() - start
let swiftCPU = now(CLOCK_THREAD_CPUTIME_ID) - startCPU
let counts = report.counts.sorted { $0.key < $1.key }.map { "\($0.key.dropFirst("audience.".count)) \($0.value)" }
func seconds(wall: Double, cpu: Double) -> String {
    "\(format(Double(settings.rows) / wall)) rows/s (\(String(format: "%.2f s wall, %.2f s CPU", wall, cpu))"
}
print("  swift   \(seconds(wall: swiftSeconds, cpu: swiftCPU)); kept \(report.kept), dropped \(report.dropped))")
print("          \(counts.joined(separator: ", "))")
print("          peak memory \(megabytes(residentKB("VmHWM"))) resident (\(megabytes(residentBefore)) before the check)")
let pythonOutput = directory.appendingPathComponent("cleaned-python.csv").path
if let reference = python(["audience", csvURL.path, suppressionURL.path, pythonOutput]), reference.count == 2 {
    print("  python  \(seconds(wall: reference[0], cpu: reference[1])); csv module)")
    print("  ratio   \(String(format: "%.2f× python (wall), %.2f× (CPU)", reference[0] / swiftSeconds, reference[1] / swiftCPU))")
    let same = FileManager.default.contentsEqual(atPath: cleanedURL.path, andPath: pythonOutput)
    print("          cleaned lists \(same ? "byte-identical" : "DIFFER") (swift and python)")
}
if sink == -1 { print(sink) }
