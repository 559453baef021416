/**
 * A tagged template for HTML that escapes every interpolated value, so page data (cookie names,
 * headers, configuration) can never become markup. Nested `html` results are inserted as is.
 */
const SAFE = Symbol('safe html');

export interface SafeHtml {
  readonly [SAFE]: true;
  readonly text: string;
}

export function escapeHtml(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

function render(value: unknown): string {
  if (Array.isArray(value)) return value.map(render).join('');
  if (typeof value === 'object' && value !== null && SAFE in value) return (value as SafeHtml).text;
  if (value === null || value === undefined || value === false) return '';
  return escapeHtml(String(value));
}

export function html(strings: TemplateStringsArray, ...values: unknown[]): SafeHtml {
  let text = strings[0] ?? '';
  values.forEach((value, index) => {
    text += render(value) + (strings[index + 1] ?? '');
  });
  return { [SAFE]: true, text };
}
