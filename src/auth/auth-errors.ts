/**
 * `403 {"message":"Forbidden"}`: the API key in config.json is wrong (docs/vendors/genesys-engage.md §0.4). A
 * configuration error, never retried; catch it by class to show the operator what to fix.
 */
export class ApiKeyRejectedError extends Error {
  readonly kind = 'configuration' as const;
  readonly field = 'apiKey';
  constructor(readonly url: string) {
    super('The server refused the API key (403 Forbidden): check apiKey in config.json');
    this.name = 'ApiKeyRejectedError';
  }
}

/** An API call while signed out: there is no token to send, so no request was made. */
export class NotSignedInError extends Error {
  readonly kind = 'unauthorized' as const;
  constructor() {
    super('Not signed in');
    this.name = 'NotSignedInError';
  }
}
