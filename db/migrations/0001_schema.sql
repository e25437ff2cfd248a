CREATE TABLE "areas" (
	"id" text PRIMARY KEY NOT NULL,
	"parent_id" text,
	"name_bg" text NOT NULL,
	"name_en" text NOT NULL,
	"is_priority" boolean DEFAULT false NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "areas_id_slug" CHECK ("areas"."id" ~ '^[a-z][a-z0-9-]{0,62}$')
);
--> statement-breakpoint
CREATE TABLE "cluster_settings" (
	"id" integer PRIMARY KEY DEFAULT 1 NOT NULL,
	"name_bg" text NOT NULL,
	"name_en" text NOT NULL,
	"tagline_bg" text DEFAULT '' NOT NULL,
	"tagline_en" text DEFAULT '' NOT NULL,
	"mission_bg" text DEFAULT '' NOT NULL,
	"mission_en" text DEFAULT '' NOT NULL,
	"strategy_bg" text DEFAULT '' NOT NULL,
	"strategy_en" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "cluster_settings_single_row" CHECK ("cluster_settings"."id" = 1)
);
--> statement-breakpoint
CREATE TABLE "memberships" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"category" text NOT NULL,
	"status" text NOT NULL,
	"member_since" date,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "memberships_category_check" CHECK (category in ('candidate', 'regular', 'associated', 'engaged')),
	CONSTRAINT "memberships_status_check" CHECK (status in ('active', 'suspended', 'withdrawn', 'excluded'))
);
--> statement-breakpoint
CREATE TABLE "organization_areas" (
	"organization_id" uuid NOT NULL,
	"area_id" text NOT NULL,
	CONSTRAINT "organization_areas_organization_id_area_id_pk" PRIMARY KEY("organization_id","area_id")
);
--> statement-breakpoint
CREATE TABLE "organizations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"eik" text NOT NULL,
	"name_bg" text NOT NULL,
	"name_en" text NOT NULL,
	"kind" text NOT NULL,
	"employees" integer,
	"size_class" text GENERATED ALWAYS AS (case when employees is null then null when employees < 10 then 'micro' when employees < 50 then 'small' when employees < 250 then 'medium' else 'large' end) STORED,
	"founded_year" integer,
	"city" text,
	"address" text,
	"website" text,
	"public_email" text,
	"public_phone" text,
	"description_bg" text DEFAULT '' NOT NULL,
	"description_en" text DEFAULT '' NOT NULL,
	"nace_codes" text[] DEFAULT '{}'::text[] NOT NULL,
	"search_text" text GENERATED ALWAYS AS (lower(portal_unaccent(name_bg || ' ' || name_en || ' ' || description_bg || ' ' || description_en))) STORED,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "organizations_kind_check" CHECK (kind in ('company', 'sole_trader', 'public_authority', 'university', 'research_institute', 'school', 'ngo', 'employers_organization', 'foreign_entity')),
	CONSTRAINT "organizations_employees_check" CHECK ("organizations"."employees" is null or "organizations"."employees" >= 0)
);
--> statement-breakpoint
ALTER TABLE "areas" ADD CONSTRAINT "areas_parent_id_areas_id_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."areas"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "memberships" ADD CONSTRAINT "memberships_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "organization_areas" ADD CONSTRAINT "organization_areas_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "organization_areas" ADD CONSTRAINT "organization_areas_area_id_areas_id_fk" FOREIGN KEY ("area_id") REFERENCES "public"."areas"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "areas_parent_idx" ON "areas" USING btree ("parent_id");--> statement-breakpoint
CREATE UNIQUE INDEX "memberships_organization_key" ON "memberships" USING btree ("organization_id");--> statement-breakpoint
CREATE INDEX "memberships_listed_idx" ON "memberships" USING btree ("organization_id") WHERE status = 'active' and category <> 'candidate';--> statement-breakpoint
CREATE INDEX "memberships_member_since_idx" ON "memberships" USING btree ("member_since");--> statement-breakpoint
CREATE INDEX "organization_areas_area_idx" ON "organization_areas" USING btree ("area_id");--> statement-breakpoint
CREATE UNIQUE INDEX "organizations_eik_key" ON "organizations" USING btree ("eik");--> statement-breakpoint
CREATE INDEX "organizations_search_trgm_idx" ON "organizations" USING gin ("search_text" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "organizations_name_bg_idx" ON "organizations" USING btree ("name_bg" collate portal_bg);--> statement-breakpoint
CREATE INDEX "organizations_kind_idx" ON "organizations" USING btree ("kind");--> statement-breakpoint
CREATE INDEX "organizations_size_class_idx" ON "organizations" USING btree ("size_class");