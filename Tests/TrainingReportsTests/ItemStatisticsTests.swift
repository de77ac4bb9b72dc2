import Foundation
import TrainingReports
import XCTest

/// The item statistics of `cares report items` against figures computed independently of the code.
///
/// Expected values come from ItemStatsFixture's first attempts (scores T = 1, .7, .4, .6, .5, .3, 0, .2)
/// through this numpy/scipy script (scipy's bias-corrected skewness and kurtosis are Moodle's
/// k₃/k₂^{3/2} and k₄/k₂²):
///
///     P = [[1,1,1,2],[0,1,.5,2],[1,0,1,0],[0,1,0,2],[1,1,.5,0],[0,1,.5,0],[0,0,0,0],[1,0,0,0]]; mx = [1,1,1,2]
///     T = P.sum(1)/5; T.mean(), np.median(T), T.std(ddof=1), st.skew(T, bias=False), st.kurtosis(T, bias=False)
///     alpha = 4/3*(1 - P.var(0, ddof=1).sum()/P.sum(1).var(ddof=1)); er = sqrt(1-alpha); se = er*T.std(ddof=1)
///     x = P[:,i]/mx[i]; rest = (P.sum(1)-P[:,i])/(5-mx[i]); r = corrcoef(x, rest)
///     efficiency = cov(x, rest)/cov(sort(x), sort(rest))
final class ItemStatisticsTests: XCTestCase {
    typealias S = ItemStatsFixture

    func test(_ json: [String: Any]) -> [String: Any] { json["test"] as? [String: Any] ?? [:] }
    func questions(_ json: [String: Any]) -> [[String: Any]] { json["questions"] as? [[String: Any]] ?? [] }
    func number(_ object: [String: Any], _ key: String) -> Double { (object[key] as? Double) ?? .nan }

    func testWholeTestFiguresMatchTheHandComputedSet() async throws {
        let test = test(try await S.json())
        XCTAssertEqual(test["attempts"] as? Int, 8)
        let expected: [(String, Double)] = [
            ("mean", 0.4625), ("median", 0.45), ("sd", 0.3113908889), ("skewness", 0.3140427634), ("kurtosis", 0.1405085315),
            ("alpha", 0.3437691835), ("error_ratio", 0.8100807469), ("standard_error", 0.2522517639),
        ]
        for (key, value) in expected { XCTAssertEqual(number(test, key), value, accuracy: 0.0001, key) }
        XCTAssertEqual(test["version"] as? String, "1.0.0", "the current version by default")
        XCTAssertEqual(test["attempt_rule"] as? String, "first")
    }

    func testPerQuestionFiguresMatchTheHandComputedSet() async throws {
        let rows = questions(try await S.json())
        XCTAssertEqual(rows.map { $0["id"] as? String }, ["q1", "q2", "q3", "q4"])
        // (facility, sd, discrimination, discriminative efficiency, random guess)
        // Random guess: q1 1 of 4 choices; q2 ½; q3 over the 8 subsets of {a,b,c}: (0+.5+0+.5+0+1+0+.5)/8; q4 1 of 3.
        let expected: [(Double, Double, Double, Double, Double)] = [
            (0.5, 0.5345224838, -0.1306818, -0.1578947, 0.25),
            (0.625, 0.5175491695, 0.4547940, 0.5789474, 0.5),
            (0.4375, 0.4172614801, 0.3628918, 0.4181818, 2.5 / 8),
            (0.375, 0.5175491695, 0.2379421, 0.2888889, 1.0 / 3),
        ]
        for (row, values) in zip(rows, expected) {
            let id = row["id"] as? String ?? "?"
            XCTAssertEqual(row["attempts"] as? Int, 8, id)
            XCTAssertEqual(number(row, "facility"), values.0, accuracy: 0.0001, id)
            XCTAssertEqual(number(row, "sd"), values.1, accuracy: 0.0001, id)
            XCTAssertEqual(number(row, "discrimination"), values.2, accuracy: 0.0001, id)
            XCTAssertEqual(number(row, "discriminative_efficiency"), values.3, accuracy: 0.0001, id)
            XCTAssertEqual(number(row, "random_guess_score"), values.4, accuracy: 0.0001, id)
        }
    }

