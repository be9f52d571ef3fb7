import { describe, expect, it } from 'vitest';
import { HttpError } from './http-error.js';
import { MAX_TARGET_LENGTH, parseRequestTarget } from './request-target.js';

function status(raw: string): number {
  try {
    parseRequestTarget(raw);
    return 200;
  } catch (e) {
    if (e instanceof HttpError) return e.status;
    throw e;
  }
}

describe('parseRequestTarget', () => {
  it('parses plain paths and decodes the query once', () => {
    const t = parseRequestTarget('/api/scalars?run=wd%3D0.1%2Fhparams&tag=eval%2Ftrain+loss');
    expect(t.path).toBe('/api/scalars');
    expect(t.query.get('run')).toBe('wd=0.1/hparams');
    expect(t.query.get('tag')).toBe('eval/train loss');
    expect(parseRequestTarget('/').path).toBe('/');
    expect(parseRequestTarget('/app.js').query.size).toBe(0);
    expect(parseRequestTarget('/api/runs?').query.size).toBe(0);
  });

  it.each([
    '/../etc/passwd',
    '/api/../../etc/passwd',
    '/%2e%2e/etc/passwd',
    '/api/%2E%2E%2Fetc',
    '/api%2fruns',
    '/..%5c..%5cetc',
    '/a\\b',
    '//etc/passwd',
    '/api//runs',
    '/.env',
    '/api/./runs',
    '/api/runs%00',
    '/api/r%75ns',
    'http://evil.example/api/runs',
    '*',
    'api/runs',
  ])('refuses the path %s with 400', (raw) => {
    expect(status(raw)).toBe(400);
  });

  it('refuses malformed or hostile queries with 400', () => {
    expect(status('/api/scalars?run=%E0%A4%A&tag=x')).toBe(400);
    expect(status('/api/scalars?run=a&run=b')).toBe(400);
    expect(status('/api/scalars?run=a%00b')).toBe(400);
    expect(status('/api/scalars?run=a%0Ab')).toBe(400);
    expect(status('/api/scalars?%24where=1')).toBe(400);
    expect(status('/api/scalars?run=a#frag')).toBe(400);
  });

  it('keeps double-encoded text as text (decoded once)', () => {
    expect(parseRequestTarget('/api/scalars?run=%252e%252e%252f').query.get('run')).toBe('%2e%2e%2f');
  });

  it('refuses targets longer than the limit with 414', () => {
    expect(status(`/api/runs?x=${'a'.repeat(MAX_TARGET_LENGTH)}`)).toBe(414);
  });
});
