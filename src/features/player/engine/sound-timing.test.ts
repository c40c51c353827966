import { describe as group, expect, it } from 'vitest';
import { classifyMediaError } from './sound-timing';

group('what a media error says about whose fault it is', () => {
  it("tells a failed audio output (Firefox's media sink) from a damaged file", () => {
    expect(classifyMediaError(3, 'OnMediaSinkAudioError')).toEqual({
      message: "this device's audio output failed (the browser says “OnMediaSinkAudioError”)",
      network: false,
      output: true,
    });
    expect(classifyMediaError(3, 'PIPELINE_ERROR_DECODE: mp3 decoder failed')).toEqual({
      message: 'the file is damaged or empty',
      network: false,
      output: false,
    });
    expect(classifyMediaError(2, '')).toMatchObject({ network: true, output: false });
    expect(classifyMediaError(4, 'NS_ERROR_DOM_MEDIA_METADATA_ERR')).toMatchObject({
      message: "this browser can't play the file",
      output: false,
    });
  });
});
