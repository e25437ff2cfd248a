import { StrictMode } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { applyStoredLanguage } from '@/i18n/index.ts';
import { App } from './app.tsx';

/**
 * Starts the SPA in `container`. The remembered language's texts load first (English is not in the shell's
 * bundle), so the first paint is already in that language, with no Bulgarian flash.
 */
export async function startApp(container: HTMLElement): Promise<Root> {
  await applyStoredLanguage();
  const root = createRoot(container);
  root.render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
  return root;
}
