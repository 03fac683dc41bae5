CREATE TABLE `accounts` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`name` text NOT NULL,
	`provider` text NOT NULL,
	`is_default` integer DEFAULT false NOT NULL,
	`base_url` text,
	`username` text,
	`secret_sealed` text,
	`sender` text,
	`price_domestic` real,
	`price_international` real,
	`paused_reason` text,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `accounts_name_unique` ON `accounts` (`name`);--> statement-breakpoint
CREATE TABLE `settings` (
	`key` text PRIMARY KEY NOT NULL,
	`value` text NOT NULL,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `dispatcher_lease` (
	`id` integer PRIMARY KEY NOT NULL,
	`holder_id` text NOT NULL,
	`host` text NOT NULL,
	`pid` integer NOT NULL,
	`process_started_at` integer NOT NULL,
	`acquired_at` integer NOT NULL,
	`heartbeat_at` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `message_events` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`message_id` integer NOT NULL,
	`at` integer NOT NULL,
	`from_status` text,
	`to_status` text NOT NULL,
	`code` text,
	`detail` text,
	FOREIGN KEY (`message_id`) REFERENCES `messages`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `message_events_message_idx` ON `message_events` (`message_id`,`at`);--> statement-breakpoint
CREATE TABLE `messages` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`idempotency_key` text NOT NULL,
	`account_id` integer NOT NULL,
	`to_e164` text NOT NULL,
	`to_raw` text NOT NULL,
	`text` text NOT NULL,
	`encoding` text NOT NULL,
	`segments` integer NOT NULL,
	`status` text NOT NULL,
	`origin` text NOT NULL,
	`memo` text,
	`test_mode` integer DEFAULT false NOT NULL,
	`template_id` integer,
	`rule_id` integer,
	`contact_id` integer,
	`scheduled_at` integer,
	`scheduled_tz` text,
	`next_action_at` integer,
	`attempts` integer DEFAULT 0 NOT NULL,
	`status_checks` integer DEFAULT 0 NOT NULL,
	`provider_message_id` text,
	`error_code` text,
	`error_key` text,
	`error_params` text,
	`error_detail` text,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	`sent_at` integer,
	`delivered_at` integer,
	`final_at` integer,
	FOREIGN KEY (`account_id`) REFERENCES `accounts`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "messages_status_check" CHECK("messages"."status" in ('draft','scheduled','queued','sending','sent','delivered','failed','expired','unknown','cancelled','blocked','missed')),
	CONSTRAINT "messages_origin_check" CHECK("messages"."origin" in ('composer','cli','rule','api','catch-up'))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `messages_idempotency_key_unique` ON `messages` (`idempotency_key`);--> statement-breakpoint
CREATE INDEX `messages_due_idx` ON `messages` (`status`,`next_action_at`);--> statement-breakpoint
CREATE INDEX `messages_to_idx` ON `messages` (`to_e164`,`created_at`);--> statement-breakpoint
CREATE INDEX `messages_created_idx` ON `messages` (`created_at`);--> statement-breakpoint
CREATE INDEX `messages_account_idx` ON `messages` (`account_id`,`id`);