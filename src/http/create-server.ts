import restify, { type Server } from 'restify';
import type { Application, TeamsAdapter, TurnState } from '@microsoft/teams-ai';
import type { StorageHealth } from '../domain/ports';
import type { Logger } from '../logger';
import { TURN_STORAGE_BUDGET_MS, withTurnDeadline } from '../turn-deadline';
import { cachedHealth, HEALTH_CACHE_MS } from './cached-health';
import { failClosedResponse } from './fail-closed';
import { readActivityShape } from './activity-shape';
import { strictJsonBody } from './json-body';
import { MAX_REPORT_TOKEN_LENGTH, registerReportDownloads, withoutReportToken, type ReportDownloadServices } from './report-downloads';

export interface HttpServerOptions {
  readonly adapter: TeamsAdapter;
  readonly app: Application<TurnState>;
  readonly health: StorageHealth;
  readonly maxBodyBytes: number;
  readonly logger: Logger;
  /** Serves the board report's signed download links; without it there is no /reports route. */
  readonly reports?: ReportDownloadServices;
  /** How long one storage check answers /healthz; tests that stop storage set 0. */
  readonly healthCacheMs?: number;
}

export function createHttpServer(options: HttpServerOptions): Server {
  // maxParamLength is passed through to the router (find-my-way), which otherwise drops long tokens as 404.
  const serverOptions: restify.ServerOptions & { maxParamLength: number } = {
    // An empty name sends no Server header: nothing tells a scanner what answers here.
    name: '',
    handleUncaughtExceptions: false,
    maxParamLength: MAX_REPORT_TOKEN_LENGTH,
  };
  const server = restify.createServer(serverOptions);
  // Teams activities are a few KB; the body is read strictly, before the token is checked (json-body.ts).
  server.post('/api/messages', strictJsonBody(options.maxBodyBytes), async (req, res) => {
    // The request id ties this line to restify's; the activity id is the turn's correlation id.
    const activityId = (req.body as { id?: unknown } | undefined)?.id;
    options.logger.debug({ requestId: req.getId(), correlationId: typeof activityId === 'string' ? activityId.slice(0, 128) : undefined }, 'activity received');
    const shape = readActivityShape(req.body);
    if (!shape) {
      res.send(400, { error: 'the body is not a Bot Framework activity' });
      return;
    }
    let turnStarted = false;
    try {
      await options.adapter.process(
        req,
        failClosedResponse(res, () => turnStarted, shape.type === 'invoke'),
        (context) => {
          turnStarted = true;
          const budget = shape.type === 'invoke' ? TURN_STORAGE_BUDGET_MS.invoke : TURN_STORAGE_BUDGET_MS.message;
          return withTurnDeadline(budget, () => options.app.run(context)).then(() => undefined);
        },
      );
    } catch (error) {
      // Whatever escapes the adapter is answered without its text: the library's messages name internals.
      options.logger.warn({ requestId: req.getId(), err: error }, 'activity could not be processed');
      if (!res.headersSent) {
        res.status(turnStarted ? 400 : 401);
        res.end();
      }
    }
    if (res.statusCode === 401) options.logger.warn({ requestId: req.getId() }, 'activity refused: no valid Bot Framework token');
  });

  // The Agents Playground and some uptime probes check the endpoint with HEAD before posting.
  server.head('/api/messages', async (_req, res) => {
    res.send(204);
  });

  const health = cachedHealth(options.health, options.healthCacheMs ?? HEALTH_CACHE_MS);
  server.get('/healthz', async (_req, res) => {
    const storage = await health.check();
    res.send(storage.reachable ? 200 : 503, { status: storage.reachable ? 'ok' : 'degraded', storage });
  });

  if (options.reports) registerReportDownloads(server, options.reports);

  server.on('restifyError', (req, _res, err, callback) => {
    options.logger.warn({ method: req.method, url: withoutReportToken(req.url), status: err.statusCode, err: withoutReportToken(err.message) }, 'request rejected');
    return callback();
  });
  return server;
}
