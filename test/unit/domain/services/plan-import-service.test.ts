import { PlanImportService } from '../../../../src/domain/actions/plan-import-service';
import { ForbiddenError } from '../../../../src/domain/errors';
import { readCsvText } from '../../../../src/plan-files/plan-file-reader';
import { chair, officer, P, world } from './world';

/** One clean row, owned by the council. */
const PLAN = readCsvText(
  ['Action id,Theme,Key action,Who,Timescale,Outcomes,Notes', '3.1,3. Training,Train frontline staff,Warwickshire County Council,March 2027,Staff know how to refer,'].join('\n'),
);

describe('PlanImportService.importFile', () => {
  it('never reads the file of someone who may not import a plan', async () => {
    const w = await world();
    const read = jest.fn(async () => PLAN);
    await expect(new PlanImportService(w.actions, w.organisations).importFile(P, chair, read)).rejects.toThrow(ForbiddenError);
    expect(read).not.toHaveBeenCalled();
  });

  it("reads the Prevent Officer's file and imports what it holds", async () => {
    const w = await world();
    const read = jest.fn(async () => PLAN);
    const outcome = await new PlanImportService(w.actions, w.organisations).importFile(P, officer, read);
    expect(read).toHaveBeenCalledTimes(1);
    expect(outcome.saved).toBe(true);
    expect((await w.actions.get(P, '3.1'))?.action).toMatchObject({ text: 'Train frontline staff', ownerOrganisationIds: ['wcc'] });
  });
});
