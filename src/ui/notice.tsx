import type { ReactNode } from 'react';
import './notice.css';

/** A message in the page flow: what happened, and (as children) what the user can do. */
export function Notice({
  tone,
  title,
  children,
}: {
  tone: 'error' | 'warning' | 'info';
  title: string;
  children?: ReactNode;
}) {
  return (
    <div className={`notice notice-${tone}`} role={tone === 'error' ? 'alert' : 'status'}>
      <p className="notice-title">{title}</p>
      {children ? <div className="notice-body">{children}</div> : null}
    </div>
  );
}
