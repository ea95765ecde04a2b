CREATE TABLE `residential_groups` (
	`id` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`adult_population` integer,
	`households` integer,
	`figures_are_sample` integer NOT NULL,
	`sort_order` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `ward_profile` (
	`id` integer PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`is_sample` integer NOT NULL,
	`channels` text NOT NULL,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
-- SAMPLE profile so a fresh server works out of the box. Group names are
-- generic, figures are placeholders (figures_are_sample = 1) and there are no
-- channels: the ward office replaces all of it with its own data.
INSERT INTO `ward_profile` (`id`, `name`, `is_sample`, `channels`, `updated_at`) VALUES (1, 'Phường Kiến An (mẫu)', 1, '[]', 0);
--> statement-breakpoint
INSERT INTO `residential_groups` (`id`, `name`, `adult_population`, `households`, `figures_are_sample`, `sort_order`) VALUES
  ('tdp-1', 'Tổ dân phố 1', 400, 150, 1, 1),
  ('tdp-2', 'Tổ dân phố 2', 400, 150, 1, 2),
  ('tdp-3', 'Tổ dân phố 3', 400, 150, 1, 3),
  ('tdp-4', 'Tổ dân phố 4', 400, 150, 1, 4),
  ('tdp-5', 'Tổ dân phố 5', 400, 150, 1, 5),
  ('tdp-6', 'Tổ dân phố 6', 400, 150, 1, 6);
