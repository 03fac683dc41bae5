import { defineConfig } from 'drizzle-kit';

// `npm run db:generate` writes SQL migrations to migrations/ (committed; never edited after release).
// They are applied by our own runner (src-main/core/db/migrate.ts), not drizzle's migrate().
export default defineConfig({
  dialect: 'sqlite',
  schema: './src-main/core/db/schema/index.ts',
  out: './migrations',
  strict: true,
});
