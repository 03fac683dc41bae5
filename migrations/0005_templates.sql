CREATE TABLE `templates` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`name` text NOT NULL,
	`category` text,
	`body` text NOT NULL,
	`purpose` text DEFAULT 'notification' NOT NULL,
	`event_kind` text,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	`last_used_at` integer
);
--> statement-breakpoint
CREATE UNIQUE INDEX `templates_name_unique` ON `templates` (`name`);--> statement-breakpoint
CREATE UNIQUE INDEX `templates_event_kind_unique` ON `templates` (`event_kind`) WHERE event_kind is not null;--> statement-breakpoint
CREATE INDEX `templates_category_idx` ON `templates` (`category`,`name`);--> statement-breakpoint
CREATE INDEX `messages_template_idx` ON `messages` (`template_id`,`created_at`) WHERE "messages"."template_id" is not null;