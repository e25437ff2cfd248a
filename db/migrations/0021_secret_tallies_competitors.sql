CREATE TABLE "organization_competitors" (
	"organization_id" uuid NOT NULL,
	"competitor_eik" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "organization_competitors_organization_id_competitor_eik_pk" PRIMARY KEY("organization_id","competitor_eik")
);
--> statement-breakpoint
CREATE TABLE "secret_tallies" (
	"session_id" uuid NOT NULL,
	"choice" text NOT NULL,
	"votes" integer NOT NULL,
	CONSTRAINT "secret_tallies_session_id_choice_pk" PRIMARY KEY("session_id","choice"),
	CONSTRAINT "secret_tallies_choice_check" CHECK (choice in ('for', 'against', 'abstain')),
	CONSTRAINT "secret_tallies_votes_check" CHECK (votes >= 0)
);
--> statement-breakpoint
ALTER TABLE "organization_competitors" ADD CONSTRAINT "organization_competitors_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "secret_tallies" ADD CONSTRAINT "secret_tallies_session_id_vote_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."vote_sessions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "organization_competitors_eik_idx" ON "organization_competitors" USING btree ("competitor_eik");