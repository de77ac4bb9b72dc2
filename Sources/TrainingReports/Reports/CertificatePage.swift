import Foundation
import TrainingService

/// A printable certificate: one self-contained HTML page (one landscape sheet of A4 or Letter), everything escaped.
public struct CertificatePage {
    public var record: CertificateRecord
    public var siteName: String?
    public var time: ReportTime

    public init(record: CertificateRecord, siteName: String?, time: ReportTime = ReportTime()) {
        self.record = record
        self.siteName = siteName
        self.time = time
    }

    public var html: String {
        let e = TextEscaping.html
        let attempt = record.attempt
        let name = record.learner.name ?? record.learner.id
        let passed = attempt.finishedAt ?? attempt.startedAt
        let score = attempt.scorePercent.map { "\(Int($0.rounded()))%" } ?? "–"
        let expiry = record.expiresAt.map { time.longDay($0) } ?? "does not expire"
        let code = CertificateCode.display(record.certificate.code)
        return """
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
            <title>Certificate: \(e(record.moduleTitle)) — \(e(name))</title>
            <style>
            @page { size: landscape; margin: 0; }
            html, body { margin: 0; padding: 0; }
            body { font-family: "DejaVu Serif", Georgia, "Times New Roman", serif; color: #1a1a1a; background: #fff; }
            .sheet { box-sizing: border-box; width: 100%; max-width: 297mm; height: 205mm; padding: 12mm; overflow: hidden; margin: 0 auto; }
            .frame { box-sizing: border-box; height: 100%; border: 3px double #2a6f97; padding: 12mm 18mm; text-align: center; display: flex; flex-direction: column; justify-content: space-between; }
            .site { font-size: 14pt; letter-spacing: .05em; text-transform: uppercase; color: #2a6f97; margin: 0; }
            h1 { font-size: 28pt; font-weight: normal; margin: 4mm 0 0; }
            .lead { font-size: 13pt; margin: 6mm 0 1mm; }
            .name { font-size: 24pt; font-weight: bold; margin: 1mm 0; overflow-wrap: anywhere; }
            .staff { font-size: 11pt; color: #444; margin: 0; }
            .module { font-size: 18pt; font-style: italic; margin: 2mm 0; overflow-wrap: anywhere; }
            table { margin: 4mm auto 0; border-collapse: collapse; font-size: 11.5pt; }
            th { text-align: right; font-weight: normal; color: #444; padding: 1mm 4mm; }
            td { text-align: left; padding: 1mm 4mm; }
            .verify { font-family: "DejaVu Sans Mono", monospace; font-size: 11pt; margin: 0; }
            .note { font-size: 9.5pt; color: #555; margin: 1mm 0 0; }
            @media screen { body { background: #ddd; } .sheet { width: 297mm; max-width: none; height: 209mm; background: #fff; margin: 10mm auto; } }
            </style>
            </head>
            <body>
            <main class="sheet">
            <div class="frame">
            <div>
            \(siteName.map { "<p class=\"site\">\(e($0))</p>" } ?? "")
            <h1>Certificate of completion</h1>
            </div>
            <div>
            <p class="lead">This certifies that</p>
            <p class="name">\(e(name))</p>
            <p class="staff">Staff ID \(e(record.learner.id))</p>
            <p class="lead">has completed the training module</p>
            <p class="module">\(e(record.moduleTitle))</p>
            <table>
            <tr><th scope="row">Version</th><td>\(e(attempt.moduleVersion))</td></tr>
            <tr><th scope="row">Passed</th><td><time datetime="\(e(time.iso(passed)))">\(e(time.longDay(passed)))</time></td></tr>
            <tr><th scope="row">Score</th><td>\(e(score))</td></tr>
            <tr><th scope="row">Valid until</th><td>\(e(expiry))</td></tr>
            </table>
            </div>
            <div>
            <p class="verify">Verification code: <strong>\(e(code))</strong></p>
            <p class="note">To check this certificate, ask the training coordinator to run: cares verify \(e(code))</p>
            </div>
            </div>
            </main>
            </body>
            </html>

            """
    }
}
