// Copy buttons of plain (unhighlighted) query blocks. Generated hunts are long and vary per
// writeup, so they skip syntax highlighting, which costs ~200 KB of markup per page; the copied
// text is the code element's text, exactly as built.

document.addEventListener('click', (event) => {
  const button = (event.target as Element | null)?.closest<HTMLButtonElement>('button[data-copy-query]');
  const code = button?.closest('figure')?.querySelector('pre code');
  if (!button || !code) return;
  const label = button.dataset.label ?? button.textContent ?? 'Copy';
  button.dataset.label = label;
  navigator.clipboard.writeText(code.textContent ?? '').then(
    () => (button.textContent = 'Copied'),
    () => (button.textContent = 'Copy failed'),
  );
  window.setTimeout(() => (button.textContent = label), 1500);
});
