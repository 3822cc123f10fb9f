/** JSON values as the readers see them: kept apart from ./fields.ts so that the eager news entry needs only these lines. */
export type Json = Record<string, unknown>;

export const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Reads a dotted path (`data.list`, `a.0.b`) from a JSON value. */
export function getPath(value: unknown, path: string): unknown {
  return path.split('.').reduce<unknown>((v, key) => (isObject(v) || Array.isArray(v) ? (v as Json)[key] : undefined), value);
}

/**
 * Where a CMS's JSON keeps its items and which of their fields are the JSON Feed
 * fields: `{"items": "data.list", "title": "TieuDe", "date_published": "NgayDang"}`.
 * Keys are JSON Feed item field names; values are dotted paths.
 */
export type FieldMap = { items: string } & Record<string, string>;
