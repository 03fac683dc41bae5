// `npm run bench [-- --json] [-- --only <prefix>]`: runs the benchmark cases in order and prints
// { "results": { "<name>": { value, unit, peer?, ratio?, goal? } } } on stdout. With --json nothing
// else goes to stdout or stderr (errors aside); without it, progress and a short summary go to stderr.
import type { BenchCase, Result } from './util';

// One line per case, in the order they run.
const cases: BenchCase[] = [
  (await import('./cases/segments')).default,
  (await import('./cases/core-startup')).default,
  (await import('./cases/outbox')).default,
  (await import('./cases/dispatch')).default,
  (await import('./cases/providers')).default,
  (await import('./cases/contacts')).default,
  (await import('./cases/maintenance')).default,
  (await import('./cases/scheduler')).default,
  (await import('./cases/compose')).default,
  (await import('./cases/rules')).default,
  (await import('./cases/log')).default,
];

interface Options {
  json: boolean;
  only: string[];
}

function parseArgs(argv: readonly string[]): Options {
  const options: Options = { json: false, only: [] };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--json') options.json = true;
    else if (arg === '--only' && argv[i + 1] !== undefined) options.only.push(argv[++i]!);
    else if (arg.startsWith('--only=')) options.only.push(arg.slice('--only='.length));
    else throw new UsageError(`unknown argument: ${arg} (use --json, --only <prefix>)`);
  }
  return options;
}

class UsageError extends Error {}

/** A case runs when a prefix selects it ("seg") or one of its results ("segments.throughput"). */
function selects(prefix: string, caseName: string): boolean {
  return caseName.startsWith(prefix) || prefix.startsWith(`${caseName}.`);
}

function meetsGoal(result: Result): boolean | undefined {
  const match = result.goal?.match(/^\s*(>=|<=|>|<)\s*(-?[\d.]+)\s*$/);
  if (!match) return undefined;
  const target = Number(match[2]);
  switch (match[1]) {
    case '>=': return result.value >= target;
    case '<=': return result.value <= target;
    case '>': return result.value > target;
    default: return result.value < target;
  }
}

function summaryLine(name: string, result: Result): string {
  const parts = [`${name}: ${result.value} ${result.unit}`];
  if (result.peer !== undefined) parts.push(`peer ${result.peer}`);
  if (result.ratio !== undefined) parts.push(`ratio ${result.ratio}x`);
  if (result.goal !== undefined) parts.push(`goal ${result.goal} ${meetsGoal(result) === false ? 'MISSED' : 'met'}`);
  return parts.join(', ');
}

async function main(): Promise<number> {
  let options: Options;
  try {
    options = parseArgs(process.argv.slice(2));
  } catch (err) {
    process.stderr.write(`bench: ${(err as Error).message}\n`);
    return 2;
  }
  const selected = options.only.length === 0 ? cases : cases.filter((c) => options.only.some((p) => selects(p, c.name)));
  if (selected.length === 0) {
    process.stderr.write(`bench: no case matches ${options.only.join(', ')} (cases: ${cases.map((c) => c.name).join(', ')})\n`);
    return 2;
  }
  const log = (line: string) => {
    if (!options.json) process.stderr.write(`${line}\n`);
  };

  const results: Record<string, Result> = {};
  let failed = false;
  for (const benchCase of selected) {
    log(`bench: ${benchCase.name} ...`);
    try {
      const caseResults = await benchCase.run();
      for (const [name, result] of Object.entries(caseResults)) {
        if (options.only.length === 0 || options.only.some((p) => name.startsWith(p) || benchCase.name.startsWith(p))) results[name] = result;
      }
    } catch (err) {
      // One broken case must not hide the others' figures; the exit code still says something failed.
      failed = true;
      process.stderr.write(`bench: ${benchCase.name} failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
    }
  }

  process.stdout.write(`${JSON.stringify({ results }, null, 2)}\n`);
  if (!options.json) {
    log('');
    for (const [name, result] of Object.entries(results)) log(summaryLine(name, result));
  }
  return failed ? 1 : 0;
}

process.exitCode = await main();
