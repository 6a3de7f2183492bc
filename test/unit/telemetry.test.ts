import { CLOUD_ROLE_NAME, startTelemetry, type AzureMonitorModule, type TelemetryLoaders } from '../../src/telemetry';

const CONNECTION_STRING = 'InstrumentationKey=00000000-0000-0000-0000-000000000000;IngestionEndpoint=https://ingest.test/';

/** Records what would be loaded and how Azure Monitor would be started, without loading it. */
function recordingLoaders() {
  const loaded: string[] = [];
  const started: Parameters<AzureMonitorModule['useAzureMonitor']>[0][] = [];
  const loaders: TelemetryLoaders = {
    azureMonitor: () => {
      loaded.push('applicationinsights');
      return { useAzureMonitor: (options) => started.push(options) };
    },
    resource: (roleName) => {
      loaded.push(`resource ${roleName}`);
      return undefined;
    },
  };
  return { loaders, loaded, started };
}

describe('startTelemetry', () => {
  it('loads nothing when APPLICATIONINSIGHTS_CONNECTION_STRING is not set', () => {
    const { loaders, loaded } = recordingLoaders();
    expect([startTelemetry({}, loaders), loaded]).toEqual([false, []]);
  });

  it('loads nothing when the connection string is blank', () => {
    const { loaders, loaded } = recordingLoaders();
    expect([startTelemetry({ APPLICATIONINSIGHTS_CONNECTION_STRING: '  ' }, loaders), loaded]).toEqual([false, []]);
  });

  it('starts Azure Monitor with the connection string when it is set', () => {
    const { loaders, started } = recordingLoaders();
    startTelemetry({ APPLICATIONINSIGHTS_CONNECTION_STRING: CONNECTION_STRING }, loaders);
    expect(started).toEqual([expect.objectContaining({ azureMonitorExporterOptions: { connectionString: CONNECTION_STRING } })]);
  });

  it('traces requests and dependencies', () => {
    const { loaders, started } = recordingLoaders();
    startTelemetry({ APPLICATIONINSIGHTS_CONNECTION_STRING: CONNECTION_STRING }, loaders);
    expect(started[0]).toMatchObject({
      enableAutoCollectRequests: true,
      enableAutoCollectDependencies: true,
      instrumentationOptions: { http: { enabled: true }, azureSdk: { enabled: true } },
    });
  });

  it('collects no console or log output, so message text never leaves in telemetry', () => {
    const { loaders, started } = recordingLoaders();
    startTelemetry({ APPLICATIONINSIGHTS_CONNECTION_STRING: CONNECTION_STRING }, loaders);
    expect(started[0]?.instrumentationOptions).toMatchObject({ console: { enabled: false }, bunyan: { enabled: false }, winston: { enabled: false } });
  });

  it(`names the cloud role ${CLOUD_ROLE_NAME}`, () => {
    const { loaders, loaded } = recordingLoaders();
    startTelemetry({ APPLICATIONINSIGHTS_CONNECTION_STRING: CONNECTION_STRING }, loaders);
    expect(loaded).toContain('resource prevent-partnership-bot');
  });
});
