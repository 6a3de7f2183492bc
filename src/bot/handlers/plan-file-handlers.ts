import { z } from 'zod';
import { escapeMarkdown } from '../../cards/markdown';
import { planImportCard } from '../../cards/plan-import-card';
import { InvalidError } from '../../domain/errors';
import { readPlanBytes } from '../../plan-files/plan-file-reader';
import type { TurnHandler } from '../bot-services';
import { sendCard } from '../send-card';
import { downloadTeamsFile } from '../teams-file-download';

/** Teams' attachment for a file sent in a 1:1 chat with a bot that supports files. */
export const teamsFileAttachmentSchema = z.object({
  contentType: z.literal('application/vnd.microsoft.teams.file.download.info'),
  name: z.string().min(1).max(300),
  content: z.object({
    downloadUrl: z.string().url(),
    fileType: z.string().max(20).optional(),
  }),
});
export type TeamsFileAttachment = z.infer<typeof teamsFileAttachmentSchema>;

/** The first attached file that could be an action plan, if the message carries one. */
export function planFileIn(attachments: readonly unknown[] | undefined): TeamsFileAttachment | undefined {
  for (const attachment of attachments ?? []) {
    const parsed = teamsFileAttachmentSchema.safeParse(attachment);
    if (parsed.success && /\.(csv|xlsx)$/i.test(parsed.data.name)) return parsed.data;
  }
  return undefined;
}

/** The Prevent Officer sent a CSV or XLSX in chat: import it as the action plan, all or nothing. */
export function importPlanFile(file: TeamsFileAttachment): TurnHandler {
  return async (context, turn, services) => {
    const outcome = await services.planImports.importFile(turn.partnershipId, turn.actor, async () => {
      try {
        const bytes = await downloadTeamsFile(file.content.downloadUrl, { logger: services.logger, ...(services.fetchFile ? { fetch: services.fetchFile } : {}) });
        // The reader's refusals quote the file's name on a problem card, whose message is Markdown: a
        // name is the sender's own text and must not become a link there.
        return await readPlanBytes(bytes, escapeMarkdown(file.name));
      } catch (error) {
        if (error instanceof InvalidError) throw error;
        throw new InvalidError((error as Error).message.replace(/^cannot read/, 'Could not read'));
      }
    });
    await sendCard(context, planImportCard(file.name, outcome));
  };
}
