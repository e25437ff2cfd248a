CREATE TABLE "meeting_agenda_items" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"meeting_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"kind" text DEFAULT 'text' NOT NULL,
	"title_bg" text NOT NULL,
	"title_en" text DEFAULT '' NOT NULL,
	"notes_bg" text DEFAULT '' NOT NULL,
	"notes_en" text DEFAULT '' NOT NULL,
	"application_id" uuid,
	"organization_id" uuid,
	"proposal" jsonb,
	"board_item_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "meeting_agenda_items_kind_check" CHECK (kind in ('text', 'application', 'membership', 'board_item')),
	CONSTRAINT "meeting_agenda_items_link_check" CHECK ((kind = 'application') = (application_id is not null)
        and (kind = 'membership') = (organization_id is not null and proposal is not null)
        and (kind = 'board_item' or board_item_id is null)),
	CONSTRAINT "meeting_agenda_items_title_check" CHECK (length(title_bg) between 1 and 300 and length(title_en) <= 300)
);
--> statement-breakpoint
CREATE TABLE "meeting_ballots" (
	"agenda_item_id" uuid NOT NULL,
	"participant_id" uuid NOT NULL,
	"choice" text NOT NULL,
	"cast_by" uuid,
	"cast_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "meeting_ballots_agenda_item_id_participant_id_pk" PRIMARY KEY("agenda_item_id","participant_id"),
	CONSTRAINT "meeting_ballots_choice_check" CHECK (choice in ('for', 'against', 'abstain'))
);
--> statement-breakpoint
CREATE TABLE "meeting_documents" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"meeting_id" uuid NOT NULL,
	"agenda_item_id" uuid,
	"filename" text NOT NULL,
	"size" integer NOT NULL,
	"sha256" text NOT NULL,
	"content" "bytea" NOT NULL,
	"uploaded_by" uuid,
	"uploaded_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "meeting_item_votes" (
	"agenda_item_id" uuid PRIMARY KEY NOT NULL,
	"meeting_id" uuid NOT NULL,
	"mode" text NOT NULL,
	"motion_bg" text NOT NULL,
	"motion_en" text DEFAULT '' NOT NULL,
	"votes_for" integer DEFAULT 0 NOT NULL,
	"votes_against" integer DEFAULT 0 NOT NULL,
	"abstentions" integer DEFAULT 0 NOT NULL,
	"eligible" integer DEFAULT 0 NOT NULL,
	"outcome" text,
	"opened_at" timestamp with time zone DEFAULT now() NOT NULL,
	"closed_at" timestamp with time zone,
	"recorded_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "meeting_item_votes_mode_check" CHECK (mode in ('tally', 'ballots')),
	CONSTRAINT "meeting_item_votes_counts_check" CHECK (votes_for >= 0 and votes_against >= 0 and abstentions >= 0
        and votes_for + votes_against + abstentions <= eligible),
	CONSTRAINT "meeting_item_votes_outcome_check" CHECK (outcome is null or outcome in ('approved', 'rejected', 'no_quorum')),
	CONSTRAINT "meeting_item_votes_closed_check" CHECK ((closed_at is null) = (outcome is null))
);
--> statement-breakpoint
CREATE TABLE "meeting_participants" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"meeting_id" uuid NOT NULL,
	"position_id" uuid,
	"organization_id" uuid,
	"user_id" uuid,
	"name" text NOT NULL,
	"invited_at" timestamp with time zone,
	"rsvp" text,
	"rsvp_proxy_id" uuid,
	"rsvp_at" timestamp with time zone,
	"rsvp_by" uuid,
	"attendance" text,
	"attendance_proxy_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "meeting_participants_seat_check" CHECK ((position_id is null) <> (organization_id is null)),
	CONSTRAINT "meeting_participants_rsvp_check" CHECK (rsvp is null or rsvp in ('yes', 'no', 'proxy')),
	CONSTRAINT "meeting_participants_attendance_check" CHECK (attendance is null or attendance in ('present', 'proxy', 'absent')),
	CONSTRAINT "meeting_participants_rsvp_proxy_check" CHECK ((rsvp = 'proxy') = (rsvp_proxy_id is not null)),
	CONSTRAINT "meeting_participants_attendance_proxy_check" CHECK ((attendance = 'proxy') = (attendance_proxy_id is not null)),
	CONSTRAINT "meeting_participants_not_own_proxy_check" CHECK (rsvp_proxy_id is distinct from id and attendance_proxy_id is distinct from id)
);
--> statement-breakpoint
CREATE TABLE "meetings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"body_id" uuid NOT NULL,
	"title_bg" text NOT NULL,
	"title_en" text DEFAULT '' NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	"place" text DEFAULT '' NOT NULL,
	"online_url" text,
	"status" text DEFAULT 'planned' NOT NULL,
	"quorum" text NOT NULL,
	"majority" text NOT NULL,
	"allows_proxy" boolean NOT NULL,
	"minutes_visibility" text DEFAULT 'members' NOT NULL,
	"sequence" integer DEFAULT 0 NOT NULL,
	"invited_at" timestamp with time zone,
	"reminded_at" timestamp with time zone,
	"held_at" timestamp with time zone,
	"cancelled_at" timestamp with time zone,
	"cancel_reason" text,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "meetings_status_check" CHECK (status in ('planned', 'invited', 'held', 'minutes_approved', 'cancelled')),
	CONSTRAINT "meetings_quorum_check" CHECK (quorum in ('more_than_half', 'two_thirds', 'all')),
	CONSTRAINT "meetings_majority_check" CHECK (majority in ('simple', 'two_thirds', 'unanimous')),
	CONSTRAINT "meetings_minutes_visibility_check" CHECK (minutes_visibility in ('public', 'members')),
	CONSTRAINT "meetings_time_check" CHECK ("meetings"."ends_at" > "meetings"."starts_at"),
	CONSTRAINT "meetings_cancelled_check" CHECK ((status = 'cancelled') = (cancelled_at is not null)),
	CONSTRAINT "meetings_title_length_check" CHECK (length(title_bg) between 1 and 200 and length(title_en) <= 200)
);
--> statement-breakpoint
ALTER TABLE "decisions" DROP CONSTRAINT "decisions_subject_check";--> statement-breakpoint
ALTER TABLE "decisions" ADD COLUMN "meeting_id" uuid;--> statement-breakpoint
ALTER TABLE "decisions" ADD COLUMN "agenda_item_id" uuid;--> statement-breakpoint
ALTER TABLE "meeting_agenda_items" ADD CONSTRAINT "meeting_agenda_items_meeting_id_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."meetings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_agenda_items" ADD CONSTRAINT "meeting_agenda_items_application_id_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."applications"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_agenda_items" ADD CONSTRAINT "meeting_agenda_items_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_agenda_items" ADD CONSTRAINT "meeting_agenda_items_board_item_id_board_items_id_fk" FOREIGN KEY ("board_item_id") REFERENCES "public"."board_items"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_ballots" ADD CONSTRAINT "meeting_ballots_agenda_item_id_meeting_item_votes_agenda_item_id_fk" FOREIGN KEY ("agenda_item_id") REFERENCES "public"."meeting_item_votes"("agenda_item_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_ballots" ADD CONSTRAINT "meeting_ballots_participant_id_meeting_participants_id_fk" FOREIGN KEY ("participant_id") REFERENCES "public"."meeting_participants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_ballots" ADD CONSTRAINT "meeting_ballots_cast_by_users_id_fk" FOREIGN KEY ("cast_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_documents" ADD CONSTRAINT "meeting_documents_meeting_id_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."meetings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_documents" ADD CONSTRAINT "meeting_documents_agenda_item_id_meeting_agenda_items_id_fk" FOREIGN KEY ("agenda_item_id") REFERENCES "public"."meeting_agenda_items"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_documents" ADD CONSTRAINT "meeting_documents_uploaded_by_users_id_fk" FOREIGN KEY ("uploaded_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_item_votes" ADD CONSTRAINT "meeting_item_votes_agenda_item_id_meeting_agenda_items_id_fk" FOREIGN KEY ("agenda_item_id") REFERENCES "public"."meeting_agenda_items"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_item_votes" ADD CONSTRAINT "meeting_item_votes_meeting_id_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."meetings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_item_votes" ADD CONSTRAINT "meeting_item_votes_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_participants" ADD CONSTRAINT "meeting_participants_meeting_id_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."meetings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_participants" ADD CONSTRAINT "meeting_participants_position_id_body_positions_id_fk" FOREIGN KEY ("position_id") REFERENCES "public"."body_positions"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_participants" ADD CONSTRAINT "meeting_participants_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_participants" ADD CONSTRAINT "meeting_participants_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_participants" ADD CONSTRAINT "meeting_participants_rsvp_proxy_id_meeting_participants_id_fk" FOREIGN KEY ("rsvp_proxy_id") REFERENCES "public"."meeting_participants"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_participants" ADD CONSTRAINT "meeting_participants_rsvp_by_users_id_fk" FOREIGN KEY ("rsvp_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_participants" ADD CONSTRAINT "meeting_participants_attendance_proxy_id_meeting_participants_id_fk" FOREIGN KEY ("attendance_proxy_id") REFERENCES "public"."meeting_participants"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meetings" ADD CONSTRAINT "meetings_body_id_governing_bodies_id_fk" FOREIGN KEY ("body_id") REFERENCES "public"."governing_bodies"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meetings" ADD CONSTRAINT "meetings_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "meeting_agenda_items_meeting_idx" ON "meeting_agenda_items" USING btree ("meeting_id","position");--> statement-breakpoint
CREATE INDEX "meeting_agenda_items_application_idx" ON "meeting_agenda_items" USING btree ("application_id");--> statement-breakpoint
CREATE INDEX "meeting_documents_meeting_idx" ON "meeting_documents" USING btree ("meeting_id");--> statement-breakpoint
CREATE INDEX "meeting_item_votes_meeting_idx" ON "meeting_item_votes" USING btree ("meeting_id");--> statement-breakpoint
CREATE UNIQUE INDEX "meeting_participants_position_key" ON "meeting_participants" USING btree ("meeting_id","position_id");--> statement-breakpoint
CREATE UNIQUE INDEX "meeting_participants_organization_key" ON "meeting_participants" USING btree ("meeting_id","organization_id");--> statement-breakpoint
CREATE INDEX "meeting_participants_user_idx" ON "meeting_participants" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "meetings_body_idx" ON "meetings" USING btree ("body_id","starts_at");--> statement-breakpoint
CREATE INDEX "meetings_starts_idx" ON "meetings" USING btree ("starts_at");--> statement-breakpoint
ALTER TABLE "decisions" ADD CONSTRAINT "decisions_meeting_id_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."meetings"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "decisions" ADD CONSTRAINT "decisions_agenda_item_id_meeting_agenda_items_id_fk" FOREIGN KEY ("agenda_item_id") REFERENCES "public"."meeting_agenda_items"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "decisions_agenda_item_key" ON "decisions" USING btree ("agenda_item_id");--> statement-breakpoint
ALTER TABLE "decisions" ADD CONSTRAINT "decisions_meeting_check" CHECK ((meeting_id is null) = (agenda_item_id is null));--> statement-breakpoint
ALTER TABLE "decisions" ADD CONSTRAINT "decisions_meeting_subject_check" CHECK (subject <> 'meeting' or meeting_id is not null);--> statement-breakpoint
ALTER TABLE "decisions" ADD CONSTRAINT "decisions_subject_check" CHECK (subject in ('admission', 'membership', 'meeting'));