CREATE TABLE "readiness_criteria" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"set_id" uuid NOT NULL,
	"code" text NOT NULL,
	"title_bg" text NOT NULL,
	"title_en" text NOT NULL,
	"guidance_bg" text DEFAULT '' NOT NULL,
	"guidance_en" text DEFAULT '' NOT NULL,
	"kind" text NOT NULL,
	"indicator_key" text,
	"indicator_param" text,
	"comparison" text,
	"green" double precision,
	"amber" double precision,
	"manual_status" text DEFAULT 'missing' NOT NULL,
	"manual_marked_by" uuid,
	"manual_marked_at" timestamp with time zone,
	"position" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "readiness_criteria_kind_check" CHECK (kind in ('rule', 'manual')),
	CONSTRAINT "readiness_criteria_manual_status_check" CHECK (manual_status in ('missing', 'partial', 'complete')),
	CONSTRAINT "readiness_criteria_comparison_check" CHECK (comparison is null or comparison in ('gte', 'lte')),
	CONSTRAINT "readiness_criteria_rule_check" CHECK (("readiness_criteria"."kind" = 'rule') = ("readiness_criteria"."indicator_key" is not null and "readiness_criteria"."comparison" is not null and "readiness_criteria"."green" is not null)
        and ("readiness_criteria"."kind" = 'rule' or ("readiness_criteria"."indicator_param" is null and "readiness_criteria"."amber" is null)))
);
--> statement-breakpoint
CREATE TABLE "readiness_evidence" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"criterion_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"title" text NOT NULL,
	"url" text,
	"decision_id" uuid,
	"file_name" text,
	"content_type" text,
	"size_bytes" integer,
	"content" "bytea",
	"added_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "readiness_evidence_kind_check" CHECK (kind in ('document', 'link', 'decision')),
	CONSTRAINT "readiness_evidence_shape_check" CHECK (("readiness_evidence"."kind" = 'link') = ("readiness_evidence"."url" is not null)
        and ("readiness_evidence"."kind" = 'decision') = ("readiness_evidence"."decision_id" is not null)
        and ("readiness_evidence"."kind" = 'document') = ("readiness_evidence"."content" is not null and "readiness_evidence"."file_name" is not null))
);
--> statement-breakpoint
CREATE TABLE "readiness_runs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"set_id" uuid NOT NULL,
	"ran_by" uuid,
	"ran_at" timestamp with time zone DEFAULT now() NOT NULL,
	"results" jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "readiness_sets" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"slug" text NOT NULL,
	"title_bg" text NOT NULL,
	"title_en" text NOT NULL,
	"description_bg" text DEFAULT '' NOT NULL,
	"description_en" text DEFAULT '' NOT NULL,
	"source_name" text DEFAULT '' NOT NULL,
	"source_url" text,
	"position" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
ALTER TABLE "readiness_criteria" ADD CONSTRAINT "readiness_criteria_set_id_readiness_sets_id_fk" FOREIGN KEY ("set_id") REFERENCES "public"."readiness_sets"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "readiness_criteria" ADD CONSTRAINT "readiness_criteria_manual_marked_by_users_id_fk" FOREIGN KEY ("manual_marked_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "readiness_evidence" ADD CONSTRAINT "readiness_evidence_criterion_id_readiness_criteria_id_fk" FOREIGN KEY ("criterion_id") REFERENCES "public"."readiness_criteria"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "readiness_evidence" ADD CONSTRAINT "readiness_evidence_decision_id_decisions_id_fk" FOREIGN KEY ("decision_id") REFERENCES "public"."decisions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "readiness_evidence" ADD CONSTRAINT "readiness_evidence_added_by_users_id_fk" FOREIGN KEY ("added_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "readiness_runs" ADD CONSTRAINT "readiness_runs_set_id_readiness_sets_id_fk" FOREIGN KEY ("set_id") REFERENCES "public"."readiness_sets"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "readiness_runs" ADD CONSTRAINT "readiness_runs_ran_by_users_id_fk" FOREIGN KEY ("ran_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "readiness_criteria_code_key" ON "readiness_criteria" USING btree ("set_id","code");--> statement-breakpoint
CREATE INDEX "readiness_criteria_set_idx" ON "readiness_criteria" USING btree ("set_id","position");--> statement-breakpoint
CREATE INDEX "readiness_evidence_criterion_idx" ON "readiness_evidence" USING btree ("criterion_id","created_at");--> statement-breakpoint
CREATE INDEX "readiness_evidence_decision_idx" ON "readiness_evidence" USING btree ("decision_id");--> statement-breakpoint
CREATE INDEX "readiness_runs_set_idx" ON "readiness_runs" USING btree ("set_id","ran_at");--> statement-breakpoint
CREATE UNIQUE INDEX "readiness_sets_slug_key" ON "readiness_sets" USING btree ("slug");