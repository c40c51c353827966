import type { ComponentPropsWithRef } from 'react';
import './button.css';

type Variant = 'primary' | 'secondary' | 'quiet';

export function Button({
  variant = 'secondary',
  busy = false,
  className,
  children,
  ...rest
}: ComponentPropsWithRef<'button'> & { variant?: Variant; busy?: boolean }) {
  return (
    <button
      type="button"
      {...rest}
      aria-busy={busy || undefined}
      disabled={rest.disabled || busy}
      className={['btn', `btn-${variant}`, className].filter(Boolean).join(' ')}
    >
      {children}
    </button>
  );
}
