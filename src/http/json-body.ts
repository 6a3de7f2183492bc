import type { Next, Request, Response } from 'restify';

/**
 * Reads the body of a Bot Framework request before anything else looks at it, at no cost beyond the
 * size limit: JSON only, never compressed (a small gzip body can inflate a thousand-fold before any
 * token is checked) and never multipart (which would reach the temp folder), at most `maxBytes`
 * bytes as they arrive, refused as soon as the limit is passed. Answers carry no library text.
 */
export function strictJsonBody(maxBytes: number) {
  return (req: Request, res: Response, next: Next): void => {
    const refuse = (status: number, message: string) => {
      res.header('connection', 'close');
      res.send(status, { error: message });
      next(false);
    };
    const encoding = String(req.headers['content-encoding'] ?? 'identity')
      .trim()
      .toLowerCase();
    if (encoding !== 'identity' && encoding !== '') return refuse(415, 'compressed request bodies are not accepted');
    const type = String(req.headers['content-type'] ?? '')
      .split(';')[0]!
      .trim()
      .toLowerCase();
    if (type !== 'application/json') return refuse(415, 'the body must be application/json');
    const declared = Number(req.headers['content-length']);
    if (Number.isFinite(declared) && declared > maxBytes) return refuse(413, 'the request body is too large');

    const chunks: Buffer[] = [];
    let size = 0;
    let finished = false;
    const finish = (action: () => void) => {
      if (finished) return;
      finished = true;
      action();
    };
    req.on('data', (chunk: Buffer) => {
      if (finished) return;
      size += chunk.length;
      if (size > maxBytes) {
        chunks.length = 0;
        finish(() => {
          refuse(413, 'the request body is too large');
          // Nothing more is read: the connection closes once the answer is out.
          res.once('finish', () => req.destroy());
        });
        return;
      }
      chunks.push(chunk);
    });
    req.on('error', () => finish(() => next(false)));
    req.on('end', () =>
      finish(() => {
        try {
          (req as Request & { body: unknown }).body = JSON.parse(Buffer.concat(chunks).toString('utf8'));
        } catch {
          refuse(400, 'the body is not valid JSON');
          return;
        }
        next();
      }),
    );
  };
}
