/** The values of a trace the known-secrets check looks at: every id of every cookie, with its `.sig` companion. */
import type { CookieInventory } from '../inventory/cookie-inventory.js';
import type { CheckedValue } from './known-secret-check.js';

export function valuesToCheck(inventory: CookieInventory): CheckedValue[] {
  const latestByName = new Map<string, string>();
  for (const record of inventory.records) {
    const latest = record.ids[record.ids.length - 1];
    if (latest !== undefined) latestByName.set(record.identity.name, latest);
  }
  const values: CheckedValue[] = [];
  for (const record of inventory.records) {
    const { name } = record.identity;
    if (name.endsWith('.sig') && latestByName.has(name.slice(0, -4))) continue;
    const companion = latestByName.get(`${name}.sig`);
    for (const value of record.ids) values.push(companion === undefined ? { name, value } : { name, value, companion });
  }
  return values;
}
