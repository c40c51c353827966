import { http } from 'msw';
import type { FakePlex } from './handler';

/** The fake as MSW handlers: every request to a Plex origin goes to the one fetch-style handler. */
export function fakePlexHandlers(fake: FakePlex, origins: string[]) {
  return origins.map((origin) => http.all(`${origin}/*`, ({ request }) => fake.handle(request)));
}

export function originsOf(fake: FakePlex): string[] {
  const servers = fake.model.servers.flatMap((s) =>
    s.connections.map((c) => new URL(c.uri).origin),
  );
  return [...fake.model.options.plexTvOrigins, ...servers];
}
