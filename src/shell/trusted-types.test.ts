import { describe, expect, it } from 'vitest';
import { markupForParser, ownScriptUrl } from './trusted-types';

const at = { href: 'https://jo.github.io/plexm8/playlists', origin: 'https://jo.github.io' };

describe('which script URLs the default Trusted Types policy lets through', () => {
  it("passes this build's own scripts, relative or absolute", () => {
    expect(ownScriptUrl('/plexm8/sw.js', at, '/plexm8/')).toBe('https://jo.github.io/plexm8/sw.js');
    expect(ownScriptUrl('https://jo.github.io/plexm8/assets/a-1.js', at, '/plexm8/')).toBe(
      'https://jo.github.io/plexm8/assets/a-1.js',
    );
  });

  it("refuses other origins, a sibling page's scripts, data: and non-scripts", () => {
    for (const input of [
      'https://evil.example/plexm8/sw.js',
      '/other-app/sw.js',
      '/plexm8-staging/sw.js',
      'data:text/javascript,alert(1)',
      'javascript:alert(1)',
      '/plexm8/index.html',
      'http://[bad',
    ])
      expect(ownScriptUrl(input, at, '/plexm8/'), input).toBeNull();
  });
});

describe('which markup strings the default policy lets through', () => {
  it("lets DOMParser read plex.tv's XML and nothing else take markup", () => {
    const xml = '<?xml version="1.0"?><MediaContainer><Device id="1"/></MediaContainer>';
    expect(markupForParser(xml, 'TrustedHTML', 'DOMParser parseFromString')).toBe(xml);
    for (const sink of ['Element innerHTML', 'Element insertAdjacentHTML', 'Document write'])
      expect(markupForParser('<img src=x onerror=alert(1)>', 'TrustedHTML', sink)).toBeNull();
    expect(markupForParser('<b>x</b>')).toBeNull();
  });
});
