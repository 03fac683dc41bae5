// Data maintenance on a database of 100k contacts (imported through the API: cards, vehicles, both
// search indexes) and 1M messages with 100k events.
//   backup.1m_messages_ms   the whole backup: online snapshot straight into the backup file, full
//                           integrity check (split over two threads when a core is free), sealing
//                           (hash, manifest) and reading back; *_cpu_ms: CPU time of all threads
//   restore.validate_1m_ms  every check a restore makes before touching the live data (checksum, integrity, schema)
//   check.1m_*              the full check on one thread and split (forced: backups split only when a core is free)
//   core.quick_check_ms     the start-up quick_check on its own connection
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { createCore, defaultMigrationsDir } from '../../../src-main/core';
import { loadMigrations } from '../../../src-main/core/db/migrate';
import { createBackup, type BackupPhase } from '../../../src-main/core/maintenance/backup';
import { checkFile } from '../../../src-main/core/maintenance/check';
import { splitCheckFile } from '../../../src-main/core/maintenance/split-check';
import { parseMobile } from '../../../src-shared/phone/mobile';
import { runInWorker } from '../../../src-main/core/maintenance/sql-worker';
import { validateBackup } from '../../../src-main/core/maintenance/validate';
import { median, nowMs, round, seededRandom, withTempDir, type BenchCase, type Result } from '../util';

const MESSAGES = 1_000_000;
const CONTACTS = 100_000;

/** A contacts file like an operator's: name, mobile, birthday, plate, inspection month, a note. */
function contactsCsv(): string {
  const random = seededRandom(0xc0ffee);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(random() * xs.length)]!;
  const surnames = '陳林黃張李王吳劉蔡楊許鄭謝郭洪曾邱廖賴周徐蘇葉莊呂江何蕭羅高潘簡朱鍾彭游詹胡施沈余盧梁趙顏柯翁魏孫戴'.split('');
  const given = '怡君雅婷淑芬美玲志明家豪建宏俊傑宗翰冠宇佳穎欣怡承恩品妍柏翰子涵詩涵宇軒思妤雨萱'.split('');
  const letters = 'ABCDEFGHJKLMNPQRSTUVWXYZ'.split('');
  const lines = ['姓名,手機,生日,車牌,應定檢年月,備註'];
  const seen = new Set<string>();
  while (seen.size < CONTACTS) {
    const number = `09${String(Math.floor(random() * 1e8)).padStart(8, '0')}`;
    if (seen.has(number) || !parseMobile(number, 'TW').ok) continue;
    seen.add(number);
    const name = pick(surnames) + pick(given) + (random() < 0.33 ? '' : pick(given));
    const plate = `${pick(letters)}${pick(letters)}${pick(letters)}-${String(Math.floor(random() * 10000)).padStart(4, '0')}`;
    const month = String(1 + Math.floor(random() * 12)).padStart(2, '0');
    lines.push(`${name},${number},19${70 + Math.floor(random() * 30)}-${month}-1${Math.floor(random() * 9)},${plate},2027-${month},常客`);
  }
  return lines.join('\r\n') + '\r\n';
}

async function importContacts(dataDir: string): Promise<void> {
  const core = await createCore({ dataDir, dispatch: false, scheduledBackups: false, log: () => {} });
  try {
    await core.api['contacts.fields.presets']({ preset: 'vehicle', enabled: true });
    const input = { fileBase64: Buffer.from(contactsCsv(), 'utf8').toString('base64'), fileName: 'contacts.csv', encoding: 'auto' as const };
    const preview = await core.api['contacts.import.preview']({ ...input, previewRows: 20 });
    const { importId } = await core.api['contacts.import.run']({ ...input, mapping: preview.suggestedMapping, onDuplicate: 'skip' });
    for (;;) {
      const status = (await core.api['contacts.import.status']({ importId })) as { status: string; imported: number };
      if (status.status !== 'running') {
        if (status.status !== 'done' || status.imported !== CONTACTS) throw new Error(`contacts import ended ${status.status} with ${status.imported}`);
        break;
      }
      await new Promise((r) => setTimeout(r, 20));
    }
  } finally {
    await core.close();
  }
}

/** Wall and CPU time (all threads of the process) of one call. */
async function timed<T>(fn: () => Promise<T>): Promise<{ ms: number; cpuMs: number; value: T }> {
  const cpu0 = process.cpuUsage();
  const t0 = nowMs();
  const value = await fn();
  const ms = nowMs() - t0;
  const cpu = process.cpuUsage(cpu0);
  return { ms, cpuMs: (cpu.user + cpu.system) / 1000, value };
}

