import { useQuery } from '@tanstack/react-query';
import type { PmsAccess } from '../../lib/plex-context';
import { pickSection, useLibraryStore } from './library-store';
import { musicSectionsQuery } from './queries';

/** The music library being browsed on this server, and the others to choose from. */
export function useSection(access: PmsAccess) {
  const sections = useQuery(musicSectionsQuery(access));
  const remembered = useLibraryStore((s) => s.sectionByServer[access.serverId]);
  const chooseSection = useLibraryStore((s) => s.chooseSection);
  return {
    sections,
    section: pickSection(sections.data, remembered),
    choose: (key: string) => chooseSection(access.serverId, key),
  };
}
