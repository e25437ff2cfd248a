CREATE TABLE "suggestion_dismissals" (
	"organization_id" uuid NOT NULL,
	"dismissed_id" uuid NOT NULL,
	"reason_kinds" text[] DEFAULT '{}'::text[] NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "suggestion_dismissals_organization_id_dismissed_id_pk" PRIMARY KEY("organization_id","dismissed_id"),
	CONSTRAINT "suggestion_dismissals_not_self_check" CHECK (organization_id <> dismissed_id),
	CONSTRAINT "suggestion_dismissals_kinds_check" CHECK (reason_kinds <@ array['offer_answers_request', 'same_funding_call', 'complementary_kind', 'shared_areas']::text[])
);
--> statement-breakpoint
ALTER TABLE "board_item_areas" ADD COLUMN "organization_id" uuid;--> statement-breakpoint
ALTER TABLE "board_item_areas" ADD COLUMN "item_kind" text;--> statement-breakpoint
ALTER TABLE "board_item_areas" ADD COLUMN "item_type" text;--> statement-breakpoint
ALTER TABLE "board_item_areas" ADD COLUMN "open_until" date;--> statement-breakpoint
ALTER TABLE "organization_areas" ADD COLUMN "active_member" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "organization_areas" ADD COLUMN "organization_kind" text;--> statement-breakpoint
ALTER TABLE "suggestion_dismissals" ADD CONSTRAINT "suggestion_dismissals_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "suggestion_dismissals" ADD CONSTRAINT "suggestion_dismissals_dismissed_id_organizations_id_fk" FOREIGN KEY ("dismissed_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "suggestion_dismissals_dismissed_idx" ON "suggestion_dismissals" USING btree ("dismissed_id");--> statement-breakpoint
CREATE INDEX "board_item_areas_open_match_idx" ON "board_item_areas" USING btree ("area_id","item_type","item_kind","open_until","organization_id","item_id") WHERE open_until is not null;--> statement-breakpoint
CREATE INDEX "organization_areas_member_match_idx" ON "organization_areas" USING btree ("area_id","organization_id","organization_kind") WHERE active_member;