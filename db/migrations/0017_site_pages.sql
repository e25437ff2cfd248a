CREATE TABLE "site_pages" (
	"slug" text PRIMARY KEY NOT NULL,
	"title_bg" text NOT NULL,
	"title_en" text NOT NULL,
	"body_bg" text DEFAULT '' NOT NULL,
	"body_en" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "site_pages_slug" CHECK ("site_pages"."slug" in ('statute', 'privacy', 'contact'))
);
--> statement-breakpoint
-- Every installation has the three pages; administrators write their text (the demo seed fills it in).
INSERT INTO "site_pages" ("slug", "title_bg", "title_en") VALUES
	('statute', 'Устав', 'Statute'),
	('privacy', 'Защита на личните данни', 'Privacy notice'),
	('contact', 'Контакти', 'Contact')
ON CONFLICT ("slug") DO NOTHING;
