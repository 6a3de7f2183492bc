import { PeriodicJob } from '../../../src/delivery/periodic-job';
import { HandTimers } from '../../support/hand-timers';

/** A run that finishes only when the test says. */
function controlledRuns() {
  const finishers: ((error?: Error) => void)[] = [];
  let started = 0;
  const run = () =>
    new Promise<void>((resolve, reject) => {
      started += 1;
      finishers.push((error) => (error ? reject(error) : resolve()));
    });
  return { run, started: () => started, finish: (error?: Error) => finishers.shift()!(error) };
}

const settle = () => new Promise((resolve) => setImmediate(resolve));

describe('a periodic job', () => {
  it('arms a first run and the interval on start, once however often it is started, and disarms both on stop', () => {
    const timers = new HandTimers();
    const job = new PeriodicJob({ run: async () => undefined, intervalMs: 600_000, firstRunAfterMs: 5_000, onError: () => undefined, timers });
    job.start();
    job.start();
    expect(timers.live()).toEqual(['after 5000', 'every 600000']);
    job.stop();
    expect(timers.live()).toEqual([]);
    expect(job.started).toBe(false);
  });

  it('waits a whole interval before its first run when no first run is asked for', () => {
    const timers = new HandTimers();
    new PeriodicJob({ run: async () => undefined, intervalMs: 900_000, onError: () => undefined, timers }).start();
    expect(timers.live()).toEqual(['every 900000']);
  });

  it('skips a tick that comes while the last run is still going, rather than running twice at once', async () => {
    const timers = new HandTimers();
    const runs = controlledRuns();
    const job = new PeriodicJob({ run: runs.run, intervalMs: 1_000, onError: () => undefined, timers });
    job.start();
    timers.fire('every');
    timers.fire('every');
    await settle();
    expect(runs.started()).toBe(1);
    runs.finish();
    await settle();
    timers.fire('every');
    await settle();
    expect(runs.started()).toBe(2);
  });

  it('reports a run that fails and runs again at the next tick', async () => {
    const timers = new HandTimers();
    const runs = controlledRuns();
    const errors: unknown[] = [];
    const job = new PeriodicJob({ run: runs.run, intervalMs: 1_000, onError: (error) => errors.push(error), timers });
    job.start();
    timers.fire('every');
    await settle();
    runs.finish(new Error('storage unavailable'));
    await settle();
    expect(errors).toEqual([new Error('storage unavailable')]);
    timers.fire('every');
    await settle();
    expect(runs.started()).toBe(2);
  });

  it('reports a run that throws before it returns a promise, too', async () => {
    const errors: unknown[] = [];
    const job = new PeriodicJob({
      run: () => {
        throw new Error('not ready');
      },
      intervalMs: 1_000,
      onError: (error) => errors.push(error),
      timers: new HandTimers(),
    });
    await expect(job.runNow()).resolves.toBeUndefined();
    expect(errors).toEqual([new Error('not ready')]);
  });

  it('lets a run be asked for now, sharing the one under way', async () => {
    const runs = controlledRuns();
    const job = new PeriodicJob({ run: runs.run, intervalMs: 1_000, onError: () => undefined, timers: new HandTimers() });
    const first = job.runNow();
    const second = job.runNow();
    await settle();
    expect(runs.started()).toBe(1);
    runs.finish();
    await expect(Promise.all([first, second])).resolves.toEqual([undefined, undefined]);
  });
});
