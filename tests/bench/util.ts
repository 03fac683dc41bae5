// Small helpers shared by the benchmark cases: the result shape, timing, medians, a seeded PRNG (so
// every run measures the same corpus) and temp dirs. Performance is only ever reported here, never
// asserted in tests (DESIGN.md §9).
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';

export interface Result {
  value: number;
  unit: string;
  /** The peer's figure for the same measurement, in the same unit as ours (not the ratio's). */
  peer?: number;
  /** Ours divided by the peer's, when a peer was measured. */
  ratio?: number;
  /** What we aim for, e.g. ">= 5" or "<= 500", compared against value. */
  goal?: string;
}

export interface BenchCase {
  /** Prefix of every result key the case reports, e.g. "segments" for "segments.throughput". */
  name: string;
  run(): Promise<Record<string, Result>>;
}

export function median(values: readonly number[]): number {
  if (values.length === 0) throw new Error('median of no values');
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

export function round(value: number, digits = 2): number {
  const scale = 10 ** digits;
  return Math.round(value * scale) / scale;
}

export function nowMs(): number {
  return performance.now();
}

/** Time one call of an async or sync function, in milliseconds. */
export async function timeMs(fn: () => unknown): Promise<number> {
  const start = performance.now();
  await fn();
  return performance.now() - start;
}

// Whatever the measured functions return is folded in here, so the JIT cannot drop their work.
let sink = 0;
export function consume(value: number): void {
  sink = (sink + value) | 0;
}
export function sinkValue(): number {
  return sink;
}

/**
 * Operations per second of `batch` (which performs `opsPerBatch` operations and returns a number to
 * consume), calling it back to back for at least `minMs`.
 */
export function throughput(batch: () => number, opsPerBatch: number, minMs: number): number {
  let ops = 0;
  const start = performance.now();
  let elapsed: number;
  do {
    consume(batch());
    ops += opsPerBatch;
    elapsed = performance.now() - start;
  } while (elapsed < minMs);
  return (ops * 1000) / elapsed;
}

export interface PeerComparison {
  ours: number;
  peer: number;
  ratio: number;
}

/**
 * Throughput of ours against a peer's on the same work, in the same process: warm-up for both, then
 * rounds that alternate between the two (so drift in machine load hits both alike); medians of each.
 */
export function comparePeer(
  ours: () => number,
  peer: () => number,
  opsPerBatch: number,
  { warmupRounds = 2, rounds = 7, roundMs = 250 }: { warmupRounds?: number; rounds?: number; roundMs?: number } = {},
): PeerComparison {
  for (let i = 0; i < warmupRounds; i++) {
    throughput(ours, opsPerBatch, roundMs);
    throughput(peer, opsPerBatch, roundMs);
  }
  const oursRates: number[] = [];
  const peerRates: number[] = [];
  for (let i = 0; i < rounds; i++) {
    oursRates.push(throughput(ours, opsPerBatch, roundMs));
    peerRates.push(throughput(peer, opsPerBatch, roundMs));
  }
  const oursMedian = median(oursRates);
  const peerMedian = median(peerRates);
  return { ours: oursMedian, peer: peerMedian, ratio: oursMedian / peerMedian };
}

/** mulberry32: a tiny seeded PRNG returning floats in [0, 1). */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function pick<T>(random: () => number, items: readonly T[]): T {
  return items[Math.floor(random() * items.length)]!;
}

export function intBetween(random: () => number, min: number, max: number): number {
  return min + Math.floor(random() * (max - min + 1));
}

export async function makeTempDir(prefix = 'smsdesk-bench-'): Promise<string> {
  return mkdtemp(join(tmpdir(), prefix));
}

/** Run fn with a fresh temp dir that is removed afterwards, whatever happens. */
export async function withTempDir<T>(fn: (dir: string) => Promise<T>, prefix?: string): Promise<T> {
  const dir = await makeTempDir(prefix);
  try {
    return await fn(dir);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
