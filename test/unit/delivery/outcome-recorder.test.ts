import { rowKey } from '../../../src/delivery/outbox-keys';
import { OutcomeRecorder } from '../../../src/delivery/outcome-recorder';
import { MemoryOutboxRepository } from '../../../src/storage/memory/memory-outbox-repository';
import { sampleBatch, sampleMessage } from '../../support/outbox-repository-contract';

async function setup() {
  const repository = new MemoryOutboxRepository();
  await repository.enqueue(sampleBatch(), [sampleMessage('00001')]);
  const [row] = await repository.messages('warwickshire', sampleBatch().id);
  let mono = 100;
  const warnings: string[] = [];
  const pauses: number[] = [];
  let takenOver = 0;
  const recorder = new OutcomeRecorder(
    repository,
    () => mono,
    { warn: (_details, message) => warnings.push(message) },
    () => (takenOver += 1),
    async (ms) => {
      pauses.push(ms);
    },
  );
  return { repository, row: row!, recorder, warnings, pauses, takenOver: () => takenOver, setMono: (at: number) => (mono = at) };
}

describe('the outcome recorder', () => {
  it("writes the outcome on the claim's ETag and remembers when, so an older read cannot undo it", async () => {
    const t = await setup();
    const sent = { ...t.row.value, status: 'sent' as const, attempts: 1 };
    await expect(t.recorder.record(sent, t.row.etag)).resolves.toEqual(expect.any(String));
    expect((await t.repository.messages('warwickshire', sampleBatch().id))[0]?.value.status).toBe('sent');
    const key = rowKey(sent);
    expect(t.recorder.recordedSince(key, 100)).toBe(true);
    expect(t.recorder.recordedSince(key, 101)).toBe(false);
    t.recorder.forget(key);
    expect(t.recorder.recordedSince(key, 0)).toBe(false);
  });

  it('records nothing over a newer write, and asks for the outbox to be read again', async () => {
    const t = await setup();
    await t.repository.updateDelivery({ ...t.row.value, attempts: 1 }, t.row.etag);
    await expect(t.recorder.record({ ...t.row.value, status: 'sent', attempts: 1 }, t.row.etag)).resolves.toBeUndefined();
    expect(t.takenOver()).toBe(1);
    expect(t.warnings).toEqual(['outbox message was taken over while being sent; its outcome is not recorded here']);
    expect(t.pauses).toEqual([]);
  });

  it('tries a failing storage write three times, pausing longer each time, then leaves the row to its expiring claim', async () => {
    const t = await setup();
    const writes = jest.spyOn(t.repository, 'updateDelivery').mockRejectedValue(new Error('storage unavailable'));
    await expect(t.recorder.record({ ...t.row.value, status: 'sent', attempts: 1 }, t.row.etag)).resolves.toBeUndefined();
    expect(writes).toHaveBeenCalledTimes(3);
    expect(t.pauses).toEqual([200, 400]);
    expect(t.takenOver()).toBe(0);
    expect(t.warnings).toEqual(['outbox outcome could not be recorded; the message will be retried when its claim expires']);
  });

  it('succeeds on a later try when storage comes back', async () => {
    const t = await setup();
    jest.spyOn(t.repository, 'updateDelivery').mockRejectedValueOnce(new Error('timeout'));
    await expect(t.recorder.record({ ...t.row.value, status: 'sent', attempts: 1 }, t.row.etag)).resolves.toEqual(expect.any(String));
    expect(t.pauses).toEqual([200]);
  });
});
