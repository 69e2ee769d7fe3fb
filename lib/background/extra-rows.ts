// Pure helper of the archive service (unit-tested without the bundled archive).
import { aliasRows, mergeMatcherData, type MatcherData } from '../../engine/matcher';

/**
 * What the imports add to the bundled matcher, as a small MatcherData: the new entities and every alias row the
 * bundled matcher lacks (with the bundled entities those rows point at, so mergeMatcherData maps them back by id).
 * mergeMatcherData(bundled, extraRows(bundled, imported)) equals mergeMatcherData(bundled, imported).
 */
export function extraRows(bundled: MatcherData, imported: MatcherData): MatcherData {
  const merged = mergeMatcherData(bundled, imported);
  const known = bundled.entities.length;
  const out: MatcherData = { version: merged.version, entities: [], prominence: [], aliases: { norms: '', rule: [], entity: [], kind: [] } };
  const index = new Map<number, number>();
  const take = (entity: number) => {
    let i = index.get(entity);
    if (i === undefined) {
      i = out.entities.length;
      out.entities.push(merged.entities[entity]);
      out.prominence.push(merged.prominence[entity]);
      index.set(entity, i);
    }
    return i;
  };
  for (let e = known; e < merged.entities.length; e++) take(e);
  const norms: string[] = [];
  for (const [norm, rule, entity, kind] of aliasRows(merged).slice(bundled.aliases.rule.length)) {
    norms.push(norm);
    out.aliases.rule.push(rule);
    out.aliases.entity.push(take(entity));
    out.aliases.kind.push(kind);
  }
  out.aliases.norms = norms.join('\n');
  return out;
}
