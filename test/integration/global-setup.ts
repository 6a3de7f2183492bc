import { startAzurite, type RunningAzurite } from '../../tools/local/azurite';

declare global {
  // eslint-disable-next-line no-var
  var __AZURITE__: RunningAzurite | undefined;
}

/** A real Azurite Table service, in memory on a free loopback port, for the whole integration run. */
export default async function globalSetup(): Promise<void> {
  const azurite = await startAzurite();
  globalThis.__AZURITE__ = azurite;
  // Workers are forked after this runs, so they inherit the variable.
  process.env['TEST_STORAGE_CONNECTION_STRING'] = azurite.connectionString;
}
