// Input problems found while reading an archive's sources. We collect every problem instead of stopping at the
// first, so one build run tells the author everything to fix.

export interface SourceProblem {
  file: string;
  line: number; // 1-based
  message: string; // e.g. 'field "aliases" must be an array of strings'
}

export function formatProblem(problem: SourceProblem): string {
  return `${problem.file}:${problem.line}: ${problem.message}`;
}

/** Thrown by the compile step when the sources have problems; carries all of them. */
export class ArchiveInputError extends Error {
  constructor(readonly problems: SourceProblem[]) {
    super(`${problems.length} problem${problems.length === 1 ? '' : 's'} in the archive sources:\n` +
      problems.map(formatProblem).join('\n'));
    this.name = 'ArchiveInputError';
  }
}

/** Reads fields of one parsed record and records a problem for each missing or mistyped one. */
export class FieldReader {
  constructor(
    private readonly record: Record<string, unknown>,
    private readonly file: string,
    private readonly line: number,
    private readonly problems: SourceProblem[],
  ) {}

  problem(field: string, requirement: string): void {
    this.problems.push({ file: this.file, line: this.line, message: `field "${field}" ${requirement}` });
  }

  has(field: string): boolean {
    return this.record[field] !== undefined;
  }

  /** A required non-empty string; '' when missing or wrong (the problem is recorded). */
  text(field: string): string {
    const value = this.record[field];
    if (value === undefined) this.problem(field, 'is missing');
    else if (typeof value !== 'string') this.problem(field, 'must be a string');
    else if (value.trim() === '') this.problem(field, 'must not be empty');
    else return value;
    return '';
  }

  /** An optional string or null; missing or blank counts as null. */
  optionalText(field: string): string | null {
    const value = this.record[field];
    if (value === undefined || value === null) return null;
    if (typeof value !== 'string') {
      this.problem(field, 'must be a string or null');
      return null;
    }
    return value.trim() === '' ? null : value;
  }

  /** A string that must be present but may be null (e.g. a catalog entry's "wikipedia"). */
  nullableText(field: string): string | null {
    if (this.record[field] === undefined) {
      this.problem(field, 'is missing (use null when there is none)');
      return null;
    }
    return this.optionalText(field);
  }

  stringList(field: string, required: boolean): string[] {
    const value = this.record[field];
    if (value === undefined) {
      if (required) this.problem(field, 'is missing');
      return [];
    }
    if (!Array.isArray(value) || value.some((item) => typeof item !== 'string' || item.trim() === '')) {
      this.problem(field, 'must be an array of strings');
      return [];
    }
    return value as string[];
  }
}

/** Parses one JSONL line into an object, or records why it is not one. */
export function parseJsonObject(
  line: string,
  file: string,
  lineNumber: number,
  problems: SourceProblem[],
): Record<string, unknown> | null {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    problems.push({ file, line: lineNumber, message: `not valid JSON (${reason})` });
    return null;
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    problems.push({ file, line: lineNumber, message: 'must be a JSON object' });
    return null;
  }
  return value as Record<string, unknown>;
}

/** Numbered non-blank lines of JSONL text, one at a time (a large archive is never split into one big array). */
export function* jsonlLines(text: string, firstLine = 1): Generator<{ line: string; number: number }> {
  let number = firstLine - 1;
  for (let start = 0; start < text.length; ) {
    if (text.charCodeAt(start) === 10) {
      // an empty line: nothing to read
      number++;
      start++;
      continue;
    }
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    number++;
    const line = text.slice(start, end).trim();
    if (line !== '') yield { line, number };
    start = end + 1;
  }
}
