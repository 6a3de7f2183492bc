import type { AzureMonitorOpenTelemetryOptions } from 'applicationinsights';
import { ReportLinkRedactingSpanProcessor } from './telemetry-redaction';

export const CLOUD_ROLE_NAME = 'prevent-partnership-bot';

/** The part of the `applicationinsights` module this file uses; a test passes its own. */
export interface AzureMonitorModule {
  useAzureMonitor(options: AzureMonitorOpenTelemetryOptions): void;
}

export interface TelemetryLoaders {
  readonly azureMonitor: () => AzureMonitorModule;
  /** A Resource naming the cloud role; see resourceNamed. */
  readonly resource: (roleName: string) => AzureMonitorOpenTelemetryOptions['resource'];
}

/**
 * The cloud role name has to be the resource's service.name: App Service's resource detector would
 * otherwise name it after the site. @opentelemetry/resources is the copy applicationinsights uses
 * (one version, deduplicated by npm), required directly so the bundled bot has it too.
 */
function resourceNamed(roleName: string): AzureMonitorOpenTelemetryOptions['resource'] {
  const resources = require('@opentelemetry/resources') as {
    resourceFromAttributes(attributes: Record<string, string>): AzureMonitorOpenTelemetryOptions['resource'];
  };
  return resources.resourceFromAttributes({ 'service.name': roleName });
}

const REAL_LOADERS: TelemetryLoaders = {
  // Required only when configured: loading applicationinsights patches modules and starts timers.
  azureMonitor: () => require('applicationinsights') as AzureMonitorModule,
  resource: resourceNamed,
};

/**
 * Requests and dependencies (Table storage, the Bot Framework connector) to Application Insights when
 * APPLICATIONINSIGHTS_CONNECTION_STRING is set; otherwise nothing at all, not even loading the module.
 * Log and console collection stay off: logs go to stdout through pino, and message text must never
 * leave for telemetry. Board report links are cut out of request spans before anything exports them
 * (telemetry-redaction.ts). Returns whether telemetry was started.
 */
export function startTelemetry(env: NodeJS.ProcessEnv, loaders: TelemetryLoaders = REAL_LOADERS): boolean {
  const connectionString = env['APPLICATIONINSIGHTS_CONNECTION_STRING']?.trim();
  if (!connectionString) return false;
  loaders.azureMonitor().useAzureMonitor({
    azureMonitorExporterOptions: { connectionString },
    resource: loaders.resource(CLOUD_ROLE_NAME),
    enableLiveMetrics: false,
    enableAutoCollectRequests: true,
    enableAutoCollectDependencies: true,
    spanProcessors: [new ReportLinkRedactingSpanProcessor()],
    instrumentationOptions: {
      http: { enabled: true },
      azureSdk: { enabled: true },
      console: { enabled: false },
      bunyan: { enabled: false },
      winston: { enabled: false },
      mongoDb: { enabled: false },
      mySql: { enabled: false },
      postgreSql: { enabled: false },
      redis: { enabled: false },
      redis4: { enabled: false },
    },
  });
  return true;
}
