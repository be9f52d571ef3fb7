import { describe, expect, it } from 'vitest';
import { HttpError } from './http-error.js';
import { parseRequestTarget } from './request-target.js';
import { Router } from './router.js';

const router = new Router()
  .get('/a', { required: [] }, () => ({ status: 200, contentType: 'text/plain', body: 'a' }))
  .get('/b', { required: ['run'], optional: ['format'] }, ({ params, optional }) => ({ status: 200, contentType: 'text/plain', body: `${params.run}:${optional.get('format') ?? '-'}` }));

function answer(method: string, target: string): { status: number; body: string; allow?: string } {
  try {
    const r = router.dispatch(method, parseRequestTarget(target), null);
    return { status: r.status, body: String(r.body) };
  } catch (e) {
    if (!(e instanceof HttpError)) throw e;
    return { status: e.status, body: e.message, ...(e.headers.Allow === undefined ? {} : { allow: e.headers.Allow }) };
  }
}

describe('Router', () => {
  it('dispatches GET and HEAD with their parameters', () => {
    expect(answer('GET', '/a')).toEqual({ status: 200, body: 'a' });
    expect(answer('HEAD', '/b?run=x&format=json')).toEqual({ status: 200, body: 'x:json' });
  });
  it('404 for unknown paths, 405 with Allow for other methods', () => {
    expect(answer('GET', '/c').status).toBe(404);
    expect(answer('PUT', '/a')).toMatchObject({ status: 405, allow: 'GET, HEAD' });
  });
  it('400 for missing, empty or unknown parameters, naming them', () => {
    expect(answer('GET', '/b')).toEqual({ status: 400, body: "missing query parameter 'run' for /b" });
    expect(answer('GET', '/b?run=')).toEqual({ status: 400, body: "missing query parameter 'run' for /b" });
    expect(answer('GET', '/b?run=x&tag=y')).toEqual({ status: 400, body: "unknown query parameter 'tag' for /b (allowed: run, format)" });
    expect(answer('GET', '/a?x=1').status).toBe(400);
  });
});
