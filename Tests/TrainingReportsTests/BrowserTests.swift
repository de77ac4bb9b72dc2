import Foundation
import TrainingReports
import TrainingService
import XCTest

/// Opens every HTML report kind and the certificate in headless Chromium, with long, awkward data:
/// on A4 and on Letter (landscape, as the pages print) a script in a test copy
/// of the page reads element boxes and reports any text that sticks out of its table cell, chart,
/// figure box or clipping box, and any horizontal scroll bar; the page prints to PDF on that paper
/// (the certificate on exactly one page); Chromium logs no console message (the copy keeps the
/// page's Content-Security-Policy, allowing only the check's inline script). Screenshots and PDFs stay in `.build/browser-checks/`
/// (or `$CARES_BROWSER_SHOTS`) for a person to look at. Skipped without Chromium, except in CI (CI=true).
final class BrowserTests: XCTestCase {
    typealias F = ReportFixture
    typealias B = BrowserFixture

    struct Run {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    /// A paper size in landscape, as CSS pixels at 96 per inch.
    struct Paper {
        var name: String
        var css: String
        var widthMM: Double
        var heightMM: Double
        var points: (width: Int, height: Int)

        static let a4 = Paper(name: "A4", css: "A4 landscape", widthMM: 297, heightMM: 210, points: (842, 595))
        static let letter = Paper(name: "Letter", css: "letter landscape", widthMM: 279.4, heightMM: 215.9, points: (792, 612))
        static let all = [a4, letter]

        static func pixels(_ mm: Double) -> Int { Int((mm / 25.4 * 96).rounded(.down)) }
    }

    static func chromium() throws -> String {
        for path in ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"]
        where FileManager.default.isExecutableFile(atPath: path) {
            return path
        }
        if ProcessInfo.processInfo.environment["CI"] == "true" {
            XCTFail("Chromium is not installed; CI must install the Debian package `chromium` (see .ci/run)")
        }
        throw XCTSkip("Chromium is not installed (apt-get install chromium poppler-utils); browser checks skipped")
    }

    /// Where screenshots and PDFs are kept: `$CARES_BROWSER_SHOTS`, else `.build/browser-checks` in the package.
    static var shotsFolder: URL {
        if let folder = ProcessInfo.processInfo.environment["CARES_BROWSER_SHOTS"], !folder.isEmpty {
            return URL(fileURLWithPath: folder)
        }
        return URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent(".build/browser-checks")
    }

    /// Runs a program, killing it after a generous timeout.
    static func run(_ executable: String, _ arguments: [String], timeout: TimeInterval = 90) throws -> Run {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        let base = NSTemporaryDirectory() + "/cares-browser-\(UUID().uuidString)"
        var handles: [FileHandle] = []
        for suffix in [".out", ".err"] {
            _ = FileManager.default.createFile(atPath: base + suffix, contents: nil)
            handles.append(try FileHandle(forWritingTo: URL(fileURLWithPath: base + suffix)))
        }
        defer { for suffix in [".out", ".err"] { try? FileManager.default.removeItem(atPath: base + suffix) } }
        process.standardOutput = handles[0]
        process.standardError = handles[1]
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let deadline = Date().addingTimeInterval(timeout)
        while process.isRunning && Date() < deadline { Thread.sleep(forTimeInterval: 0.05) }
        if process.isRunning {
            process.terminate()
            XCTFail("\(executable) did not finish within \(Int(timeout)) s")
        }
        process.waitUntilExit()
        for handle in handles { try? handle.close() }
        func read(_ suffix: String) -> String { (try? String(contentsOfFile: base + suffix, encoding: .utf8)) ?? "" }
        return Run(status: process.terminationStatus, stdout: read(".out"), stderr: read(".err"))
    }

    var folder: URL!

    override func setUpWithError() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("cares-browser-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: folder)
    }

    func chromiumArguments(_ extra: [String]) -> [String] {
        ["--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", "--enable-logging=stderr", "--v=0",
         "--user-data-dir=" + folder.appendingPathComponent("profile").path] + extra
    }

    // MARK: The in-page check

