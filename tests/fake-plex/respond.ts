import { toXml } from './xml';

/** Plex sends CORS headers to browsers; so does the fake, exposing Retry-After. */
export function corsHeaders(request: Request): Record<string, string> {
  return {
    'Access-Control-Allow-Origin': request.headers.get('Origin') ?? '*',
    'Access-Control-Expose-Headers': 'Retry-After, Content-Range',
    Vary: 'Origin',
  };
}

function wantsJson(request: Request): boolean {
  return (request.headers.get('Accept') ?? '').includes('application/json');
}

/** JSON when asked for it, Plex-style XML otherwise, as the real servers do. */
export function plexBody(
  request: Request,
  rootName: string,
  value: unknown,
  status = 200,
): Response {
  if (wantsJson(request)) {
    return new Response(JSON.stringify(value), {
      status,
      headers: { 'Content-Type': 'application/json; charset=utf-8', ...corsHeaders(request) },
    });
  }
  return new Response(toXml(rootName, value), {
    status,
    headers: { 'Content-Type': 'text/xml; charset=utf-8', ...corsHeaders(request) },
  });
}

export function plexErrors(
  request: Request,
  status: number,
  code: number,
  message: string,
): Response {
  return plexBody(request, 'errors', { errors: [{ code, message, status }] }, status);
}

export function text(
  request: Request,
  status: number,
  body: string,
  type = 'text/plain',
): Response {
  return new Response(body, { status, headers: { 'Content-Type': type, ...corsHeaders(request) } });
}

/** X-Plex-* may come as a header or as a query parameter (docs/plex-api.md). */
export function plexParam(request: Request, url: URL, name: string): string | null {
  return url.searchParams.get(name) ?? request.headers.get(name);
}
