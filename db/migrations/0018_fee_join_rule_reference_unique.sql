-- Issue 11 B3/B4, decision 016: the join rule for fees, and payment references unique across the cluster.
ALTER TABLE "cluster_settings" ADD COLUMN "fee_join_rule" text DEFAULT 'pro_rata_month' NOT NULL;--> statement-breakpoint
DROP INDEX "fee_payments_reference_key";--> statement-breakpoint
-- A reference used before by more than one payment keeps it on the oldest; the others get their id appended,
-- so nothing is lost and the committee can see which ones to check.
UPDATE "fee_payments" p SET "reference" = p."reference" || ' #' || p."id"
WHERE EXISTS (
  SELECT 1 FROM "fee_payments" q
  WHERE lower(q."reference") = lower(p."reference")
    AND (q."created_at", q."id") < (p."created_at", p."id")
);--> statement-breakpoint
CREATE UNIQUE INDEX "fee_payments_reference_key" ON "fee_payments" USING btree (lower("reference"));
