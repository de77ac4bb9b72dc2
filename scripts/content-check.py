#!/usr/bin/env python3
"""Item-writing check for cares modules (second edition, issue #15).

Usage:
  scripts/content-check.py [MODULE.yaml | FOLDER ...]   # default: modules/
  scripts/content-check.py --runs 5000 --seed 7 modules/reporting.yaml
  scripts/content-check.py --verbose modules/reporting.yaml   # per-item detail
  scripts/content-check.py --duplicates [FOLDER ...]          # near-duplicate prompts
  scripts/content-check.py --duplicates --jaccard 0.5
      (similarity = token Jaccard of the prompts, or of prompt + right answer, whichever
       is higher; lowercased words without stop words)

For each module it prints the static item figures and a Monte-Carlo audit of the
test-wise strategies, then the thresholds the module breaks. It exits 1 when any
module breaks a threshold (or, with --duplicates, when a pair is found).

Thresholds (see the content brief / issue #14 and #15):
  single choice: key is the longest option in <= 40% of items; mean key length /
                 mean distractor length within 0.85-1.15
  true/false:    35-65% true when a module has >= 4 true/false items
  multiple:      ticking every option scores < 50% on every item
  short:         no accepted text (or its first letters, or "starts with") in the
                 hint or prompt; no accepted text in the module title or own prompt
  pool:          units (a scenario is one unit) >= 2 x quiz.draw
  attempts:      max_attempts present
  objectives:    every module objective has a lesson and >= 2 scored questions
  placeholders:  every {{site.KEY}} is a fact in site.yaml and examples/sites/*.yaml
  readability:   every lesson reads at Flesch-Kincaid grade <= 12 with each site's facts
                 filled in (the same measure as `cares validate`)
Warnings (no exit 1): law-like text in modules (statute names, legal ages, "federal
law", phone numbers), "all/none of the above", all-but-shortest >= 50% on an item.
  audit:         best strategy mean <= 50% and pass probability <= 5%

Scoring follows the engine: single full or 0; multiple max(0, right - wrong) /
correct x points; true-false full or 0; order = items in the right position /
items; matching = right pairs / pairs; short answers score 0 for a test-wise
learner; reflections are unscored. Pass = percent >= pass_mark.
Requires Python 3 and PyYAML.
"""
import argparse
import itertools
import os
import random
import re
import sys

try:
    import yaml
except ImportError:  # pragma: no cover
    sys.exit("content-check: PyYAML is required (pip install pyyaml)")

KEY_LONGEST_MAX = 0.40
RATIO_MIN, RATIO_MAX = 0.85, 1.15
TF_MIN, TF_MAX, TF_MIN_ITEMS = 0.35, 0.65, 4
TICK_ALL_MAX = 0.50
MEAN_MAX, PASS_MAX = 0.50, 0.05
LOOK_AT = 0.45  # --duplicates also lists up to 15 pairs from here up to the threshold

STRATEGIES = ["longest", "first", "false", "tick-all", "all-but-shortest", "random"]

STOP = set("""a an the and or but if then else of to in on at by for with from as is are was
were be been being it its this that these those there here what which who whom whose when where
why how do does did doing done can could should would will shall may might must not no nor
so than too very you your yours he she they them their his her hers we our us i me my
about into over under after before during while any all each some such more most other
own same only just also again up down out off per via has have had having one two
choose apply best first next following statement""".split())


LAW_PATTERNS = [
    (r"\b(US|U\.S\.|federal|Canadian|Ontario|state|provincial) law\b", "a jurisdiction's law"),
    (r"\bTrafficking Victims Protection Act\b|\bTVPA\b|\bCriminal Code\b|\bCYFSA\b|"
     r"\bChild, Youth and Family Services Act\b|\bGunshot Wounds Reporting Act\b|\bHIPAA\b|\bPHIPA\b", "a statute name"),
    (r"\b(under|below|younger than|over|aged?) (1[0-9]|2[01])\b(?!-)", "a legal age"),
    (r"\bmandated reporters?\b", "a jurisdiction's reporting rule"),
    (r"\b\d{3}[-. ]\d{3,4}([-. ]\d{4})?\b|\b(911|988|999|112)\b", "a telephone number"),
]

