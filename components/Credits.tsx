// Who wrote an archive's articles and under which license, with the attribution each source asks for.
import type { ArchiveCredits } from '../engine/archive/shapes';
import { plural } from './entity-types';

export function Credits({ credits }: { credits: ArchiveCredits }) {
  return (
    <ul class="credits" data-testid="credits">
      {credits.sources.map((line) => (
        <li key={`${line.source}|${line.license}`}>
          <span class="credit-source">{line.source}</span> <span class="muted">— {line.license}, {plural(line.articles, 'article')}</span>
          {line.attribution && <p class="attribution small">{linkify(line.attribution)}</p>}
        </li>
      ))}
    </ul>
  );
}

/** Attribution notices carry URLs in parentheses; make them links. */
function linkify(text: string) {
  return text.split(/(https?:\/\/[^\s)]+)/).map((part, i) =>
    i % 2 === 1 ? (
      <a href={part} key={i} target="_blank" rel="noreferrer">
        {part}
      </a>
    ) : (
      part
    ),
  );
}
