import Crypto

/// An automated finding's key across scans, as every store keeps it: the same check on the same
/// resource is the same evidence item. The natural key `tool|check|account|region|resource` is
/// stored as the tool and a digest (an ARN-long key stored and indexed for every finding made the
/// store half as large again).
public enum FindingKey {
    /// The natural key (a finding with its own id, such as one of two CVEs on one instance, adds
    /// `|` and that id).
    public static func naturalKey(_ tool: String, _ check: String, _ account: String, _ region: String, _ resource: String) -> String {
        "\(tool)|\(check)|\(account)|\(region)|\(resource)"
    }

    /// The `uid` for a natural key: the tool (its first field) and the key's digest.
    public static func uid(naturalKey: String) -> String {
        uid(tool: String(decoding: naturalKey.utf8.prefix { $0 != UInt8(ascii: "|") }, as: UTF8.self), naturalKey: naturalKey)
    }

    /// `tool:` and the first 128 bits of the natural key's SHA-256, in hex.
    public static func uid(tool: String, naturalKey: String) -> String {
        tool + ":" + FileDigest.hex(SHA256.hash(data: Array(naturalKey.utf8)).prefix(16))
    }
}
