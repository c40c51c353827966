import { queryOptions } from '@tanstack/react-query';
import type { PmsAccess } from '../../lib/plex-context';

/** Keys run general → specific and are scoped by user and server; never by token or URL. */
export const libraryKeys = {
  all: (access: Pick<PmsAccess, 'userId' | 'serverId'>) =>
    ['pms', access.userId, access.serverId] as const,
  sections: (access: Pick<PmsAccess, 'userId' | 'serverId'>) =>
    [...libraryKeys.all(access), 'sections'] as const,
};

export function musicSectionsQuery(access: PmsAccess) {
  return queryOptions({
    queryKey: libraryKeys.sections(access),
    queryFn: ({ signal }) => access.client.musicSections(signal),
    // Libraries are added about never: a day is fresh enough.
    staleTime: 24 * 60 * 60_000,
  });
}