    func testDistractorAnalysisUsesTheUpperAndLower27PercentGroups() async throws {
        let rows = questions(try await S.json())
        // Upper group (round(0.27 × 8) = 2): L1 (q1 a), L2 (q1 c). Lower: L7 (q1 b), L8 (q1 a).
        let q1 = try XCTUnwrap(rows.first?["choices"] as? [[String: Any]])
        XCTAssertEqual(q1.map { $0["id"] as? String }, ["a", "b", "c", "d"])
        let expected: [(Double, Double, Double, Bool)] = [(0.5, 0.5, 0.5, true), (0.25, 0, 0.5, false), (0.25, 0.5, 0, false), (0, 0, 0, false)]
        for (choice, (share, upper, lower, correct)) in zip(q1, expected) {
            XCTAssertEqual(number(choice, "share"), share, accuracy: 1e-9)
            XCTAssertEqual(number(choice, "upper_share"), upper, accuracy: 1e-9)
            XCTAssertEqual(number(choice, "lower_share"), lower, accuracy: 1e-9)
            XCTAssertEqual(choice["correct"] as? Bool, correct)
        }
        // q3 (multiple): upper L1 a,c and L2 a; lower L7 b and L8 b,c.
        let q3 = try XCTUnwrap(rows[2]["choices"] as? [[String: Any]])
        XCTAssertEqual(q3.map { number($0, "upper_share") }, [1, 0, 0.5])
        XCTAssertEqual(q3.map { number($0, "lower_share") }, [0, 1, 0.5])
        let q2 = try XCTUnwrap(rows[1]["choices"] as? [[String: Any]])
        XCTAssertEqual(q2.map { $0["id"] as? String }, ["true", "false"])
        XCTAssertEqual(q2.map { number($0, "share") }, [0.625, 0.375])
    }

    func testNeedsCheckingFlagsLowDiscriminationUnusedAndUpperGroupDistractors() async throws {
        let rows = questions(try await S.json())
        XCTAssertEqual(rows.map { $0["needs_checking"] as? Bool }, [true, false, false, false])
        XCTAssertEqual(
            rows[0]["reasons"] as? String,
            "discrimination below 0.1; distractor c chosen more by the upper group; distractor d chosen by nobody")
        // With only the upper half of the class (L1's and L2's first attempts) q2 is answered right by all: facility > 0.95.
        let easy = questions(try await S.json(filter: ReportFilter(moduleID: "stats", learnerID: "L1")))
        XCTAssertTrue((easy[1]["reasons"] as? String ?? "").contains("facility above 0.95"))
        XCTAssertEqual(easy[1]["needs_checking"] as? Bool, true)
    }

    func testAttemptRulesPickEachLearnersFirstLastOrBestAttempt() async throws {
        // First: 3.7/8. Last: L7's retake (1.0) and L5's (0.2) replace their first: 4.4/8. Best: L7's retake
        // only: 4.7/8. All: ten finished attempts at 1.0.0 (never L8's void one): 4.9/10.
        let expected: [(ItemAttemptRule, Int, Double)] = [(.first, 8, 0.4625), (.last, 8, 0.55), (.best, 8, 0.5875), (.all, 10, 0.49)]
        for (rule, attempts, mean) in expected {
            let test = test(try await S.json(rule: rule))
            XCTAssertEqual(test["attempts"] as? Int, attempts, rule.rawValue)
            XCTAssertEqual(number(test, "mean"), mean, accuracy: 1e-9, rule.rawValue)
            XCTAssertEqual(test["attempt_rule"] as? String, rule.rawValue)
        }
    }

