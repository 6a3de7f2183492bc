import { mkdirSync } from 'node:fs';
import { azuriteConnectionString } from '../../src/config';
import { startProcess, waitForOutput, type ManagedProcess } from './child-process';
import { freePort } from './free-port';

export interface AzuriteOptions {
  /** 0 or undefined picks a free port. */
  readonly port?: number;
  /** Folder for the Table data; omitted means in-memory (lost when it stops). */
  readonly location?: string;
}

export interface RunningAzurite {
  readonly port: number;
  readonly connectionString: string;
  readonly process: ManagedProcess;
  stop(): Promise<void>;
}

/** Azurite's Table service from the npm package, on loopback only, with telemetry off. */
export async function startAzurite(options: AzuriteOptions = {}): Promise<RunningAzurite> {
  return startAzuriteService('table', options);
}

/** Azurite's Blob service, likewise: the backup container in tests. */
export async function startAzuriteBlob(options: AzuriteOptions = {}): Promise<RunningAzurite> {
  return startAzuriteService('blob', options);
}

async function startAzuriteService(service: 'table' | 'blob', options: AzuriteOptions): Promise<RunningAzurite> {
  const port = options.port || (await freePort());
  const args = [
    require.resolve(`azurite/dist/src/${service}/main.js`),
    `--${service}Host`,
    '127.0.0.1',
    `--${service}Port`,
    String(port),
    '--disableTelemetry',
    '--skipApiVersionCheck',
    '--silent',
  ];
  if (options.location) {
    mkdirSync(options.location, { recursive: true });
    args.push('--location', options.location);
  } else {
    args.push('--inMemoryPersistence');
    // Blob contents in memory are capped (Azurite's default is half the machine's memory).
    if (service === 'blob') args.push('--extentMemoryLimit', '256');
  }
  const azurite = startProcess('azurite', process.execPath, args);
  try {
    await waitForOutput(azurite, /successfully (started|listening|listens)/i, 30_000);
  } catch (error) {
    await azurite.stop();
    if (/EADDRINUSE/.test((error as Error).message)) {
      throw new Error(
        `${service === 'table' ? 'Table' : 'Blob'} storage port ${port} is already in use (another Azurite or npm start?). Stop it, or set AZURITE_TABLE_PORT to a free port.`,
      );
    }
    throw error;
  }
  return {
    port,
    connectionString: service === 'table' ? azuriteConnectionString(port) : azuriteConnectionString(port).replace('TableEndpoint=', 'BlobEndpoint='),
    process: azurite,
    // On disk, Azurite saves what it holds only when interrupted (SIGINT); SIGTERM loses recent writes.
    stop: () => (options.location ? azurite.stop(10_000, 'SIGINT') : azurite.stop()),
  };
}
