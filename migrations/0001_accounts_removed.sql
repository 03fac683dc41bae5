DROP INDEX `accounts_name_unique`;--> statement-breakpoint
ALTER TABLE `accounts` ADD `removed_at` integer;--> statement-breakpoint
CREATE UNIQUE INDEX `accounts_name_unique` ON `accounts` (`name`) WHERE removed_at is null;