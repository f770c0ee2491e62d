// A body over its route's limit (bodyLimit: 60 MB for a ledger sheet, 10 MB for JSON) is answered 413
// with the error shape, in the caller's language, naming the limit — and then read and thrown away
// (UPLOAD_LIMITS.drainBytes at most), not cut off: a client still sending its body when the server
// closes the connection sees a reset instead of the answer (Fastify closes it by default).
//
// Told by Content-Length before anything is read (onRequest); a chunked body is told when it passes the
// limit while being read (the error handler calls bodyTooLargeAnswer).

import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { pickLocale } from '../../domain/i18n/messages';
import { bytesText, UPLOAD_LIMITS } from '../../domain/uploads/limits';
import { AppError, sendError } from './errors';

const bodyTooLarge = (limit: number) =>
  new AppError('too_large', 'upload.too_large_body', { limit: bytesText(limit) });

/** Reads and throws away the rest of a request's body; closes the connection past drainBytes. */
function drain(request: FastifyRequest): void {
  const raw = request.raw;
  let read = 0;
  raw.on('data', (chunk: Buffer) => {
    read += chunk.length;
    if (read > UPLOAD_LIMITS.drainBytes) raw.socket?.destroy();
  });
  raw.resume();
}

function limitOf(app: FastifyInstance, request: FastifyRequest): number {
  return request.routeOptions.bodyLimit ?? app.initialConfig.bodyLimit ?? 1024 * 1024;
}

/** Answers 413 for a body over the route's limit, keeping the connection while the rest is drained. */
export function bodyTooLargeAnswer(app: FastifyInstance, request: FastifyRequest, reply: FastifyReply) {
  const locale = pickLocale(request.cookies?.lang, request.headers['accept-language']);
  reply.removeHeader('connection');
  drain(request);
  return sendError(reply, locale, bodyTooLarge(limitOf(app, request)));
}

export function registerBodyLimit(app: FastifyInstance): void {
  app.addHook('onRequest', (request, reply, done) => {
    const length = Number(request.headers['content-length']);
    if (!(length > limitOf(app, request))) return done();
    if (length > UPLOAD_LIMITS.drainBytes) reply.header('connection', 'close');
    else drain(request);
    const locale = pickLocale(request.cookies?.lang, request.headers['accept-language']);
    sendError(reply, locale, bodyTooLarge(limitOf(app, request)));
  });
}
