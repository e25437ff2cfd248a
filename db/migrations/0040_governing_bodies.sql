CREATE TABLE "body_positions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"body_id" uuid NOT NULL,
	"position" text NOT NULL,
	"user_id" uuid,
	"person_name" text,
	"holder_erased_at" timestamp with time zone,
	"starts_on" date NOT NULL,
	"ends_on" date,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "body_positions_position_check" CHECK (position in ('chair', 'deputy_chair', 'secretary', 'member')),
	CONSTRAINT "body_positions_term_check" CHECK ("body_positions"."ends_on" is null or "body_positions"."ends_on" >= "body_positions"."starts_on"),
	CONSTRAINT "body_positions_holder_check" CHECK (("body_positions"."user_id" is not null)::int + ("body_positions"."person_name" is not null)::int + ("body_positions"."holder_erased_at" is not null)::int = 1)
);
--> statement-breakpoint
CREATE TABLE "governing_bodies" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"kind" text NOT NULL,
	"name_bg" text NOT NULL,
	"name_en" text NOT NULL,
	"description_bg" text DEFAULT '' NOT NULL,
	"description_en" text DEFAULT '' NOT NULL,
	"quorum" text DEFAULT 'more_than_half' NOT NULL,
	"majority" text DEFAULT 'simple' NOT NULL,
	"allows_proxy" boolean DEFAULT false NOT NULL,
	"reviews_applications" boolean DEFAULT false NOT NULL,
	"founded_on" date,
	"dissolved_on" date,
	"sort_order" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "governing_bodies_kind_check" CHECK (kind in ('initiative_committee', 'general_assembly', 'management_board', 'control_board', 'working_group')),
	CONSTRAINT "governing_bodies_quorum_check" CHECK (quorum in ('more_than_half', 'two_thirds', 'all')),
	CONSTRAINT "governing_bodies_majority_check" CHECK (majority in ('simple', 'two_thirds', 'unanimous')),
	CONSTRAINT "governing_bodies_dissolved_check" CHECK ("governing_bodies"."dissolved_on" is null or ("governing_bodies"."founded_on" is not null and "governing_bodies"."dissolved_on" >= "governing_bodies"."founded_on"))
);
--> statement-breakpoint
ALTER TABLE "body_positions" ADD CONSTRAINT "body_positions_body_id_governing_bodies_id_fk" FOREIGN KEY ("body_id") REFERENCES "public"."governing_bodies"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "body_positions" ADD CONSTRAINT "body_positions_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "body_positions_body_idx" ON "body_positions" USING btree ("body_id","starts_on");--> statement-breakpoint
CREATE INDEX "body_positions_user_idx" ON "body_positions" USING btree ("user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "governing_bodies_reviewing_key" ON "governing_bodies" USING btree ("reviews_applications") WHERE "governing_bodies"."reviews_applications";