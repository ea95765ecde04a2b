CREATE TABLE "register_files" (
	"sha256" text NOT NULL,
	"uploaded_by" text NOT NULL,
	"unit_id" text,
	"uploaded_at" bigint NOT NULL,
	CONSTRAINT "register_files_pkey" PRIMARY KEY("sha256","uploaded_by")
);
--> statement-breakpoint
ALTER TABLE "register_files" ADD CONSTRAINT "register_files_uploaded_by_fkey" FOREIGN KEY ("uploaded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "register_files" ADD CONSTRAINT "register_files_unit_id_fkey" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "register_files_unit_idx" ON "register_files" USING btree ("unit_id","sha256");