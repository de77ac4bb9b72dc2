#!/usr/bin/env python3
"""Coverage of the source presentations' objectives by the modules (issue #15).

Reads docs/objectives.yaml and modules/*.yaml (from the repository root).

  scripts/objectives-coverage.py            regenerate docs/objectives-coverage.md
  scripts/objectives-coverage.py --check    check the mapping and that the committed
                                            document equals what would be generated;
                                            exit 1 with a list of problems otherwise
  scripts/objectives-coverage.py --stdout   print the document instead of writing it

Options: --root DIR (repository root; default: this script's parent folder's parent),
--source FILE (presentations.txt; default: ROOT/../shared/source/presentations.txt or
$CARES_SOURCE; when it is missing the word-for-word source check is skipped with a note).

--check fails unless:
  * every objective under "Presentation Objectives:" in the source appears in
    docs/objectives.yaml exactly once, word for word, in source order (when the
    source is available), and ids are unique;
  * every status is taught, partly or not-taught; not-taught has a reason; partly has a note;
  * every taught or partly objective maps to module objectives that exist, with at least
    one lesson that lists one of them; a taught objective also needs at least two scored
    questions (not reflections) that cite them;
  * narrowed lessons/questions exist and list/cite one of the mapped objectives;
  * docs/objectives-coverage.md equals the generated text (run the script to regenerate).
Requires Python 3 and PyYAML.
"""
import argparse
import difflib
import os
import re
import sys

try:
    import yaml
except ImportError:  # pragma: no cover
    sys.exit("objectives-coverage: PyYAML is required (pip install pyyaml)")

STATUSES = ("taught", "partly", "not-taught")


def load_yaml(path):
    with open(path, encoding="utf-8-sig") as f:
        return yaml.safe_load(f)


def source_objectives(text):
    """(title, [objectives]) per presentation, in source order."""
    lines = [l.strip() for l in text.splitlines()]
    out, title, inside = [], None, False
    prev_nonempty = []
    for i, line in enumerate(lines):
        if line.startswith("Presentation Objectives"):
            inside = True
            # the presentation title is the first non-empty line after the previous "Read More"
            out.append([title, []])
            continue
        if inside and line.startswith("•"):
            out[-1][1].append(line[1:].strip())
        elif inside and line and line != "Read More":
            inside = False
        if line == "Read More" or i == 0:
            title = None
        elif line and title is None and not line.startswith("Posts tagged"):
            title = line
    return [(t, objs) for t, objs in out]


def norm(s):
    return re.sub(r"[^a-z0-9]+", "", str(s).lower())


# ---------------------------------------------------------------- modules

class Module:
    def __init__(self, data, path):
        self.id = data.get("id")
        self.path = path
        self.title = data.get("title", "")
        self.sources = [str(s) for s in data.get("sources") or []]
        self.objectives = [o.get("id") for o in data.get("objectives") or []]
        self.lessons = [(l.get("id"), list(l.get("objectives") or [])) for l in data.get("lessons") or []]
        self.questions = []  # (id, objective, type)
        for entry in (data.get("quiz") or {}).get("questions") or []:
            if isinstance(entry, dict) and "scenario" in entry:
                for q in (entry["scenario"] or {}).get("questions") or []:
                    self.questions.append((q.get("id"), q.get("objective"), q.get("type")))
            elif isinstance(entry, dict):
                self.questions.append((entry.get("id"), entry.get("objective"), entry.get("type")))


def load_modules(root):
    folder = os.path.join(root, "modules")
    mods = {}
    for name in sorted(os.listdir(folder)):
        if not name.endswith((".yaml", ".yml")) or name.startswith("site."):
            continue
        data = load_yaml(os.path.join(folder, name))
        if isinstance(data, dict) and data.get("id"):
            mods[data["id"]] = Module(data, name)
    return mods


def mapping(entry):
    """[(module, objectives, lessons-or-None, questions-or-None)] for one source objective."""
    out = []
    for mid, spec in (entry.get("modules") or {}).items():
        if isinstance(spec, dict):
            out.append((mid, list(spec.get("objectives") or []),
                        None if "lessons" not in spec else list(spec.get("lessons") or []),
                        None if "questions" not in spec else list(spec.get("questions") or [])))
        else:
            out.append((mid, list(spec or []), None, None))
    return out


def resolve(entry, mods, problems):
    """[(module, [lesson ids], [scored question ids])] derived from the mapping."""
    rows = []
    oid = entry.get("id")
    for mid, objs, lessons, questions in mapping(entry):
        m = mods.get(mid)
        if m is None:
            problems.append(f"{oid}: no module '{mid}'")
            continue
        if not objs:
            problems.append(f"{oid}: no objectives given for module '{mid}'")
        for o in objs:
            if o not in m.objectives:
                problems.append(f"{oid}: module '{mid}' has no objective '{o}' (it has: {', '.join(m.objectives)})")
        objset = set(objs)
        all_lessons = [lid for lid, lobjs in m.lessons if objset & set(lobjs)]
        all_questions = [qid for qid, qobj, qtype in m.questions if qobj in objset and qtype != "reflection"]
        if lessons is None:
            ls = all_lessons
        else:
            ls = []
            for lid in lessons:
                if lid not in all_lessons:
                    problems.append(f"{oid}: '{mid}' has no lesson '{lid}' that lists one of {sorted(objset)}")
                else:
                    ls.append(lid)
        if questions is None:
            qs = all_questions
        else:
            qs = []
            for qid in questions:
                if qid not in all_questions:
                    problems.append(f"{oid}: '{mid}' has no scored question '{qid}' that cites one of {sorted(objset)}")
                else:
                    qs.append(qid)
        rows.append((mid, ls, qs))
    return rows


