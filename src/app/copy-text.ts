/** What copying needs of the browser: `navigator.clipboard` where it exists. */
export type ClipboardWriter = Pick<Clipboard, 'writeText'>;

/**
 * Puts `text` on the clipboard; `false` when it cannot (no Clipboard API outside a secure context,
 * e.g. a plain-http address on a LAN; permission refused), so the caller shows the text instead.
 */
export async function copyText(text: string, clipboard: ClipboardWriter | undefined = browserClipboard()): Promise<boolean> {
  if (!clipboard) return false;
  try {
    await clipboard.writeText(text);
    return true;
  } catch {
    return false;
  }
}

function browserClipboard(): ClipboardWriter | undefined {
  // Typed as always present, but undefined outside a secure context.
  return typeof navigator === 'undefined' ? undefined : (navigator.clipboard as Clipboard | undefined);
}
