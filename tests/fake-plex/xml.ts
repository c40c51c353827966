/**
 * Plex answers XML unless asked for JSON. This turns the JSON shape back into Plex-style XML:
 * scalars become attributes, arrays of objects become child elements named after their key.
 */
function escapeAttr(value: string): string {
  return value
    .replace(/&/g, '&amp;')
    .replace(/"/g, '&quot;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;');
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function element(name: string, value: Record<string, unknown>): string {
  const attrs: string[] = [];
  const children: string[] = [];
  for (const [key, child] of Object.entries(value)) {
    if (child === null || child === undefined) continue;
    if (Array.isArray(child)) {
      for (const item of child) if (isRecord(item)) children.push(element(key, item));
    } else if (isRecord(child)) {
      children.push(element(key, child));
    } else {
      const text = typeof child === 'boolean' ? (child ? '1' : '0') : String(child);
      attrs.push(`${key}="${escapeAttr(text)}"`);
    }
  }
  const open = `<${name}${attrs.length ? ` ${attrs.join(' ')}` : ''}`;
  return children.length ? `${open}>${children.join('')}</${name}>` : `${open}/>`;
}

export function toXml(rootName: string, value: unknown): string {
  const body = Array.isArray(value)
    ? element(rootName, { Device: value })
    : element(rootName, isRecord(value) ? value : {});
  return `<?xml version="1.0" encoding="UTF-8"?>\n${body}`;
}
