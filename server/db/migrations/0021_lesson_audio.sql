CREATE TABLE `lesson_audio` (
	`id` text PRIMARY KEY NOT NULL,
	`guide_id` text NOT NULL,
	`course_id` text NOT NULL,
	`lesson_id` text NOT NULL,
	`step` integer NOT NULL,
	`lang` text NOT NULL,
	`content_version` text NOT NULL,
	`sha256` text NOT NULL,
	`type` text NOT NULL,
	`bytes` integer NOT NULL,
	`duration_sec` integer NOT NULL,
	`recorded_at` integer NOT NULL,
	`status` text NOT NULL,
	`reviewed_by` text,
	`reviewed_at` integer
);
--> statement-breakpoint
CREATE INDEX `lesson_audio_course_idx` ON `lesson_audio` (`course_id`,`status`);--> statement-breakpoint
CREATE INDEX `lesson_audio_file_idx` ON `lesson_audio` (`sha256`);--> statement-breakpoint
CREATE TABLE `lesson_audio_uploads` (
	`guide_id` text NOT NULL,
	`sha256` text NOT NULL,
	`uploaded_at` integer NOT NULL,
	PRIMARY KEY(`guide_id`, `sha256`)
);
