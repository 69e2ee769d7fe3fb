// How entity types read in the UI, in the order groups are shown.
import { ENTITY_TYPES, type EntityType } from '../engine/types';

export const TYPE_ORDER: readonly EntityType[] = ENTITY_TYPES;

export const TYPE_LABEL: Record<EntityType, string> = {
  person: 'Person',
  organization: 'Organisation',
  place: 'Place',
  event: 'Event',
  topic: 'Topic',
};

export const TYPE_GROUP_LABEL: Record<EntityType, string> = {
  person: 'People',
  organization: 'Organisations',
  place: 'Places',
  event: 'Events',
  topic: 'Topics',
};

export function isEntityType(value: string): value is EntityType {
  return (ENTITY_TYPES as readonly string[]).includes(value);
}

/** "1 article", "3 articles". */
export function plural(count: number, word: string): string {
  return `${count.toLocaleString('en')} ${word}${count === 1 ? '' : 's'}`;
}
