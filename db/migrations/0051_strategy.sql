CREATE TABLE "strategy_goals" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"kind" text NOT NULL,
	"area_id" text,
	"title_bg" text NOT NULL,
	"title_en" text NOT NULL,
	"description_bg" text DEFAULT '' NOT NULL,
	"description_en" text DEFAULT '' NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "strategy_goals_kind_check" CHECK (kind in ('horizontal', 'vertical')),
	CONSTRAINT "strategy_goals_area_check" CHECK (("strategy_goals"."kind" = 'vertical') = ("strategy_goals"."area_id" is not null))
);
--> statement-breakpoint
CREATE TABLE "strategy_indicator_values" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"indicator_id" uuid NOT NULL,
	"value" double precision NOT NULL,
	"source" text NOT NULL,
	"measured_on" date NOT NULL,
	"entered_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "strategy_indicators" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"objective_id" uuid NOT NULL,
	"name_bg" text NOT NULL,
	"name_en" text NOT NULL,
	"unit" text NOT NULL,
	"baseline" double precision NOT NULL,
	"target" double precision NOT NULL,
	"period_start" date NOT NULL,
	"period_end" date NOT NULL,
	"source" text NOT NULL,
	"computed_key" text,
	"computed_param" text,
	"position" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "strategy_indicators_unit_check" CHECK (unit in ('count', 'percent', 'eur', 'days')),
	CONSTRAINT "strategy_indicators_source_check" CHECK (source in ('computed', 'entered')),
	CONSTRAINT "strategy_indicators_period_check" CHECK ("strategy_indicators"."period_end" >= "strategy_indicators"."period_start"),
	CONSTRAINT "strategy_indicators_key_check" CHECK (("strategy_indicators"."source" = 'computed') = ("strategy_indicators"."computed_key" is not null) and ("strategy_indicators"."computed_param" is null or "strategy_indicators"."computed_key" is not null))
);
--> statement-breakpoint
CREATE TABLE "strategy_objectives" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"goal_id" uuid NOT NULL,
	"title_bg" text NOT NULL,
	"title_en" text NOT NULL,
	"owner_body_id" uuid,
	"owner_name" text,
	"status" text DEFAULT 'not_started' NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "strategy_objectives_status_check" CHECK (status in ('not_started', 'on_track', 'at_risk', 'achieved'))
);
--> statement-breakpoint
ALTER TABLE "strategy_goals" ADD CONSTRAINT "strategy_goals_area_id_areas_id_fk" FOREIGN KEY ("area_id") REFERENCES "public"."areas"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "strategy_indicator_values" ADD CONSTRAINT "strategy_indicator_values_indicator_id_strategy_indicators_id_fk" FOREIGN KEY ("indicator_id") REFERENCES "public"."strategy_indicators"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "strategy_indicator_values" ADD CONSTRAINT "strategy_indicator_values_entered_by_users_id_fk" FOREIGN KEY ("entered_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "strategy_indicators" ADD CONSTRAINT "strategy_indicators_objective_id_strategy_objectives_id_fk" FOREIGN KEY ("objective_id") REFERENCES "public"."strategy_objectives"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "strategy_objectives" ADD CONSTRAINT "strategy_objectives_goal_id_strategy_goals_id_fk" FOREIGN KEY ("goal_id") REFERENCES "public"."strategy_goals"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "strategy_objectives" ADD CONSTRAINT "strategy_objectives_owner_body_id_governing_bodies_id_fk" FOREIGN KEY ("owner_body_id") REFERENCES "public"."governing_bodies"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "strategy_goals_area_idx" ON "strategy_goals" USING btree ("area_id");--> statement-breakpoint
CREATE INDEX "strategy_indicator_values_indicator_idx" ON "strategy_indicator_values" USING btree ("indicator_id","measured_on");--> statement-breakpoint
CREATE INDEX "strategy_indicators_objective_idx" ON "strategy_indicators" USING btree ("objective_id","position");--> statement-breakpoint
CREATE INDEX "strategy_objectives_goal_idx" ON "strategy_objectives" USING btree ("goal_id","position");--> statement-breakpoint
CREATE INDEX "strategy_objectives_owner_body_idx" ON "strategy_objectives" USING btree ("owner_body_id");