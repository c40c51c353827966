/**
 * Plex's universal transcoder for music (docs/plex-api.md "Universal transcoder"): the query
 * both `decision` and `start.mp3` take. One session per stream: a start that reuses a session
 * replaces that stream on the server, and every session is stopped when it is done.
 */
export interface TranscodeRequest {
  trackId: string;
  kbps: number;
  /** A fresh id per stream (the playing track and the preloaded next one never share one). */
  session: string;
  /** Where the stream starts in the track: a seek is a new start with the same session. */
  offsetMs?: number;
}

/**
 * What PlexM8 asks the transcoder to make: MP3 over plain HTTP, which every browser plays
 * (INFO "Profile Augmentations"). URLSearchParams encodes the `=` and `&` inside it.
 */
export const MUSIC_PROFILE =
  'add-transcode-target(type=musicProfile&context=streaming&protocol=http&container=mp3&audioCodec=mp3)';

export function transcodeParams(request: TranscodeRequest): Record<string, string | number> {
  return {
    hasMDE: 1,
    path: `/library/metadata/${request.trackId}`,
    mediaIndex: 0,
    partIndex: 0,
    protocol: 'http',
    directPlay: 0,
    directStream: 0,
    musicBitrate: request.kbps,
    maxAudioBitrate: request.kbps,
    session: request.session,
    transcodeSessionId: request.session,
    'X-Plex-Session-Identifier': request.session,
    'X-Plex-Client-Profile-Extra': MUSIC_PROFILE,
    offset: Math.max(0, Math.floor((request.offsetMs ?? 0) / 1000)),
  };
}
