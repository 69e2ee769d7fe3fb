// Small text formatting for the card (pure; English UI).
import type { EntityType } from '../../engine/types';

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** "2025-06" → "June 2025"; "2022-04-13" → "13 April 2022"; "2024" → "2024"; anything else → null. */
export function formatDate(iso: string | null | undefined): string | null {
  const m = iso ? /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(iso) : null;
  if (!m) return null;
  const [, year, month, day] = m;
  if (!month) return year;
  const name = MONTHS[Number(month) - 1];
  if (!name) return year;
  return day ? `${Number(day)} ${name} ${year}` : `${name} ${year}`;
}

/** "as of June 2025" (the month the description holds for). */
export function asOfLabel(asOf: string | null | undefined): string | null {
  const m = asOf ? /^(\d{4})-(\d{2})/.exec(asOf) : null;
  const label = m ? formatDate(`${m[1]}-${m[2]}`) : formatDate(asOf);
  return label ? `as of ${label}` : null;
}

export const TYPE_LABELS: Record<EntityType, string> = {
  person: 'Person',
  organization: 'Organisation',
  place: 'Place',
  event: 'Event',
  topic: 'Topic',
};

export function wikipediaUrl(title: string): string {
  return `https://en.wikipedia.org/wiki/${encodeURIComponent(title.replace(/ /g, '_'))}`;
}

export const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;