SITES = {}


def load_sites(paths):
    """site.yaml of the first module folder (or beside the first file) and examples/sites/*.yaml."""
    cands = []
    first = paths[0] if paths else "modules"
    folder = first if os.path.isdir(first) else os.path.dirname(first) or "."
    cands.append(os.path.join(folder, "site.yaml"))
    ex = os.path.join(os.path.dirname(os.path.abspath(folder)), "examples", "sites")
    if os.path.isdir(ex):
        cands += [os.path.join(ex, n) for n in sorted(os.listdir(ex)) if n.endswith((".yaml", ".yml"))]
    for c in cands:
        if os.path.exists(c):
            try:
                SITES[os.path.relpath(c)] = {str(k): text(v) for k, v in ((load(c) or {}).get("facts") or {}).items()}
            except Exception:
                SITES[os.path.relpath(c)] = None


def walk_text(node, where=""):
    """(path, string) for every string in a module, with a readable location."""
    if isinstance(node, dict):
        label = node.get("id") if isinstance(node.get("id"), str) else None
        for k, v in node.items():
            if k == "id":
                continue
            yield from walk_text(v, f"{label or where}.{k}" if (label or where) else str(k))
    elif isinstance(node, list):
        for v in node:
            yield from walk_text(v, where)
    elif isinstance(node, str):
        yield where, node


# ---------------------------------------------------------------- readability (as cares validate measures it)

MAX_GRADE = 12.0


