/**
 * Words the Collector's Server names its music with: Latin, accented, Cyrillic, Greek, Arabic
 * (right to left), Japanese, Korean and emoji, so every screen meets all of them at
 * scale. No word holds a space or differs from another only by accents or case: names built from
 * them then sort word by word (collector-library.test.ts checks every name in order).
 */
// prettier-ignore
export const FIRST_NAMES = [
  'Ada', 'Aiko', 'Amira', 'Anders', 'Astrid', 'Bram', 'Chiara', 'Dmitri', 'Elif', 'Emeka',
  'Farah', 'Gustavo', 'Hana', 'Ines', 'Ivo', 'Jonas', 'Kenji', 'Lars', 'Leila', 'Lucía',
  'Mads', 'Mariam', 'Mateo', 'Mika', 'Nadia', 'Nils', 'Noor', 'Olu', 'Priya', 'Rafael',
  'Rin', 'Rosa', 'Sana', 'Sven', 'Tariq', 'Thandiwe', 'Tomás', 'Umar', 'Vera', 'Wren',
  'Xiomara', 'Yara', 'Yusuf', 'Zara', 'Zoë', '坂本', '李娜', 'Иван', 'Σοφία', 'فاطمة',
];

// prettier-ignore
export const NOUNS = [
  'Anchors', 'Avalanches', 'Beacons', 'Bees', 'Bridges', 'Cassettes', 'Cathedrals', 'Circuits',
  'Clouds', 'Comets', 'Corals', 'Cranes', 'Deserts', 'Drums', 'Echoes', 'Embers', 'Engines',
  'Ferns', 'Fireflies', 'Forests', 'Foxes', 'Gardens', 'Ghosts', 'Glaciers', 'Harbours',
  'Hearts', 'Horizons', 'Islands', 'Kites', 'Lanterns', 'Lighthouses', 'Machines', 'Meadows',
  'Mirrors', 'Monsoons', 'Motels', 'Mountains', 'Oceans', 'Orchards', 'Owls', 'Palaces',
  'Parades', 'Pilots', 'Planets', 'Prisms', 'Radios', 'Rivers', 'Rockets', 'Satellites',
  'Shadows', 'Signals', 'Sirens', 'Skylines', 'Sparrows', 'Stations', 'Storms', 'Summers',
  'Tides', 'Towers', 'Trains', 'Valleys', 'Voyagers', 'Waves', 'Whales', 'Windows', 'Wolves',
  'Yachts', 'Zeppelins', 'Atlases', 'Ballads', 'Canyons', 'Dynamos', 'Frontiers', 'Galaxies',
  'Jungles', 'Meteors', 'Nebulas', 'Outposts', 'Pyramids', 'Quasars', 'Ravens', 'Tigers',
  'Umbrellas', 'Volcanoes', '夜明け', '花火', '東京', '桜', 'ذكريات', 'قمر', 'Сны', 'Ветер',
  'Ωκεανός', '꿈', 'Straßen', 'Cafés', 'Niños', 'Fjørds', '🌙', '✨',
];

// prettier-ignore
export const ADJECTIVES = [
  'Amber', 'Bitter', 'Blue', 'Bright', 'Broken', 'Cold', 'Crimson', 'Dark', 'Distant',
  'Electric', 'Empty', 'Endless', 'Faded', 'Forgotten', 'Frozen', 'Gentle', 'Golden', 'Hidden',
  'Hollow', 'Last', 'Little', 'Lonely', 'Lost', 'Midnight', 'Neon', 'New', 'Northern', 'Old',
  'Paper', 'Quiet', 'Restless', 'Secret', 'Silent', 'Silver', 'Slow', 'Southern', 'Strange',
  'Sweet', 'Tender', 'Velvet', 'Violet', 'Warm', 'Wild', 'Young', 'Ночные', '静かな',
  'Últimos', 'Éternels', 'Leise', 'Süße',
];

// prettier-ignore
export const GERUNDS = [
  'Breaking', 'Burning', 'Calling', 'Chasing', 'Climbing', 'Counting', 'Crossing', 'Dancing',
  'Dreaming', 'Drifting', 'Fading', 'Falling', 'Finding', 'Floating', 'Flying', 'Hiding',
  'Holding', 'Keeping', 'Leaving', 'Losing', 'Making', 'Missing', 'Running', 'Sailing',
  'Singing', 'Sleeping', 'Standing', 'Waiting', 'Walking', 'Watching',
];

/** Appended to an album's name (the first, none at all). */
export const ALBUM_SUFFIXES = ['', ' (Deluxe)', ' (Live)', ' II', ' Sessions', ' Vol. 2'];
