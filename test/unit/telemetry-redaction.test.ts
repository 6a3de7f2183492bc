import { SpanKind } from '@opentelemetry/api';
import { BasicTracerProvider, InMemorySpanExporter, SimpleSpanProcessor, type ReadableSpan, type SpanProcessor } from '@opentelemetry/sdk-trace-base';
import { startTelemetry, type AzureMonitorModule } from '../../src/telemetry';
import { withoutReportToken } from '../../src/telemetry-redaction';

const CONNECTION_STRING = 'InstrumentationKey=00000000-0000-0000-0000-000000000000;IngestionEndpoint=https://ingest.test/';
const TOKEN = 'eyJwYXJ0bmVyc2hpcElkIjoid2Fyd2lja3NoaXJlIn0.c2lnbmF0dXJlLW9mLXRoZS1saW5r';

/** The span processors startTelemetry hands Application Insights, taken from the options it starts with. */
function installedProcessors(): SpanProcessor[] {
  const started: Parameters<AzureMonitorModule['useAzureMonitor']>[0][] = [];
  startTelemetry(
    { APPLICATIONINSIGHTS_CONNECTION_STRING: CONNECTION_STRING },
    { azureMonitor: () => ({ useAzureMonitor: (options) => started.push(options) }), resource: () => undefined },
  );
  return started[0]?.spanProcessors ?? [];
}

/**
 * A real OpenTelemetry tracer with the processors telemetry installs, in front of an in-memory
 * exporter standing where the Azure Monitor exporter stands: what it receives is what would leave.
 */
function exportedRequest(name: string, attributes: Record<string, string | number>, late: Record<string, string> = {}): ReadableSpan {
  const exporter = new InMemorySpanExporter();
  const provider = new BasicTracerProvider({ spanProcessors: [...installedProcessors(), new SimpleSpanProcessor(exporter)] });
  const span = provider.getTracer('http').startSpan(name, { kind: SpanKind.SERVER, attributes });
  for (const [key, value] of Object.entries(late)) span.setAttribute(key, value);
  span.setAttribute('http.response.status_code', 200);
  span.end();
  const [exported] = exporter.getFinishedSpans();
  if (!exported) throw new Error('no span exported');
  return exported;
}

function everythingIn(span: ReadableSpan): string {
  return JSON.stringify({ name: span.name, attributes: span.attributes });
}

describe('board report links in telemetry', () => {
  it('never exports a download link token from a request span (stable HTTP conventions)', () => {
    const span = exportedRequest('GET', {
      'http.request.method': 'GET',
      'url.scheme': 'https',
      'url.path': `/reports/${TOKEN}`,
      'url.query': `again=${TOKEN}`,
      'server.address': 'bot.example.org',
    });
    expect(everythingIn(span)).not.toContain(TOKEN);
    expect(span.attributes).toMatchObject({ 'url.path': '/reports/[token]', 'url.query': '', 'http.request.method': 'GET', 'http.response.status_code': 200 });
  });

  it('never exports the token from the older HTTP conventions either (http.target, http.url, url.full)', () => {
    const span = exportedRequest(`GET /reports/${TOKEN}`, {
      'http.method': 'GET',
      'http.target': `/reports/${TOKEN}?x=1`,
      'http.url': `https://bot.example.org/reports/${TOKEN}?x=1`,
      'url.full': `https://bot.example.org/reports/${TOKEN}`,
    });
    expect(everythingIn(span)).not.toContain(TOKEN);
    expect(span.name).toBe('GET /reports/[token]');
    expect(span.attributes).toMatchObject({
      'http.target': '/reports/[token]',
      'http.url': 'https://bot.example.org/reports/[token]',
      'url.full': 'https://bot.example.org/reports/[token]',
    });
  });

  it('cuts out a route set after the span started', () => {
    const span = exportedRequest('GET', { 'url.path': `/reports/${TOKEN}` }, { 'http.route': `/reports/${TOKEN}` });
    expect(everythingIn(span)).not.toContain(TOKEN);
  });

  it('cuts out a token sent to a mistyped or percent-encoded report path, which would otherwise be a 404 carrying a working link', () => {
    for (const path of [`/Reports/${TOKEN}`, `/reports%2F${TOKEN}`, `/reports/${TOKEN}/extra`]) {
      expect(everythingIn(exportedRequest('GET', { 'url.path': path }))).not.toContain(TOKEN);
    }
  });

  it('leaves other requests as they are', () => {
    const span = exportedRequest('POST', { 'url.path': '/api/messages', 'url.query': 'a=1', 'http.request.method': 'POST' });
    expect(span.attributes).toMatchObject({ 'url.path': '/api/messages', 'url.query': 'a=1' });
    expect(span.name).toBe('POST');
  });
});

describe('withoutReportToken', () => {
  it('keeps the route and drops the token, any further path and the query', () => {
    expect(withoutReportToken(`/reports/${TOKEN}?download=1`)).toBe('/reports/[token]');
    expect(withoutReportToken(`https://bot.example.org/reports/${TOKEN}`)).toBe('https://bot.example.org/reports/[token]');
  });

  it('leaves other paths alone', () => {
    expect(withoutReportToken('/api/messages?x=1')).toBe('/api/messages?x=1');
    expect(withoutReportToken(undefined)).toBeUndefined();
  });
});