def _syllables(word):
    letters = "".join(c for c in word.lower() if c.isalpha() and c.isascii())
    if not letters:
        digits = sum(c.isdigit() for c in word)
        return max(1, digits // 2) if digits else 1
    if len(letters) <= 3:
        return 1
    for suf in ("es", "ed"):
        if letters.endswith(suf):
            before = letters[-3] if len(letters) >= 3 else ""
            if before and before not in "aeiouyl" and not (suf == "ed" and before in "td") \
                    and not (suf == "es" and before in "scxzgh"):
                letters = letters[:-2]
            break
    if letters.endswith("e") and not letters.endswith("le") and len(letters) > 3:
        letters = letters[:-1]
    if letters.startswith("y"):
        letters = letters[1:]
    count, prev = 0, False
    for c in letters:
        v = c in "aeiouy"
        if v and not prev:
            count += 1
        prev = v
    return max(1, count)


def _blocks(body):
    blocks, cur, bullet = [], [], False
    def flush():
        if cur:
            blocks.append(" ".join(cur).replace("**", ""))
    for raw in text(body).split("\n"):
        line = raw.strip()
        if not line:
            flush(); cur, bullet = [], False
        elif line.startswith("- ") or line.startswith("* "):
            flush(); cur, bullet = [line[2:].strip()], True
        elif bullet and raw.startswith(" "):
            cur.append(line)
        else:
            if bullet:
                flush(); cur, bullet = [], False
            cur.append(line)
    flush()
    return blocks


def reading_grade(body):
    words = sentences = syll = 0
    for line in _blocks(body):
        bw, ended = 0, False
        for tok in line.split():
            w = "".join(c for c in tok if c.isalnum() or c in "'’")
            if not w:
                continue
            bw += 1
            syll += _syllables(w)
            ended = False
            last = next((c for c in reversed(tok) if c not in "\"'”’)]*"), "")
            if last and last in ".!?":
                sentences += 1
                ended = True
        words += bw
        if bw > 0 and not ended:
            sentences += 1
    if words == 0:
        return 0.0
    return max(0.0, 0.39 * words / max(1, sentences) + 11.8 * syll / words - 15.59)


def fill(body, facts):
    return re.sub(r"\{\{\s*site\.([A-Za-z0-9_]+)\s*\}\}", lambda mm: facts.get(mm.group(1), mm.group(0)), text(body))


# ---------------------------------------------------------------- loading

def load(path):
    with open(path, encoding="utf-8-sig") as f:
        return yaml.safe_load(f)


def module_files(args):
    paths = args or ["modules"]
    out = []
    for p in paths:
        if os.path.isdir(p):
            for name in sorted(os.listdir(p)):
                if name.endswith((".yaml", ".yml")) and name not in ("site.yaml", "site.yml"):
                    out.append(os.path.join(p, name))
        else:
            out.append(p)
    return out


def units_of(module):
    """Top-level quiz entries: each a list of questions (a scenario is one unit)."""
    quiz = module.get("quiz") or {}
    units = []
    for entry in quiz.get("questions") or []:
        if isinstance(entry, dict) and "scenario" in entry:
            sc = entry["scenario"] or {}
            units.append({"id": sc.get("id", "?"), "scenario": True,
                          "questions": list(sc.get("questions") or [])})
        else:
            units.append({"id": (entry or {}).get("id", "?"), "scenario": False,
                          "questions": [entry]})
    return units


def text(x):
    return "" if x is None else str(x)


def tlen(x):
    return len(text(x).strip())


def points(q):
    p = q.get("points", 1)
    try:
        return float(p)
    except (TypeError, ValueError):
        return 1.0


def scored(q):
    return q.get("type") != "reflection"


# ---------------------------------------------------------------- static figures

def key_longest_share(q):
    """Chance that 'pick the longest option' picks the key (ties split evenly)."""
    choices = q.get("choices") or []
    if not choices:
        return 0.0
    lens = [tlen(c.get("text")) for c in choices]
    m = max(lens)
    tied = [i for i, l in enumerate(lens) if l == m]
    right = [i for i in tied if choices[i].get("correct") is True]
    return len(right) / len(tied)


def multiple_scores(q):
    choices = q.get("choices") or []
    correct = [c.get("correct") is True for c in choices]
    C = sum(correct)
    W = len(correct) - C
    tick_all = max(0, C - W) / C if C else 0.0
    # all but the shortest (ties: expectation over which shortest is dropped)
    lens = [tlen(c.get("text")) for c in choices]
    m = min(lens) if lens else 0
    tied = [i for i, l in enumerate(lens) if l == m]
    vals = []
    for drop in tied:
        r = C - (1 if correct[drop] else 0)
        w = W - (0 if correct[drop] else 1)
        vals.append(max(0, r - w) / C if C else 0.0)
    but_shortest = sum(vals) / len(vals) if vals else 0.0
    shortest_correct = any(correct[i] for i in tied)
    return C, W, tick_all, but_shortest, shortest_correct


def norm(s):
    return re.sub(r"\s+", " ", text(s).strip().lower())


def word_in(needle, hay):
    needle = norm(needle)
    if not needle:
        return False
    return re.search(r"(?<![a-z0-9])" + re.escape(needle) + r"(?![a-z0-9])", norm(hay)) is not None


def short_giveaways(q, title):
    """Return a list of problems for a short-answer question."""
    probs = []
    accepts = [norm(a) for a in (q.get("accept") or []) if norm(a)]
    hint, prompt = text(q.get("hint")), text(q.get("prompt"))
    for where, s in (("hint", hint), ("prompt", prompt)):
        low = norm(s)
        if re.search(r"\b(starts?|begins?|beginning|starting|ends?|ending) with\b|\b(first|last) (letters?|word|part|syllable)\b|\brhymes with\b", low):
            probs.append(f"{where} says starts/begins/first letter")
        for a in accepts:
            if word_in(a, s):
                probs.append(f"accepted '{a}' appears in the {where}")
                continue
            # a fragment such as "pro…", "pro___", "p-", '"pro"' that starts the answer
            for frag in re.findall(r"([a-z][a-z'-]*)\s*(?:\.\.\.|…|_{1,}|\*{1,}|-\s|-$)", low):
                frag = frag.strip("-'")
                if len(frag) >= 2 and a.startswith(frag) and frag != a:
                    probs.append(f"{where} shows the first letters '{frag}' of '{a}'")
            for frag in re.findall(r"[\"'“‘]([a-z][a-z-]{1,})[\"'”’]", low):
                if len(frag) >= 2 and a.startswith(frag):
                    probs.append(f"{where} quotes the first letters '{frag}' of '{a}'")
            # a hint word that shares the first 5 letters with the answer's first word
            first = re.split(r"[\s-]+", a)[0]
            if where == "hint" and len(first) >= 5:
                for w in re.findall(r"[a-z]+", low):
                    if len(w) >= 5 and w[:5] == first[:5]:
                        probs.append(f"hint word '{w}' shares its stem with '{a}'")
                        break
    for a in accepts:
        if word_in(a, title):
            probs.append(f"accepted '{a}' appears in the module title")
    return sorted(set(probs))


# ---------------------------------------------------------------- engine-like scoring

def shown_order(n, rng):
    """Like the engine: a shuffle that is never the identity (for more than one item)."""
    idx = list(range(n))
    if n <= 1:
        return idx
    while True:
        rng.shuffle(idx)
        if idx != list(range(n)):
            return idx


def answer_and_score(q, strategy, rng):
    """Points a test-wise learner gets on q with this strategy."""
    t = q.get("type")
    pts = points(q)
    if t == "single" or t == "multiple":
        choices = list(q.get("choices") or [])
        if not choices:
            return 0.0
        shown = choices[:]
        rng.shuffle(shown)
        correct = [c.get("correct") is True for c in shown]
        lens = [tlen(c.get("text")) for c in shown]
        n = len(shown)
        if strategy == "longest":
            m = max(lens)
            picks = {rng.choice([i for i in range(n) if lens[i] == m])}
        elif strategy in ("first", "false"):
            picks = {0}
        elif strategy == "tick-all":
            picks = set(range(n)) if t == "multiple" else {0}
        elif strategy == "all-but-shortest":
            if t == "multiple":
                m = min(lens)
                drop = rng.choice([i for i in range(n) if lens[i] == m])
                picks = set(range(n)) - {drop}
            else:
                picks = {0}
        else:  # random
            if t == "single":
                picks = {rng.randrange(n)}
            else:
                picks = set()
                while not picks:
                    picks = {i for i in range(n) if rng.random() < 0.5}
        if t == "single":
            (p,) = picks
            return pts if correct[p] else 0.0
        C = sum(correct)
        if C == 0:
            return 0.0
        right = sum(1 for i in picks if correct[i])
        wrong = len(picks) - right
        return max(0, right - wrong) / C * pts
    if t == "true-false":
        ans = q.get("answer") is True
        if strategy == "longest":
            guess = False          # "False" is the longer word
        elif strategy == "false":
            guess = False
        elif strategy == "random":
            guess = rng.random() < 0.5
        else:                      # first shown ("True"), tick-all, all-but-shortest
            guess = True
        return pts if guess == ans else 0.0
    if t == "order":
        items = list(q.get("items") or [])
        if not items:
            return 0.0
        idx = shown_order(len(items), rng)  # shown shuffled (never in the right order); answered as shown
        return sum(1 for pos, i in enumerate(idx) if pos == i) / len(items) * pts
    if t == "matching":
        pairs = list(q.get("pairs") or [])
        if not pairs:
            return 0.0
        idx = shown_order(len(pairs), rng)  # right sides shuffled (never all right); answered as shown
        return sum(1 for pos, i in enumerate(idx) if pos == i) / len(pairs) * pts
    return 0.0                     # short: 0 for a test-wise learner; reflection unscored


def audit(module, runs, seed):
    units = units_of(module)
    draw = (module.get("quiz") or {}).get("draw")
    pass_mark = float(module.get("pass_mark", 80))
    n = len(units)
    k = n if not isinstance(draw, int) or draw <= 0 or draw > n else draw
    res = {s: [0.0, 0] for s in STRATEGIES}
    rng = random.Random(seed)
    for _ in range(runs):
        drawn = rng.sample(units, k) if k < n else units
        qs = [q for u in drawn for q in u["questions"] if isinstance(q, dict) and scored(q)]
        maxp = sum(points(q) for q in qs)
        if maxp <= 0:
            continue
        for s in STRATEGIES:
            got = sum(answer_and_score(q, s, rng) for q in qs)
            pct = got / maxp * 100
            res[s][0] += pct / 100
            if pct + 1e-9 >= pass_mark:
                res[s][1] += 1
    return {s: (v[0] / runs, v[1] / runs) for s, v in res.items()}


# ---------------------------------------------------------------- module report

def check_module(path, runs, seed, verbose):
    m = load(path)
    name = m.get("id", os.path.basename(path))
    title = text(m.get("title"))
    units = units_of(m)
    qs = [q for u in units for q in u["questions"] if isinstance(q, dict)]
    singles = [q for q in qs if q.get("type") == "single"]
    multis = [q for q in qs if q.get("type") == "multiple"]
    tfs = [q for q in qs if q.get("type") == "true-false"]
    shorts = [q for q in qs if q.get("type") == "short"]
    fails, warns, details = [], [], []

    # single choice
    if singles:
        kl = sum(key_longest_share(q) for q in singles) / len(singles)
        keys, dis = [], []
        for q in singles:
            for c in q.get("choices") or []:
                (keys if c.get("correct") is True else dis).append(tlen(c.get("text")))
        ratio = (sum(keys) / len(keys)) / (sum(dis) / len(dis)) if keys and dis else 1.0
        if kl > KEY_LONGEST_MAX + 1e-9:
            longest_ids = [q.get("id") for q in singles if key_longest_share(q) > 0]
            fails.append(f"key longest in {kl:.0%} of single items (> 40%): {', '.join(map(str, longest_ids))}")
        if not (RATIO_MIN <= ratio <= RATIO_MAX):
            fails.append(f"key/distractor length ratio {ratio:.2f} (outside 0.85-1.15)")
        if verbose:
            for q in singles:
                ks = [tlen(c.get("text")) for c in q.get("choices") or [] if c.get("correct") is True]
                ds = [tlen(c.get("text")) for c in q.get("choices") or [] if c.get("correct") is not True]
                details.append(f"  single {q.get('id')}: key {ks} distractors {ds}"
                               f"{'  KEY LONGEST' if key_longest_share(q) > 0 else ''}")
    else:
        kl, ratio = None, None

    # true/false
    tf_true = sum(1 for q in tfs if q.get("answer") is True)
    tf_share = tf_true / len(tfs) if tfs else None
    if len(tfs) >= TF_MIN_ITEMS and not (TF_MIN <= tf_share <= TF_MAX):
        fails.append(f"true/false {tf_true}/{len(tfs)} true ({tf_share:.0%}, outside 35-65%)")

    # multiple
    any_short_correct = False
    for q in multis:
        C, W, ta, abs_, sc = multiple_scores(q)
        any_short_correct |= sc
        if verbose:
            details.append(f"  multiple {q.get('id')}: {C} correct / {W} wrong; tick-all {ta:.0%}, "
                           f"all-but-shortest {abs_:.0%}{'  (shortest is correct)' if sc else ''}")
        if ta >= TICK_ALL_MAX - 1e-9:
            fails.append(f"multiple '{q.get('id')}': tick-all scores {ta:.0%} ({C} correct, {W} wrong; needs wrong > correct/2)")
        if abs_ >= TICK_ALL_MAX - 1e-9:
            warns.append(f"multiple '{q.get('id')}': all-but-shortest scores {abs_:.0%}")
    if len(multis) >= 2 and not any_short_correct:
        warns.append("the shortest option is never correct in a multiple item")

    # short answer
    for q in shorts:
        for p in short_giveaways(q, title):
            fails.append(f"short '{q.get('id')}': {p}")

    # "all/none of the above"
    for q in singles + multis:
        for c in q.get("choices") or []:
            if re.search(r"\b(all|none|both|neither) of the (above|these)\b", norm(c.get("text"))):
                warns.append(f"'{q.get('id')}' has an option '{text(c.get('text'))[:40]}'")

    # every module objective: a lesson that lists it and >= 2 scored questions citing it
    for o in m.get("objectives") or []:
        oid = o.get("id")
        nl = sum(1 for l in m.get("lessons") or [] if oid in (l.get("objectives") or []))
        nq = sum(1 for q in qs if q.get("objective") == oid and scored(q))
        if nl < 1 or nq < 2:
            fails.append(f"objective '{oid}': {nl} lesson(s), {nq} scored question(s) (need >= 1 and >= 2)")

    # law and numbers belong in the site file (sources: may name public law)
    for where, s in walk_text({k: v for k, v in m.items() if k != "sources"}):
        for pat, what in LAW_PATTERNS:
            for hit in re.finditer(pat, s, 0 if what == "a statute name" else re.I):
                warns.append(f"{where}: '{hit.group(0)}' looks like {what}; use a {{{{site.…}}}} fact or the principle")

    # placeholders must exist in every site file given
    for key in sorted(set(re.findall(r"\{\{\s*site\.([A-Za-z0-9_]+)\s*\}\}", yaml.safe_dump(m)))):
        for sname, sfacts in SITES.items():
            if sfacts is not None and key not in sfacts:
                fails.append(f"{{{{site.{key}}}}} is not a fact in {sname}")

    # lesson readability with each site's facts filled in (cares validate warns above grade 12)
    for lesson in m.get("lessons") or []:
        for sname, sfacts in SITES.items():
            if sfacts is None:
                continue
            g = reading_grade(fill(lesson.get("body"), sfacts))
            if g > MAX_GRADE:
                fails.append(f"lesson '{lesson.get('id')}' reads at grade {g:.1f} with {sname} (limit 12)")

    # pool and attempts
    draw = (m.get("quiz") or {}).get("draw")
    pool = len(units)
    if isinstance(draw, int) and draw > 0 and pool < 2 * draw:
        fails.append(f"pool {pool} units < 2 x draw {draw}")
    if "max_attempts" not in m:
        fails.append("no max_attempts")

    # audit
    res = audit(m, runs, seed)
    best_mean = max(res.items(), key=lambda kv: kv[1][0])
    best_pass = max(res.items(), key=lambda kv: kv[1][1])
    if best_mean[1][0] > MEAN_MAX + 1e-9:
        fails.append(f"strategy '{best_mean[0]}' mean {best_mean[1][0]:.0%} (> 50%)")
    if best_pass[1][1] > PASS_MAX + 1e-9:
        fails.append(f"strategy '{best_pass[0]}' passes {best_pass[1][1]:.1%} of attempts (> 5%)")

    row = {
        "module": name, "pool": pool, "draw": draw, "max_attempts": m.get("max_attempts"),
        "singles": len(singles), "kl": kl, "ratio": ratio,
        "tf": f"{tf_true}/{len(tfs)}" if tfs else "-",
        "multi": len(multis), "short": len(shorts), "res": res,
        "best_mean": best_mean, "best_pass": best_pass,
    }
    return row, fails, warns, details


def pct(x):
    return "-" if x is None else f"{x:.0%}"


def print_table(rows):
    hdr = f"{'module':34} {'pool/draw':>9} {'att':>3} {'keyLong':>7} {'ratio':>5} {'TF true':>7} " + \
          " ".join(f"{s[:8]:>8}" for s in STRATEGIES) + f" {'bestPass':>8}"
    print(hdr)
    print("-" * len(hdr))
    for r in rows:
        pd = f"{r['pool']}/{r['draw'] if r['draw'] else 'all'}"
        line = (f"{r['module'][:34]:34} {pd:>9} {str(r['max_attempts'] or '-'):>3} {pct(r['kl']):>7} "
                f"{('-' if r['ratio'] is None else format(r['ratio'], '.2f')):>5} {r['tf']:>7} ")
        line += " ".join(f"{r['res'][s][0]:>7.0%}{'*' if r['res'][s][1] > PASS_MAX else ' '}" for s in STRATEGIES)
        line += f" {r['best_pass'][1][1]:>7.1%}"
        print(line)
    print("(strategy columns: mean score; * = passes more than 5% of attempts; "
          "bestPass = highest pass probability of any strategy)")


# ---------------------------------------------------------------- duplicates

def tokens(s):
    s = re.sub(r"\{\{[^}]*\}\}", " ", text(s).lower())
    return {stem(w) for w in re.findall(r"[a-z0-9']+", s) if w not in STOP and len(w) > 1}


def stem(w):
    """A light stem, so that 'moved' and 'moving', 'border' and 'borders' match."""
    w = w.replace("'", "")
    for suf in ("ingly", "ing", "edly", "ed", "ies", "es", "s", "ly"):
        if w.endswith(suf) and len(w) - len(suf) >= 3:
            return w[: -len(suf)]
    return w


def key_text(q):
    """The right answer's words: key options, accepted answers, order items, pairs."""
    t = q.get("type")
    if t in ("single", "multiple"):
        return " ".join(text(c.get("text")) for c in q.get("choices") or [] if c.get("correct") is True)
    if t == "short":
        return " ".join(text(a) for a in q.get("accept") or [])
    if t == "order":
        return " ".join(text(i) for i in q.get("items") or [])
    if t == "matching":
        return " ".join(text(p.get("left")) + " " + text(p.get("right")) for p in q.get("pairs") or [])
    if t == "true-false":
        return "true" if q.get("answer") is True else "false"
    return ""


def duplicates(paths, threshold):
    entries = []
    for p in paths:
        m = load(p)
        mid = m.get("id", os.path.basename(p))
        for u in units_of(m):
            for q in u["questions"]:
                if isinstance(q, dict) and q.get("prompt"):
                    entries.append((f"{mid}:{q.get('id')}", tokens(q.get("prompt")),
                                    tokens(text(q.get("prompt")) + " " + key_text(q)), text(q.get("prompt"))))
    pairs = []
    for (a, ta, ka, pa), (b, tb, kb, pb) in itertools.combinations(entries, 2):
        j = 0.0
        if len(ta) >= 3 and len(tb) >= 3:
            j = len(ta & tb) / len(ta | tb)
        if len(ka) >= 5 and len(kb) >= 5:
            j = max(j, len(ka & kb) / len(ka | kb))
        if j >= min(threshold, LOOK_AT):
            pairs.append((j, a, b, pa, pb))
    pairs.sort(reverse=True)
    near = [x for x in pairs if x[0] >= threshold]
    look = [x for x in pairs if x[0] < threshold][:15]
    for title, group in (("Near-duplicates", near), ("Worth a look (lower similarity)", look)):
        if not group:
            continue
        print(f"{title}:")
        for j, a, b, pa, pb in group:
            print(f"{j:.2f}  {a}  ~  {b}")
            print(f"      {pa.strip()[:110]}")
            print(f"      {pb.strip()[:110]}")
    print(f"{len(near)} near-duplicate pair(s) at Jaccard >= {threshold} among {len(entries)} prompts")
    return 1 if near else 0


# ---------------------------------------------------------------- main

def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("paths", nargs="*", help="module files or folders (default: modules/)")
    ap.add_argument("--runs", type=int, default=1000, help="Monte-Carlo runs per module (default 1000)")
    ap.add_argument("--seed", type=int, default=15, help="random seed (default 15)")
    ap.add_argument("--verbose", "-v", action="store_true", help="per-item figures")
    ap.add_argument("--duplicates", action="store_true", help="list near-duplicate prompts across modules")
    ap.add_argument("--jaccard", type=float, default=0.6, help="duplicate threshold (default 0.6)")
    a = ap.parse_args()
    paths = module_files(a.paths)
    if not paths:
        sys.exit("content-check: no module files")
    if a.duplicates:
        return duplicates(paths, a.jaccard)
    load_sites(a.paths)
    rows, status = [], 0
    reports = []
    for p in paths:
        try:
            row, fails, warns, details = check_module(p, a.runs, a.seed, a.verbose)
        except Exception as e:  # a broken file must not hide the others
            print(f"{p}: cannot check: {e}")
            status = 1
            continue
        rows.append(row)
        reports.append((row["module"], fails, warns, details))
        if fails:
            status = 1
    print_table(rows)
    print()
    for mid, fails, warns, details in reports:
        if not (fails or warns or details):
            print(f"{mid}: OK")
            continue
        print(f"{mid}: {'FAIL' if fails else 'OK (warnings)'}")
        for f in fails:
            print(f"  FAIL  {f}")
        for w in warns:
            print(f"  warn  {w}")
        for d in details:
            print(d)
    return status


if __name__ == "__main__":
    sys.exit(main())
