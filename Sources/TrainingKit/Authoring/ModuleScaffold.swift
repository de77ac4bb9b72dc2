/// The commented starting point `cares new` writes: every field and question type, valid and lint-clean.
///
/// Each question type contributes its own example (`QuestionType.scaffold`), in registry order.
public enum ModuleScaffold {
    /// The module text for an id (already checked to be kebab-case) and a title.
    public static func text(id: String, title: String) -> String {
        let quotedTitle = JSONValue.quoted(title)
        let questions = QuestionTypes.all.map { type in
            type.scaffold.split(separator: "\n", omittingEmptySubsequences: false).map { "    " + $0 }.joined(separator: "\n")
        }.joined(separator: "\n")
        return """
            # yaml-language-server: $schema=../schema/module.schema.json
            # A new cares module. Replace the example content, keep the structure, and check it with:
            #   cares validate --strict \(id).yaml    (every problem with file:line:column)
            #   cares preview \(id)                   (the whole module with its answers)
            # The format is described in docs/module-format.md. Text fields take a small Markdown
            # subset: paragraphs, "- " lists and **bold**. Put local facts (who to call, phone
            # numbers) in site.yaml and write {{site.KEY}} here; quote a value that starts with {{.

            id: \(id)                          # kebab-case; the file is named after it
            version: 0.1.0                     # MAJOR.MINOR.PATCH; a MAJOR bump makes earlier passes due again
            title: \(quotedTitle)
            summary: One or two sentences shown in cares list. Say who the module is for and what it covers.
            audience: [nursing, emergency]     # informational tags
            estimated_minutes: 15              # 1–600
            content_warning: This module describes coercion and exploitation.   # the runner adds how to pause
            pass_mark: 80                      # percent of quiz points; default 80
            # max_attempts: 3                  # optional: attempts per validity period
            valid_for_days: 365                # optional: a pass expires after this many days
            sources:                           # where the facts come from; invent no statistics
              - "Education and Research with the Health Sector: The CARES Model for Human Trafficking Education"

            objectives:                        # what a learner will be able to do; each tested by two or more questions
              - id: private-space
                text: Make space to speak with a patient alone
              - id: interpreters
                text: Use a professional interpreter

            lessons:                           # short screens, read before the quiz
              - id: private-space
                title: Making space to talk
                objectives: [private-space]
                body: |
                  A person who is being trafficked may meet a health worker first.
                  Someone with them may answer every question.

                  - See every patient alone for part of the visit.
                  - Say it is your **routine policy**, so no one is singled out.
              - id: interpreters
                title: Interpreters
                objectives: [interpreters]
                body: |
                  Use a professional interpreter, in person, by phone or by video.
                  A companion may be the person in control. Never ask them to interpret.

            quiz:
              draw: 6                          # optional: units drawn per attempt (a scenario is one unit)
              shuffle: true                    # order of units and of choices, seeded per attempt
              questions:
            \(questions)
                - scenario:                    # asked together, in order; counts as one unit
                    id: wrist-injury
                    title: A wrist injury in the emergency department
                    text: A young woman arrives with a wrist injury. An older man answers for her.
                    questions:
                      - id: wrist-first
                        type: single
                        objective: private-space
                        prompt: What do you do first?
                        choices:
                          - {text: Use the routine policy to see her alone, correct: true, feedback: Safe and neutral.}
                          - {text: Treat the wrist and send her home at once, feedback: A missed chance to help.}
                        explanation: Create privacy first, then ask open questions.

            closing: |                         # optional: shown after the result
              Thank you for completing this module. If it brought something up for you, please talk to
              someone you trust or use your employee support service.

            """
    }
}
