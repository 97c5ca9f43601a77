import { useEffect, useRef, type ReactElement } from 'react';

export interface KioskLinkNoticeProps {
  readonly url: string;
  /** On the clipboard; otherwise the link is shown selected, for Ctrl+C. */
  readonly copied: boolean;
  /** The board lives in this browser only; `localHint` says what that means for another machine. */
  readonly local: boolean;
  readonly localHint: string;
  readonly onClose: () => void;
}

/** How long "Copied" stays: long enough to read, short enough not to cover the board for good. */
const COPIED_SHOWN_MS = 6000;

/**
 * After "Copy kiosk link": "Copied" with the link, or — where the browser has no clipboard for the
 * page (plain http on a LAN) or refused — the link in a text field, already selected.
 */
export function KioskLinkNotice({ url, copied, local, localHint, onClose }: KioskLinkNoticeProps): ReactElement {
  const field = useRef<HTMLInputElement>(null);
  // The parent passes a new function on every render; the timer must not restart with each one.
  const close = useRef(onClose);
  useEffect(() => {
    close.current = onClose;
  });

  useEffect(() => {
    if (!copied) {
      field.current?.focus();
      field.current?.select();
      return;
    }
    const timer = setTimeout(() => close.current(), COPIED_SHOWN_MS);
    return () => clearTimeout(timer);
  }, [copied, url]);

  return (
    <div
      role={copied ? 'status' : 'dialog'}
      aria-label={copied ? undefined : 'Kiosk link'}
      data-testid={copied ? 'kiosk-link-copied' : 'kiosk-link-fallback'}
      onKeyDown={(event) => {
        if (event.key === 'Escape') onClose();
      }}
      className="absolute left-0 top-full z-40 mt-1 w-[min(32rem,calc(100vw-2rem))] rounded-lg border border-slate-600 bg-slate-900 px-4 py-3 text-sm text-slate-200 shadow-xl shadow-black/50"
    >
      {copied ? (
        <p>
          <strong className="font-semibold text-emerald-300">Copied</strong> — <span className="break-all">{url}</span>
        </p>
      ) : (
        <label className="block">
          <span className="mb-1 block">The browser did not allow copying here. Copy the kiosk link with Ctrl+C:</span>
          <input
            ref={field}
            readOnly
            value={url}
            data-testid="kiosk-link-field"
            onFocus={(event) => event.currentTarget.select()}
            className="w-full rounded border border-slate-600 bg-slate-950 px-2 py-1 font-mono text-slate-100 focus:outline-none focus-visible:ring-2 focus-visible:ring-sky-400"
          />
        </label>
      )}
      {local && (
        <p data-testid="kiosk-link-local-hint" className="mt-2 text-amber-200">
          {localHint}
        </p>
      )}
      <div className="mt-2 flex justify-end">
        <button type="button" onClick={onClose} className="rounded-md px-2 py-0.5 font-semibold text-slate-300 hover:bg-slate-800 focus:outline-none focus-visible:ring-2 focus-visible:ring-sky-400">
          Close
        </button>
      </div>
    </div>
  );
}
