// How long the pointer rests on a name before its card opens; 0 to 5000 ms, whole numbers.
import { useEffect, useState } from 'preact/hooks';

interface Props {
  value: number;
  onValid: (ms: number) => void;
}

export function DelayField({ value, onValid }: Props) {
  const [text, setText] = useState(String(value));
  useEffect(() => setText(String(value)), [value]);
  const ms = Number(text);
  const valid = text.trim() !== '' && Number.isInteger(ms) && ms >= 0 && ms <= 5000;
  return (
    <div class="field">
      <label for="showDelayMs">Delay before a card opens (milliseconds)</label>
      <input
        id="showDelayMs"
        name="showDelayMs"
        type="number"
        inputMode="numeric"
        min={0}
        max={5000}
        step={50}
        value={text}
        aria-invalid={!valid}
        aria-describedby={valid ? undefined : 'showDelayMs-error'}
        onInput={(e) => {
          const next = e.currentTarget.value;
          setText(next);
          const n = Number(next);
          if (next.trim() !== '' && Number.isInteger(n) && n >= 0 && n <= 5000 && n !== value) onValid(n);
        }}
      />
      {!valid && (
        <p id="showDelayMs-error" class="error-text small">
          Enter a whole number from 0 to 5000.
        </p>
      )}
    </div>
  );
}
