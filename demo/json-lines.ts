/**
 * Line numbers for JSON input, so that an error in element 412 of an export can say
 * "line 414" instead of "[412]".
 */

/**
 * The 1-based line on which each element of the top-level JSON array in `text` starts.
 * Assumes `text` is valid JSON (call it after `JSON.parse` succeeded); returns `[]` when the
 * top level is not an array.
 */
export function arrayElementLines(text: string): number[] {
  const lines: number[] = [];
  let line = 1;
  let depth = 0;
  let inString = false;
  let expectElement = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (inString) {
      if (ch === '\\') i++;
      else if (ch === '"') inString = false;
      continue;
    }
    if (ch === '\n') {
      line++;
      continue;
    }
    if (ch === ' ' || ch === '\t' || ch === '\r') continue;
    if (depth === 0 && ch !== '[') return [];
    if (depth === 1 && expectElement && ch !== ']') {
      lines.push(line);
      expectElement = false;
    }
    if (ch === '"') inString = true;
    else if (ch === '[' || ch === '{') {
      depth++;
      if (depth === 1) expectElement = true;
    } else if (ch === ']' || ch === '}') depth--;
    else if (ch === ',' && depth === 1) expectElement = true;
  }
  return lines;
}

/** The 1-based line of a JSON syntax error, read from the engine's message (Node 18–22 formats), if it says. */
export function jsonErrorLine(text: string, message: string): number | undefined {
  const explicit = /line (\d+) column/.exec(message);
  if (explicit) return Number(explicit[1]);
  const position = /at position (\d+)/.exec(message);
  if (position) return text.slice(0, Number(position[1])).split('\n').length;
  return undefined;
}
