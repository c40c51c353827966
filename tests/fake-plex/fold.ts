/**
 * How the fake server compares names in a search: case and accents folded ("bjork" finds
 * "Björk", "zoe" finds "Zoë"), as users of Plex's search expect of it. Unconfirmed against a real
 * server (docs/plex-api.md); PlexM8 shows whatever the server answers.
 */
export function foldName(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLocaleLowerCase();
}
