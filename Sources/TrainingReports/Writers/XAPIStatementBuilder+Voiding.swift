import Foundation
import TrainingService
import TrainingStore

extension XAPIStatementBuilder {
    /// The verb of a voiding statement (xAPI 1.0.3, 2.3.2 Voiding).
    public static let voidedVerb = "http://adlnet.gov/expapi/verbs/voided"

    /// The voiding statements for an attempt a coordinator voided after its statements may have been sent.
    ///
    /// The store keeps only that the attempt is void, not whether it had passed or failed, so the
    /// `completed`, `passed` and `failed` statement ids are all voided; an LRS accepts a voiding
    /// statement whose target it does not hold (xAPI 1.0.3: it "SHOULD NOT reject the request on the
    /// grounds of the Object of that voiding Statement not being present"). The actor is the
    /// coordinator who voided it (their operating-system user, under the home page); ids are
    /// name-based, so sending again is harmless.
    public func voidingStatements(for event: AuditEvent) -> [XAPIStatement] {
        guard event.kind == .attemptVoided, let attemptID = event.attemptID else { return [] }
        let who = event.osUser.isEmpty ? "cares" : event.osUser
        let actor = "{\"objectType\":\"Agent\",\"account\":{\"homePage\":\(TextEscaping.json(homePage)),\"name\":\(TextEscaping.json("coordinator:" + who))}}"
        return ["completed", "passed", "failed"].map { verb in
            let target = statementID(attemptID: attemptID, verb: verb)
            let id = statementID(attemptID: attemptID, verb: "voided-" + verb)
            let json = "{\"id\":\(TextEscaping.json(id.uuidString.lowercased())),\"version\":\"1.0.3\",\"actor\":\(actor),"
                + "\"verb\":{\"id\":\(TextEscaping.json(Self.voidedVerb)),\"display\":{\"en-US\":\"voided\"}},"
                + "\"object\":{\"objectType\":\"StatementRef\",\"id\":\(TextEscaping.json(target.uuidString.lowercased()))},"
                + "\"timestamp\":\(TextEscaping.json(time.iso(event.at)))}"
            return XAPIStatement(id: id, verb: "voided", attemptID: attemptID, timestamp: event.at, json: json)
        }
    }
}
