extension ItemLinter {
    /// Rule 4: a short answer's hint or prompt should not contain it, spell its first letters or say how it starts;
    /// the module title should not contain it either.
    func checkRevealedAnswer(_ question: Question, title: String, bag: DiagnosticBag) {
        guard case .short(let accept) = question.kind else { return }
        let answers = accept.filter { $0.trimmingWhitespace().count >= 3 }
        let texts = [("prompt", question.prompt), ("hint", question.hint)].compactMap { name, text in text.map { (name, $0) } }
        for (name, text) in texts {
            if let answer = answers.first(where: { ItemWords.contains(text, phrase: $0) }) {
                bag.warning(
                    "the \(name) of question '\(question.id)' contains the accepted answer '\(answer)'", at: question.location,
                    hint: "reword the \(name) so that it does not contain the answer")
            } else if let fragment = Self.quotedFragments(text).first(where: { fragment in
                accept.contains { ShortAnswer.normalize($0).hasPrefix(ShortAnswer.normalize(fragment)) }
            }) {
                bag.warning(
                    "the \(name) of question '\(question.id)' gives the first letters of the answer ('\(fragment)')", at: question.location,
                    hint: "hint at the idea, not the spelling: remove '\(fragment)'")
            } else if let phrase = Self.spellingPhrases.first(where: { ItemWords.contains(text, phrase: $0) }) {
                bag.warning(
                    "the \(name) of question '\(question.id)' says how the answer is spelt ('\(phrase)')", at: question.location,
                    hint: "hint at the idea, not the spelling: remove '\(phrase) …'")
            }
        }
        if let answer = answers.first(where: { ItemWords.contains(title, phrase: $0) }) {
            bag.warning(
                "the accepted answer '\(answer)' of question '\(question.id)' is in the module title", at: question.location,
                hint: "ask for something the title does not name, or make this a choice question")
        }
    }

    /// Rule 5: words of the stem (4+ letters, not stop words) repeated only in the correct single-choice option.
    func checkKeyWordsOnlyInCorrect(_ question: Question, bag: DiagnosticBag) {
        guard case .single(let choices) = question.kind, let correct = choices.first(where: \.isCorrect) else { return }
        let distractorWords = Set(choices.filter { !$0.isCorrect }.flatMap { ItemWords.contentWords($0.text).map(ItemWords.stem) })
        let correctWords = Set(ItemWords.contentWords(correct.text))
        var seen = Set<String>()
        // Verbatim in the correct option; any form of the word in a distractor ("trafficked" for "trafficking") cancels the cue.
        let repeated = ItemWords.contentWords(question.prompt, minimumLength: 4).filter { word in
            correctWords.contains(word) && !distractorWords.contains(ItemWords.stem(word)) && seen.insert(word).inserted
        }
        guard !repeated.isEmpty else { return }
        let list = repeated.map { "'\($0)'" }.joined(separator: ", ")
        bag.warning(
            "only the correct option of question '\(question.id)' repeats the prompt's \(repeated.count == 1 ? "word" : "words") \(list)",
            at: correct.location,
            hint: "reword the correct option, or use \(repeated.count == 1 ? "the word" : "these words") in a distractor too")
    }

    /// Rule 6: two negations in one clause of a prompt ("not … not", "never … not", "isn't … un-").
    func checkDoubleNegative(_ question: Question, bag: DiagnosticBag) {
        for sentence in Self.clauses(question.prompt) {
            var first: String?
            for word in ItemWords.words(sentence) {
                let negation = Self.isNegation(word)
                if let earlier = first, negation || Self.isNegativePrefixed(word) {
                    bag.warning(
                        "the prompt of question '\(question.id)' has a double negative ('\(earlier) … \(word)')", at: question.location,
                        hint: "state it positively, so that a learner does not have to untangle two negations")
                    return
                }
                if negation { first = word }
            }
        }
    }

    /// The text cut at `.`, `?`, `!`, `;`, `:` and `,`, without empty pieces; ASCII text is cut on its bytes.
    static func clauses(_ text: String) -> [String] {
        let marks: [UInt8] = [0x2E, 0x3F, 0x21, 0x3B, 0x3A, 0x2C]
        guard text.utf8.allSatisfy({ $0 < 0x80 }) else {
            return text.split(whereSeparator: { $0.asciiValue.map(marks.contains) ?? false }).map(String.init)
        }
        return text.utf8.split(whereSeparator: marks.contains).map { String(decoding: $0, as: UTF8.self) }
    }

    /// Phrases that tell how a short answer is spelt.
    static let spellingPhrases = ["starts with", "start with", "begins with", "begin with", "first letter", "first letters"]

    static func isNegation(_ word: String) -> Bool {
        ["not", "never", "cannot", "nobody", "nothing", "none", "neither"].contains(word) || word.hasSuffix("n't")
    }

    /// An `un-` word that negates ("unlikely", "unsafe"), not one that only starts with the letters ("under", "unit", "until").
    static func isNegativePrefixed(_ word: String) -> Bool {
        guard word.hasPrefix("un"), word.count >= 5 else { return false }
        return !["under", "uni", "until", "unless", "unto"].contains { word.hasPrefix($0) }
    }

    /// Texts in quotes ('…', "…", ‘…’, “…”) of at least two letters; apostrophes inside words are not quotes.
    static func quotedFragments(_ text: String) -> [String] {
        let characters = Array(text)
        let quotes: Set<Character> = ["'", "\"", "‘", "’", "“", "”"]
        var fragments: [String] = []
        var start: Int?
        for (index, character) in characters.enumerated() where quotes.contains(character) {
            let before = index > 0 ? characters[index - 1] : " "
            let after = index + 1 < characters.count ? characters[index + 1] : " "
            if let open = start, !(after.isLetter || after.isNumber) {
                let fragment = String(characters[(open + 1)..<index])
                if fragment.filter(\.isLetter).count >= 2 { fragments.append(fragment) }
                start = nil
            } else if start == nil, !(before.isLetter || before.isNumber) {
                start = index
            }
        }
        return fragments
    }
}
