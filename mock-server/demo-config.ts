import { z } from 'zod';

/** The source kinds the app can be started against (`npm start -- --source <kind>`). */
export const DEMO_SOURCES = ['genesys-v3', 'genesys-cloud'] as const;
export const demoSourceSchema = z.enum(DEMO_SOURCES, { error: `--source must be one of ${DEMO_SOURCES.join(', ')} (8x8 and gws are not served yet)` });
export type DemoSource = z.infer<typeof demoSourceSchema>;

/**
 * The runtime configuration the mock hands the app instead of `public/config.json` when the demo
 * is started for another source (docs/mock-server.md "Command line"): every vendor facade is always
 * served, the flag only chooses what the app uses. `undefined`: the shipped file as it is.
 */
export function demoConfig(source: DemoSource): unknown {
  switch (source) {
    case 'genesys-v3':
      return undefined;
    case 'genesys-cloud':
      return {
        sources: [
          {
            id: 'genesys-cloud',
            kind: 'genesys-cloud',
            apiBaseUrl: '/genesys-cloud',
            loginBaseUrl: '/genesys-cloud/login',
            auth: { clientId: 'wallboard', flow: 'code-pkce' },
          },
        ],
        defaultSource: 'genesys-cloud',
        defaultBoard: 'queues',
      };
  }
}
