/**
 * A tiny HTML template tag that escapes every interpolated value unless it is already `SafeHtml`,
 * so no reflected request value (state, redirect_uri, user name …) can inject markup.
 */
export interface SafeHtml {
  readonly safeHtml: string;
}

type HtmlValue = string | number | SafeHtml | readonly SafeHtml[] | undefined;

const ENTITIES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Escapes text for element content and for quoted attribute values alike. */
export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => ENTITIES[c] ?? c);
}

function isSafeHtml(value: unknown): value is SafeHtml {
  return typeof value === 'object' && value !== null && 'safeHtml' in value;
}

function render(value: HtmlValue): string {
  if (value === undefined) return '';
  if (typeof value === 'number') return String(value);
  if (typeof value === 'string') return escapeHtml(value);
  if (isSafeHtml(value)) return value.safeHtml;
  return value.map((part) => part.safeHtml).join('');
}

export function html(strings: TemplateStringsArray, ...values: readonly HtmlValue[]): SafeHtml {
  let out = strings[0] ?? '';
  values.forEach((value, i) => {
    out += render(value) + (strings[i + 1] ?? '');
  });
  return { safeHtml: out };
}
