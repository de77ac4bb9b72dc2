import Foundation
import TrainingKit
import TrainingReports
import TrainingService
import TrainingStore

/// Realistic, awkward data for the browser checks: the records of `ReportFixture` plus twelve
/// learners with long names and departments, and a module with a long title whose prompts and
/// choices use site placeholders (one of them unknown) and whose question ids are long.
enum BrowserFixture {
    typealias F = ReportFixture

    static let facts = [
        "site_name": "Example Health Sciences Centre and Regional Teaching Hospital",
        "police_non_emergency": "the police non-emergency line on 101",
        "safeguarding_lead": "the on-call safeguarding lead (bleep 4471)",
    ]

    static let site = Site(
        facts: facts,
        requirements: [
            Requirement(modules: ["signs", "long"], departments: ["*"]),
            Requirement(modules: ["reporting"], departments: ["Emergency"]),
        ],
        xapiHomePage: "https://lms.example.org")

    static let departments = [
        "Emergency Department and Urgent Care Centre (night shift)", "Paediatric Intensive Care Unit",
        "Maternity, Obstetrics and Gynaecology Outpatients", "Social Work",
    ]

    static let learners: [Learner] = (1...12).map { index in
        let names = [
            "Dr. Maria-Fernanda Gonzalez de la Cruz Villanueva", "Oluwaseun Adebayo-Williams", "Nguyễn Thị Minh Khai",
            "Alexandra Konstantinopoulou-Papadimitriou", "Jean-Baptiste Émile de Saint-Exupéry", "Siobhán Ní Mhaoldomhnaigh",
            "Wolfeschlegelsteinhausenbergerdorff Hubert", "李小龍", "Priyanka Venkataraghavan Subramanian",
            "Muhammad Abdullah ibn Abdul-Rahman al-Farsi", "Zoë O'Sullivan-McAllister", "Kristjánsdóttir, Guðrún Björk",
        ]
        return Learner(
            id: "staff-\(String(format: "%04d", index))-longidentifier", name: names[index - 1],
            email: "person\(index)@a-rather-long-hospital-domain.example.org", department: departments[index % departments.count],
            role: index % 3 == 0 ? "Registered Nurse — Clinical Nurse Specialist" : "Consultant in Emergency Medicine",
            fromRoster: true)
    }

    static let longTitle =
        "Recognising and responding to the signs of human trafficking in the emergency department, maternity and paediatrics"

    static var long: Module {
        let questions: [Question] = (1...8).map { index in
            let id = "q\(index)-recognising-indicators-of-trafficking-and-exploitation"
            switch index % 3 {
            case 0:
                return Question(
                    id: id, kind: .trueFalse(answer: true), objective: "respond-safely-and-without-delay-to-disclosures",
                    prompt: "You may call {{site.police_non_emergency}} without the patient's consent when a child is at risk (question \(index)).")
            default:
                return Question(
                    id: id,
                    kind: .single([
                        Choice(id: "a", text: "Speak to the patient alone, with a professional interpreter, then contact {{site.safeguarding_lead}}", isCorrect: true),
                        Choice(id: "b", text: "Call {{site.police_non_emergency}} at once and wait for officers before speaking to the patient", isCorrect: false),
                        Choice(id: "c", text: "Ask the companion, who speaks for her, to interpret the questions about her injuries", isCorrect: false),
                        Choice(id: "d", text: "Ask {{site.not_a_fact}} — an unknown placeholder stays as written", isCorrect: false),
                    ]),
                    objective: "identify-indicators-in-the-history-and-presentation",
                    prompt: "A woman attends {{site.site_name}} with a companion who answers every question for her. What do you do first? (question \(index))")
            }
        }
        return Module(
            id: "long", version: SemanticVersion(major: 3, minor: 12, patch: 0), title: longTitle + " at {{site.site_name}}",
            passMark: 75, maxAttempts: 3, validForDays: 365,
            objectives: [
                Objective(id: "identify-indicators-in-the-history-and-presentation", text: "Identify the indicators of trafficking in what {{site.site_name}} staff see and hear"),
                Objective(id: "respond-safely-and-without-delay-to-disclosures", text: "Respond safely: involve {{site.safeguarding_lead}}"),
            ],
            quiz: Quiz(units: questions.map { .question($0) }), contentHash: "sha256:long-3")
    }

    /// The `ReportFixture` records plus an attempt at `long` by every long-named learner.
    static func populate(_ store: any CompletionStore) async throws {
        try await F.populate(store)
        let snapshot = ModuleSnapshot(
            moduleID: "long", version: "3.12.0", title: long.title, contentHash: "sha256:long-3", passMark: 75, validForDays: 365,
            maxAttempts: 3)
        let questions = long.quiz.allQuestions
        for (index, learner) in learners.enumerated() {
            try await store.saveLearner(learner)
            let id = UUID(uuidString: String(format: "00000000-0000-4000-8000-%012x", 0xc00 + index))!
            let started = F.date("2026-05-01T08:00:00Z").addingTimeInterval(Double(index) * 86_400)
            try await store.startAttempt(
                Attempt(
                    id: id, learnerID: learner.id, moduleID: "long", moduleVersion: "3.12.0", contentHash: "sha256:long-3", seed: UInt64(index),
                    questionCount: questions.count, startedAt: started, osUser: "a-very-long-operating-system-user-name", host: "workstation-emergency-department-bay-12.hospital.example.org"),
                module: snapshot)
            var points = 0.0
            for (position, question) in questions.enumerated() {
                let right = (index + position) % 3 != 0
                let answer: String
                if case .trueFalse = question.kind { answer = right ? "true" : "false" } else { answer = right ? "a" : ["b", "c", "d"][(index + position) % 3] }
                points += right ? 1 : 0
                try await store.recordResponse(
                    Response(
                        attemptID: id, questionID: question.id, answer: answer, isCorrect: right, points: right ? 1 : 0, maxPoints: 1,
                        position: position + 1, answeredAt: started.addingTimeInterval(Double(position + 1) * 30)))
            }
            let max = Double(questions.count)
            try await store.finishAttempt(
                id: id, status: points / max * 100 >= 75 ? .passed : .failed, points: points, maxPoints: max, scorePercent: points / max * 100,
                at: started.addingTimeInterval(900))
        }
    }

    static func context(_ filter: ReportFilter = ReportFilter()) async throws -> ReportContext {
        let store = try SQLiteStore.inMemory()
        try await populate(store)
        let catalog = try await ModuleDirectory.load(modules: [F.signs, F.reporting, long], store: store)
        return ReportContext(
            store: store, catalog: catalog, site: site, filter: filter, now: F.now, time: ReportTime(timeZone: TimeZone(identifier: "UTC") ?? .current))
    }
}