    func testVersionSelectsTheAttemptsAtThatVersionOnly() async throws {
        let json = try await S.json(version: "0.9.0")
        let test = test(json)
        XCTAssertEqual(test["attempts"] as? Int, 1)
        XCTAssertEqual(number(test, "mean"), 0, accuracy: 1e-9)
        XCTAssertEqual(test["version"] as? String, "0.9.0")
        XCTAssertNil(test["sd"] as? Double, "one attempt has no standard deviation")
        XCTAssertEqual((json["filters"] as? [String: Any])?["version"] as? String, "0.9.0")
        let none = try await S.json(version: "3.0.0")
        XCTAssertEqual(self.test(none)["attempts"] as? Int, 0)
    }

    func testTableNamesTheVersionAndRuleAndShowsDistractors() async throws {
        let context = try await S.context()
        let text = try await ReportRendering.render(.table, time: context.time) {
            try await ItemsReport(context: context).write(to: $0)
        }
        XCTAssertTrue(text.contains("Whole test (version 1.0.0, each learner's first finished attempt)"), text)
        XCTAssertTrue(text.contains("Distractor analysis"), text)
        XCTAssertTrue(text.contains("46.3%"), "the mean as a percentage, one decimal: \(text)")
        XCTAssertTrue(text.contains("distractor d chosen by nobody"))
        let widest = text.split(separator: "\n").map { TableWriter.displayWidth(String($0)) }.max() ?? 0
        XCTAssertLessThan(widest, 160, "keep the table reasonably narrow")
        let csv = try await ReportRendering.render(.csv, time: context.time) { try await ItemsReport(context: context).write(to: $0) }
        let rows = try ReportRendering.pythonCSV(csv)
        XCTAssertEqual(rows.first?.first, "id", "CSV carries the questions table")
        XCTAssertEqual(rows.count, 5)
    }

    /// A pool (version 1.1.0: five attempts, each shown three of the four questions): whole-test figures
    /// use each attempt's percentage, a question's figures only the attempts that showed it, and alpha
    /// each pair's covariance over the attempts that showed both. Expected values from numpy:
    ///
    ///     P = [[1,1,1,nan],[0,1,nan,2],[1,nan,0,0],[nan,0,.5,0],[0,0,1,nan]]; mx = [1,1,1,2]; shown = ~isnan(P)
    ///     T = nansum(P,1)/(shown*mx).sum(1); V, C = Σ cov over rows where both shown (V: i = j, C: i < j)
    ///     alpha = 4/3*(1 - V/(V + 2C)); x, rest as above over the rows showing the question
    func testPoolQuestionsCountOnlyWhereShown() async throws {
        let json = try await S.json(version: "1.1.0")
        let test = test(json)
        XCTAssertEqual(test["attempts"] as? Int, 5)
        XCTAssertEqual(number(test, "mean"), 0.4916666667, accuracy: 0.0001)
        XCTAssertEqual(number(test, "sd"), 0.3684615162, accuracy: 0.0001)
        XCTAssertEqual(number(test, "alpha"), 0.0927536232, accuracy: 0.0001)
        let rows = questions(json)
        XCTAssertEqual(rows.map { $0["attempts"] as? Int }, [4, 4, 4, 3])
        let expected: [(Double, Double, Double)] = [
            (0.5, 0.5773502692, -0.3015113), (0.5, 0.5773502692, 0.8320503), (0.625, 0.4787135539, 0.2461830), (1.0 / 3, 0.5773502692, 0.5),
        ]
        for (row, values) in zip(rows, expected) {
            XCTAssertEqual(number(row, "facility"), values.0, accuracy: 0.0001)
            XCTAssertEqual(number(row, "sd"), values.1, accuracy: 0.0001)
            XCTAssertEqual(number(row, "discrimination"), values.2, accuracy: 0.0001)
        }
    }
}
