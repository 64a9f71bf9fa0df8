-- The engine floor of the full-year audit (issue 7, baseline 3): the SQL aggregates the learning-org rules
-- need for every member and branch of the organ, run alone through better-sqlite3 in one process — no
-- rule logic, no evidence ids, no rendering. bench/auditFloor.js runs each statement (:from, :to bound to
-- the audited year ± a week, as the audit loads it) and reads every result row.

-- The roll: on-roll and leadership intervals.
SELECT id, branch_id, leader, leader_from, leader_to, on_roll_from, on_roll_left FROM members;

-- P1-daily: self-study hours and days with notes, per member and month.
SELECT member_id, substr(date, 1, 7) AS month, sum(hours), count(DISTINCT CASE WHEN notes THEN date END)
FROM self_study WHERE date >= :from AND date < :to GROUP BY member_id, month;

-- Sign-ins by member, session type and ISO week / month / quarter (P2 lectures, L1 collective study and
-- rate, P3 reading exchanges, L4 retreats, S5 assessments).
SELECT a.member_id, s.type, strftime('%Y-%j', s.date, '-3 days', 'weekday 4') AS iso_thursday, substr(s.date, 1, 7) AS month,
       sum(a.status IN ('present', 'late')), sum(a.status = 'excused'), count(*)
FROM attendance a JOIN sessions s ON s.id = a.session_id WHERE s.date >= :from AND s.date < :to
GROUP BY a.member_id, s.type, iso_thursday, month;

-- P2-weekly: lectures logged, per member and ISO week.
SELECT member_id, strftime('%Y-%j', date, '-3 days', 'weekday 4') AS iso_thursday, count(*)
FROM lectures WHERE date >= :from AND date < :to GROUP BY member_id, iso_thursday;

-- P3 / L1-books: distinct books finished per member, quarter and category.
SELECT r.member_id, substr(r.finished, 1, 7) AS month, b.category, count(DISTINCT r.book_id)
FROM readings r JOIN books b ON b.id = r.book_id WHERE r.finished >= :from AND r.finished < :to
GROUP BY r.member_id, month, b.category;

-- P3: reading exchanges logged, per member and month.
SELECT member_id, substr(date, 1, 7) AS month, count(*) FROM exchanges WHERE date >= :from AND date < :to GROUP BY member_id, month;

-- P4 / L3-reports: writings per member, month and kind.
SELECT member_id, substr(date, 1, 7) AS month, kind, count(*), sum(chars >= 1500)
FROM writings WHERE date >= :from AND date < :to GROUP BY member_id, month, kind;

-- L2: talks per member and kind; L3-days: research days per member.
SELECT member_id, kind, count(*) FROM talks WHERE date >= :from AND date < :to GROUP BY member_id, kind;
SELECT member_id, substr(date_from, 1, 7) AS month, sum(days) FROM research WHERE date_to >= :from AND date_from < :to GROUP BY member_id, month;

-- P5: trainings and exams per member.
SELECT member_id, count(*) FROM trainings WHERE date_to >= :from AND date_from < :to GROUP BY member_id;
SELECT member_id, substr(date, 1, 7) AS month, count(*) FROM exams WHERE date >= :from AND date < :to GROUP BY member_id, month;

-- B1–B4 and the attendance-rate denominators: sessions per branch, type and month.
SELECT branch_id, type, substr(date, 1, 7) AS month, count(*) FROM sessions WHERE date >= :from AND date < :to GROUP BY branch_id, type, month;
