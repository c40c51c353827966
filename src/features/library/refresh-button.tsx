import { Button } from '../../ui/button';

export function RefreshButton({
  onRefresh,
  busy,
  label = 'Refresh',
}: {
  onRefresh: () => unknown;
  busy: boolean;
  label?: string;
}) {
  return (
    <Button variant="quiet" busy={busy} onClick={() => void onRefresh()}>
      <span aria-hidden="true">↻</span> {busy ? 'Refreshing…' : label}
    </Button>
  );
}
