CREATE TABLE "board_item_areas" (
	"item_id" uuid NOT NULL,
	"area_id" text NOT NULL,
	CONSTRAINT "board_item_areas_item_id_area_id_pk" PRIMARY KEY("item_id","area_id")
);
--> statement-breakpoint
CREATE TABLE "board_item_revisions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"item_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"content" jsonb NOT NULL,
	"edited_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "board_items" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"type" text NOT NULL,
	"title_bg" text DEFAULT '' NOT NULL,
	"title_en" text DEFAULT '' NOT NULL,
	"description_bg" text DEFAULT '' NOT NULL,
	"description_en" text DEFAULT '' NOT NULL,
	"nace_code" text,
	"valid_until" date,
	"visibility" text DEFAULT 'members' NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"close_outcome" text,
	"close_note" text,
	"published_at" timestamp with time zone,
	"closed_at" timestamp with time zone,
	"created_by" uuid,
	"search_text" text GENERATED ALWAYS AS (lower(portal_unaccent(title_bg || ' ' || title_en || ' ' || description_bg || ' ' || description_en))) STORED,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "board_items_kind_check" CHECK (kind in ('offer', 'request')),
	CONSTRAINT "board_items_type_check" CHECK (type in ('infrastructure', 'information', 'people', 'joint_project', 'services', 'other')),
	CONSTRAINT "board_items_visibility_check" CHECK (visibility in ('members', 'public')),
	CONSTRAINT "board_items_status_check" CHECK (status in ('draft', 'published', 'closed', 'expired')),
	CONSTRAINT "board_items_outcome_check" CHECK ((status = 'closed') = (close_outcome is not null) and (close_outcome is null or close_outcome in ('partnership_formed', 'no_longer_needed', 'other'))),
	CONSTRAINT "board_items_published_dated_check" CHECK (status = 'draft' or valid_until is not null),
	CONSTRAINT "board_items_title_length_check" CHECK (length(title_bg) <= 200 and length(title_en) <= 200),
	CONSTRAINT "board_items_description_length_check" CHECK (length(description_bg) <= 5000 and length(description_en) <= 5000)
);
--> statement-breakpoint
ALTER TABLE "board_item_areas" ADD CONSTRAINT "board_item_areas_item_id_board_items_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."board_items"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "board_item_areas" ADD CONSTRAINT "board_item_areas_area_id_areas_id_fk" FOREIGN KEY ("area_id") REFERENCES "public"."areas"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "board_item_revisions" ADD CONSTRAINT "board_item_revisions_item_id_board_items_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."board_items"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "board_item_revisions" ADD CONSTRAINT "board_item_revisions_edited_by_users_id_fk" FOREIGN KEY ("edited_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "board_items" ADD CONSTRAINT "board_items_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "board_items" ADD CONSTRAINT "board_items_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "board_item_areas_area_idx" ON "board_item_areas" USING btree ("area_id");--> statement-breakpoint
CREATE INDEX "board_item_revisions_item_idx" ON "board_item_revisions" USING btree ("item_id","version");--> statement-breakpoint
CREATE INDEX "board_items_organization_idx" ON "board_items" USING btree ("organization_id","created_at");--> statement-breakpoint
CREATE INDEX "board_items_published_idx" ON "board_items" USING btree ("published_at" DESC NULLS LAST) WHERE status = 'published';--> statement-breakpoint
CREATE INDEX "board_items_ending_idx" ON "board_items" USING btree ("valid_until") WHERE status = 'published';--> statement-breakpoint
CREATE INDEX "board_items_search_trgm_idx" ON "board_items" USING gin ("search_text" gin_trgm_ops);