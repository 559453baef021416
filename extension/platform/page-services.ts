/**
 * What the panel needs from its page that is not an extension API: the clipboard, downloads and a
 * place to remember the user's marks per site (the panel page's own localStorage: no permission).
 */
import type { UserMark } from '../../src/detect/detect-session-cookie.js';

export async function copyText(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    // A DevTools panel frame is often not focused, which the async clipboard API requires.
    const area = document.createElement('textarea');
    area.value = text;
    area.setAttribute('readonly', '');
    area.style.position = 'fixed';
    area.style.opacity = '0';
    document.body.append(area);
    area.select();
    const copied = document.execCommand('copy');
    area.remove();
    return copied;
  }
}

export function download(fileName: string, mimeType: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: mimeType }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

const markKey = (site: string) => `marks:${site}`;

const isMark = (value: unknown): value is UserMark => value === 'session' || value === 'not-session';

/**
 * The user's marks for a site, kept as [name, mark] pairs: names come from pages, and a cookie
 * named `__proto__` or `constructor` must stay just a name (rubric section 2.1).
 */
export function loadMarks(site: string): Map<string, UserMark> {
  try {
    const parsed: unknown = JSON.parse(localStorage.getItem(markKey(site)) ?? '[]');
    const pairs = Array.isArray(parsed) ? parsed : [];
    return new Map(pairs.filter((pair): pair is [string, UserMark] => Array.isArray(pair) && typeof pair[0] === 'string' && isMark(pair[1])));
  } catch {
    return new Map();
  }
}

export function saveMarks(site: string, marks: ReadonlyMap<string, UserMark>): void {
  try {
    localStorage.setItem(markKey(site), JSON.stringify([...marks]));
  } catch {
    // Storage full or disabled: the marks still apply until the panel closes.
  }
}
