// The rule engine's view of the database inside one transaction. It writes
// through at once, so later reads in the same transaction see the writes,
// and it tracks each row's and reminder's first `before` and last `after`,
// which become one history entry with the change that triggered the rules.

import { toLocalDate } from '../reminders/localClock';
import type { RulePrompt, RuleWorkspace } from '../rules/workspace';
import type { FieldDef } from '../fields/types';
import { getConversationTypes } from './conversationTypes';
import type { ReminderChange, RowChange } from './history';
import { newId } from './ids';
import type { ReminderRecord, RowRecord, RuleRecord, SheetRecord } from './records';
import { getReminderSettings } from './reminders';
import type { KindlingDatabase } from './schema';
import { getWorkbookSettings } from './settings';
import { buildDefaultView, buildRowRecords, uniqueSheetName } from './sheets';

/** Key of the settings record that stores the open value requests of rules. */
export const RULE_PROMPTS_KEY = 'rulePrompts';

/** Every table a rule may read or write, so the triggering transaction covers them. */
export const RULE_TABLES = ['rows', 'history', 'sheets', 'views', 'reminders', 'rules', 'ruleRuns', 'settings'];

export function readPrompts(value: unknown): RulePrompt[] {
  return Array.isArray(value) ? (value as RulePrompt[]).filter((prompt) => typeof prompt?.id === 'string') : [];
}

export class TransactionWorkspace implements RuleWorkspace {
  readonly today: string;
  private readonly rowChanges = new Map<string, RowChange>();
  private readonly reminderChanges = new Map<string, ReminderChange>();
  private readonly rulesBySheet = new Map<string, RuleRecord[]>();
  readonly prompts: RulePrompt[] = [];
  readonly addedSheets: SheetRecord[] = [];

  private constructor(
    private readonly database: KindlingDatabase,
    readonly now: Date,
    readonly context: RuleWorkspace['context'],
    readonly reminderTime: string,
  ) {
    this.today = toLocalDate(now);
  }

  /** Opens a workspace; call it inside a transaction over RULE_TABLES. */
  static async open(database: KindlingDatabase, now: Date): Promise<TransactionWorkspace> {
    const context = await getWorkbookSettings();
    const { reminderTime } = await getReminderSettings(database);
    return new TransactionWorkspace(database, now, context, reminderTime);
  }

  /** Starts tracking from changes the caller already wrote, such as the user's edit that triggered the rules. */
  seed(changes: RowChange[]): void {
    for (const change of changes) this.trackRow(change.before, change.after);
  }

  private trackRow(before: RowRecord | null, after: RowRecord | null): void {
    const id = (after ?? before)!.id;
    const tracked = this.rowChanges.get(id);
    if (tracked) tracked.after = after;
    else this.rowChanges.set(id, { before, after });
  }

  private trackReminder(before: ReminderRecord | null, after: ReminderRecord | null): void {
    const id = (after ?? before)!.id;
    const tracked = this.reminderChanges.get(id);
    if (tracked) tracked.after = after;
    else this.reminderChanges.set(id, { before, after });
  }

  /** Row changes, one per row, leaving out rows that ended as they began. */
  rowChangeList(): RowChange[] {
    return [...this.rowChanges.values()].filter((change) => change.before !== null || change.after !== null);
  }

  /** Reminder changes, leaving out reminders added and deleted again within the run. */
  reminderChangeList(): ReminderChange[] {
    return [...this.reminderChanges.values()].filter((change) => change.before !== null || change.after !== null);
  }

  async enabledRules(sheetId: string): Promise<RuleRecord[]> {
    let rules = this.rulesBySheet.get(sheetId);
    if (!rules) {
      rules = await this.database.rules
        .where('sheetId')
        .equals(sheetId)
        .filter((rule) => rule.enabled)
        .sortBy('createdAt');
      this.rulesBySheet.set(sheetId, rules);
    }
    return rules;
  }

  async sheet(sheetId: string): Promise<SheetRecord | undefined> {
    const sheet = await this.database.sheets.get(sheetId);
    return sheet && sheet.deleted === 0 ? sheet : undefined;
  }

  async sheets(): Promise<SheetRecord[]> {
    const sheets = await this.database.sheets.orderBy('position').toArray();
    return sheets.filter((sheet) => sheet.deleted === 0);
  }

  row(rowId: string): Promise<RowRecord | undefined> {
    return this.database.rows.get(rowId);
  }

  async putRow(row: RowRecord): Promise<void> {
    const before = this.rowChanges.has(row.id) ? null : ((await this.database.rows.get(row.id)) ?? null);
    await this.database.rows.put(row);
    this.trackRow(before, row);
  }

  async addRow(sheetId: string, values: RowRecord['values']): Promise<RowRecord> {
    const last = await this.database.rows
      .where('[sheetId+position]')
      .between([sheetId, -Infinity], [sheetId, Infinity])
      .last();
    const [row] = buildRowRecords(sheetId, [values], last ? last.position + 1 : 0);
    await this.database.rows.add(row!);
    this.trackRow(null, row!);
    return row!;
  }

  async addSheet(name: string, fields: FieldDef[]): Promise<SheetRecord> {
    const existing = await this.database.sheets.toArray();
    const at = this.now.toISOString();
    const sheet: SheetRecord = {
      id: newId(),
      name: await uniqueSheetName(name),
      fields,
      position: existing.length ? Math.max(...existing.map((each) => each.position)) + 1 : 0,
      createdAt: at,
      updatedAt: at,
      deleted: 0,
    };
    await this.database.sheets.add(sheet);
    await this.database.views.add(buildDefaultView(sheet.id, fields));
    this.addedSheets.push(sheet);
    return sheet;
  }

  conversationTypes(): Promise<string[]> {
    return getConversationTypes();
  }

  remindersOfRow(rowId: string): Promise<ReminderRecord[]> {
    return this.database.reminders.where('rowId').equals(rowId).toArray();
  }

  async putReminder(reminder: ReminderRecord): Promise<void> {
    const before = this.reminderChanges.has(reminder.id)
      ? null
      : ((await this.database.reminders.get(reminder.id)) ?? null);
    await this.database.reminders.put(reminder);
    this.trackReminder(before, reminder);
  }

  async deleteReminder(id: string): Promise<void> {
    const before = this.reminderChanges.has(id) ? null : ((await this.database.reminders.get(id)) ?? null);
    await this.database.reminders.delete(id);
    if (before || this.reminderChanges.has(id)) this.trackReminder(before, null);
  }

  async addPrompt(prompt: RulePrompt): Promise<void> {
    const record = await this.database.settings.get(RULE_PROMPTS_KEY);
    await this.database.settings.put({ key: RULE_PROMPTS_KEY, value: [...readPrompts(record?.value), prompt] });
    this.prompts.push(prompt);
  }
}
