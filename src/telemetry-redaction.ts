import type { AttributeValue, Context, Span } from '@opentelemetry/api';

/** What a redacted board report link looks like in telemetry and logs. */
export const REDACTED_REPORT_PATH = '/reports/[token]';

/**
 * Matches the board report route and everything after it (the token, any further path, the query),
 * in any letter case and whether or not the slashes were percent-encoded: a link sent to the wrong
 * path (a 404) still carries a working token.
 */
const REPORT_PATH = /\/(?:%2f)?reports(?:\/|%2f).*$/i;
const REPORT_NAME = /^\/(?:%2f)?reports(?:\/|%2f)/i;

function decoded(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

/** True when the text is, or ends in, a path under /reports/. */
export function mentionsReportLink(value: string): boolean {
  return REPORT_PATH.test(value) || REPORT_PATH.test(decoded(value));
}

/**
 * The URL or path with everything from /reports/ on replaced, so a board report link, which is a key
 * to the report until it is used or expires, never reaches a log line or Application Insights.
 * Anything else is returned unchanged.
 */
export function withoutReportToken(url: string): string;
export function withoutReportToken(url: string | undefined): string | undefined;
export function withoutReportToken(url: string | undefined): string | undefined {
  if (url === undefined) return undefined;
  if (REPORT_PATH.test(url)) return url.replace(REPORT_PATH, REDACTED_REPORT_PATH);
  const plain = decoded(url);
  return REPORT_PATH.test(plain) ? plain.replace(REPORT_PATH, REDACTED_REPORT_PATH) : url;
}

/** The attributes the HTTP instrumentation (old and stable conventions) puts the request URL in. */
const URL_ATTRIBUTES = ['url.full', 'url.path', 'http.target', 'http.url', 'url.original', 'http.route'] as const;
/** Query attributes are dropped outright for report requests: nothing in them is needed. */
const QUERY_ATTRIBUTES = ['url.query'] as const;

function isReportSpan(attributes: Readonly<Record<string, AttributeValue | undefined>>, name: string): boolean {
  return REPORT_NAME.test(name.replace(/^[A-Z]+ /, '')) || URL_ATTRIBUTES.some((key) => typeof attributes[key] === 'string' && mentionsReportLink(attributes[key]));
}

/** The shape of an SDK span at start: its name and attributes can still be read and changed. */
type StartedSpan = Span & { readonly name?: string; readonly attributes?: Readonly<Record<string, AttributeValue | undefined>> };

/**
 * An OpenTelemetry span processor, installed by startTelemetry, that rewrites a board report
 * request's span as it starts: the URL attributes become /reports/[token], the query is blanked and
 * the span name loses the path. It runs before any exporter or metrics processor sees the span; the
 * request is still counted (status, duration), only the link is gone.
 */
export class ReportLinkRedactingSpanProcessor {
  onStart(span: StartedSpan, _parentContext: Context): void {
    const attributes = span.attributes ?? {};
    const name = span.name ?? '';
    if (!isReportSpan(attributes, name)) return;
    for (const key of URL_ATTRIBUTES) {
      const value = attributes[key];
      if (typeof value === 'string') span.setAttribute(key, withoutReportToken(value));
    }
    for (const key of QUERY_ATTRIBUTES) if (attributes[key] !== undefined) span.setAttribute(key, '');
    if (mentionsReportLink(name)) span.updateName(withoutReportToken(name));
  }

  /**
   * Attributes set after the start (e.g. a route added at the end) are checked again here: the span
   * can no longer be changed, so a late URL is overwritten in the attributes it is exported from.
   */
  onEnd(span: { readonly attributes: Record<string, AttributeValue | undefined> }): void {
    for (const key of URL_ATTRIBUTES) {
      const value = span.attributes[key];
      if (typeof value === 'string' && mentionsReportLink(value)) span.attributes[key] = withoutReportToken(value);
    }
  }

  forceFlush(): Promise<void> {
    return Promise.resolve();
  }

  shutdown(): Promise<void> {
    return Promise.resolve();
  }
}
