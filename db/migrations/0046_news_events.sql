CREATE TABLE "event_registrations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"post_id" uuid NOT NULL,
	"user_id" uuid,
	"name" text NOT NULL,
	"email" text NOT NULL,
	"organization_name" text DEFAULT '' NOT NULL,
	"language" text DEFAULT 'bg' NOT NULL,
	"status" text NOT NULL,
	"cancel_token_hash" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"confirmed_at" timestamp with time zone,
	"cancelled_at" timestamp with time zone,
	CONSTRAINT "event_registrations_status_check" CHECK (status in ('confirmed', 'waiting', 'cancelled')),
	CONSTRAINT "event_registrations_language_check" CHECK (language in ('bg', 'en')),
	CONSTRAINT "event_registrations_length_check" CHECK (length(name) between 1 and 200 and length(email) between 3 and 254 and length(organization_name) <= 200),
	CONSTRAINT "event_registrations_cancelled_check" CHECK ((status = 'cancelled') = (cancelled_at is not null))
);
--> statement-breakpoint
CREATE TABLE "news_events" (
	"post_id" uuid PRIMARY KEY NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	"place" text DEFAULT '' NOT NULL,
	"online_url" text,
	"registration_enabled" boolean DEFAULT false NOT NULL,
	"registration_open_to" text DEFAULT 'public' NOT NULL,
	"capacity" integer,
	"registration_closes_at" timestamp with time zone,
	"sequence" integer DEFAULT 0 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "news_events_dates_check" CHECK (ends_at > starts_at),
	CONSTRAINT "news_events_open_to_check" CHECK (registration_open_to in ('public', 'members')),
	CONSTRAINT "news_events_capacity_check" CHECK (capacity is null or capacity between 1 and 100000),
	CONSTRAINT "news_events_place_check" CHECK (length(place) <= 300 and (online_url is null or length(online_url) <= 500))
);
--> statement-breakpoint
ALTER TABLE "event_registrations" ADD CONSTRAINT "event_registrations_post_id_news_posts_id_fk" FOREIGN KEY ("post_id") REFERENCES "public"."news_posts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "event_registrations" ADD CONSTRAINT "event_registrations_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "news_events" ADD CONSTRAINT "news_events_post_id_news_posts_id_fk" FOREIGN KEY ("post_id") REFERENCES "public"."news_posts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "event_registrations_active_email_idx" ON "event_registrations" USING btree ("post_id","email") WHERE status <> 'cancelled';--> statement-breakpoint
CREATE UNIQUE INDEX "event_registrations_token_idx" ON "event_registrations" USING btree ("cancel_token_hash");--> statement-breakpoint
CREATE INDEX "event_registrations_post_idx" ON "event_registrations" USING btree ("post_id","status","created_at");--> statement-breakpoint
CREATE INDEX "event_registrations_user_idx" ON "event_registrations" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "event_registrations_email_idx" ON "event_registrations" USING btree ("email");