// What the annotate service sends back for a text: mentions as flat (start, end, entity) triples and only the
// entities they name, so the reply stays small however large the archive is. Pure: unit-tested without a browser.
import { annotate, type Matcher } from '../../engine/index';
import type { AnnotateReply } from '../messages';

export function annotateReply(m: Matcher, text: string): AnnotateReply {
  const reply: AnnotateReply = { mentions: [], entities: [] };
  const local = new Map<number, number>(); // matcher entity → index in reply.entities
  for (const mention of annotate(m, text)) {
    let k = local.get(mention.entity);
    if (k === undefined) {
      local.set(mention.entity, (k = reply.entities.length));
      reply.entities.push(m.entities[mention.entity]);
    }
    reply.mentions.push(mention.start, mention.end, k);
  }
  return reply;
}
