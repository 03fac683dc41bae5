ALTER TABLE `rules` ADD `use_prefix` integer DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE `rules` ADD `use_suffix` integer DEFAULT false NOT NULL;