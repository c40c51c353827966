/**
 * A stand-in for https://app.plex.tv/auth: reads its parameters from the fragment
 * (`#?clientID=…&code=…&forwardUrl=…`), lets the person approve or deny, then goes to forwardUrl
 * as Plex does. Approving claims the PIN through the fake's control route.
 */
export function authPageHtml(autoApprove = false): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Plex — Sign in (fake)</title>
<style>
  body { font-family: system-ui, sans-serif; background: #1f1f1f; color: #eee; display: grid; place-items: center; min-height: 100vh; margin: 0; }
  main { background: #2b2b2b; padding: 2rem; border-radius: 12px; max-width: 24rem; text-align: center; }
  h1 { color: #e5a00d; font-size: 1.4rem; }
  button { font: inherit; padding: .75rem 1.5rem; margin: .5rem; border-radius: 999px; border: 0; cursor: pointer; min-height: 44px; }
  #approve { background: #e5a00d; color: #000; }
  #deny { background: #444; color: #eee; }
</style>
</head>
<body>
<main>
  <h1>Fake Plex sign-in</h1>
  <p id="what">An app wants to use your Plex account.</p>
  <p><button id="approve" type="button">Approve</button><button id="deny" type="button">Deny</button></p>
  <p id="status" role="status"></p>
</main>
<script>
  const params = new URLSearchParams(location.hash.replace(/^#\\??/, ''));
  const code = params.get('code');
  const product = params.get('context[device][product]') || 'An app';
  const forwardUrl = params.get('forwardUrl');
  document.getElementById('what').textContent = product + ' wants to use your Plex account (demo user).';
  function forward() {
    if (forwardUrl && /^https?:/.test(forwardUrl)) location.href = forwardUrl;
    else document.getElementById('status').textContent = 'Done. You can close this tab.';
  }
  document.getElementById('approve').addEventListener('click', async () => {
    const res = await fetch('/__fake/pins/approve?code=' + encodeURIComponent(code || ''), { method: 'POST' });
    if (!res.ok) { document.getElementById('status').textContent = 'That code has expired.'; return; }
    forward();
  });
  document.getElementById('deny').addEventListener('click', forward);
  if (${autoApprove ? 'true' : 'false'}) {
    document.getElementById('what').textContent = 'Demo: signing you in as the demo listener…';
    document.getElementById('approve').click();
  }
</script>
</body>
</html>`;
}

/** The demo listener's avatar, as plex.tv serves one per user. */
export function avatarSvg(): string {
  return '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 64 64"><rect width="64" height="64" fill="#5b6ee1"/><circle cx="32" cy="25" r="12" fill="#fff"/><path d="M10 60c4-14 14-20 22-20s18 6 22 20z" fill="#fff"/></svg>';
}
