CREATE TABLE "funding_call_documents" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"call_id" uuid NOT NULL,
	"name_bg" text NOT NULL,
	"name_en" text NOT NULL,
	"per_partner" boolean DEFAULT false NOT NULL,
	"position" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "funding_call_interests" (
	"call_id" uuid NOT NULL,
	"organization_id" uuid NOT NULL,
	"marked_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "funding_call_interests_call_id_organization_id_pk" PRIMARY KEY("call_id","organization_id")
);
--> statement-breakpoint
CREATE TABLE "funding_call_reminders" (
	"call_id" uuid NOT NULL,
	"organization_id" uuid NOT NULL,
	"days_before" integer NOT NULL,
	"sent_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "funding_call_reminders_call_id_organization_id_days_before_pk" PRIMARY KEY("call_id","organization_id","days_before"),
	CONSTRAINT "funding_call_reminders_days_check" CHECK (days_before in (30, 7, 1))
);
--> statement-breakpoint
CREATE TABLE "funding_calls" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"programme" text NOT NULL,
	"code" text NOT NULL,
	"title_bg" text NOT NULL,
	"title_en" text NOT NULL,
	"summary_bg" text DEFAULT '' NOT NULL,
	"summary_en" text DEFAULT '' NOT NULL,
	"opens_at" timestamp with time zone NOT NULL,
	"deadline_at" timestamp with time zone NOT NULL,
	"budget_cents" bigint,
	"eligible_kinds" text[] DEFAULT '{}'::text[] NOT NULL,
	"url" text,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "funding_calls_dates_check" CHECK (deadline_at > opens_at),
	CONSTRAINT "funding_calls_budget_check" CHECK (budget_cents is null or budget_cents >= 0),
	CONSTRAINT "funding_calls_kinds_check" CHECK (eligible_kinds <@ array['company', 'sole_trader', 'public_authority', 'university', 'research_institute', 'school', 'ngo', 'employers_organization', 'foreign_entity']::text[]),
	CONSTRAINT "funding_calls_url_check" CHECK (url is null or url ~ '^https?://')
);
--> statement-breakpoint
ALTER TABLE "funding_call_documents" ADD CONSTRAINT "funding_call_documents_call_id_funding_calls_id_fk" FOREIGN KEY ("call_id") REFERENCES "public"."funding_calls"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "funding_call_interests" ADD CONSTRAINT "funding_call_interests_call_id_funding_calls_id_fk" FOREIGN KEY ("call_id") REFERENCES "public"."funding_calls"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "funding_call_interests" ADD CONSTRAINT "funding_call_interests_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "funding_call_interests" ADD CONSTRAINT "funding_call_interests_marked_by_users_id_fk" FOREIGN KEY ("marked_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "funding_call_reminders" ADD CONSTRAINT "funding_call_reminders_call_id_funding_calls_id_fk" FOREIGN KEY ("call_id") REFERENCES "public"."funding_calls"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "funding_call_reminders" ADD CONSTRAINT "funding_call_reminders_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "funding_calls" ADD CONSTRAINT "funding_calls_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "funding_call_documents_call_idx" ON "funding_call_documents" USING btree ("call_id","position");--> statement-breakpoint
CREATE INDEX "funding_call_interests_organization_idx" ON "funding_call_interests" USING btree ("organization_id");--> statement-breakpoint
CREATE INDEX "funding_calls_deadline_idx" ON "funding_calls" USING btree ("deadline_at");