# ---------------------------------------------------------------- check

def check(data, mods, source_path, problems, notes):
    pres = data.get("presentations") or []
    seen_ids = set()
    listed = []
    for p in pres:
        for o in p.get("objectives") or []:
            oid = o.get("id")
            if not oid or oid in seen_ids:
                problems.append(f"objective id missing or repeated: {oid!r}")
            seen_ids.add(oid)
            listed.append((p.get("title"), o.get("text")))
            st = o.get("status")
            if st not in STATUSES:
                problems.append(f"{oid}: status must be one of {', '.join(STATUSES)}, not {st!r}")
                continue
            if st == "not-taught":
                if not o.get("reason"):
                    problems.append(f"{oid}: not-taught needs a reason")
                if o.get("modules"):
                    problems.append(f"{oid}: not-taught must not map modules")
                continue
            if st == "partly" and not o.get("note"):
                problems.append(f"{oid}: partly needs a note saying what is not taught")
            if not o.get("modules"):
                problems.append(f"{oid}: {st} needs modules: module-id: [objective ids]")
                continue
            rows = resolve(o, mods, problems)
            nlessons = sum(len(ls) for _, ls, _ in rows)
            nquestions = sum(len(qs) for _, _, qs in rows)
            if nlessons < 1:
                problems.append(f"{oid}: no lesson lists any of its module objectives")
            if st == "taught" and nquestions < 2:
                problems.append(f"{oid}: taught but only {nquestions} scored question(s) cite its module objectives (need 2)")
    # the source, word for word and in order
    if source_path and os.path.exists(source_path):
        with open(source_path, encoding="utf-8-sig") as f:
            src = source_objectives(f.read())
        expected = [o for _, objs in src for o in objs]
        got = [t for _, t in listed]
        for o in expected:
            n = got.count(o)
            if n != 1:
                problems.append(f"source objective appears {n} times (must be exactly once, word for word): {o}")
        for t in got:
            if t not in expected:
                problems.append(f"objective not in the source (word for word): {t}")
        if [t for t in got if t in expected] != [o for o in expected if o in got]:
            problems.append("objectives are not in source order")
        src_titles = [norm(t) for t, _ in src]
        for p in pres:
            if norm(p.get("title")) not in src_titles:
                problems.append(f"presentation title not in the source: {p.get('title')}")
    else:
        notes.append(f"source not found ({source_path}); word-for-word check skipped")


# ---------------------------------------------------------------- document

def cite(rows, which):
    parts = []
    for mid, ls, qs in rows:
        ids = ls if which == "lessons" else qs
        if ids:
            parts.append(f"`{mid}` › " + ", ".join(f"`{i}`" for i in ids))
    return "; ".join(parts)


def one_line(s):
    return re.sub(r"\s+", " ", str(s or "")).strip()


def presentations_of(module, pres):
    names, other = [], []
    for s in module.sources:
        ns = norm(s)
        hit = None
        for p in pres:
            nt = norm(p.get("title"))
            if ns and (ns.startswith(nt[:40]) or nt.startswith(ns[:40])):
                hit = p.get("short")
                break
        if hit:
            if hit not in names:
                names.append(hit)
        else:
            other.append(one_line(s))
    return names, other


