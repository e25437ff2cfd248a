-- Secret ballots cast before decision 013 kept each member's choice beside their name in `votes`.
-- Move them into the per-choice counts and forget who chose what (the member still shows as having voted).
INSERT INTO "secret_tallies" ("session_id", "choice", "votes")
SELECT v."session_id", v."choice", count(*)::int
FROM "votes" v JOIN "vote_sessions" s ON s."id" = v."session_id"
WHERE s."ballot" = 'secret' AND v."choice" IS NOT NULL
GROUP BY v."session_id", v."choice"
ON CONFLICT ("session_id", "choice") DO UPDATE SET "votes" = "secret_tallies"."votes" + excluded."votes";
--> statement-breakpoint
UPDATE "votes" v SET "choice" = NULL
FROM "vote_sessions" s
WHERE s."id" = v."session_id" AND s."ballot" = 'secret' AND v."choice" IS NOT NULL;
