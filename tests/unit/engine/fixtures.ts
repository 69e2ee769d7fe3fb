// A small hand-written entity list for the engine's tests (prominence: larger = more often in the news).
import type { EntityInput, EntityType } from '../../../engine/types';

function entity(id: string, name: string, type: EntityType, prominence: number, aliases: string[] = []): EntityInput {
  return { id, name, type, aliases, prominence, description: `${name} (test entity)`, asOf: '2024-01', wikipedia: name };
}

export const TEST_ENTITIES: EntityInput[] = [
  entity('marine-le-pen', 'Marine Le Pen', 'person', 80),
  entity('jean-marie-le-pen', 'Jean-Marie Le Pen', 'person', 25),
  entity('emmanuel-macron', 'Emmanuel Macron', 'person', 95),
  entity('brigitte-macron', 'Brigitte Macron', 'person', 15),
  entity('vladimir-putin', 'Vladimir Putin', 'person', 95),
  entity('angela-merkel', 'Angela Merkel', 'person', 80),
  entity('theresa-may', 'Theresa May', 'person', 60),
  entity('donald-trump', 'Donald Trump', 'person', 99),
  entity('george-w-bush', 'George W. Bush', 'person', 70),
  entity('george-h-w-bush', 'George H. W. Bush', 'person', 50),
  entity('gordon-brown', 'Gordon Brown', 'person', 40),
  entity('charles-de-gaulle', 'Charles de Gaulle', 'person', 50),
  entity('nato', 'NATO', 'organization', 90, ['North Atlantic Treaty Organization']),
  entity('european-union', 'European Union', 'organization', 90, ['EU']),
  entity('united-nations', 'United Nations', 'organization', 85, ['UN']),
  entity('brexit', 'Brexit', 'topic', 80),
  entity('russia', 'Russia', 'place', 95),
  entity('ukraine', 'Ukraine', 'place', 90),
  entity('germany', 'Germany', 'place', 85),
  entity('france', 'France', 'place', 85),
  entity('kremlin', 'Kremlin', 'organization', 60, ['the Kremlin']),
  entity('national-rally', 'National Rally', 'organization', 60, ['Rassemblement National', 'National Front', 'Front National']),
  entity('united-states', 'United States', 'place', 99, ['US', 'USA', 'United States of America']),
  entity('turkey', 'Turkey', 'place', 70, ['Türkiye']),
  entity('georgia', 'Georgia', 'place', 40),
  entity('elysee-palace', 'Élysée Palace', 'place', 40, ['Élysée']),
  entity('reading', 'Reading', 'place', 10),
  entity('jpmorgan-chase', 'JPMorgan Chase', 'organization', 30, ['Chase']),
  entity('jordan', 'Jordan', 'place', 40),
  entity('michael-jordan', 'Michael Jordan', 'person', 60),
  // As in a real archive, most people are rarely in the news: only the top 5% by prominence are known by their bare
  // surname (Trump, Macron, Putin, Le Pen, Merkel here).
  ...Array.from({ length: 40 }, (_, i) => entity(`minor-person-${i}`, `Minor Person${i}`, 'person', 1 + (i % 3))),
];

export function entityIndex(id: string): number {
  const i = TEST_ENTITIES.findIndex((e) => e.id === id);
  if (i < 0) throw new Error(`no test entity ${id}`);
  return i;
}

/** An entity for one test: the fields it sets, over empty ones (a topic, prominence 5). */
export function testEntity(id: string, name: string, fields: Partial<EntityInput> = {}): EntityInput {
  return { id, name, type: 'topic', aliases: [], description: '', asOf: null, wikipedia: null, prominence: 5, ...fields };
}
