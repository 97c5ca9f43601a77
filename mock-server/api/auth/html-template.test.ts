import { describe, expect, it } from 'vitest';
import { escapeHtml, html } from './html-template.ts';

describe('html-template', () => {
  it('should escape the five HTML-significant characters', () => {
    expect(escapeHtml(`<a href="x" title='y'>&</a>`)).toBe('&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;');
  });

  it('should escape interpolated strings but not nested templates', () => {
    const inner = html`<b>${'<i>'}</b>`;
    expect(html`<p title="${'"x"'}">${inner}${[inner]}${undefined}${3}</p>`.safeHtml).toBe(
      '<p title="&quot;x&quot;"><b>&lt;i&gt;</b><b>&lt;i&gt;</b>3</p>',
    );
  });
});
