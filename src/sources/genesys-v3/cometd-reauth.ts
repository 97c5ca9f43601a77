/** After a refresh, this many more 401s from CometD mean the new token is refused too (one may be a request sent before it). */
const UNAUTHORIZED_AFTER_REFRESH_LIMIT = 2;

export interface CometdReauthDeps {
  /** The token the CometD requests carry now. */
  readonly currentToken: () => string | undefined;
  readonly getAccessToken: () => Promise<string | null> | string | null;
  /** The auth module's "this token got 401": true when a newer token is there (see GenesysV3SourceDeps). */
  readonly handleUnauthorized: ((rejectedToken: string) => Promise<boolean>) | undefined;
  readonly applyToken: (fresh: string) => void;
  readonly giveUp: (reason: string) => void;
}

export interface CometdReauth {
  /** A CometD request was answered 401. */
  onUnauthorized(): void;
  /** The session works (again): the next 401 may be answered with a refresh again. */
  reset(): void;
}

/**
 * CometD requests do not go through authorizedFetch, so a 401 on the notifications endpoint (all
 * tokens revoked, issue 5) is answered here the same way: one refresh, then the new token in the
 * headers of the client's next attempt; if the refresh is refused, or the new token is refused
 * too, give up (the app shows sign-in). The client keeps retrying the handshake meanwhile.
 */
export function createCometdReauth(deps: CometdReauthDeps): CometdReauth {
  let refreshing = false;
  let refreshed = false;
  let refusedAfterRefresh = 0;

  async function freshToken(): Promise<string> {
    const rejected = deps.currentToken() ?? '';
    if (deps.handleUnauthorized && !(await deps.handleUnauthorized(rejected))) throw new Error('refresh refused');
    const current = await deps.getAccessToken();
    if (current === null || current === rejected) throw new Error('no fresh token');
    return current;
  }

  return {
    onUnauthorized() {
      if (refreshing) return;
      if (refreshed) {
        if (++refusedAfterRefresh >= UNAUTHORIZED_AFTER_REFRESH_LIMIT) deps.giveUp('The access token was refused after a refresh');
        return;
      }
      refreshing = true;
      freshToken()
        .then(
          (fresh) => {
            refreshed = true;
            deps.applyToken(fresh);
          },
          () => deps.giveUp('The access token could not be refreshed'),
        )
        .finally(() => {
          refreshing = false;
        });
    },
    reset() {
      refreshed = false;
      refusedAfterRefresh = 0;
    },
  };
}
