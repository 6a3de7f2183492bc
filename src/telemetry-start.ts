import { startTelemetry } from './telemetry';

// Imported first by src/index.ts: the HTTP and Azure SDK instrumentation must patch their modules
// before restify, botbuilder and @azure/data-tables load.
startTelemetry(process.env);
