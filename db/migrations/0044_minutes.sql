CREATE TABLE "meeting_minutes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"meeting_id" uuid NOT NULL,
	"revision" integer NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"text_bg" text NOT NULL,
	"text_en" text DEFAULT '' NOT NULL,
	"correction_reason" text,
	"drafted_by" uuid,
	"approved_by" uuid,
	"approved_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "meeting_minutes_status_check" CHECK (status in ('draft', 'approved')),
	CONSTRAINT "meeting_minutes_approved_check" CHECK ((status = 'approved') = (approved_at is not null)),
	CONSTRAINT "meeting_minutes_reason_check" CHECK (revision = 1 or correction_reason is not null),
	CONSTRAINT "meeting_minutes_length_check" CHECK (length(text_bg) <= 200000 and length(text_en) <= 200000)
);
--> statement-breakpoint
CREATE TABLE "meeting_minutes_comments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"minutes_id" uuid NOT NULL,
	"author_id" uuid,
	"text" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "meeting_minutes_comments_length_check" CHECK (length(text) between 1 and 5000)
);
--> statement-breakpoint
ALTER TABLE "meeting_minutes" ADD CONSTRAINT "meeting_minutes_meeting_id_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."meetings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_minutes" ADD CONSTRAINT "meeting_minutes_drafted_by_users_id_fk" FOREIGN KEY ("drafted_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_minutes" ADD CONSTRAINT "meeting_minutes_approved_by_users_id_fk" FOREIGN KEY ("approved_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_minutes_comments" ADD CONSTRAINT "meeting_minutes_comments_minutes_id_meeting_minutes_id_fk" FOREIGN KEY ("minutes_id") REFERENCES "public"."meeting_minutes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_minutes_comments" ADD CONSTRAINT "meeting_minutes_comments_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "meeting_minutes_revision_key" ON "meeting_minutes" USING btree ("meeting_id","revision");--> statement-breakpoint
CREATE UNIQUE INDEX "meeting_minutes_one_draft_key" ON "meeting_minutes" USING btree ("meeting_id") WHERE status = 'draft';--> statement-breakpoint
CREATE INDEX "meeting_minutes_comments_minutes_idx" ON "meeting_minutes_comments" USING btree ("minutes_id","created_at");--> statement-breakpoint
CREATE INDEX "meeting_minutes_comments_author_idx" ON "meeting_minutes_comments" USING btree ("author_id");