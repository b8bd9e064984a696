// The target of "log a conversation": the activity log that the customer
// panel's conversation log uses (src/db/conversations.ts), found and created
// by the same helpers, so a rule's entry and a typed one share one sheet.

import { ACTIVITIES_SHEET_NAME, buildActivityFields, findActivityLog, type ActivityLog } from '../db/conversations';
import type { SheetRecord } from '../db/records';
import type { RuleWorkspace } from './workspace';

/**
 * Returns the activity log for the customers of `customerSheet`, adding an
 * "Activities" sheet with the workbook's conversation types when there is none.
 */
export async function findOrCreateActivityLog(
  workspace: RuleWorkspace,
  customerSheet: SheetRecord,
): Promise<ActivityLog> {
  const found = findActivityLog(await workspace.sheets(), customerSheet.id);
  if (found) return found;

  const fields = buildActivityFields(customerSheet.id, await workspace.conversationTypes());
  const sheet = await workspace.addSheet(ACTIVITIES_SHEET_NAME, fields);
  return findActivityLog([sheet], customerSheet.id)!;
}
