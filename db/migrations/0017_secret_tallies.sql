CREATE TABLE "secret_tallies" (
	"session_id" uuid NOT NULL,
	"choice" text NOT NULL,
	"votes" integer NOT NULL,
	CONSTRAINT "secret_tallies_session_id_choice_pk" PRIMARY KEY("session_id","choice"),
	CONSTRAINT "secret_tallies_choice_check" CHECK (choice in ('for', 'against', 'abstain')),
	CONSTRAINT "secret_tallies_votes_check" CHECK (votes >= 0)
);
--> statement-breakpoint
ALTER TABLE "secret_tallies" ADD CONSTRAINT "secret_tallies_session_id_vote_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."vote_sessions"("id") ON DELETE cascade ON UPDATE no action;