CREATE TABLE "news_covers" (
	"post_id" uuid PRIMARY KEY NOT NULL,
	"version" integer NOT NULL,
	"source_type" text NOT NULL,
	"large" "bytea" NOT NULL,
	"small" "bytea" NOT NULL,
	"width" integer NOT NULL,
	"height" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "news_covers_source_type_check" CHECK (source_type in ('image/png', 'image/jpeg', 'image/webp'))
);
--> statement-breakpoint
CREATE TABLE "news_post_areas" (
	"post_id" uuid NOT NULL,
	"area_id" text NOT NULL,
	CONSTRAINT "news_post_areas_post_id_area_id_pk" PRIMARY KEY("post_id","area_id")
);
--> statement-breakpoint
CREATE TABLE "news_posts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"slug" text NOT NULL,
	"category" text NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"title_bg" text DEFAULT '' NOT NULL,
	"title_en" text DEFAULT '' NOT NULL,
	"summary_bg" text DEFAULT '' NOT NULL,
	"summary_en" text DEFAULT '' NOT NULL,
	"body_bg" text DEFAULT '' NOT NULL,
	"body_en" text DEFAULT '' NOT NULL,
	"publish_at" timestamp with time zone,
	"organization_id" uuid,
	"author_id" uuid,
	"editor_id" uuid,
	"submitted_at" timestamp with time zone,
	"cover_version" integer,
	"return_reason" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "news_posts_category_check" CHECK (category in ('news', 'event', 'call', 'member_news')),
	CONSTRAINT "news_posts_status_check" CHECK (status in ('draft', 'submitted', 'returned', 'published', 'archived')),
	CONSTRAINT "news_posts_published_dated_check" CHECK (status <> 'published' or publish_at is not null),
	CONSTRAINT "news_posts_member_news_check" CHECK (organization_id is null or category = 'member_news'),
	CONSTRAINT "news_posts_slug_check" CHECK (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$' and length(slug) <= 80),
	CONSTRAINT "news_posts_title_length_check" CHECK (length(title_bg) <= 200 and length(title_en) <= 200),
	CONSTRAINT "news_posts_summary_length_check" CHECK (length(summary_bg) <= 500 and length(summary_en) <= 500),
	CONSTRAINT "news_posts_body_length_check" CHECK (length(body_bg) <= 100000 and length(body_en) <= 100000)
);
--> statement-breakpoint
ALTER TABLE "news_covers" ADD CONSTRAINT "news_covers_post_id_news_posts_id_fk" FOREIGN KEY ("post_id") REFERENCES "public"."news_posts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "news_post_areas" ADD CONSTRAINT "news_post_areas_post_id_news_posts_id_fk" FOREIGN KEY ("post_id") REFERENCES "public"."news_posts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "news_post_areas" ADD CONSTRAINT "news_post_areas_area_id_areas_id_fk" FOREIGN KEY ("area_id") REFERENCES "public"."areas"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "news_posts" ADD CONSTRAINT "news_posts_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "news_posts" ADD CONSTRAINT "news_posts_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "news_posts" ADD CONSTRAINT "news_posts_editor_id_users_id_fk" FOREIGN KEY ("editor_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "news_post_areas_area_idx" ON "news_post_areas" USING btree ("area_id");--> statement-breakpoint
CREATE UNIQUE INDEX "news_posts_slug_idx" ON "news_posts" USING btree ("slug");--> statement-breakpoint
CREATE INDEX "news_posts_public_idx" ON "news_posts" USING btree ("publish_at" DESC NULLS LAST,"id") WHERE status = 'published';--> statement-breakpoint
CREATE INDEX "news_posts_status_idx" ON "news_posts" USING btree ("status","updated_at");--> statement-breakpoint
CREATE INDEX "news_posts_author_idx" ON "news_posts" USING btree ("author_id");--> statement-breakpoint
CREATE INDEX "news_posts_organization_idx" ON "news_posts" USING btree ("organization_id");