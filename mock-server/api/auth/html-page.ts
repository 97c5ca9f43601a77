import type { ApiResponse } from '../http-types.ts';
import { html, type SafeHtml } from './html-template.ts';

/**
 * The sign-in page runs under a strict CSP: no script at all, styles only from its own <style>
 * element, and the form may post only to this server (plus, when different, the origin of the
 * already validated redirect URI, because Chromium applies `form-action` to the redirect that
 * follows the POST).
 */
export function pageCsp(extraFormActionOrigin?: string): string {
  const formAction = extraFormActionOrigin ? `'self' ${extraFormActionOrigin}` : "'self'";
  return `default-src 'none'; style-src 'unsafe-inline'; form-action ${formAction}; base-uri 'none'`;
}

const STYLE = `
  :root { color-scheme: light; font-family: system-ui, sans-serif; }
  body { margin: 0; min-height: 100vh; display: grid; place-items: center; background: #0f172a; color: #0f172a; }
  main { background: #fff; padding: 2rem; border-radius: 12px; width: min(22rem, 90vw); box-shadow: 0 10px 30px #0006; }
  h1 { margin: 0 0 1rem; font-size: 1.25rem; }
  label { display: block; margin: .75rem 0 .25rem; font-size: .875rem; font-weight: 600; }
  input { width: 100%; box-sizing: border-box; padding: .5rem; font-size: 1rem; border: 1px solid #94a3b8; border-radius: 6px; }
  button { margin-top: 1.25rem; width: 100%; padding: .6rem; font-size: 1rem; font-weight: 600; border: 0; border-radius: 6px; background: #2563eb; color: #fff; cursor: pointer; }
  .error { background: #fee2e2; color: #991b1b; padding: .5rem .75rem; border-radius: 6px; }
  .hint { color: #475569; font-size: .8rem; margin-top: 1rem; }
`;

export function renderHtmlDocument(title: string, body: SafeHtml): string {
  return html`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>${title}</title>
<style>${{ safeHtml: STYLE }}</style>
</head>
<body>
<main>
${body}
</main>
</body>
</html>
`.safeHtml;
}

export function htmlResponse(status: number, document: string, csp = pageCsp()): ApiResponse {
  return {
    status,
    headers: {
      'content-type': 'text/html; charset=utf-8',
      'content-security-policy': csp,
      // The page reflects OAuth parameters; never cache it or leak them through Referer.
      'cache-control': 'no-store',
      'referrer-policy': 'no-referrer',
      'x-content-type-options': 'nosniff',
    },
    text: document,
  };
}

/**
 * Errors that must not redirect (unknown client, unregistered redirect URI — RFC 6749 §4.1.2.1)
 * are shown to the user instead, so an attacker cannot bounce the browser to a URI of their choice.
 */
export function htmlErrorPage(status: number, message: string): ApiResponse {
  const body = html`<h1>Sign-in error</h1>
<p class="error" role="alert">${message}</p>`;
  return htmlResponse(status, renderHtmlDocument('Sign-in error', body));
}
