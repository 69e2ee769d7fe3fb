// The figures and topics found on the page, grouped by type; choosing one reveals it on the page. Long groups show
// their most prominent few until expanded, so the summary and related articles stay within reach.
import { useState } from 'preact/hooks';
import type { PageEntity } from '../../lib/messages';
import type { EntityType } from '../../engine/types';
import { TYPE_GROUP_LABEL, TYPE_ORDER, isEntityType, plural } from '../../components/entity-types';

const SHOWN_PER_GROUP = 5;

export function PageEntities({ entities, onReveal }: { entities: PageEntity[]; onReveal: (id: string) => void }) {
  const groups = TYPE_ORDER.map((type) => ({
    type,
    items: entities.filter((e) => e.type === type || (type === 'topic' && !isEntityType(e.type))),
  })).filter((g) => g.items.length > 0);
  return (
    <section aria-labelledby="found-heading" class="block" data-testid="page-entities">
      <h2 id="found-heading">On this page</h2>
      {groups.map((group) => (
        <EntityGroup key={group.type} type={group.type} items={group.items} onReveal={onReveal} />
      ))}
    </section>
  );
}

function EntityGroup({ type, items, onReveal }: { type: EntityType; items: PageEntity[]; onReveal: (id: string) => void }) {
  const [expanded, setExpanded] = useState(false);
  const shown = expanded ? items : items.slice(0, SHOWN_PER_GROUP);
  const listId = `group-${type}`;
  return (
    <div class="entity-group">
      <h3>{TYPE_GROUP_LABEL[type]}</h3>
      <ul id={listId}>
        {shown.map((e) => (
          <li key={e.id}>
            <button type="button" class="entity" data-entity-id={e.id} onClick={() => onReveal(e.id)} title={`Show ${e.name} on the page`}>
              <span class="entity-line">
                <span class="entity-name">{e.name}</span>
                <span class="entity-count" data-testid="mention-count" aria-label={plural(e.mentions, 'mention')}>
                  {e.mentions}×
                </span>
              </span>
              {e.description && <span class="entity-description">{e.description}</span>}
            </button>
          </li>
        ))}
      </ul>
      {items.length > SHOWN_PER_GROUP && (
        <button type="button" class="more" aria-expanded={expanded} aria-controls={listId} onClick={() => setExpanded(!expanded)}>
          {expanded ? 'Show fewer' : `Show ${items.length - SHOWN_PER_GROUP} more ${TYPE_GROUP_LABEL[type].toLowerCase()}`}
        </button>
      )}
    </div>
  );
}
