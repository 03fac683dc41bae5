// The TwSMS fake in a process of its own for the dispatch benchmarks: a real provider does not run
// on the dispatcher's event loop, so neither should the fake. Prints its URL, then on each line
// "count" on stdin prints how many messages it accepted. Argument: latency in ms.
import readline from 'node:readline';
import { startTwsmsFake } from '../fakes/twsms';

const fake = await startTwsmsFake({ credits: 100_000_000, latencyMs: Number(process.argv[2] ?? 0) });
process.stdout.write(`${fake.url}\n`);
readline.createInterface({ input: process.stdin }).on('line', (line) => {
  if (line.trim() === 'count') process.stdout.write(`${fake.accepted.length}\n`);
});
process.on('SIGTERM', () => void fake.close().then(() => process.exit(0)));
