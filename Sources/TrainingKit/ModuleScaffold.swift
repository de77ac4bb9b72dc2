/// The commented starting point `cares new` writes: every field and question type, valid and lint-clean.
public enum ModuleScaffold {
    /// The module text for an id (already checked to be kebab-case) and a title.
    public static func text(id: String, title: String) -> String {
        let quotedTitle = JSONValue.quoted(title)
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
                - id: companion-answers
                  type: single                 # exactly one correct choice
                  objective: private-space
                  prompt: A companion answers every question for the patient. What do you do first?
                  hint: Think of a reason that applies to everyone.
                  choices:
                    - text: Explain that you see every patient alone for part of the visit
                      correct: true
                      feedback: A routine policy gives a neutral reason to talk alone.
                    - text: Ask the companion how the injury happened
                      feedback: The companion may be the person in control.
                  explanation: Privacy comes first. Only then can you ask open questions.
                - id: who-interprets
                  type: multiple               # at least one correct choice; partial credit
                  objective: interpreters
                  prompt: Who may interpret? Choose all that apply.
                  points: 2                    # 1–100, default 1
                  choices:
                    - {text: A telephone interpreter, correct: true, feedback: Professional and impartial.}
                    - {text: A video interpreter, correct: true, feedback: Also professional.}
                    - {text: The patient's companion, feedback: "Not impartial, and possibly in control."}
                  explanation: Only professional interpreters keep the conversation safe.
                - id: family-interpreter
                  type: true-false
                  objective: interpreters
                  prompt: A family member may interpret if the patient agrees in front of them.
                  answer: false
                  feedback: {correct: Right., incorrect: Agreement in front of a possible controller is not free.}
                  explanation: Consent given while watched is not free consent.
                - id: first-steps
                  type: order                  # items in the CORRECT order; always shown shuffled
                  objective: private-space
                  prompt: Put these steps in order.
                  items: [State the routine policy, See the patient alone, Connect an interpreter, Ask open questions]
                  explanation: Each step makes the next one safe.
                - id: roles
                  type: matching               # right-hand sides always shown shuffled
                  objective: interpreters
                  prompt: Match each person to their role.
                  pairs:
                    - {left: Interpreter, right: "Interpret everything, add nothing"}
                    - {left: Clinician, right: Ask questions and explain confidentiality}
                  explanation: Clear roles keep the patient safe.
                - id: interpreter-kind
                  type: short                  # matched ignoring case and extra spaces
                  objective: interpreters
                  prompt: What kind of interpreter should you use? (one word)
                  accept: [professional, qualified]
                  explanation: A professional interpreter is impartial.
                - id: own-words
                  type: reflection             # never scored; kept only with store: true
                  objective: private-space
                  prompt: What would you say to ask for a private moment with a patient?
                  store: false
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
                          - {text: Treat the wrist and discharge her, feedback: A missed chance to help.}
                        explanation: Create privacy first, then ask open questions.

            closing: |                         # optional: shown after the result
              Thank you for completing this module. If it brought something up for you, please talk to
              someone you trust or use your employee support service.

            """
    }
}
