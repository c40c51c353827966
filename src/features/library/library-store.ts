import { create } from 'zustand';
import { createJSONStorage, persist } from 'zustand/middleware';
import type { MusicSection } from '../../domain';
import { idbStateStorage } from '../../lib/idb';
import { libraryShape } from './library-shape';

/** Which music library the user browses, per server. */
interface LibraryState {
  sectionByServer: Record<string, string>;
  chooseSection(serverId: string, key: string): void;
  reset(): void;
}

export const useLibraryStore = create<LibraryState>()(
  persist(
    (setState) => ({
      sectionByServer: {},
      chooseSection: (serverId, key) =>
        setState((s) => ({ sectionByServer: { ...s.sectionByServer, [serverId]: key } })),
      reset: () => setState({ sectionByServer: {} }),
    }),
    {
      name: 'library',
      ...libraryShape<LibraryState>(createJSONStorage(() => idbStateStorage)),
      partialize: (s) => ({ sectionByServer: s.sectionByServer }),
    },
  ),
);

/** The remembered section if it still exists, else the first music library. */
export function pickSection(
  sections: MusicSection[] | undefined,
  remembered: string | undefined,
): MusicSection | undefined {
  return sections?.find((s) => s.key === remembered) ?? sections?.[0];
}
