import { useDownloadsStore } from './downloads-store';
import type { DownloadQuality } from './types';

const qualityLabels: Record<DownloadQuality, string> = {
  original: 'Original files',
  '320': 'MP3 320 kbps',
  '192': 'MP3 192 kbps',
  '128': 'MP3 128 kbps',
};

/** Download quality, and whether downloaded playlists pick up tracks added later. */
export function Settings() {
  const quality = useDownloadsStore((s) => s.quality);
  const keepUpdated = useDownloadsStore((s) => s.keepUpdated);
  const { setQuality, setKeepUpdated } = useDownloadsStore.getState();
  return (
    <section className="dl-settings" aria-labelledby="dl-settings-title">
      <h2 id="dl-settings-title">Settings</h2>
      <label className="dl-field">
        <span>Download quality</span>
        <select value={quality} onChange={(e) => setQuality(e.target.value as DownloadQuality)}>
          {Object.entries(qualityLabels).map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </select>
      </label>
      <label className="dl-check">
        <input
          type="checkbox"
          checked={keepUpdated}
          onChange={(e) => setKeepUpdated(e.target.checked)}
        />
        <span>Download tracks added to downloaded playlists when they refresh</span>
      </label>
    </section>
  );
}
