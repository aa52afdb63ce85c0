import ArgumentParser
import AudienceConfig
import Domain
import Foundation
import QAEngine
import RulesConfig
import Yams

/// `marquee qa`: automated email QA on this machine (no stack needed), and the human checklist step.
struct QACommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "qa", abstract: "Check emails, assets and audience lists locally (no bus needed); review a campaign's QA checklist.",
        subcommands: [QACheckCommand.self, QAReviewCommand.self])
}

/// `marquee qa check [email.html] [--assets DIR [--channel NAME]… [--config FILE]] [--audience list.csv
/// [--audience-policy FILE] [--unsubscribed FILE]… [--cleaned OUT.csv]] [--plan utm.yaml] [--format text|json|html]`:
/// at least one of the email, `--assets` and `--audience`.
///
/// Exit code 0 when no error was found, 1 when errors were found, 2 for a bad command line or unreadable input.
/// Arguments are parsed here rather than by ArgumentParser so a usage error exits with 2, not 64.
struct QACheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Run the QA engine on an email, assets or an audience list; exit 0 pass, 1 errors found, 2 usage or "
            + "unreadable input.",
        discussion: """
            marquee qa check [email.html] [--assets DIR] [--channel NAME] [--config FILE]
                                          [--audience list.csv] [--plan utm.yaml]
                                          [--audience-policy FILE] [--unsubscribed FILE] [--bounced FILE]
                                          [--complained FILE] [--cleaned OUT.csv]
                                          [--format text|json|html] [--subject TEXT] [--preheader TEXT]
                                          [--plain-text FILE] [--transactional]
            Give the email, --assets or --audience (or several); the email is optional with the other two.
            --assets DIR     image files checked against the channel specs and matched to <img src> by
                             file name; a file passes when it fits one of the channels
            --channel NAME   a channel the assets are for (repeatable: email, web, social, instagram,
                             linkedin, paid, sms; default email)
            --config FILE    the rules file (YAML) whose channel_specs the assets and the email's images
                             are checked against (default: the built-in rules)
            --audience FILE  an audience CSV (email, consent… columns); the output counts rows, kept,
                             dropped and each audience.* rule
            --audience-policy FILE
                             the audience rules (YAML: email_column, consent_column, consent_values,
                             required_columns, gmail_normalization, strip_plus_tags, drop_role_addresses,
                             role_local_parts, suppressions: [{file, reason}]; files relative to it)
            --unsubscribed FILE, --bounced FILE, --complained FILE
                             suppression lists (repeatable): one address per line (# comments), or a
                             CSV export with an email column; their addresses are dropped
            --cleaned FILE   write the cleaned list there (the header and the kept rows, CSV UTF-8)
            --plan FILE      the UTM tracking plan (YAML: source, medium, campaign, content, term,
                             tracked_domains, lowercase)
            --subject TEXT   the subject line (default: the email's <title>)
            Colours are used only when standard output is a terminal (and NO_COLOR is unset).
            """)

    @Argument(parsing: .allUnrecognized, help: "email.html and the options above")
    var arguments: [String] = []

    func run() throws {
        let code = QACheck.main(arguments: arguments, colour: QACheck.stdoutIsTerminal) { print($0, terminator: "") } errorOutput: {
            FileHandle.standardError.write(Data($0.utf8))
        }
        if code != 0 { throw ExitCode(code) }
    }
}

/// The `qa check` logic, separate from the command so the rendering can be tested on its own.
enum QACheck {
    enum Format: String {
        case text, json, html
    }

    struct Request: Equatable {
        var email: String?
        var assets: String?
        /// The channels the assets are checked against; empty means email.
        var channels: [Channel] = []
        var config: String?
        var audience: String?
        var audiencePolicy: String?
        var suppressions: [SuppressionFile] = []
        var cleaned: String?
        var plan: String?
        var format = Format.text
        var subject: String?
        var preheader: String?
        var plainText: String?
        var kind = EmailKind.marketing
    }

