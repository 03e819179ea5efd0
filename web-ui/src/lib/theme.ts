// Light or dark: the user's choice when made (a preference, not a secret, so web storage is fine),
// otherwise the system's.
export function toggleTheme() {
  const dark = !document.documentElement.classList.contains('dark');
  document.documentElement.classList.toggle('dark', dark);
  try {
    localStorage.setItem('tt-theme', dark ? 'dark' : 'light');
  } catch {
    // private mode: the choice lasts for this page only
  }
}
