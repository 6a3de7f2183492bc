import { ActionUpdateService } from '../../../../src/domain/actions/action-update-service';
import { ForbiddenError, NotFoundError } from '../../../../src/domain/errors';
import { screenForPersonalData } from '../../../../src/domain/privacy/screen';
import { chair, healthLead, NOW, officer, P, policeLead, staff, world } from './world';

async function service() {
  const w = await world();
  return new ActionUpdateService(w.actions, w.organisations, screenForPersonalData, () => NOW);
}

describe('ActionUpdateService.myActions', () => {
  it("lists the actor's organisation's actions with its name and every owner's name", async () => {
    const mine = await (await service()).myActions(P, policeLead);
    expect(mine.records.map((r) => r.action.id)).toEqual(['1.1', '2.1']);
    expect(mine.organisationName).toBe('Warwickshire Police');
    expect(mine.organisationNames.get('schools')).toBe('Rugby Schools');
  });

  it('lists nothing, and names no organisation, for someone outside every organisation', async () => {
    const mine = await (await service()).myActions(P, staff);
    expect(mine.records).toEqual([]);
    expect(mine.organisationName).toBeUndefined();
  });
});

describe('ActionUpdateService.openForUpdate', () => {
  it("gives an owner's lead, the Prevent Officer and the chair the action with its owners' names", async () => {
    const actions = await service();
    for (const actor of [policeLead, officer, chair]) {
      const { record, organisationNames } = await actions.openForUpdate(P, actor, '2.1');
      expect([record.action.id, organisationNames.get('police')]).toEqual(['2.1', 'Warwickshire Police']);
    }
  });

  it("refuses another organisation's lead, and says when there is no such action", async () => {
    const actions = await service();
    await expect(actions.openForUpdate(P, healthLead, '1.1')).rejects.toThrow(ForbiddenError);
    await expect(actions.openForUpdate(P, officer, '9.9')).rejects.toThrow(NotFoundError);
  });
});
