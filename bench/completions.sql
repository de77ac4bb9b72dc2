-- The completions report in plain SQL, for `sqlite3 -csv -header` (figure 2 of bench/run).
-- It gives the same rows as `cares report completions --format csv` on a store where every
-- module has one version, no site requirements and no grants (what cares-bench generates):
-- one row per active learner × module, with the status rules of docs/records.md.
WITH modules AS (
    SELECT module_id, version, title, valid_for_days, max_attempts
    FROM module_versions m
    WHERE rowid = (SELECT MAX(rowid) FROM module_versions n WHERE n.module_id = m.module_id)
),
last_passes AS (
    -- The pass that started last (SQLite gives the bare column from the row with the maximum).
    SELECT learner_id, module_id, MAX(started_at) AS started, finished_at AS last_pass
    FROM attempts WHERE status = 'passed'
    GROUP BY learner_id, module_id
),
summary AS (
    SELECT learner_id, module_id,
           MAX(CASE WHEN status IN ('passed', 'failed') THEN score_percent END) AS best,
           MAX(status = 'failed') AS any_failed,
           MAX(status = 'in_progress') AS any_open
    FROM attempts
    GROUP BY learner_id, module_id
),
standing AS (
    SELECT l.id, l.name, l.department, l.role, m.module_id, m.title, m.version, m.valid_for_days, m.max_attempts,
           p.last_pass, s.best, s.any_failed, s.any_open,
           CASE WHEN p.last_pass IS NULL THEN NULL
                ELSE datetime(p.last_pass, '+' || m.valid_for_days || ' days') END AS expires,
           p.last_pass IS NOT NULL
               AND datetime(p.last_pass, '+' || m.valid_for_days || ' days') > datetime('now') AS valid
    FROM learners l
    CROSS JOIN modules m
    LEFT JOIN summary s ON s.learner_id = l.id AND s.module_id = m.module_id
    LEFT JOIN last_passes p ON p.learner_id = l.id AND p.module_id = m.module_id
    WHERE l.is_active
)
SELECT id AS learner_id, name AS learner_name, department, role, module_id, title AS module_title,
       CASE WHEN valid THEN 'passed'
            WHEN any_open THEN 'in_progress'
            WHEN last_pass IS NOT NULL THEN 'expired'
            WHEN any_failed THEN 'failed'
            ELSE 'not_started' END AS status,
       CASE WHEN best IS NOT NULL THEN printf('%g', best) END AS best_score,
       strftime('%Y-%m-%dT%H:%M:%S+00:00', last_pass) AS passed_at,
       CASE WHEN last_pass IS NOT NULL THEN version END AS module_version,
       version AS current_version,
       strftime('%Y-%m-%dT%H:%M:%S+00:00', expires) AS expires_at,
       CASE WHEN valid THEN 0
            ELSE (SELECT COUNT(*) FROM attempts a
                  WHERE a.learner_id = standing.id AND a.module_id = standing.module_id
                    AND a.status IN ('passed', 'failed')
                    AND (expires IS NULL OR a.started_at >= strftime('%Y-%m-%d %H:%M:%f', expires))) END AS attempts_used,
       max_attempts AS attempts_allowed
FROM standing
ORDER BY id, module_id;
