import { audioFiles, hiResFile, type AudioFile } from './audio-files';
import { heldLookups } from './library-lookups';
import type { FakeLibrary, LibAlbum, LibArtist, LibPlaylist, LibTrack } from './library-types';

export type {
  FakeLibrary,
  ItemList,
  LibAlbum,
  LibArtist,
  LibPlaylist,
  LibTrack,
} from './library-types';

const DAY = 86_400;
const BASE_ADDED = 1_730_000_000;

interface AlbumSpec {
  title: string;
  year: number;
  tracks: string[];
  trackArtists?: Record<number, string>;
  /** Every track of the album is this file (else the demo's files in turn). */
  file?: AudioFile;
  /** Added this many days before the library's first album (else after the one before it). */
  addedDaysEarlier?: number;
}
interface ArtistSpec {
  title: string;
  summary: string;
  albums: AlbumSpec[];
}

/** Titles in several scripts, emoji, and markup that must render as text. */
const demoArtists: ArtistSpec[] = [
  {
    title: 'Aurora Lines',
    summary: 'Synth-pop duo from Wellington.',
    albums: [
      {
        title: 'Night Transit',
        year: 2021,
        tracks: [
          'Departure Board',
          'Platform 9',
          'Last Tram Home',
          'Neon Rain',
          'Signal Failure',
          'Terminus',
          'Dawn Shift',
        ],
      },
      {
        title: 'Harbour Lights',
        year: 2023,
        tracks: [
          'Lighthouse',
          'Ferry to Somes',
          'Undertow',
          'Breakwater',
          'Salt & Static',
          'Slack Tide',
        ],
      },
    ],
  },
  {
    title: '坂本 ユキ',
    summary: '東京出身のピアニスト。',
    albums: [
      {
        title: '雪の記憶',
        year: 2019,
        tracks: ['初雪', '冬の朝', '静かな街', '雪解け', '春を待つ', '帰り道'],
      },
      {
        title: 'Blue Hour 🌙',
        year: 2022,
        tracks: [
          'Twilight',
          '夕暮れ',
          'Streetlights',
          'Moonrise 🌕',
          '深夜のカフェ',
          'Before Sunrise',
        ],
        trackArtists: { 2: '坂本 ユキ feat. Aurora Lines' },
      },
    ],
  },
  {
    title: 'فرقة النور',
    summary: 'فرقة موسيقية من القاهرة.',
    albums: [
      {
        title: 'ليالي القاهرة',
        year: 2020,
        tracks: ['المقدمة', 'شارع النيل', 'قهوة الصباح', 'نسيم', 'الرحلة', 'الختام'],
      },
      {
        title: 'Desert Roads',
        year: 2024,
        tracks: ['Sandstorm', 'الواحة', 'Mirage', 'Caravan', 'Starfield'],
      },
    ],
  },
  {
    title: 'The <b>Bold</b> Type',
    summary:
      'Their name is <b>not</b> markup. <script>alert(1)</script> ' +
      'Formed in a basement in 2009, they have released albums on eleven labels, toured four continents, and never once agreed on a band name, which is why this biography goes on for as long as it does. '.repeat(
        4,
      ) +
      'https://example.invalid/a/very/long/link/with/no/spaces/at/all/that/no/line/can/hold/without/wrapping/anywhere',
    albums: [
      {
        title: '<img src=x onerror=alert(1)>',
        year: 2018,
        tracks: [
          '<img src=x onerror=alert(1)>',
          'javascript:alert(1)',
          // Long, and with a word no line can hold (tags from a rip gone wrong look like this).
          'A Very Long Title That Goes On And On Past Any Reasonable Width For A Song Name, Because Some People Do That — ' +
            'Extended_Club_Remix_Radio_Edit_Remastered_2024_Bonus_Track_Instrumental_Version_From_The_Deluxe_Edition_CD2_Track17',
          'Zero‐Width​Joiner‍Test',
          'Ünïcödé Çafé',
        ],
      },
    ],
  },
  {
    title: 'Hanna Kowalczyk',
    summary: 'Recorded live to two-track tape, mastered at 24-bit.',
    albums: [
      {
        title: 'Room Tone (Hi-Res)',
        year: 2025,
        tracks: ['Room Tone', 'Room Tone (Take 2)'],
        file: hiResFile,
        addedDaysEarlier: 30,
      },
    ],
  },
];

