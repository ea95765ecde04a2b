// Requests so broken that Node's HTTP parser refuses them (a bad chunk size,
// headers over the size limit, Content-Length together with chunked) never
// reach Hono. Node's default answer is a bare 400 with no body; this answers
// with the same JSON error shape as every other refusal, then closes.
// A request with no Host header: Node's own check would send an empty 400,
// so createApiServer turns that check off and answers it here instead.
import { createServer, type IncomingMessage, type RequestListener, type Server, type ServerOptions, type ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';

const ANSWERS: Record<string, [number, string, string, string]> = {
  HPE_HEADER_OVERFLOW: [431, 'Request Header Fields Too Large', 'headers_too_large', 'Request headers are too large'],
  HPE_URI_TOO_LONG: [414, 'URI Too Long', 'uri_too_long', 'Request address is too long'],
  ERR_HTTP_REQUEST_TIMEOUT: [408, 'Request Timeout', 'request_timeout', 'The request took too long to arrive'],
};
const BAD_REQUEST: [number, string, string, string] = [400, 'Bad Request', 'bad_http', 'The request is not valid HTTP'];

export function answerClientErrors(server: unknown): void {
  (server as Server).on('clientError', (error: NodeJS.ErrnoException, socket: Duplex) => {
    // Nothing to answer on a connection the client already dropped.
    if (error.code === 'ECONNRESET' || !socket.writable) {
      socket.destroy();
      return;
    }
    const [status, reason, code, message] = ANSWERS[error.code ?? ''] ?? BAD_REQUEST;
    const body = JSON.stringify({ error: { code, message } });
    const answer = () =>
      socket.end(
        `HTTP/1.1 ${status} ${reason}\r\nContent-Type: application/json; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(body)}\r\nCache-Control: no-store\r\nConnection: close\r\n\r\n${body}`,
      );
    // The broken bytes may follow a complete request still being answered (a
    // DELETE sent without a Content-Length is complete at its headers, and
    // what the client meant as its body is the next "request"). That request
    // did run, so its own answer goes first; answering only this 400 would
    // tell the client its request was refused when it was carried out.
    const inFlight = (socket as Duplex & { _httpMessage?: ServerResponse })._httpMessage;
    // Only a request that arrived whole; one whose own body broke is what this 400 answers.
    if (inFlight && !inFlight.writableFinished && inFlight.req?.complete) inFlight.once('finish', answer);
    else answer();
  });
}

/** For @hono/node-server's `serve({ createServer })`. */
export const createApiServer = ((options: ServerOptions, listener: RequestListener) =>
  createServer({ ...options, requireHostHeader: false }, (req: IncomingMessage, res: ServerResponse) => {
    if (req.headers.host) return listener(req, res);
    const body = JSON.stringify({ error: { code: 'bad_http', message: 'The request has no Host header' } });
    res.writeHead(400, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(body), 'cache-control': 'no-store', connection: 'close' });
    res.end(body);
  })) as unknown as typeof createServer;
