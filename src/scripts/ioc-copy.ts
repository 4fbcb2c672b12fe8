import { refangText } from '../lib/ioc/refang.ts';

// Copy actions of the IOC table. The page holds only defanged values; the fanged form a blocklist
// needs is rebuilt here, on an explicit click, with the same refang rules as the build.

function announce(button: HTMLButtonElement, text: string): void {
  const label = button.dataset.label ?? button.textContent ?? '';
  button.dataset.label = label;
  button.textContent = text;
  const status = document.getElementById('hb-copy-status');
  if (status) status.textContent = text;
  window.setTimeout(() => (button.textContent = label), 1500);
}

async function copyValues(button: HTMLButtonElement): Promise<void> {
  const table = button.closest('[data-ioc-block]');
  const values =
    button.dataset.copy !== undefined
      ? [button.dataset.copy]
      : [...(table?.querySelectorAll<HTMLElement>('[data-ioc-value]') ?? [])].map(
          (cell) => cell.dataset.iocValue ?? '',
        );
  const fanged = button.dataset.mode === 'fanged';
  const text = values.map((value) => (fanged ? refangText(value) : value)).join('\n');
  try {
    await navigator.clipboard.writeText(text);
    announce(button, fanged ? `Copied ${values.length} fanged` : 'Copied');
  } catch {
    announce(button, 'Copy failed');
  }
}

document.addEventListener('click', (event) => {
  const button = (event.target as Element | null)?.closest<HTMLButtonElement>('button[data-ioc-copy]');
  if (button) void copyValues(button);
});