    /// Everything a check produced.
    struct Result: Encodable {
        /// The email file; nil when only assets or a list were checked.
        var file: String?
        var verdict: QAOutcome
        var email: QAReport?
        /// The channels the assets were checked against.
        var channels: [Channel]
        var assets: [AssetReport]
        var audience: AudienceReport?
        /// Where the cleaned audience list was written.
        var cleaned: String?
        /// The suppression lists read for the audience check.
        var suppressions: [SuppressionSummary] = []

        /// What was checked, for headings: the email file, else `assets` and/or `audience list`.
        var title: String {
            file ?? [channels.isEmpty ? nil : "assets", audience == nil ? nil : "audience list"].compactMap { $0 }
                .joined(separator: " and ")
        }

        var errors: Int {
            (email?.errors ?? 0) + assets.reduce(0) { $0 + $1.findings.count { $0.severity == .error } }
                + (audience?.findings.count { $0.severity == .error } ?? 0)
        }
    }

    /// What one suppression list gave. Wire keys: `file`, `reason`, `addresses`, `skipped_lines`, `skipped`
    /// (the first skipped lines, each `line N: why`).
    struct SuppressionSummary: Encodable {
        var file: String
        var reason: AudiencePolicy.SuppressionReason
        var addresses: Int
        var skippedLines: Int
        var skipped: [String]

        init(_ loaded: SuppressionFile.Loaded) {
            file = loaded.file.path
            reason = loaded.file.reason
            addresses = loaded.addresses
            skippedLines = loaded.problemCount
            skipped = loaded.problems.map(\.description)
        }

        private enum CodingKeys: String, CodingKey {
            case file, reason, addresses, skipped
            case skippedLines = "skipped_lines"
        }
    }

    struct UsageError: Error, CustomStringConvertible {
        let description: String
    }

    static let usage = """
        usage: marquee qa check [email.html] [--assets DIR] [--channel NAME]… [--config FILE]
                                [--audience list.csv] [--plan utm.yaml] [--format text|json|html]
                                [--audience-policy FILE] [--unsubscribed FILE] [--bounced FILE]
                                [--complained FILE] [--cleaned OUT.csv]
                                [--subject TEXT] [--preheader TEXT] [--plain-text FILE] [--transactional]
               (the email, --assets DIR or --audience FILE, or several of them)

        """

    static var stdoutIsTerminal: Bool {
        isatty(STDOUT_FILENO) == 1 && ProcessInfo.processInfo.environment["NO_COLOR"] == nil
    }

    /// Runs a check; returns the exit code.
    static func main(arguments: [String], colour: Bool, output: (String) -> Void, errorOutput: (String) -> Void) -> Int32 {
        let request: Request
        do {
            request = try parse(arguments)
        } catch {
            errorOutput("marquee qa check: \(error)\n" + usage)
            return 2
        }
        let result: Result
        do {
            result = try check(request)
        } catch {
            errorOutput("marquee qa check: \(error)\n")
            return 2
        }
        switch request.format {
        case .text: output(renderText(result, colour: colour))
        case .json: output(renderJSON(result))
        case .html: output(renderHTML(result))
        }
        return result.errors > 0 ? 1 : 0
    }

