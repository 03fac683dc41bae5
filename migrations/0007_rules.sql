CREATE TABLE `rule_occurrences` (
	`rule_id` integer NOT NULL,
	`occurrence_at` integer NOT NULL,
	`local_date` text NOT NULL,
	`outcome` text NOT NULL,
	`trigger` text DEFAULT 'scheduled' NOT NULL,
	`recipients` integer DEFAULT 0 NOT NULL,
	`queued` integer DEFAULT 0 NOT NULL,
	`skipped` integer DEFAULT 0 NOT NULL,
	`error_key` text,
	`error_params` text,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	PRIMARY KEY(`rule_id`, `occurrence_at`),
	FOREIGN KEY (`rule_id`) REFERENCES `rules`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `rule_occurrences_outcome_idx` ON `rule_occurrences` (`outcome`,`rule_id`);--> statement-breakpoint
CREATE TABLE `rule_runs` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`rule_id` integer NOT NULL,
	`occurrence_at` integer NOT NULL,
	`contact_id` integer NOT NULL,
	`message_id` integer,
	`status` text NOT NULL,
	`reason` text,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`rule_id`) REFERENCES `rules`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `rule_runs_once_unique` ON `rule_runs` (`rule_id`,`occurrence_at`,`contact_id`);--> statement-breakpoint
CREATE INDEX `rule_runs_contact_idx` ON `rule_runs` (`contact_id`);--> statement-breakpoint
CREATE TABLE `rules` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`name` text NOT NULL,
	`enabled` integer DEFAULT true NOT NULL,
	`preset` text,
	`target_json` text NOT NULL,
	`template_id` integer NOT NULL,
	`cadence_json` text NOT NULL,
	`time_of_day` text,
	`time_zone` text NOT NULL,
	`account` text,
	`cursor_at` integer NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL
);
