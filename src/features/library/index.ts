export { MusicSections } from './music-sections';
export { libraryKeys, musicSectionsQuery } from './sections-query';