    static func parse(_ arguments: [String]) throws(UsageError) -> Request {
        var request = Request()
        var rest = arguments[...]
        func value(_ flag: String) throws(UsageError) -> String {
            guard let next = rest.popFirst(), !next.isEmpty else { throw UsageError(description: "\(flag) needs a value") }
            return next
        }
        while let argument = rest.popFirst() {
            var flag = argument
            if argument.hasPrefix("--"), let equals = argument.firstIndex(of: "=") {
                flag = String(argument[..<equals])
                rest.insert(String(argument[argument.index(after: equals)...]), at: rest.startIndex)
            }
            switch flag {
            case "--assets": request.assets = try value(flag)
            case "--channel":
                let name = try value(flag)
                guard let channel = Channel(rawValue: name) else {
                    let known = Channel.allCases.map(\.rawValue).joined(separator: ", ")
                    throw UsageError(description: "--channel must be one of \(known), not \(name)")
                }
                request.channels.append(channel)
            case "--config": request.config = try value(flag)
            case "--audience": request.audience = try value(flag)
            case "--audience-policy": request.audiencePolicy = try value(flag)
            case "--unsubscribed": request.suppressions.append(SuppressionFile(path: try value(flag), reason: .unsubscribed))
            case "--bounced": request.suppressions.append(SuppressionFile(path: try value(flag), reason: .bounced))
            case "--complained": request.suppressions.append(SuppressionFile(path: try value(flag), reason: .complained))
            case "--cleaned": request.cleaned = try value(flag)
            case "--plan": request.plan = try value(flag)
            case "--subject": request.subject = try value(flag)
            case "--preheader": request.preheader = try value(flag)
            case "--plain-text": request.plainText = try value(flag)
            case "--transactional": request.kind = .transactional
            case "--format":
                let text = try value(flag)
                guard let format = Format(rawValue: text) else {
                    throw UsageError(description: "--format must be text, json or html, not \(text)")
                }
                request.format = format
            default:
                guard !flag.hasPrefix("-") || flag == "-" else { throw UsageError(description: "unknown option \(flag)") }
                guard request.email == nil else { throw UsageError(description: "one email file at a time (got \(flag))") }
                request.email = flag
            }
        }
        guard request.email != nil || request.assets != nil || request.audience != nil else {
            throw UsageError(description: "nothing to check: give the email HTML file, --assets DIR or --audience list.csv")
        }
        if request.email == nil {
            let emailFlags = [
                request.plan.map { _ in "--plan" }, request.subject.map { _ in "--subject" },
                request.preheader.map { _ in "--preheader" }, request.plainText.map { _ in "--plain-text" },
                request.kind == .transactional ? "--transactional" : nil,
            ]
            if let flag = emailFlags.compactMap({ $0 }).first {
                throw UsageError(description: "\(flag) needs the email HTML file")
            }
        }
        if request.assets == nil, !request.channels.isEmpty { throw UsageError(description: "--channel needs --assets DIR") }
        if request.audience == nil {
            let audienceFlags = [
                request.audiencePolicy.map { _ in "--audience-policy" }, request.cleaned.map { _ in "--cleaned" },
                request.suppressions.first.map { "--\($0.reason.rawValue)" },
            ]
            if let flag = audienceFlags.compactMap({ $0 }).first {
                throw UsageError(description: "\(flag) needs --audience list.csv")
            }
        }
        if let audience = request.audience, let cleaned = request.cleaned, samePath(audience, cleaned) {
            throw UsageError(description: "--cleaned must not overwrite the audience list \(audience)")
        }
        return request
    }

    /// True when both paths name the same file (symbolic links and `..` resolved).
    private static func samePath(_ first: String, _ second: String) -> Bool {
        let resolved = [first, second].map { URL(fileURLWithPath: $0).standardizedFileURL.resolvingSymlinksInPath().path }
        return resolved[0] == resolved[1]
    }

    struct InputError: Error, CustomStringConvertible {
        let description: String
    }

    static func check(_ request: Request) throws -> Result {
        let specs = try RulesFile.load(request.config).channelSpecs
        let channels = request.channels.isEmpty ? [Channel.email] : request.channels
        if request.assets != nil, let channel = channels.first(where: { specs[$0] == nil }) {
            throw InputError(description: "\(request.config ?? "the rules") has no channel_specs entry for \(channel.rawValue)")
        }
        let html = try request.email.map { try readText($0, what: "email") }
        let plainText = try request.plainText.map { try readText($0, what: "plain-text part") }
        let plan = try request.plan.map(readPlan)
        let assetReports = try request.assets.map { try checkAssets(in: $0, channels: channels, specs: specs) } ?? []
        var audience: AudienceReport?
        var suppressions: [SuppressionSummary] = []
        if let path = request.audience {
            let policyFile = try request.audiencePolicy.map(AudiencePolicyFile.init(contentsOf:))
            var policy = policyFile?.policy ?? AudiencePolicy()
            var loaded = policyFile?.suppressions ?? []
            for file in request.suppressions { loaded.append(try file.add(to: &policy)) }
            suppressions = loaded.map(SuppressionSummary.init)
            audience = try checkAudience(path, policy: policy, cleaned: request.cleaned)
        }
        let report = html.map { html in
            let document = EmailDocument(
                html: html, subject: request.subject ?? title(in: html), preheader: request.preheader,
                plainText: plainText, kind: request.kind)
            var engine = QAEngine()
            engine.options.emailSpec = specs[.email]
            let infos = assetReports.reduce(into: [String: ImageInfo]()) { $0[$1.name] = $1.info }
            return engine.check(email: document, plan: plan, assets: infos)
        }
        var result = Result(
            file: request.email, verdict: .passed, email: report, channels: request.assets == nil ? [] : channels,
            assets: assetReports, audience: audience, cleaned: request.cleaned, suppressions: suppressions)
        result.verdict = result.errors > 0 ? .failed : .passed
        return result
    }