    /// Reads element boxes once the page is laid out and writes what it found, as JSON, into
    /// `<pre id="overflow-check">`. A text sticks out when its box (a text node's line boxes; an SVG
    /// text's box) leaves the box of an ancestor that bounds it: a table cell or caption, an SVG
    /// (which clips), a figure, a summary figure, or any element whose overflow is not visible. It also
    /// checks that every table row has a cell under each column header.
    static let checkScript = #"""
        (function () {
          var problems = [];
          var slack = 1;
          function name(el) {
            var text = el.tagName.toLowerCase();
            if (el.id) text += '#' + el.id;
            var cls = el.getAttribute('class');
            if (cls) text += '.' + cls.trim().split(/\s+/).join('.');
            return text;
          }
          function bounding(el) {
            var tag = el.tagName.toLowerCase();
            if (['td', 'th', 'caption', 'svg', 'figure', 'figcaption', 'main'].indexOf(tag) >= 0) return true;
            if (el.classList && el.classList.contains('figure')) return true;
            var style = getComputedStyle(el);
            return style.overflowX !== 'visible' || style.overflowY !== 'visible';
          }
          var walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
          var node;
          while ((node = walker.nextNode())) {
            var text = node.nodeValue.replace(/\s+/g, ' ').trim();
            var parent = node.parentElement;
            if (!text || !parent || parent.closest('title, style, script')) continue;
            var rects;
            if (parent.namespaceURI === 'http://www.w3.org/2000/svg') {
              rects = [parent.getBoundingClientRect()];
            } else {
              var range = document.createRange();
              range.selectNodeContents(node);
              rects = Array.prototype.slice.call(range.getClientRects());
            }
            for (var el = parent; el && el !== document.body; el = el.parentElement) {
              if (!bounding(el)) continue;
              var box = el.getBoundingClientRect();
              for (var i = 0; i < rects.length; i++) {
                var r = rects[i];
                if (r.width === 0 && r.height === 0) continue;
                var out = [];
                if (r.left < box.left - slack) out.push('left by ' + Math.round(box.left - r.left) + ' px');
                if (r.right > box.right + slack) out.push('right by ' + Math.round(r.right - box.right) + ' px');
                if (r.top < box.top - slack) out.push('top by ' + Math.round(box.top - r.top) + ' px');
                if (r.bottom > box.bottom + slack) out.push('bottom by ' + Math.round(r.bottom - box.bottom) + ' px');
                if (out.length) {
                  problems.push('"' + text.slice(0, 60) + '" sticks out of ' + name(el) + ' (' + out.join(', ') + ')');
                  break;
                }
              }
            }
          }
          var cells = document.querySelectorAll('td, th, caption, figcaption');
          for (var j = 0; j < cells.length; j++) {
            var cell = cells[j];
            if (cell.scrollWidth > cell.clientWidth + slack) {
              problems.push(name(cell) + ' "' + cell.textContent.trim().slice(0, 60) + '" is ' + cell.scrollWidth + ' px wide in a ' + cell.clientWidth + ' px box');
            }
          }
          var tables = document.querySelectorAll('table');
          for (var t = 0; t < tables.length; t++) {
            var head = tables[t].querySelector('thead tr');
            if (!head) continue;
            var body = tables[t].querySelectorAll('tbody tr');
            for (var b = 0; b < body.length; b++) {
              var cellsInRow = body[b].children;
              if (cellsInRow.length === 1 && cellsInRow[0].colSpan > 1) continue;
              if (cellsInRow.length !== head.children.length) {
                problems.push('a row of ' + cellsInRow.length + ' cells under ' + head.children.length + ' column headers');
                break;
              }
            }
          }
          var page = document.documentElement;
          if (page.scrollWidth > window.innerWidth) {
            problems.push('the page is ' + page.scrollWidth + ' px wide in a ' + window.innerWidth + ' px window: a horizontal scroll bar');
          }
          var columns = 0;
          var rows = document.querySelectorAll('tr');
          for (var k = 0; k < rows.length; k++) columns = Math.max(columns, rows[k].children.length);
          var result = document.createElement('pre');
          result.id = 'overflow-check';
          result.hidden = true;
          result.textContent = JSON.stringify({ width: window.innerWidth, scrollWidth: page.scrollWidth, columns: columns, problems: problems });
          document.body.appendChild(result);
        })();
        """#

    struct Finding: Decodable {
        var width: Int
        var scrollWidth: Int
        var columns: Int
        var problems: [String]
    }

    /// A test copy of the page: print rules applied on screen, the paper set for printing, inline
    /// scripts allowed (nothing else is: the CSP stays), and the check appended. Shipped pages are never changed.
    static func testCopy(_ html: String, paper: Paper) -> String {
        html
            .replacingOccurrences(of: "style-src 'unsafe-inline'\">", with: "style-src 'unsafe-inline'; script-src 'unsafe-inline'\">")
            .replacingOccurrences(of: "@media print", with: "@media all")
            .replacingOccurrences(of: "@media screen", with: "@media not all")
            .replacingOccurrences(of: "</head>", with: "<style>@page { size: \(paper.css); }</style>\n</head>")
            .replacingOccurrences(of: "</body>", with: "<script>\(checkScript)</script>\n</body>")
    }

    /// Checks the page on A4 and on Letter: the window is as wide as the printable area (the paper
    /// less the page's `@page` margins, in millimetres); returns the findings and keeps the
    /// screenshots and PDFs. `pages` is the number of printed pages required, if any.
    @discardableResult
    func check(_ html: String, name: String, marginMM: Double, pages: Int? = nil) throws -> [String: Finding] {
        let browser = try Self.chromium()
        let shots = Self.shotsFolder
        try FileManager.default.createDirectory(at: shots, withIntermediateDirectories: true)
        var findings: [String: Finding] = [:]
        for paper in Paper.all {
            let width = Paper.pixels(paper.widthMM - 2 * marginMM)
            let height = max(Paper.pixels(paper.heightMM), 1600)
            let file = folder.appendingPathComponent("\(name)-\(paper.name).html")
            try Data(Self.testCopy(html, paper: paper).utf8).write(to: file)
            let base = shots.appendingPathComponent("\(name)-\(paper.name)").path
            let run = try Self.run(
                browser,
                chromiumArguments([
                    "--window-size=\(width),\(height)", "--dump-dom", "--screenshot=\(base).png", "--print-to-pdf=\(base).pdf",
                    "--no-pdf-header-footer", file.path,
                ]))
            XCTAssertEqual(run.status, 0, run.stderr)
            let console = run.stderr.split(separator: "\n").filter { $0.contains(":CONSOLE") }
            XCTAssertEqual(console, [], "console messages from \(name) (a blocked load, a style or script error)")
            let finding = try Self.finding(in: run.stdout, name: "\(name) on \(paper.name)")
            findings[paper.name] = finding
            XCTAssertEqual(finding.width, width, "\(name) on \(paper.name): the window is the printable width")
            XCTAssertEqual(finding.problems, [], "\(name) on \(paper.name) (\(width) px wide, \(finding.columns) columns); see \(base).png")
            let info = try pdfInfo(base + ".pdf")
            XCTAssertEqual(info.size?.width, paper.points.width, "\(name) prints on \(paper.name) landscape")
            XCTAssertEqual(info.size?.height, paper.points.height, "\(name) prints on \(paper.name) landscape")
            if let pages { XCTAssertEqual(info.pages, pages, "\(name) on \(paper.name): printed pages") }
            else { XCTAssertGreaterThanOrEqual(info.pages, 1, name) }
        }
        print("Browser check of \(name): screenshots and PDFs in \(shots.path)/\(name)-{A4,Letter}.{png,pdf}")
        return findings
    }

    static func finding(in dom: String, name: String) throws -> Finding {
        guard let start = dom.range(of: "<pre id=\"overflow-check\" hidden=\"\">"),
            let end = dom.range(of: "</pre>", range: start.upperBound..<dom.endIndex)
        else {
            XCTFail("\(name): the check left no result (did the script run?)")
            return Finding(width: 0, scrollWidth: 0, columns: 0, problems: ["no result"])
        }
        let json = String(dom[start.upperBound..<end.lowerBound])
            .replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&nbsp;", with: "\u{00A0}").replacingOccurrences(of: "&amp;", with: "&")
        return try JSONDecoder().decode(Finding.self, from: Data(json.utf8))
    }

    /// pdfinfo's page count and page size in points.
    func pdfInfo(_ pdf: String) throws -> (pages: Int, size: (width: Int, height: Int)?) {
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/pdfinfo") else {
            if ProcessInfo.processInfo.environment["CI"] == "true" { XCTFail("pdfinfo is missing: install poppler-utils") }
            throw XCTSkip("pdfinfo is not installed (apt-get install poppler-utils)")
        }
        let text = try Self.run("/usr/bin/pdfinfo", [pdf]).stdout
        func field(_ key: String) -> String {
            let line = text.split(separator: "\n").first { $0.hasPrefix(key) } ?? ""
            return line.dropFirst(key.count).trimmingCharacters(in: .whitespaces)
        }
        let pages = Int(field("Pages:")) ?? -1
        let numbers = field("Page size:").split(separator: " ").compactMap { Double($0) }
        let size = numbers.count >= 2 ? (Int(numbers[0].rounded()), Int(numbers[1].rounded())) : nil
        return (pages, size)
    }

    // MARK: The pages

    /// Every report that writes HTML, over the long-named fixture.
    static func reports(_ context: ReportContext) -> [(String, (ReportWriter) async throws -> Void)] {
        var items = context
        items.filter.moduleID = "long"
        var transcript = context
        transcript.filter.learnerID = B.learners[0].id
        return [
            ("completions", { try await CompletionsReport(context: context).write(to: $0) }),
            ("due", { try await DueReport(context: context).write(to: $0) }),
            ("attempts", { try await AttemptsReport(context: context).write(to: $0) }),
            ("items", { try await ItemsReport(context: items).write(to: $0) }),
            ("transcript", { try await TranscriptReport(context: transcript).write(to: $0) }),
            ("learners", { try await LearnersReport(context: context).write(to: $0) }),
        ]
    }

    func testEveryHTMLReportFitsA4AndLetterWithNothingClipped() async throws {
        _ = try Self.chromium()
        let context = try await B.context()
        var widest = 0
        for (name, body) in Self.reports(context) {
            let html = try await ReportRendering.render(.html, time: context.time, body)
            let findings = try check(html, name: "report-\(name)", marginMM: 12)
            widest = max(widest, findings.values.map(\.columns).max() ?? 0)
        }
        XCTAssertGreaterThanOrEqual(widest, 15, "some report has at least 15 columns")
    }

    /// The check itself: a page whose chart label runs past the chart's box, a table wider than the
    /// paper, and a blocked load are caught (so a clipped label cannot pass again).
    func testTheCheckCatchesClippedLabelsAndWideTables() throws {
        _ = try Self.chromium()
        let clipped = """
            <!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
            <meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
            <title>clipped</title><style>@page { size: landscape; margin: 12mm; }</style></head><body>
            <figure><svg xmlns="http://www.w3.org/2000/svg" width="200" height="30" viewBox="0 0 200 30">
            <text x="120" y="20" font-size="13">40% facility, 5 attempts</text></svg></figure>
            <img src="blocked.png" alt="">
            <table><tr><td style="white-space: nowrap">\(String(repeating: "wide ", count: 400))</td></tr></table>
            </body></html>
            """
        let browser = try Self.chromium()
        let file = folder.appendingPathComponent("clipped.html")
        try Data(Self.testCopy(clipped, paper: .a4).utf8).write(to: file)
        let run = try Self.run(browser, chromiumArguments(["--window-size=1000,800", "--dump-dom", file.path]))
        let problems = try Self.finding(in: run.stdout, name: "clipped").problems
        XCTAssertTrue(problems.contains { $0.contains("40% facility, 5 attempts") && $0.contains("svg") }, "\(problems)")
        XCTAssertTrue(problems.contains { $0.contains("horizontal scroll bar") }, "\(problems)")
        XCTAssertTrue(run.stderr.contains(":CONSOLE"), "a load the Content-Security-Policy blocks is logged: \(run.stderr)")
    }

    func testTheCertificateFitsOnePageOfA4AndLetter() async throws {
        _ = try Self.chromium()
        let context = try await B.context()
        let service = CertificateService(store: context.store, catalog: context.catalog)
        let learner = B.learners[1]  // passed `long` with 6 of 8
        var record = try await service.issue(learnerID: learner.id, moduleID: "long", now: F.now)
        XCTAssertFalse(record.moduleTitle.contains("{{"), "the title's placeholders are filled: \(record.moduleTitle)")
        record.learner.name = "Dr. Maria-Fernanda Gonzalez de la Cruz Villanueva y Wolfeschlegelsteinhausenbergerdorff"
        let html = CertificatePage(record: record, siteName: B.facts["site_name"]).html
        try check(html, name: "certificate", marginMM: 0, pages: 1)
    }
}
