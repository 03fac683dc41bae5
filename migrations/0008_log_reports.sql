CREATE TABLE `balance_readings` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`account_id` integer NOT NULL,
	`at` integer NOT NULL,
	`balance` real NOT NULL,
	`unit` text,
	FOREIGN KEY (`account_id`) REFERENCES `accounts`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `balance_readings_account_at_idx` ON `balance_readings` (`account_id`,`at`);--> statement-breakpoint
DROP INDEX `messages_created_idx`;--> statement-breakpoint
ALTER TABLE `messages` ADD `operator` text;--> statement-breakpoint
CREATE INDEX `messages_status_id_idx` ON `messages` (`status`,`id`);--> statement-breakpoint
CREATE INDEX `messages_origin_id_idx` ON `messages` (`origin`,`id`);--> statement-breakpoint
CREATE INDEX `messages_rule_idx` ON `messages` (`rule_id`,`id`) WHERE "messages"."rule_id" is not null;--> statement-breakpoint
CREATE INDEX `messages_contact_idx` ON `messages` (`contact_id`) WHERE "messages"."contact_id" is not null;--> statement-breakpoint
CREATE INDEX `messages_created_idx` ON `messages` (`created_at`,`status`);