// smsdesk — the command line: scripting, integration with management systems, and headless running.
// Exit codes: 0 done; 2 bad arguments or input, nothing done; 124 --wait ran out of time; 1 anything else.
import { Command, CommanderError } from 'commander';
import { createI18n } from '../../src-shared/i18n';
import { describeError, EXIT, type GlobalOptions } from './context';
import { registerAccounts } from './commands/accounts';
import { registerCancel } from './commands/cancel';
import { registerResend } from './commands/resend';
import { registerContacts } from './commands/contacts';
import { registerLog } from './commands/log';
import { registerRun } from './commands/run';
import { registerSegments } from './commands/segments';
import { registerSend } from './commands/send';
import { registerServe } from './commands/serve';
import { registerSettings } from './commands/settings';
import { registerBackup } from './commands/backup';
import { registerRestore } from './commands/restore';
import { registerCheck } from './commands/check';
import { registerCompact } from './commands/compact';
import { registerTemplates } from './commands/templates';
import { readPackageVersion } from './version';

export function buildProgram(): Command {
  const program = new Command();
  program
    .name('smsdesk')
    .description('Business SMS for the shop counter')
    .version(readPackageVersion())
    .option('--data-dir <dir>', 'data folder (default: SMSDESK_DATA_DIR or the platform default)')
    .showHelpAfterError()
    .exitOverride();
  const globals = () => program.opts<GlobalOptions>();
  registerSend(program, globals);
  registerLog(program, globals);
  registerSettings(program, globals);
  registerSegments(program, globals);
  registerAccounts(program, globals);
  registerServe(program, globals);
  registerRun(program, globals);
  registerCancel(program, globals);
  registerResend(program, globals);
  registerContacts(program, globals);
  registerBackup(program, globals);
  registerRestore(program, globals);
  registerCheck(program, globals);
  registerCompact(program, globals);
  registerTemplates(program, globals);
  for (const command of program.commands) {
    command.exitOverride();
    for (const sub of command.commands) sub.exitOverride();
  }
  return program;
}

export async function main(argv: string[]): Promise<number> {
  const program = buildProgram();
  try {
    await program.parseAsync(argv, { from: 'user' });
    return EXIT.ok;
  } catch (err) {
    if (err instanceof CommanderError) {
      // Help and version end "with an error" in commander's terms; they are successes for us.
      if (err.code === 'commander.helpDisplayed' || err.code === 'commander.version' || err.code === 'commander.help') return EXIT.ok;
      if (err.code === 'commander.invalidArgument' && !err.message.startsWith('error:')) process.stderr.write(err.message + '\n');
      return EXIT.badInput;
    }
    const { t } = createI18n();
    const { line, code } = describeError(err, t);
    if (line) process.stderr.write(line + '\n');
    return code;
  }
}

/**
 * Exits once stdout and stderr have flushed: writes to a pipe are asynchronous, and process.exit()
 * right away would cut `smsdesk log --json | …` off after the first 64 KiB.
 */
function exitWhenFlushed(code: number): void {
  let pending = 2;
  const done = () => {
    if (--pending === 0) process.exit(code);
  };
  process.stdout.write('', done);
  process.stderr.write('', done);
}

/** Runs the CLI for this process's arguments and exits with its code (the bin and `npm run cli` both land here). */
export function runFromProcess(): void {
  main(process.argv.slice(2)).then(
    (code) => exitWhenFlushed(code),
    (err) => {
      process.stderr.write(String((err as Error)?.stack ?? err) + '\n');
      exitWhenFlushed(EXIT.failure);
    },
  );
}

// Run directly (tsx src-main/cli/index.ts); the bin imports this module and calls runFromProcess itself.
if (process.argv[1] && /cli[\\/]index\.ts$/.test(process.argv[1])) runFromProcess();
