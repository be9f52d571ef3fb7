/**
 * DNS-rebinding protection: when the server listens on a loopback address, a request whose Host
 * header names anything but a loopback name (`localhost`, `127.x.x.x`, `[::1]`) comes from a page
 * of another site that resolved its own name to 127.0.0.1, and is refused (403).
 */
import { HttpError } from './http-error.js';

/** Whether `host` (a listen address) is a loopback address or name. */
export function isLoopbackHost(host: string): boolean {
  return host === 'localhost' || host === '::1' || /^127(\.\d{1,3}){3}$/.test(host);
}

/** The host name of a Host header value (`[::1]:6006` → `[::1]`, `localhost:80` → `localhost`). */
export function hostHeaderName(value: string): string {
  if (value.startsWith('[')) {
    const end = value.indexOf(']');
    return end < 0 ? value : value.slice(0, end + 1);
  }
  const colon = value.indexOf(':');
  return (colon < 0 ? value : value.slice(0, colon)).toLowerCase();
}

/** Throws 403 unless the Host header `value` names a loopback host. */
export function checkLoopbackHostHeader(value: string | undefined): void {
  if (value === undefined) throw new HttpError(400, 'missing Host header');
  const name = hostHeaderName(value);
  if (name === 'localhost' || name === '[::1]' || /^127(\.\d{1,3}){3}$/.test(name)) return;
  throw new HttpError(403, `Host ${JSON.stringify(value)} is not a loopback name; the board only answers requests addressed to localhost`);
}
