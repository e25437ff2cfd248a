CREATE TABLE "resource_bookings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"resource_id" uuid NOT NULL,
	"organization_id" uuid NOT NULL,
	"requested_by" uuid,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	"status" text DEFAULT 'requested' NOT NULL,
	"reason" text,
	"decided_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "resource_bookings_status_check" CHECK (status in ('requested', 'confirmed', 'declined', 'cancelled')),
	CONSTRAINT "resource_bookings_range_check" CHECK (ends_at > starts_at)
);
--> statement-breakpoint
CREATE TABLE "shared_resources" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"name_bg" text NOT NULL,
	"name_en" text NOT NULL,
	"description_bg" text DEFAULT '' NOT NULL,
	"description_en" text DEFAULT '' NOT NULL,
	"location" text DEFAULT '' NOT NULL,
	"capacity" integer,
	"conditions" text NOT NULL,
	"fee_cents" integer,
	"fee_unit" text,
	"who_may_book" text DEFAULT 'members' NOT NULL,
	"min_notice_hours" integer DEFAULT 0 NOT NULL,
	"max_booking_hours" integer DEFAULT 8 NOT NULL,
	"opening_hours" jsonb NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "shared_resources_kind_check" CHECK (kind in ('lab', 'studio', 'equipment', 'meeting_space', 'expert_time')),
	CONSTRAINT "shared_resources_conditions_check" CHECK (conditions in ('free', 'cost_sharing', 'fee')),
	CONSTRAINT "shared_resources_fee_unit_check" CHECK (fee_unit in ('hour', 'half_day', 'day')),
	CONSTRAINT "shared_resources_who_check" CHECK (who_may_book in ('members', 'members_and_applicants')),
	CONSTRAINT "shared_resources_fee_check" CHECK ((conditions = 'fee') = (fee_cents is not null and fee_unit is not null) and (fee_cents is null or fee_cents > 0)),
	CONSTRAINT "shared_resources_rules_check" CHECK (min_notice_hours >= 0 and max_booking_hours > 0 and (capacity is null or capacity > 0))
);
--> statement-breakpoint
ALTER TABLE "resource_bookings" ADD CONSTRAINT "resource_bookings_resource_id_shared_resources_id_fk" FOREIGN KEY ("resource_id") REFERENCES "public"."shared_resources"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "resource_bookings" ADD CONSTRAINT "resource_bookings_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "resource_bookings" ADD CONSTRAINT "resource_bookings_requested_by_users_id_fk" FOREIGN KEY ("requested_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "resource_bookings" ADD CONSTRAINT "resource_bookings_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "shared_resources" ADD CONSTRAINT "shared_resources_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "resource_bookings_resource_idx" ON "resource_bookings" USING btree ("resource_id","starts_at");--> statement-breakpoint
CREATE INDEX "resource_bookings_organization_idx" ON "resource_bookings" USING btree ("organization_id","starts_at");--> statement-breakpoint
CREATE INDEX "shared_resources_organization_idx" ON "shared_resources" USING btree ("organization_id");