def generate(data, mods):
    pres = data.get("presentations") or []
    order = [m for m in data.get("module_order") or [] if m in mods]
    order += sorted(m for m in mods if m not in order)
    problems = []  # ignored here; --check reports them
    out = []
    w = out.append
    w("# Presentation objectives and module coverage")
    w("")
    w("<!-- Generated by scripts/objectives-coverage.py from docs/objectives.yaml and modules/*.yaml. "
      "Do not edit by hand: edit docs/objectives.yaml or the modules, then run the script. -->")
    w("")
    w("This document checks the training against its sources. The modules draw on the abstracts of nine "
      "conference presentations; each module lists the ones it uses under sources. Every objective stated "
      "under \"Presentation Objectives:\" is listed below, word for word and in source order, under its "
      "presentation, with its status: taught, partly taught or not taught here.")
    w("")
    w("**How it is kept true.** Each source objective has an id in `docs/objectives.yaml`, which maps it to "
      "the module objectives that serve it. The lessons and questions below are derived from the modules: "
      "a lesson is listed when it names one of those module objectives, and a question when it cites one "
      "(reflections are not scored and are not listed). A test runs `python3 scripts/objectives-coverage.py "
      "--check`, which fails unless every taught objective has a lesson and at least two scored questions, "
      "every source objective appears exactly once, and this document equals what the script generates. "
      "After changing a module's objectives, lessons or questions, or the mapping, run "
      "`python3 scripts/objectives-coverage.py` to regenerate this document.")
    w("")
    w("In the tables, each module id is followed by › and then the ids of its lessons or questions. "
      "Questions inside a scenario are cited by their own question id.")
    w("")
    w("## Modules and the presentations they draw on")
    w("")
    w("| Module | Title | Presentation(s) it draws on | Other sources |")
    w("|---|---|---|---|")
    drawn = set()
    for mid in order:
        m = mods[mid]
        names, other = presentations_of(m, pres)
        drawn.update(names)
        w(f"| `{mid}` | {one_line(m.title)} | {'; '.join(names) or '–'} | {'; '.join(other) or '–'} |")
    undrawn = [p.get("short") for p in pres if p.get("short") not in drawn]
    if undrawn:
        w("")
        w("No module draws on: " + "; ".join(f"\"{u}\"" for u in undrawn) + ".")
    counts = {s: 0 for s in STATUSES}
    untested = []
    for p in pres:
        w("")
        w(f"## {one_line(p.get('title'))}")
        w("")
        w("| Stated objective | Status | Taught in | Tested by |")
        w("|---|---|---|---|")
        for o in p.get("objectives") or []:
            st = o.get("status")
            counts[st] = counts.get(st, 0) + 1
            text = one_line(o.get("text"))
            if st == "not-taught":
                w(f"| {text} | not taught | not taught here: {one_line(o.get('reason'))} | – |")
                continue
            rows = resolve(o, mods, problems)
            taught = cite(rows, "lessons") or "–"
            tested = cite(rows, "questions") or "–"
            if tested == "–":
                untested.append((p.get("short"), text))
            if st == "partly":
                taught += f" (partly: {one_line(o.get('note'))})"
            elif o.get("note"):
                taught += f" (note: {one_line(o.get('note'))})"
            w(f"| {text} | {'taught' if st == 'taught' else 'partly'} | {taught} | {tested} |")
    total = sum(counts.values())
    w("")
    w("## Summary and what is not taught here")
    w("")
    w(f"Of the {total} stated objectives, {counts['taught']} are taught, {counts['partly']} are partly taught "
      f"and {counts['not-taught']} are not taught here.")
    if untested:
        w("")
        w("Taught at least in part but not tested by any question:")
        w("")
        for short, text in untested:
            w(f"- {short}: {text}")
    for st, heading in (("partly", "**Partly taught.** Taught only as far as the source and the health-staff role allow:"),
                        ("not-taught", "**Not taught here**, and why:")):
        items = [(p.get("short"), o) for p in pres for o in p.get("objectives") or [] if o.get("status") == st]
        if not items:
            continue
        w("")
        w(heading)
        w("")
        for short, o in items:
            why = o.get("note") if st == "partly" else o.get("reason")
            w(f"- {short}: {one_line(o.get('text'))} — {one_line(why)}")
    w("")
    return "\n".join(out)


# ---------------------------------------------------------------- main

def main():
    here = os.path.dirname(os.path.abspath(__file__))
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--check", action="store_true", help="check the mapping and the committed document")
    ap.add_argument("--verify-doc", action="store_true", help="only check that the document is up to date")
    ap.add_argument("--stdout", action="store_true", help="print the document instead of writing it")
    ap.add_argument("--root", default=os.path.dirname(here))
    ap.add_argument("--source", default=None)
    a = ap.parse_args()
    root = os.path.abspath(a.root)
    source = a.source or os.environ.get("CARES_SOURCE") or \
        os.path.join(os.path.dirname(root), "shared", "source", "presentations.txt")
    data = load_yaml(os.path.join(root, "docs", "objectives.yaml"))
    mods = load_modules(root)
    doc_path = os.path.join(root, "docs", "objectives-coverage.md")
    text = generate(data, mods)
    if not (a.check or a.verify_doc):
        if a.stdout:
            sys.stdout.write(text)
        else:
            with open(doc_path, "w", encoding="utf-8") as f:
                f.write(text)
            print(f"wrote {os.path.relpath(doc_path, root)}")
        problems, notes = [], []
        check(data, mods, source, problems, notes)
        for n in notes:
            print(f"note: {n}")
        for p in problems:
            print(f"problem: {p}")
        return 0
    problems, notes = [], []
    if a.check:
        check(data, mods, source, problems, notes)
    current = open(doc_path, encoding="utf-8").read() if os.path.exists(doc_path) else ""
    if current != text:
        diff = list(difflib.unified_diff(current.splitlines(), text.splitlines(),
                                         "docs/objectives-coverage.md (committed)", "(generated)", lineterm="", n=0))
        problems.append("docs/objectives-coverage.md is out of date: run python3 scripts/objectives-coverage.py\n    "
                        + "\n    ".join(diff[:20]))
    for n in notes:
        print(f"note: {n}")
    for p in problems:
        print(f"FAIL {p}")
    if problems:
        return 1
    print("objectives coverage OK")
    return 0


if __name__ == "__main__":
    sys.exit(main())
