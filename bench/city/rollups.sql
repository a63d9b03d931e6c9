-- The ward rollups (WardDailyCounts, WardMonthMembers, WardMonthCounts) of a generated city, in one set-based pass: what the site's
-- `rebuild-stats` (src/HoaHung.Learning/WardStats/WardStatsRebuild.cs) computes row by row, with the same rules:
-- ward days in Asia/Ho_Chi_Minh, khu phố trimmed and cut to 100 characters ('' when none), completions counted as
-- lessons (and quizzes for quiz lessons), learners active per month and per month and topic, classes per month from
-- their sessions, attendances present or late (0, 1), certificates, accounts. Zero rows are left out, as
-- rebuild-stats leaves them out. Checked against rebuild-stats on a city of 5,000 learners and 250,000 progress rows
-- (bench/README.md, "City"): the same 134,895 count rows and the same member rows, EXCEPT both ways empty.
-- WardMonthCounts is the daily rows added up by month, with an all-topics row for lessons and quizzes (the same SQL
-- as the WardMonthCounts migration's fill; rebuild-stats derives it the same way, WardStatsWriter's MonthKey).
-- rebuild-stats itself holds every member row in memory and inserts through EF: minutes for that small city, far
-- too long for 25 million progress rows (bench/results/city.md).
BEGIN;
DELETE FROM "WardDailyCounts";
DELETE FROM "WardMonthMembers";
DELETE FROM "WardMonthCounts";
CREATE TEMP TABLE people ON COMMIT DROP AS
  SELECT "Id", left(btrim(coalesce("Neighbourhood", '')), 100) AS nb FROM "AspNetUsers";
CREATE INDEX ON people ("Id");
CREATE TEMP TABLE done ON COMMIT DROP AS
  SELECT (p."CompletedAt" AT TIME ZONE 'Asia/Ho_Chi_Minh')::date AS day, coalesce(u.nb, '') AS nb, t."Slug" AS topic,
         l."Type" = 'Quiz' AS quiz, p."UserId" AS uid
  FROM "LessonProgress" p
  JOIN "Lessons" l ON l."Id" = p."LessonId"
  JOIN "Topics" t ON t."Id" = l."TopicId"
  LEFT JOIN people u ON u."Id" = p."UserId"
  WHERE p."CompletedAt" IS NOT NULL;
INSERT INTO "WardMonthMembers" ("Month", "Kind", "Key", "Topic", "Neighbourhood", "Events")
  SELECT date_trunc('month', day)::date, 'learner', uid, '', min(nb), count(*) FROM done GROUP BY 1, 3
  UNION ALL
  SELECT date_trunc('month', day)::date, 'learner', uid, topic, min(nb), count(*) FROM done GROUP BY 1, 3, 4
  UNION ALL
  SELECT date_trunc('month', (s."StartsAt" AT TIME ZONE 'Asia/Ho_Chi_Minh'))::date, 'class', s."ClassId"::text, '',
         min(left(btrim(coalesce(c."Neighbourhood", '')), 100)), count(*)
  FROM "ClassSessions" s JOIN "Classes" c ON c."Id" = s."ClassId" GROUP BY 1, 3;
INSERT INTO "WardDailyCounts" ("Day", "Neighbourhood", "Topic", "Measure", "Count")
  SELECT day, nb, topic, measure, sum(n) FROM (
    SELECT ("CreatedAt" AT TIME ZONE 'Asia/Ho_Chi_Minh')::date AS day, left(btrim(coalesce("Neighbourhood", '')), 100) AS nb,
           '' AS topic, 'accounts' AS measure, count(*) AS n FROM "AspNetUsers" GROUP BY 1, 2
    UNION ALL SELECT day, nb, topic, 'lessons', count(*) FROM done GROUP BY 1, 2, 3
    UNION ALL SELECT day, nb, topic, 'quizzes', count(*) FROM done WHERE quiz GROUP BY 1, 2, 3
    UNION ALL SELECT (c."IssuedAt" AT TIME ZONE 'Asia/Ho_Chi_Minh')::date, coalesce(u.nb, ''), '', 'certificates', count(*)
      FROM "Certificate" c LEFT JOIN people u ON u."Id" = c."UserId" GROUP BY 1, 2
    UNION ALL SELECT (s."StartsAt" AT TIME ZONE 'Asia/Ho_Chi_Minh')::date, left(btrim(coalesce(c."Neighbourhood", '')), 100), '', 'sessions', count(*)
      FROM "ClassSessions" s JOIN "Classes" c ON c."Id" = s."ClassId" GROUP BY 1, 2
    UNION ALL SELECT (s."StartsAt" AT TIME ZONE 'Asia/Ho_Chi_Minh')::date, left(btrim(coalesce(c."Neighbourhood", '')), 100), '', 'attendances', count(*)
      FROM "AttendanceMarks" a JOIN "ClassSessions" s ON s."Id" = a."SessionId" JOIN "Classes" c ON c."Id" = s."ClassId"
      WHERE a."Status" IN (0, 1) GROUP BY 1, 2
    UNION ALL SELECT "Month", "Neighbourhood", "Topic", CASE WHEN "Kind" = 'learner' THEN 'active' ELSE 'classes' END, count(*)
      FROM "WardMonthMembers" GROUP BY 1, 2, 3, 4
  ) x GROUP BY 1, 2, 3, 4;
INSERT INTO "WardMonthCounts" ("Month", "Neighbourhood", "Topic", "Measure", "Count")
  SELECT month, "Neighbourhood", topic, "Measure", sum("Count") FROM (
    SELECT date_trunc('month', "Day")::date AS month, "Neighbourhood", "Topic" AS topic, "Measure", "Count" FROM "WardDailyCounts"
    UNION ALL
    SELECT date_trunc('month', "Day")::date, "Neighbourhood", '', "Measure", "Count" FROM "WardDailyCounts"
    WHERE "Measure" IN ('lessons', 'quizzes') AND "Topic" <> ''
  ) d GROUP BY 1, 2, 3, 4 HAVING sum("Count") <> 0;
COMMIT;
