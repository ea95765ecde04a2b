CREATE TABLE `plans` (
	`id` text PRIMARY KEY NOT NULL,
	`number_symbol` text NOT NULL,
	`issued_on` text,
	`issuing_body` text NOT NULL,
	`title` text NOT NULL,
	`period_from` text,
	`period_to` text,
	`structure` text NOT NULL,
	`is_sample` integer NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `unit_activities` (
	`id` text PRIMARY KEY NOT NULL,
	`unit_id` text NOT NULL,
	`plan_id` text NOT NULL,
	`form_code` text NOT NULL,
	`sub_form_id` text,
	`starts_on` text NOT NULL,
	`ends_on` text NOT NULL,
	`title` text NOT NULL,
	`last_event_id` text NOT NULL,
	`corrections` integer NOT NULL,
	`recorded_by` text NOT NULL,
	`recorded_at` integer NOT NULL,
	`details` text NOT NULL,
	FOREIGN KEY (`unit_id`) REFERENCES `units`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`plan_id`) REFERENCES `plans`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `unit_activities_plan_idx` ON `unit_activities` (`plan_id`,`starts_on`);--> statement-breakpoint
CREATE INDEX `unit_activities_unit_idx` ON `unit_activities` (`unit_id`,`starts_on`);--> statement-breakpoint
CREATE TABLE `unit_activity_items` (
	`activity_id` text NOT NULL,
	`item_code` text NOT NULL,
	PRIMARY KEY(`activity_id`, `item_code`),
	FOREIGN KEY (`activity_id`) REFERENCES `unit_activities`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `unit_events` (
	`id` text PRIMARY KEY NOT NULL,
	`type` text NOT NULL,
	`recorded_by` text NOT NULL,
	`device_id` text NOT NULL,
	`unit_id` text NOT NULL,
	`plan_id` text NOT NULL,
	`activity_id` text NOT NULL,
	`occurred_at` integer NOT NULL,
	`received_at` integer NOT NULL,
	`effective_at` integer NOT NULL,
	`payload` text NOT NULL,
	FOREIGN KEY (`recorded_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `unit_events_activity_idx` ON `unit_events` (`activity_id`,`effective_at`);--> statement-breakpoint
CREATE INDEX `unit_events_unit_idx` ON `unit_events` (`unit_id`,`effective_at`);--> statement-breakpoint
CREATE TABLE `unit_officers` (
	`user_id` text PRIMARY KEY NOT NULL,
	`unit_id` text NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`unit_id`) REFERENCES `units`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `unit_officers_unit_id_idx` ON `unit_officers` (`unit_id`);--> statement-breakpoint
CREATE TABLE `units` (
	`id` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`short_name` text NOT NULL,
	`is_sample` integer NOT NULL,
	`sort_order` integer NOT NULL
);
--> statement-breakpoint
-- SAMPLE units and plan so a fresh server shows how a plan works: the four
-- units of a ward's Resolution 57 propagation plan and that plan's structure
-- (shared/plans/sample-plan.yaml, checked against this row by
-- tests/integration/plans.test.ts). is_sample = 1 until the ward edits them.
INSERT INTO `units` (`id`, `name`, `short_name`, `is_sample`, `sort_order`) VALUES
  ('vh-xh', 'Phòng Văn hóa - Xã hội', 'VH-XH', 1, 1),
  ('kt-ht-dt', 'Phòng Kinh tế, Hạ tầng và Đô thị', 'KT-HT-ĐT', 1, 2),
  ('mttq', 'Ủy ban Mặt trận Tổ quốc Việt Nam phường và các đoàn thể', 'MTTQ', 1, 3),
  ('ttsnc', 'Trung tâm sự nghiệp công', 'TTSNC', 1, 4);
--> statement-breakpoint
INSERT INTO `plans` (`id`, `number_symbol`, `issued_on`, `issuing_body`, `title`, `period_from`, `period_to`, `structure`, `is_sample`, `created_at`, `updated_at`) VALUES
  ('sample-nq57', '…/KH-UBND', NULL, 'Ủy ban nhân dân phường (mẫu)', 'Kế hoạch tuyên truyền Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị về đột phá phát triển khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số quốc gia (mẫu)', NULL, NULL, '{"legalBases":["Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị về đột phá phát triển khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số quốc gia"],"contentItems":[{"code":"1.1","title":"Chủ trương, chính sách của Đảng và Nhà nước về khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số; vai trò của người đứng đầu","points":[]},{"code":"1.2","title":"Nội dung Nghị quyết số 57-NQ/TW, mục tiêu của Nghị quyết; mục tiêu và kết quả thực hiện của phường","points":[]},{"code":"1.3","title":"Thành tựu, mô hình điển hình","points":[]},{"code":"1.4","title":"Chính sách hỗ trợ, cơ hội cho doanh nghiệp và người dân","points":[]},{"code":"1.5","title":"Hướng dẫn chuyển đổi số","points":["Cho cán bộ, công chức, viên chức","Cho doanh nghiệp","Cho Tổ công tác Đề án 06 và Tổ công nghệ số cộng đồng","Cho người dân"]}],"forms":[{"code":"2.1","title":"Tuyên truyền trên các nền tảng số","subForms":[{"id":"portal-article","title":"Tin, bài trên Cổng thông tin điện tử phường"},{"id":"facebook-post","title":"Bài đăng Facebook"},{"id":"zalo-post","title":"Bài đăng Zalo"},{"id":"youtube-video","title":"Video YouTube"},{"id":"tiktok-video","title":"Video TikTok"},{"id":"infographic","title":"Infographic"},{"id":"video-clip","title":"Video clip"},{"id":"youth-channel","title":"Kênh cho thiếu nhi, thanh niên"}]},{"code":"2.2","title":"Tuyên truyền qua hội nghị, cuộc họp","subForms":[{"id":"conference","title":"Hội nghị"},{"id":"briefing","title":"Lồng ghép trong giao ban"},{"id":"residential-group-meeting","title":"Họp tổ dân phố"},{"id":"business-dialogue","title":"Đối thoại với doanh nghiệp"},{"id":"training","title":"Tập huấn"}]},{"code":"2.3","title":"Tuyên truyền trực quan","subForms":[{"id":"poster","title":"Áp phích"},{"id":"panel","title":"Pa nô"},{"id":"banner","title":"Băng rôn"},{"id":"slogan","title":"Khẩu hiệu"},{"id":"led-slot","title":"Màn hình LED"}]},{"code":"2.4","title":"Tuyên truyền trên hệ thống truyền thanh của phường","subForms":[{"id":"radio-news","title":"Tin"},{"id":"radio-article","title":"Bài"},{"id":"radio-column","title":"Chuyên mục"}]},{"code":"2.5","title":"Phong trào “Bình dân học vụ số”","subForms":[{"id":"guide-session","title":"Buổi hướng dẫn"}]}],"duties":[{"unitId":"vh-xh","role":"lead","contentItems":["1.1","1.2","1.3","1.4","1.5"],"forms":["2.1","2.2","2.3","2.4","2.5"],"text":"Chủ trì, theo dõi, kiểm tra, đôn đốc các đơn vị thực hiện; phối hợp với Trung tâm sự nghiệp công định hướng nội dung; theo dõi thông tin sai lệch trên mạng xã hội; tổng hợp, báo cáo kết quả về Ủy ban nhân dân phường."},{"unitId":"kt-ht-dt","role":"coordinate","contentItems":["1.3","1.4"],"forms":["2.1"],"text":"Đề xuất kinh phí; thu thập kết quả nghiên cứu, ứng dụng công nghệ của doanh nghiệp để làm tin, bài, infographic, đồ họa động và video."},{"unitId":"mttq","role":"coordinate","contentItems":[],"forms":["2.2"],"text":"Lồng ghép tuyên truyền trong các hội nghị của Mặt trận và các đoàn thể; gửi kết quả thực hiện về Phòng Văn hóa - Xã hội."},{"unitId":"ttsnc","role":"coordinate","contentItems":[],"forms":["2.1","2.3","2.4"],"text":"Tuyên truyền trên hệ thống truyền thanh, trang mạng xã hội, chuyên mục trên Cổng thông tin điện tử và tuyên truyền trực quan; đăng tải kế hoạch, văn bản chỉ đạo; giới thiệu gương điển hình."}],"recipients":[]}', 1, 0, 0);
