/**
 * Writing replies with the headers every answer carries: no MIME sniffing, a strict Content
 * Security Policy (scripts and data only from this server), no framing, no referrer, and
 * `no-cache` (clients revalidate series with their ETag).
 */
import type { ServerResponse } from 'node:http';
import type { ApiErrorBody } from '../shared/api-types.js';
import type { HttpError } from './http-error.js';
import type { Reply } from './router.js';

const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'X-Content-Type-Options': 'nosniff',
  'Content-Security-Policy':
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
  'X-Frame-Options': 'DENY',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Resource-Policy': 'same-origin',
  'Cache-Control': 'no-cache',
};

/** Sends `reply` (headers only for HEAD and 304). */
export function sendReply(res: ServerResponse, reply: Reply, headOnly: boolean): void {
  const body = typeof reply.body === 'string' ? Buffer.from(reply.body, 'utf8') : reply.body;
  const headers: Record<string, string | number> = { ...SECURITY_HEADERS, ...(reply.headers ?? {}) };
  if (reply.status !== 304) {
    headers['Content-Type'] = reply.contentType;
    headers['Content-Length'] = body.byteLength;
  }
  res.writeHead(reply.status, headers);
  res.end(headOnly || reply.status === 304 ? undefined : body);
}

/** Sends an error as `{error: {status, message}}`. */
export function sendError(res: ServerResponse, error: HttpError, headOnly: boolean): void {
  const body: ApiErrorBody = { error: { status: error.status, message: error.message } };
  sendReply(res, { status: error.status, contentType: 'application/json; charset=utf-8', body: JSON.stringify(body), headers: error.headers }, headOnly);
}