export function createDemoLibrary(sectionKey = '1', now = Date.now()): FakeLibrary {
  const artists: LibArtist[] = [];
  const albums: LibAlbum[] = [];
  const tracks: LibTrack[] = [];
  let key = 1000;
  let part = 5000;
  let order = 0;
  for (const artistSpec of demoArtists) {
    const artist: LibArtist = {
      ratingKey: String(key++),
      sectionKey,
      title: artistSpec.title,
      summary: artistSpec.summary,
      addedAt: BASE_ADDED,
    };
    artists.push(artist);
    for (const albumSpec of artistSpec.albums) {
      order += 1;
      const album: LibAlbum = {
        ratingKey: String(key++),
        sectionKey,
        artistKey: artist.ratingKey,
        title: albumSpec.title,
        year: albumSpec.year,
        addedAt:
          albumSpec.addedDaysEarlier === undefined
            ? BASE_ADDED + order * DAY
            : BASE_ADDED - albumSpec.addedDaysEarlier * DAY,
      };
      albums.push(album);
      albumSpec.tracks.forEach((title, i) => {
        tracks.push({
          ratingKey: String(key++),
          sectionKey,
          albumKey: album.ratingKey,
          title,
          trackArtist: albumSpec.trackArtists?.[i + 1],
          index: i + 1,
          disc: 1,
          file:
            albumSpec.file ??
            audioFiles[tracks.length % audioFiles.length] ??
            (audioFiles[0] as AudioFile),
          partId: part++,
          addedAt: album.addedAt,
        });
      });
    }
  }
  const at = (list: LibTrack[]) => (i: number) => list[i % list.length] as LibTrack;
  const roadTrip = tracks.filter((t, i) => i % 2 === 0 && t.file !== hiResFile);
  const japanese = tracks.filter(
    (t) => albums.find((a) => a.ratingKey === t.albumKey)?.artistKey === artists[1]?.ratingKey,
  );
  const hostileAlbum = albums.find((a) => a.artistKey === artists[3]?.ratingKey);
  const hostile = tracks.filter((t) => t.albumKey === hostileAlbum?.ratingKey);
  const updatedAt = Math.floor(now / 1000) - DAY;
  const playlists: LibPlaylist[] = [
    {
      ratingKey: '9001',
      title: 'Road Trip',
      summary: 'Windows down.',
      smart: false,
      updatedAt,
      size: roadTrip.length,
      itemAt: at(roadTrip),
    },
    {
      ratingKey: '9002',
      title: 'Recently Added',
      summary: 'Smart: added in the last 30 days.',
      smart: true,
      updatedAt,
      size: 12,
      itemAt: at([...tracks].reverse()),
    },
    {
      ratingKey: '9003',
      title: 'Empty Playlist',
      summary: '',
      smart: false,
      updatedAt,
      size: 0,
      itemAt: at(tracks),
    },
    {
      ratingKey: '9004',
      title: 'Everything × 20,000',
      summary: 'The whole library, over and over.',
      smart: false,
      updatedAt,
      size: 20_000,
      itemAt: at(tracks),
    },
    {
      ratingKey: '9005',
      title: '日本語のプレイリスト',
      summary: '',
      smart: false,
      updatedAt,
      size: japanese.length,
      itemAt: at(japanese),
    },
    {
      ratingKey: '9006',
      title: '<img src=x onerror=alert(1)>',
      summary: '<script>alert(1)</script> <a href="javascript:alert(1)">click</a>',
      smart: false,
      updatedAt,
      size: hostile.length,
      itemAt: at(hostile),
    },
    {
      ratingKey: '9007',
      title: 'قائمة تشغيل عربية 🎶',
      summary: '',
      smart: false,
      updatedAt,
      size: 8,
      itemAt: at(tracks.slice(25)),
    },
  ];
  return withLookups({ artists, albums, tracks, playlists, scanningUntil: new Map() });
}

/** The lookups read the returned object's arrays, so a test that swaps one is seen. */
function withLookups(held: Omit<FakeLibrary, 'find'>): FakeLibrary {
  const lib = { ...held };
  return Object.assign(lib, { find: heldLookups(lib) });
}

/** A friend's small library: enough to browse another server. */
export function createSmallLibrary(sectionKey: string): FakeLibrary {
  const full = createDemoLibrary(sectionKey);
  const artist = full.artists[0] as LibArtist;
  const albums = full.albums.filter((a) => a.artistKey === artist.ratingKey);
  const tracks = full.tracks.filter((t) => albums.some((a) => a.ratingKey === t.albumKey));
  const at = (i: number) => tracks[i % tracks.length] as LibTrack;
  return withLookups({
    artists: [artist],
    albums,
    tracks,
    playlists: [
      {
        ratingKey: '9101',
        title: "Jo's Favourites",
        summary: '',
        smart: false,
        updatedAt: 1_760_000_000,
        size: tracks.length,
        itemAt: at,
      },
    ],
    scanningUntil: new Map(),
  });
}
