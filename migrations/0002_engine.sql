ALTER TABLE `accounts` ADD `rate_per_second` real;--> statement-breakpoint
ALTER TABLE `accounts` ADD `concurrency` integer;--> statement-breakpoint
ALTER TABLE `accounts` ADD `balance` real;--> statement-breakpoint
ALTER TABLE `accounts` ADD `balance_unit` text;--> statement-breakpoint
ALTER TABLE `accounts` ADD `balance_checked_at` integer;--> statement-breakpoint
ALTER TABLE `messages` ADD `purpose` text DEFAULT 'notification' NOT NULL;--> statement-breakpoint
ALTER TABLE `messages` ADD `resend_of` integer;--> statement-breakpoint
CREATE INDEX `messages_resend_of_idx` ON `messages` (`resend_of`) WHERE "messages"."resend_of" is not null;