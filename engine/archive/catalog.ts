// Reading and checking data/catalog/*.jsonl: one CatalogEntry per line.
import { normalizePhrase } from '../normalize';
import { ENTITY_TYPES, type CatalogEntry, type EntityType } from '../types';
import { isIsoMonthOrDay } from './dates';
import { FieldReader, jsonlLines, parseJsonObject, type SourceProblem } from './problems';

/** A catalog entry with the place it was read from, for error messages. */
export interface CatalogRecord {
  entry: CatalogEntry;
  file: string;
  line: number;
}

const KEBAB_ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const HINT_KEYS = ['country', 'field', 'years'] as const;

export function parseCatalogJsonl(text: string, file: string, problems: SourceProblem[]): CatalogRecord[] {
  const records: CatalogRecord[] = [];
  for (const { line, number } of jsonlLines(text)) {
    const object = parseJsonObject(line, file, number, problems);
    if (!object) continue;
    const before = problems.length;
    const entry = readCatalogEntry(new FieldReader(object, file, number, problems), object);
    if (problems.length === before) records.push({ entry, file, line: number });
  }
  return records;
}

function readCatalogEntry(fields: FieldReader, object: Record<string, unknown>): CatalogEntry {
  const id = fields.text('id');
  if (id && !KEBAB_ID.test(id)) fields.problem('id', 'must be kebab-case (a-z, 0-9 and single hyphens)');
  const type = fields.text('type');
  if (type && !ENTITY_TYPES.includes(type as EntityType)) {
    fields.problem('type', `must be one of ${ENTITY_TYPES.join(', ')}`);
  }
  const asOf = fields.text('asOf');
  if (asOf && !isIsoMonthOrDay(asOf)) fields.problem('asOf', 'must be a date written yyyy-mm or yyyy-mm-dd');
  const entry: CatalogEntry = {
    id,
    name: fields.text('name'),
    type: type as EntityType,
    aliases: fields.stringList('aliases', true),
    description: fields.text('description'),
    asOf,
    wikipedia: fields.nullableText('wikipedia'),
  };
  const hints = readHints(fields, object.hints);
  if (hints) entry.hints = hints;
  return entry;
}

function readHints(fields: FieldReader, value: unknown): CatalogEntry['hints'] | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'object' || Array.isArray(value)) {
    fields.problem('hints', 'must be an object with optional string fields country, field, years');
    return undefined;
  }
  const hints: NonNullable<CatalogEntry['hints']> = {};
  for (const key of HINT_KEYS) {
    const hint = (value as Record<string, unknown>)[key];
    if (hint === undefined || hint === null) continue;
    if (typeof hint !== 'string') fields.problem(`hints.${key}`, 'must be a string');
    else hints[key] = hint;
  }
  return hints;
}

/**
 * Checks across all catalog files: ids unique, and no alias (or display name) claimed by two entities of the same
 * type unless their hints tell them apart — the matcher could not choose between them. Aliases are compared the way
 * the matcher reads them (case and diacritics folded).
 */
export function checkCatalog(records: CatalogRecord[], problems: SourceProblem[]): void {
  const firstById = new Map<string, CatalogRecord>();
  for (const record of records) {
    const first = firstById.get(record.entry.id);
    if (first) {
      problems.push({
        file: record.file,
        line: record.line,
        message: `field "id": duplicate id "${record.entry.id}" (first used at ${first.file}:${first.line})`,
      });
    } else {
      firstById.set(record.entry.id, record);
    }
  }

  const claims = new Map<string, CatalogRecord[]>(); // "type|folded alias" -> entries claiming it
  for (const record of records) {
    const { entry } = record;
    const forms = new Set([entry.name, ...entry.aliases].map(normalizePhrase).filter((form) => form !== ''));
    for (const form of forms) {
      const key = `${entry.type}|${form}`;
      const list = claims.get(key);
      if (list) list.push(record);
      else claims.set(key, [record]);
    }
  }
  for (const [key, list] of claims) {
    for (let i = 1; i < list.length; i++) {
      for (let j = 0; j < i; j++) {
        if (hintsKey(list[i].entry) !== hintsKey(list[j].entry)) continue;
        const form = key.slice(key.indexOf('|') + 1);
        problems.push({
          file: list[i].file,
          line: list[i].line,
          message:
            `field "aliases": "${form}" is also a name of ${list[j].entry.type} "${list[j].entry.id}" ` +
            `(${list[j].file}:${list[j].line}); add a distinguishing hint (country, field or years) or drop the alias`,
        });
        break;
      }
    }
  }
}

function hintsKey(entry: CatalogEntry): string {
  const hints = entry.hints ?? {};
  return HINT_KEYS.map((key) => (hints[key] ?? '').trim().toLowerCase()).join('|');
}
