// The idle meter (idle-cores.ts) the split check decides by: nothing to say over a moment, then the
// idle cores over the time since it started, never more than the machine has.
import os from 'node:os';
import { describe, expect, it } from 'vitest';
import { startIdleMeter } from '../../src-main/core/maintenance/idle-cores';

describe('startIdleMeter', () => {
  it('says nothing before 200 ms, then a share of the cores between 0 and their number', async () => {
    const meter = startIdleMeter();
    expect(meter.idleCores()).toBeNull();
    await new Promise((resolve) => setTimeout(resolve, 300));
    const idle = meter.idleCores();
    expect(idle).not.toBeNull();
    expect(idle!).toBeGreaterThanOrEqual(0);
    // The counters tick in about 10 ms steps per core: a little over the number of cores is rounding.
    expect(idle!).toBeLessThanOrEqual(os.cpus().length * 1.1);
  });

  it('counts this thread busy: spinning on one core leaves at most the others idle', () => {
    const meter = startIdleMeter();
    const end = performance.now() + 400;
    while (performance.now() < end) {
      // busy on purpose
    }
    expect(meter.idleCores()!).toBeLessThanOrEqual(os.cpus().length - 0.5);
  });
});
