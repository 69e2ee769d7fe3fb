// A textarea of sites, validated as the user types; saved (normalised) once every line is a valid site.
import { useEffect, useRef, useState } from 'preact/hooks';
import { parseHostList } from '../../lib/site-lists';

interface Props {
  name: 'allowSites' | 'denySites';
  label: string;
  hosts: string[];
  onValid: (hosts: string[]) => void;
}

const SAVE_AFTER_MS = 500; // storage.sync limits writes per minute: save after a pause in typing

export function SiteListField({ name, label, hosts, onValid }: Props) {
  const [text, setText] = useState(hosts.join('\n'));
  const focused = useRef(false);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const { hosts: parsed, problems } = parseHostList(text);

  // Follow changes made elsewhere (the popup's site switch), but never under the user's cursor.
  useEffect(() => {
    if (!focused.current) setText(hosts.join('\n'));
  }, [hosts.join('\n')]);

  const commit = (value: string) => {
    const result = parseHostList(value);
    if (result.problems.length === 0 && result.hosts.join('\n') !== hosts.join('\n')) onValid(result.hosts);
  };

  const errorId = `${name}-errors`;
  return (
    <div class="field">
      <label for={name}>{label}</label>
      <textarea
        id={name}
        name={name}
        rows={4}
        spellcheck={false}
        value={text}
        aria-invalid={problems.length > 0}
        aria-describedby={problems.length > 0 ? errorId : undefined}
        onFocus={() => (focused.current = true)}
        onInput={(e) => {
          const value = e.currentTarget.value;
          setText(value);
          if (timer.current) clearTimeout(timer.current);
          timer.current = setTimeout(() => commit(value), SAVE_AFTER_MS);
        }}
        onBlur={() => {
          focused.current = false;
          if (timer.current) clearTimeout(timer.current);
          commit(text);
          if (problems.length === 0) setText(parsed.join('\n')); // show what was saved
        }}
      />
      {problems.length > 0 && (
        <ul id={errorId} class="error-text small field-errors" data-testid={`${name}-problems`}>
          {problems.map((p) => (
            <li key={`${p.line}:${p.text}`}>
              Line {p.line}: “{p.text}” {p.message}; not saved until fixed.
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