    /// Inspects every file in `directory` (hidden files and subdirectories skipped), in name order, against the
    /// specs of `channels`.
    private static func checkAssets(
        in directory: String, channels: [Channel], specs: [Channel: ChannelSpec]
    ) throws -> [AssetReport] {
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: directory).sorted()
        } catch {
            throw InputError(description: "cannot read assets directory \(directory)")
        }
        return names.filter { !$0.hasPrefix(".") }.compactMap { name in
            let path = URL(fileURLWithPath: directory).appendingPathComponent(name).path
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue,
                let bytes = FileManager.default.contents(atPath: path)
            else { return nil }
            return AssetInspector.inspect(bytes: bytes, name: name, channels: channels, specs: specs)
        }
    }

    /// Checks the list at `path`, writing the cleaned list to `cleaned` when given (removed again if the check
    /// fails to finish, so no half-written list is left behind).
    private static func checkAudience(_ path: String, policy: AudiencePolicy, cleaned: String?) throws -> AudienceReport {
        guard let input = FileHandle(forReadingAtPath: path) else {
            throw InputError(description: "cannot read audience list \(path)")
        }
        defer { try? input.close() }
        guard let cleaned else { return try AudienceChecker(policy: policy).check(input) }
        guard FileManager.default.createFile(atPath: cleaned, contents: nil),
            let output = FileHandle(forWritingAtPath: cleaned)
        else { throw InputError(description: "cannot write the cleaned list to \(cleaned)") }
        do {
            let report = try AudienceChecker(policy: policy).check(input, writingTo: output)
            try output.close()
            return report
        } catch {
            try? output.close()
            try? FileManager.default.removeItem(atPath: cleaned)
            throw InputError(description: "checking audience list \(path) into \(cleaned) failed: \(error)")
        }
    }

    private static func readText(_ path: String, what: String) throws -> String {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw InputError(description: "cannot read \(what) \(path)")
        }
        return String(decoding: data, as: UTF8.self)
    }

    private static func readPlan(_ path: String) throws -> TrackingPlan {
        let text = try readText(path, what: "tracking plan")
        do {
            let file = try YAMLDecoder().decode(PlanFile.self, from: text)
            return TrackingPlan(
                source: file.source, medium: file.medium, campaign: file.campaign, content: file.content, term: file.term,
                trackedDomains: file.trackedDomains ?? [], lowercase: file.lowercase ?? true)
        } catch {
            throw InputError(description: "tracking plan \(path) is not valid (needs source, medium, campaign): \(error)")
        }
    }

    /// `utm.yaml`: the tracking plan's keys, `tracked_domains` and `lowercase` optional.
    private struct PlanFile: Decodable {
        var source: String
        var medium: String
        var campaign: String
        var content: String?
        var term: String?
        var trackedDomains: [String]?
        var lowercase: Bool?

        enum CodingKeys: String, CodingKey {
            case source, medium, campaign, content, term, lowercase
            case trackedDomains = "tracked_domains"
        }
    }

    /// The `<title>` text, as a stand-in subject line.
    private static func title(in html: String) -> String? {
        guard let open = html.range(of: "<title", options: .caseInsensitive),
            let start = html[open.upperBound...].firstIndex(of: ">"),
            let close = html[start...].range(of: "</title", options: .caseInsensitive)
        else { return nil }
        let text = html[html.index(after: start)..<close.lowerBound].split(whereSeparator: \.isWhitespace).joined(separator: " ")
        return text.isEmpty ? nil : text
    }
}
