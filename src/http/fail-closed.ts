import type { Response } from 'restify';
import { invokeErrorBody } from './activity-shape';

/** The part of a response botbuilder's CloudAdapter.process writes to. */
export interface AdapterResponse {
  readonly socket: unknown;
  status(code: number): unknown;
  header(name: string, value: unknown): unknown;
  send(body?: unknown): unknown;
  end(): unknown;
}

/**
 * Stands between the adapter and the real response. A request that never reached the turn was not
 * authenticated: botbuilder answers 500 when it cannot check a token (the signing keys could not
 * be fetched, e.g. offline), so that is answered 401 like any other refused token, and the
 * library's error text (which names internal hosts) is never sent back. An authenticated request the
 * bot could not serve (Teams AI answers 501 for an invoke nobody handles) gets 400, or for an invoke
 * the error body Teams expects, with HTTP 200: never a 5xx, which Teams would retry.
 */
export function failClosedResponse(res: Response, turnStarted: () => boolean, isInvoke = false): AdapterResponse {
  let status = 200;
  let body: unknown;
  return {
    socket: res.socket,
    status(code: number) {
      status = code;
      return this;
    },
    header(name: string, value: unknown) {
      res.header(name, value);
      return this;
    },
    send(sent?: unknown) {
      body = sent;
      return this;
    },
    end() {
      if (!turnStarted() && (status === 401 || status >= 500)) {
        res.status(401);
        res.end();
        return this;
      }
      if (status >= 500) {
        if (isInvoke) {
          res.status(200);
          res.send(invokeErrorBody('This card action is not one the bot can carry out. Nothing was changed.'));
        } else {
          res.status(400);
          res.end();
        }
        return this;
      }
      res.status(status);
      if (body !== undefined) res.send(body);
      else res.end();
      return this;
    },
  };
}
