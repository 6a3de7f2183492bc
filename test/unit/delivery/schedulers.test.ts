import type { BotServices } from '../../../src/bot/bot-services';
import { AgendaScheduler } from '../../../src/delivery/agenda-scheduler';
import { ChaserScheduler } from '../../../src/delivery/chaser-scheduler';
import { HandTimers } from '../../support/hand-timers';

/** Just enough of the services for a pass over no partnerships, or over a list that cannot be read. */
function services(listing: () => Promise<string[]>) {
  const warnings: string[] = [];
  const stub = { partnerships: { allIds: listing }, logger: { info: () => undefined, warn: (_details: unknown, message: string) => warnings.push(message) } };
  return { services: stub as unknown as BotServices, warnings };
}

describe('the agenda and chaser schedulers', () => {
  it('post agendas 5 seconds after start and then every 10 minutes, until stopped', () => {
    const timers = new HandTimers();
    const scheduler = new AgendaScheduler(services(async () => []).services, 5, undefined, timers);
    scheduler.start();
    expect(timers.live()).toEqual(['after 5000', 'every 600000']);
    scheduler.stop();
    expect(timers.live()).toEqual([]);
  });

  it('send chasers 30 seconds after start and then hourly, until stopped', () => {
    const timers = new HandTimers();
    const scheduler = new ChaserScheduler(services(async () => []).services, undefined, timers);
    scheduler.start();
    expect(timers.live()).toEqual(['after 30000', 'every 3600000']);
    scheduler.stop();
    expect(timers.live()).toEqual([]);
  });

  it('log a pass that cannot list the partnerships and carry on at the next tick', async () => {
    const { services: failing, warnings } = services(async () => {
      throw new Error('storage unavailable');
    });
    await expect(new AgendaScheduler(failing, 5).tick()).resolves.toBe(0);
    await expect(new ChaserScheduler(failing).tick()).resolves.toBe(0);
    expect(warnings).toEqual(['agenda scheduler could not list partnerships', 'chaser scheduler could not list partnerships']);
  });
});
