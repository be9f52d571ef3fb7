/**
 * A small typed router: exact paths, GET and HEAD only (HEAD answers like GET without a body),
 * and per route the query parameters it takes, so an unknown or missing parameter is a 400 before
 * the handler runs. Unknown paths are 404, other methods 405 with `Allow`.
 */
import { HttpError } from './http-error.js';
import type { RequestTarget } from './request-target.js';

/** What a handler answers. */
export interface Reply {
  status: number;
  contentType: string;
  body: Uint8Array | string;
  headers?: Readonly<Record<string, string>>;
}

/** The validated inputs of a handler: required parameters are present. */
export interface RouteInput<P extends string> {
  params: Readonly<Record<P, string>>;
  optional: ReadonlyMap<string, string>;
  /** The request's `If-None-Match` header, for ETag revalidation. */
  ifNoneMatch: string | null;
}

/** The query parameters of a route. */
export interface ParamSpec<P extends string> {
  required: readonly P[];
  optional?: readonly string[];
}

interface Route {
  handle(target: RequestTarget, ifNoneMatch: string | null): Reply;
}

/** Routes of the dashboard server. */
export class Router {
  private readonly routes = new Map<string, Route>();

  /** Registers `handler` for GET/HEAD of `path` with the query parameters in `spec`. */
  get<P extends string>(path: string, spec: ParamSpec<P>, handler: (input: RouteInput<P>) => Reply): this {
    const allowed = new Set<string>([...spec.required, ...(spec.optional ?? [])]);
    this.routes.set(path, {
      handle(target, ifNoneMatch) {
        for (const key of target.query.keys()) {
          if (!allowed.has(key)) throw new HttpError(400, `unknown query parameter '${key}' for ${path}${allowed.size > 0 ? ` (allowed: ${[...allowed].join(', ')})` : ''}`);
        }
        const params = {} as Record<P, string>;
        for (const key of spec.required) {
          const v = target.query.get(key);
          if (v === undefined || v === '') throw new HttpError(400, `missing query parameter '${key}' for ${path}`);
          params[key] = v;
        }
        return handler({ params, optional: target.query, ifNoneMatch });
      },
    });
    return this;
  }

  /** Answers `method` on `target`, or throws {@link HttpError} 404/405/400. */
  dispatch(method: string, target: RequestTarget, ifNoneMatch: string | null): Reply {
    const route = this.routes.get(target.path);
    if (route === undefined) throw new HttpError(404, `no such page: ${target.path}`);
    if (method !== 'GET' && method !== 'HEAD') throw new HttpError(405, `method ${method} not allowed`, { Allow: 'GET, HEAD' });
    return route.handle(target, ifNoneMatch);
  }
}