function seed(file: string): void {
  const db = new Database(file);
  const random = seededRandom(0xbacc);
  const insert = db.prepare(`insert into messages (idempotency_key, account_id, to_e164, to_raw, text, encoding, segments, status,
    origin, test_mode, created_at, updated_at, sent_at, delivered_at, final_at)
    values (?, 1, ?, ?, ?, 'UCS-2', 1, ?, 'composer', 1, ?, ?, ?, ?, ?)`);
  const event = db.prepare(`insert into message_events (message_id, at, from_status, to_status) values (?, ?, 'sent', ?)`);
  const start = Date.UTC(2025, 0, 1);
  db.transaction(() => {
    for (let i = 0; i < MESSAGES; i++) {
      const number = `9${String(Math.floor(random() * 1e8)).padStart(8, '0')}`;
      const at = start + i * 30_000;
      const status = random() < 0.95 ? 'delivered' : 'failed';
      const id = insert.run(`bench-${i}`, `+886${number}`, `0${number}`, '【測試店】您好，您的愛車定檢即將到期，歡迎預約。', status, at, at, at, at + 5000, at + 5000).lastInsertRowid;
      if (i % 10 === 0) event.run(id, at + 5000, status);
    }
  })();
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.close();
}

const maintenanceCase: BenchCase = {
  name: 'maintenance',
  async run() {
    return withTempDir(async (dir) => {
      const dataDir = path.join(dir, 'data');
      const backupDir = path.join(dir, 'backups');
      await importContacts(dataDir);
      const file = path.join(dataDir, 'smsdesk.db');
      seed(file);

      const quickRuns: number[] = [];
      for (let i = 0; i < 3; i++) {
        const t0 = nowMs();
        const report = await checkFile(file, 'quick');
        quickRuns.push(nowMs() - t0);
        if (!report.ok) throw new Error('quick_check failed on the bench database');
      }

      const db = new Database(file);
      // Time in each phase, summed: the check's end is waited for after the container is verified.
      const phases: Partial<Record<BackupPhase, number>> = {};
      const at = { phase: null as BackupPhase | null, start: nowMs() };
      const enter = (phase: BackupPhase | null) => {
        const now = nowMs();
        if (at.phase) phases[at.phase] = (phases[at.phase] ?? 0) + (now - at.start);
        at.phase = phase;
        at.start = now;
      };
      const backup = await timed(() =>
        createBackup(db, {
          dir: backupDir,
          kind: 'manual',
          now: Date.now(),
          appVersion: 'bench',
          onProgress: (phase) => {
            if (phase !== at.phase) enter(phase === 'done' ? null : phase);
          },
        }),
      );
      enter(null);
      db.close();
      const made = backup.value;

      // For comparison: the same backup with quick_check instead of the full integrity_check.
      const quickDb = new Database(file);
      const quickBackup = await timed(() => createBackup(quickDb, { dir: backupDir, kind: 'cli', check: 'quick', now: Date.now() + 1, appVersion: 'bench' }));
      quickDb.close();

      // The full check on one thread (the live file: `smsdesk check`, the weekly check), its parts,
      // and split over two threads on a private rollback-journal copy (as a backup's snapshot).
      const single = await timed(() => checkFile(file, 'full'));
      if (!single.value.ok) throw new Error('the full check failed on the bench database');
      const fk = await timed(() => runInWorker(file, ['pragma foreign_key_check']));
      const snapshot = path.join(dir, 'snapshot.db');
      fs.copyFileSync(file, snapshot);
      const snap = new Database(snapshot);
      snap.pragma('journal_mode = DELETE');
      snap.close();
      const split = await timed(() => splitCheckFile(snapshot, { copy: path.join(dir, 'snapshot-copy.db'), minRows: 0 }));
      if (!split.value.ok) throw new Error(`the split check failed on the bench database: ${split.value.problems[0]}`);
      fs.rmSync(snapshot);

      const stagingDir = path.join(dir, 'staging');
      const validate = await timed(() => validateBackup(made.file, { migrations: loadMigrations(defaultMigrationsDir()), stagingDir, now: Date.now() }));
      fs.rmSync(stagingDir, { recursive: true, force: true });

      const ms = (value: number, goal?: string): Result => ({ value: round(value), unit: 'ms', ...(goal ? { goal } : {}) });
      return {
        'backup.1m_messages_ms': ms(backup.ms, '<= 5000'),
        'backup.1m_messages_cpu_ms': ms(backup.cpuMs),
        ...Object.fromEntries(Object.entries(phases).map(([phase, value]) => [`backup.1m_phase_${phase}_ms`, ms(value)])),
        'backup.1m_messages_quick_check_ms': ms(quickBackup.ms, '<= 5000'),
        'backup.1m_file_mb': { value: round(made.size / 1e6), unit: 'MB' },
        'check.1m_full_one_thread_ms': ms(single.ms),
        'check.1m_full_one_thread_cpu_ms': ms(single.cpuMs),
        'check.1m_foreign_key_check_ms': ms(fk.ms),
        'check.1m_full_split_ms': ms(split.ms),
        'check.1m_full_split_cpu_ms': ms(split.cpuMs),
        'restore.validate_1m_ms': ms(validate.ms),
        'restore.validate_1m_cpu_ms': ms(validate.cpuMs),
        'core.quick_check_ms': ms(median(quickRuns)),
      };
    }, 'smsdesk-bench-maintenance-');
  },
};

export default maintenanceCase;
