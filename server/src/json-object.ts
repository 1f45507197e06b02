/** A JSON text read as an object, or why not, naming `what` it was (a body, a line). */
export type JsonObject = { ok: true; value: Record<string, unknown> } | { ok: false; reason: string };

/** Reads `text` as one JSON object: every posted body and every line of an import must be one. */
export function jsonObject(text: string, what: string): JsonObject {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { ok: false, reason: `${what} is not valid JSON` };
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return { ok: false, reason: `${what} must be a JSON object` };
  return { ok: true, value: value as Record<string, unknown> };
}
