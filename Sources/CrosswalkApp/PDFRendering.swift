/// Turns a document's Typst source into PDF bytes. The front end supplies it (the CLI runs the
/// Typst compiler from PyPI); a use case only asks for the bytes.
public protocol PDFRendering: Sendable {
    /// The PDF of `source`; `documentName` names it in errors ("the soc2 gap report").
    func pdf(fromTypst source: String, documentName: String) throws -> [UInt8]
}
