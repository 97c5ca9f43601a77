import type { ReactElement } from 'react';

export interface SoundBlockedNoticeProps {
  /** The browser has no Web Audio: nothing to enable, only to say. */
  readonly unavailable: boolean;
  readonly onEnable: () => void;
}

/**
 * A board with sound whose audio the browser holds back (no gesture yet on this page, a kiosk
 * browser without the autoplay flag): said on screen, bottom left (the kiosk's health overlay is
 * bottom right), rather than a breach passing in silence.
 */
export function SoundBlockedNotice({ unavailable, onEnable }: SoundBlockedNoticeProps): ReactElement {
  return (
    <div
      role="status"
      data-testid="sound-blocked"
      data-state={unavailable ? 'unavailable' : 'blocked'}
      className="fixed bottom-4 left-4 z-40 flex max-w-[min(28rem,calc(100vw-2rem))] items-center gap-3 rounded-lg border border-amber-400/70 bg-slate-900/95 px-4 py-2 text-sm text-slate-100 shadow-xl shadow-black/50"
    >
      {unavailable ? (
        <span>This browser cannot play the board’s breach sound.</span>
      ) : (
        <>
          <span>The browser is holding back this board’s breach sound.</span>
          <button
            type="button"
            onClick={onEnable}
            className="shrink-0 rounded-md bg-amber-700 px-3 py-1 font-semibold text-white hover:bg-amber-600 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-sky-400"
          >
            Enable sound
          </button>
        </>
      )}
    </div>
  );
}
