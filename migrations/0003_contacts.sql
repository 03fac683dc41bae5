CREATE TABLE `contact_categories` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`name` text NOT NULL,
	`colour` text NOT NULL,
	`created_at` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `contact_categories_name_unique` ON `contact_categories` (`name`);--> statement-breakpoint
CREATE TABLE `contact_category_links` (
	`contact_id` integer NOT NULL,
	`category_id` integer NOT NULL,
	PRIMARY KEY(`contact_id`, `category_id`),
	FOREIGN KEY (`contact_id`) REFERENCES `contacts`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`category_id`) REFERENCES `contact_categories`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `contact_category_links_category_idx` ON `contact_category_links` (`category_id`,`contact_id`);--> statement-breakpoint
CREATE TABLE `contact_consents` (
	`contact_id` integer NOT NULL,
	`purpose` text NOT NULL,
	`at` integer NOT NULL,
	`how` text,
	PRIMARY KEY(`contact_id`, `purpose`),
	FOREIGN KEY (`contact_id`) REFERENCES `contacts`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `contact_field_values` (
	`contact_id` integer NOT NULL,
	`key` text NOT NULL,
	`value` text NOT NULL,
	PRIMARY KEY(`contact_id`, `key`),
	FOREIGN KEY (`contact_id`) REFERENCES `contacts`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`key`) REFERENCES `contact_fields`(`key`) ON UPDATE cascade ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `contact_field_values_key_value_idx` ON `contact_field_values` (`key`,`value`);--> statement-breakpoint
CREATE TABLE `contact_fields` (
	`key` text PRIMARY KEY NOT NULL,
	`label` text NOT NULL,
	`type` text NOT NULL,
	`preset` text,
	`position` integer NOT NULL,
	`hidden` integer DEFAULT false NOT NULL,
	`created_at` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `contact_import_mappings` (
	`header_key` text PRIMARY KEY NOT NULL,
	`mapping_json` text NOT NULL,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `contact_presets` (
	`name` text PRIMARY KEY NOT NULL,
	`enabled` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `contact_saved_filters` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`name` text NOT NULL,
	`filter_json` text NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `contact_saved_filters_name_unique` ON `contact_saved_filters` (`name`);--> statement-breakpoint
CREATE TABLE `contact_vehicles` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`contact_id` integer NOT NULL,
	`plate` text NOT NULL,
	`plate_key` text NOT NULL,
	`factory_date` text,
	`licence_date` text,
	`inspection_due` text,
	`insurance_expiry` text,
	`position` integer DEFAULT 0 NOT NULL,
	FOREIGN KEY (`contact_id`) REFERENCES `contacts`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `contact_vehicles_contact_idx` ON `contact_vehicles` (`contact_id`);--> statement-breakpoint
CREATE INDEX `contact_vehicles_plate_idx` ON `contact_vehicles` (`plate_key`);--> statement-breakpoint
CREATE INDEX `contact_vehicles_inspection_idx` ON `contact_vehicles` (`inspection_due`);--> statement-breakpoint
CREATE INDEX `contact_vehicles_insurance_idx` ON `contact_vehicles` (`insurance_expiry`);--> statement-breakpoint
CREATE TABLE `contacts` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`name` text NOT NULL,
	`honorific` text DEFAULT '' NOT NULL,
	`phone_e164` text NOT NULL,
	`phone_raw` text NOT NULL,
	`region` text NOT NULL,
	`birthday` text,
	`birthday_md` text,
	`notes` text DEFAULT '' NOT NULL,
	`opt_out` integer DEFAULT false NOT NULL,
	`opt_out_at` integer,
	`opt_out_how` text,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	`deleted_batch` text,
	`deleted_at` integer
);
--> statement-breakpoint
CREATE UNIQUE INDEX `contacts_phone_live_unique` ON `contacts` (`phone_e164`) WHERE deleted_batch is null;--> statement-breakpoint
CREATE INDEX `contacts_name_idx` ON `contacts` (`name`,`id`);--> statement-breakpoint
CREATE INDEX `contacts_updated_idx` ON `contacts` (`updated_at`,`id`);--> statement-breakpoint
CREATE INDEX `contacts_birthday_md_idx` ON `contacts` (`birthday_md`,`id`);--> statement-breakpoint
CREATE INDEX `contacts_deleted_idx` ON `contacts` (`deleted_batch`) WHERE deleted_batch is not null;