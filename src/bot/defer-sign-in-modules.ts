import Module from 'node:module';
import path from 'node:path';

/**
 * Teams AI's Application loads its sign-in flows (OAuth and Teams SSO prompts) along with it, and they
 * bring botbuilder-dialogs: some 30 MB of memory (number and date recognizers, globalize's CLDR data)
 * in a bot that configures no sign-in. Its only use at load time is the SSO prompt's `extends Dialog`,
 * so that prompt and botbuilder-dialogs are put in Node's module cache as stand-ins that load the
 * real module the first time anything is read from them. A bot that did configure sign-in would load
 * them on its first use and run as before (docs/architecture.md, "What loads at start").
 */
const SIGN_IN_ONLY = ['botbuilder-dialogs', '@microsoft/teams-ai/lib/authentication/TeamsBotSsoPrompt'];

/** The folder Teams AI's sign-in files require from, so each name resolves to the file they would get. */
function signInFolder(): string | undefined {
  try {
    return path.dirname(require.resolve('@microsoft/teams-ai/lib/authentication/Authentication'));
  } catch {
    // A bundle (npm run package:deploy) has no node_modules to resolve in; it loads them as before.
    return undefined;
  }
}

function deferModule(file: string): void {
  let real: Record<PropertyKey, unknown> | undefined;
  const load = (): Record<PropertyKey, unknown> => {
    if (!real) {
      delete require.cache[file];
      real = require(file) as Record<PropertyKey, unknown>;
    }
    return real;
  };
  const standIn = new Module(file);
  standIn.filename = file;
  standIn.loaded = true;
  standIn.exports = new Proxy(
    {},
    {
      get: (_, key) => load()[key],
      has: (_, key) => key in load(),
      ownKeys: () => Reflect.ownKeys(load()),
      getOwnPropertyDescriptor: (_, key) => {
        const descriptor = Reflect.getOwnPropertyDescriptor(load(), key);
        // A proxy may not report a property non-configurable that its empty target lacks.
        return descriptor && { ...descriptor, configurable: true };
      },
    },
  );
  require.cache[file] = standIn;
}

/** Idempotent; does nothing for a module something has loaded already. */
export function deferSignInModules(): void {
  const from = signInFolder();
  if (!from) return;
  for (const request of SIGN_IN_ONLY) {
    let file: string;
    try {
      file = require.resolve(request, { paths: [from] });
    } catch {
      // A Teams AI release without this file: it loads whatever it loads (the start-up test says so).
      continue;
    }
    if (!require.cache[file]) deferModule(file);
  }
}

deferSignInModules();
