import { IncomingMessage, ServerResponse } from 'node:http';
import { Socket } from 'node:net';
import { Writable } from 'node:stream';
import pino from 'pino';
import { FRONT_BODY_LIMIT, requestLogging, takes } from './graphql-http-front';

function incoming(method: string, url: string, headers: Record<string, string>): IncomingMessage {
  const req = new IncomingMessage(new Socket());
  Object.assign(req, { method, url, headers });
  return req;
}

describe('takes', () => {
  const json = { 'content-type': 'application/json', 'content-length': '30' };

  it('takes a JSON POST to /graphql, of any length (it refuses one over the limit itself)', () => {
    expect(takes(incoming('POST', '/graphql', json))).toBe(true);
    expect(takes(incoming('POST', '/graphql', { ...json, 'content-type': 'application/json; charset=utf-8' }))).toBe(true);
    expect(takes(incoming('POST', '/graphql', { 'content-type': 'application/json' }))).toBe(true);
    expect(takes(incoming('POST', '/graphql', { ...json, 'content-length': String(FRONT_BODY_LIMIT + 1) }))).toBe(true);
  });

  it.each([
    ['a GET', incoming('GET', '/graphql', json)],
    ['another path', incoming('POST', '/graphql/x', json)],
    ['a query string', incoming('POST', '/graphql?x=1', json)],
    ['a form', incoming('POST', '/graphql', { ...json, 'content-type': 'application/x-www-form-urlencoded' })],
    ['a lookalike type', incoming('POST', '/graphql', { ...json, 'content-type': 'application/jsonp' })],
    ['no type', incoming('POST', '/graphql', { 'content-length': '30' })],
  ])('leaves %s to Express', (_name, req) => {
    expect(takes(req)).toBe(false);
  });
});

describe('requestLogging', () => {
  function capture(level: string) {
    const lines: Record<string, unknown>[] = [];
    const stream = new Writable({
      write(chunk: Buffer, _encoding, done) {
        lines.push(JSON.parse(chunk.toString()));
        done();
      },
    });
    const root = pino({ level, serializers: { req: (req: { id: string; method: string; url: string }) => ({ id: req.id, method: req.method, url: req.url }), res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }) } }, stream);
    return { root, lines };
  }

  it('with logging off, makes no child logger and writes nothing, but still gives the request its id', () => {
    const { root, lines } = capture('silent');
    const child = jest.spyOn(root, 'child');
    const req = incoming('POST', '/graphql', { 'x-request-id': 'abc-1' });
    const res = new ServerResponse(req);
    requestLogging(root, req, res);
    res.emit('finish');
    expect(child).not.toHaveBeenCalled();
    expect(lines).toEqual([]);
    expect(res.getHeader('x-request-id')).toBe('abc-1');
    expect((req as { id?: string }).id).toBe('abc-1');
  });

  it("makes the request's child logger when first used, once, and logs the completed request through it", async () => {
    const { root, lines } = capture('info');
    const child = jest.spyOn(root, 'child');
    const req = incoming('POST', '/graphql', { 'x-request-id': 'abc-2' });
    const res = new ServerResponse(req);
    const store = requestLogging(root, req, res);
    expect(child).not.toHaveBeenCalled();
    store.logger.info('inside a resolver');
    store.logger.info('again');
    expect(child).toHaveBeenCalledTimes(1);
    res.statusCode = 200;
    res.emit('finish');
    res.emit('close');
    await new Promise((resolve) => setImmediate(resolve));
    expect(lines.map((line) => line.msg)).toEqual(['inside a resolver', 'again', 'request completed']);
    expect(lines[2]).toMatchObject({ level: 30, req: { id: 'abc-2', method: 'POST', url: '/graphql' }, res: { statusCode: 200 }, responseTime: expect.any(Number) });
  });

  it('logs a 5xx answer as an error', async () => {
    const { root, lines } = capture('info');
    const req = incoming('POST', '/graphql', {});
    const res = new ServerResponse(req);
    requestLogging(root, req, res);
    res.statusCode = 503;
    res.emit('finish');
    await new Promise((resolve) => setImmediate(resolve));
    expect(lines).toEqual([expect.objectContaining({ level: 50, msg: 'request errored', res: { statusCode: 503 } })]);
  });
});
