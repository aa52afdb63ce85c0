import ArgumentParser
import Broker
import Logging

extension BusCommand {
    /// The CURVE allowlist from `--security FILE`, or `nil` for plain TCP when `--insecure` (or the file's
    /// `insecure: true`) asks for it, with a warning. A broker given neither refuses to start.
    func brokerSecurity(logger: Logger) throws -> BrokerSecurity? {
        if insecure {
            warnInsecure(logger, because: "--insecure")
            return nil
        }
        guard let security else {
            throw ValidationError(
                "the broker needs --security FILE (its CURVE key and the clients allowed in) or, for development only, --insecure")
        }
        do {
            switch try BusSecurityFile.load(path: security) {
            case .curve(let allowlist):
                logger.info("CURVE security on", metadata: ["file": "\(security)", "clients": "\(allowlist.clients.count)"])
                return allowlist
            case .insecure:
                warnInsecure(logger, because: "insecure: true in \(security)")
                return nil
            }
        } catch {
            throw BusStartFailure("the broker cannot start: \(error)")
        }
    }

    private func warnInsecure(_ logger: Logger, because reason: String) {
        logger.warning(
            "serving plain TCP without CURVE: anyone who reaches the endpoints may publish and read; development only",
            metadata: ["reason": "\(reason)"])
    }
}
