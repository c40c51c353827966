import { useState } from 'react';

/** The user's Plex avatar, or their initial when there is none or it fails to load. */
export function Avatar({ name, src, size = 32 }: { name: string; src?: string; size?: number }) {
  const [failed, setFailed] = useState(false);
  const safeSrc = src && /^https?:\/\//.test(src) && !failed ? src : undefined;
  const style = { width: size, height: size, borderRadius: '50%', flex: 'none' } as const;
  if (safeSrc) {
    return (
      <img
        src={safeSrc}
        alt=""
        width={size}
        height={size}
        style={style}
        onError={() => setFailed(true)}
      />
    );
  }
  return (
    <span aria-hidden="true" className="avatar-initial" style={{ ...style, fontSize: size * 0.45 }}>
      {Array.from(name.trim())[0]?.toUpperCase() ?? '?'}
    </span>
  );
}
