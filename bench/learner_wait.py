"""A learner's wait (figure 4 of bench/run): the time from an answer's Enter to its feedback on screen.

Drives the release `cares take` through pseudo-terminals, as a learner at a keyboard would: each
learner process answers a 50-question module (single choice, feedback after every answer) without
pausing, and the wait is measured from writing the answer line to reading the feedback's first line
("Correct." or "Not quite."). With --learners N, N learners answer at once on the same store.

    python3 bench/learner_wait.py --cares BIN --database DB [--learners N] [--questions 50] [--json]

Prints "p50 p99 max count" in milliseconds (or a JSON object with --json). Each learner takes the
module once, with a fresh learner id, so a run never finds an attempt in progress.
"""
import argparse
import json
import os
import pty
import re
import selectors
import subprocess
import sys
import tempfile
import time
import uuid

FEEDBACK = re.compile(rb"Correct\.|Not quite\.")
ANSWER_PROMPT = b"Your answer ("
NEXT = re.compile(rb"Press Enter (?:to start|to continue|for the next question|to see your result)")


def module_yaml(questions):
    """A module of `questions` single-choice questions, every one asked, in order."""
    lines = [
        "id: wait-bench",
        "version: 1.0.0",
        'title: "Learner wait benchmark"',
        'summary: "Fifty quick questions to time the answer loop."',
        "audience: [emergency]",
        "estimated_minutes: 10",
        "pass_mark: 80",
        "valid_for_days: 365",
        'sources: ["Synthetic benchmark data"]',
        "objectives:",
        '  - id: objective-a',
        '    text: "Answer quickly."',
        "lessons:",
        "  - id: lesson-0",
        '    title: "Before the quiz"',
        "    objectives: [objective-a]",
        "    body: |",
        "      Read each question and choose one answer.",
        "quiz:",
        "  shuffle: false",
        "  questions:",
    ]
    for number in range(questions):
        lines += [
            f"    - id: q{number}",
            "      objective: objective-a",
            f'      prompt: "Question {number}: which choice is right?"',
            '      explanation: "The first choice is right."',
            "      type: single",
            "      choices:",
            '        - {text: "Right choice", correct: true, feedback: "Yes."}',
            '        - {text: "Wrong choice", feedback: "No."}',
            '        - {text: "Another wrong choice", feedback: "No."}',
        ]
    return "\n".join(lines) + "\n"


class Learner:
    """One `cares take` in a pseudo-terminal, answering as soon as it is asked."""

    def __init__(self, args, modules, index, config):
        self.waits = []
        self.buffer = b""
        self.sent_at = None
        self.done = False
        self.answers = 0
        master, slave = os.openpty()
        env = dict(os.environ, NO_COLOR="1", TERM="dumb", COLUMNS="100", XDG_CONFIG_HOME=config, XDG_DATA_HOME=config)
        learner = f"wait-{index}-{uuid.uuid4().hex[:8]}"
        self.process = subprocess.Popen(
            [args.cares, "take", "wait-bench", "--modules", modules, "--database", args.database, "--learner", learner],
            stdin=slave, stdout=slave, stderr=slave, env=env, close_fds=True, start_new_session=True)
        os.close(slave)
        self.fd = master

    def send(self, text):
        os.write(self.fd, text)

    def feed(self, data, now):
        """Takes output; answers prompts; returns False once the process has closed the terminal."""
        if not data:
            self.done = True
            return False
        self.buffer += data
        while True:
            if self.sent_at is not None:
                match = FEEDBACK.search(self.buffer)
                if not match:
                    return True
                self.waits.append((now - self.sent_at) / 1e6)
                self.sent_at = None
                self.buffer = self.buffer[match.end():]
                continue
            if ANSWER_PROMPT in self.buffer and b"):" in self.buffer.split(ANSWER_PROMPT, 1)[1]:
                self.buffer = b""
                self.sent_at = time.perf_counter_ns()
                self.send(b"a\n")
                self.answers += 1
                continue
            match = NEXT.search(self.buffer)
            if match:
                self.buffer = self.buffer[match.end():]
                self.send(b"\n")
                continue
            return True


def percentile(values, fraction):
    ordered = sorted(values)
    if not ordered:
        return float("nan")
    index = min(len(ordered) - 1, max(0, int(round(fraction * (len(ordered) - 1)))))
    return ordered[index]


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cares", required=True)
    parser.add_argument("--database", required=True, help="a SQLite file or a postgres:// URL")
    parser.add_argument("--learners", type=int, default=1)
    parser.add_argument("--questions", type=int, default=50)
    parser.add_argument("--timeout", type=float, default=300)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="cares-wait-") as work:
        modules = os.path.join(work, "modules")
        os.mkdir(modules)
        with open(os.path.join(modules, "wait-bench.yaml"), "w") as handle:
            handle.write(module_yaml(args.questions))
        config = os.path.join(work, "config")
        os.mkdir(config)
        # One learner first, alone, so the store exists and is migrated before the others start.
        learners = [Learner(args, modules, 0, config)]
        run(learners, args.timeout)
        if args.learners > 1:
            learners = [Learner(args, modules, index, config) for index in range(1, args.learners + 1)]
            run(learners, args.timeout)
        waits = [wait for learner in learners for wait in learner.waits]
        expected = args.questions * len(learners)
        failed = [learner for learner in learners if learner.process.returncode != 0]
        if failed or len(waits) != expected:
            print(f"learner_wait: {len(waits)} of {expected} answers timed; {len(failed)} runs failed", file=sys.stderr)
            for learner in failed[:3]:
                print(learner.buffer.decode("utf-8", "replace")[-2000:], file=sys.stderr)
            sys.exit(1)
        result = {
            "learners": len(learners), "answers": len(waits), "p50_ms": percentile(waits, 0.50),
            "p99_ms": percentile(waits, 0.99), "max_ms": max(waits),
        }
        if args.json:
            print(json.dumps(result))
        else:
            print(f"{result['p50_ms']:.1f} {result['p99_ms']:.1f} {result['max_ms']:.1f} {len(waits)}")


def run(learners, timeout):
    selector = selectors.DefaultSelector()
    for learner in learners:
        selector.register(learner.fd, selectors.EVENT_READ, learner)
    deadline = time.monotonic() + timeout
    open_count = len(learners)
    while open_count and time.monotonic() < deadline:
        for key, _ in selector.select(timeout=1):
            learner = key.data
            now = time.perf_counter_ns()
            try:
                data = os.read(learner.fd, 65536)
            except OSError:
                data = b""
            if not learner.feed(data, now):
                selector.unregister(learner.fd)
                os.close(learner.fd)
                open_count -= 1
    for learner in learners:
        if not learner.done:
            learner.process.kill()
        learner.process.wait()
    selector.close()


if __name__ == "__main__":
    main()
