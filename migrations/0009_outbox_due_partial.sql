DROP INDEX `messages_due_idx`;--> statement-breakpoint
CREATE INDEX `messages_due_idx` ON `messages` (`status`,`next_action_at`) WHERE "messages"."next_action_at" is not null;