/**
 * Rows read with hand-written SQL, typed like Prisma's own results: the scalar columns of a model
 * and how each is stored come from the generated client's data model, so a column added to the
 * schema is read here too, with its type.
 */
import type { TurnAccount } from '../accounts/turnAccount.ts';
import type { Db } from '../db/database.ts';
import type { Account, Creditor, Installment, Plan } from '../db/generated/client.ts';
import { offeredPlanAmong, openPlanAmong, type PlanWithInstallments } from '../negotiation/planStore.ts';
import { esignStandingAmong } from '../accounts/consent.ts';

type FieldType = 'String' | 'Int' | 'Boolean' | 'DateTime' | 'Float' | 'BigInt' | 'Json' | 'Bytes' | 'Decimal';
interface RuntimeField {
  name: string;
  kind: string;
  type: string;
}

const scalarFields = new Map<string, RuntimeField[]>();

function fieldsOf(db: Db, model: string): RuntimeField[] {
  let fields = scalarFields.get(model);
  if (!fields) {
    const dataModel = (db as unknown as { _runtimeDataModel?: { models: Record<string, { fields: RuntimeField[] }> } })._runtimeDataModel;
    const found = dataModel?.models[model];
    if (!found) throw new Error(`modelRows: the Prisma client has no model ${model}`);
    fields = found.fields.filter((f) => f.kind === 'scalar' || f.kind === 'enum');
    scalarFields.set(model, fields);
  }
  return fields;
}

/** The model's scalar column names. */
export function modelColumns(db: Db, model: string): string[] {
  return fieldsOf(db, model).map((f) => f.name);
}

/** A stored DateTime: ISO text (with or without a zone; SQLite's CURRENT_TIMESTAMP has none, meaning UTC), epoch ms, or a Date. */
export function dateOf(value: unknown): Date {
  if (value instanceof Date) return value;
  if (typeof value === 'number' || typeof value === 'bigint') return new Date(Number(value));
  const text = String(value);
  return new Date(/(Z|[+-]\d\d:?\d\d)$/.test(text) ? text : `${text.replace(' ', 'T')}Z`);
}

function convert(value: unknown, type: FieldType | string): unknown {
  if (value === null || value === undefined) return null;
  switch (type) {
    case 'DateTime':
      return dateOf(value);
    case 'Boolean':
      return value === true || value === 1 || value === 1n || value === '1' || value === 't';
    case 'Int':
    case 'Float':
      return Number(value);
    case 'BigInt':
      return BigInt(value as string);
    default:
      return value;
  }
}

/** `value` (column name -> stored value) as the model's row, every scalar field typed as Prisma types it. */
export function rowOf<T>(db: Db, model: string, value: Record<string, unknown>): T {
  const row: Record<string, unknown> = {};
  for (const field of fieldsOf(db, model)) row[field.name] = convert(value[field.name], field.type);
  return row as T;
}

/** The turn's account from one row per record, as the hot statements read them ({kind, row: JSON of the columns}). */
export function turnAccountFromRows(db: Db, rows: Array<{ kind: string; row: string }>): TurnAccount | null {
  let account: Account | undefined;
  let creditor: Creditor | undefined;
  const plans: PlanWithInstallments[] = [];
  const installments: Installment[] = [];
  const consents: Array<{ withdrawnAt: Date | null }> = [];
  for (const { kind, row } of rows) {
    const value = JSON.parse(row) as Record<string, unknown>;
    if (kind === 'esign') consents.push({ withdrawnAt: value.withdrawnAt === null || value.withdrawnAt === undefined ? null : dateOf(value.withdrawnAt) });
    if (kind === 'account') account = rowOf<Account>(db, 'Account', value);
    else if (kind === 'creditor') creditor = rowOf<Creditor>(db, 'Creditor', value);
    else if (kind === 'plan') plans.push({ ...rowOf<Plan>(db, 'Plan', value), installments: [] });
    else if (kind === 'installment') installments.push(rowOf<Installment>(db, 'Installment', value));
  }
  if (!account || !creditor) return null;
  for (const installment of installments.sort((x, y) => x.seq - y.seq)) plans.find((p) => p.id === installment.planId)?.installments.push(installment);
  return { account: { ...account, creditor }, openPlan: openPlanAmong(plans), offeredPlan: offeredPlanAmong(plans), esign: esignStandingAmong(consents) };
}
