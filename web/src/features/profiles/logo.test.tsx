import { fireEvent, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { editorUrl, orgId, profilePath } from '@/testing/mocks/fixtures/my-organization.ts';
import { profileServer } from '@/testing/mocks/handlers/my-organization.ts';
import { bytesOf, json, noContent, problem } from '@/testing/mocks/stub-api.ts';
import { renderApp } from '@/testing/render-app.tsx';

const logoPath = `/api/account/organizations/${orgId}/logo`;
const logoUrl = (v: number) => `${logoPath}?size=large&v=${v}`;

/** The profile API with a logo endpoint that keeps to its contract (each change is a new profile version). */
function logoServer(options: { logo?: boolean; refuseUpload?: () => Response } = {}) {
  const server = profileServer({
    ...(options.logo ? { stored: { logoUrl: logoUrl(3) } } : {}),
    extra: {
      [logoPath]: (_url, request) => {
        if (request.method === 'PUT') {
          if (options.refuseUpload) return options.refuseUpload();
          server.colleagueSaves({ logoUrl: logoUrl(server.stored().version + 1) } as never);
          const v = server.stored().version;
          return json({ version: v, sourceType: 'image/png', width: 512, height: 256, logoUrl: logoUrl(v) });
        }
        if (request.method === 'DELETE') {
          server.colleagueSaves({ logoUrl: null } as never);
          return noContent();
        }
        return undefined;
      },
    },
  });
  return {
    ...server,
    logoCalls: (method: string) => server.requestsTo(logoPath).filter((r) => r.method === method),
  };
}

const png = (bytes = 2000, name = 'logo.png', type = 'image/png') =>
  new File([new Uint8Array(bytes)], name, { type });

async function openProfileTab() {
  const app = renderApp(editorUrl);
  expect(await screen.findByRole('heading', { level: 2, name: 'Лого' })).toBeVisible();
  return app;
}

describe('the logo section of the profile tab', () => {
  it('uploads a chosen image as the raw body, then shows it from the refreshed profile', async () => {
    const server = logoServer();
    const app = await openProfileTab();
    expect(screen.getByText('Организацията още няма лого.')).toBeVisible();
    const readsBefore = server.requestsTo(profilePath).filter((r) => r.method === 'GET').length;

    const file = png();
    await app.user.upload(screen.getByLabelText('Качване на лого'), file);

    expect(await screen.findByText('Логото е качено.')).toBeVisible();
    const [put] = server.logoCalls('PUT');
    expect(put?.headers.get('content-type')).toBe('image/png');
    expect(put?.body).toEqual(await bytesOf(file));
    const img = await screen.findByRole('img', { name: 'Текущо лого на Пиксел Фабрика' });
    expect(img).toHaveAttribute('src', logoUrl(4));
    expect(img).toHaveAttribute('width', '128');
    expect(server.requestsTo(profilePath).filter((r) => r.method === 'GET').length).toBeGreaterThan(
      readsBefore,
    );
    // Now a replacement, not a first upload.
    expect(screen.getByLabelText('Замяна на логото')).toBeVisible();
  });

  it('sends a file of unknown declared type as application/octet-stream (the server decides by content)', async () => {
    const server = logoServer();
    const app = await openProfileTab();
    await app.user.upload(screen.getByLabelText('Качване на лого'), png(500, 'logo.webp', ''));
    expect(await screen.findByText('Логото е качено.')).toBeVisible();
    expect(server.logoCalls('PUT')[0]?.headers.get('content-type')).toBe('application/octet-stream');
  });

  it('refuses a file that is not a PNG, JPEG or WebP, or is over 1 MB, without sending it', async () => {
    const server = logoServer();
    await openProfileTab();
    // Pick files the browser's `accept` filter would hide (a user can still choose "all files").
    const user = userEvent.setup({ applyAccept: false });
    const input = screen.getByLabelText('Качване на лого');

    await user.upload(input, png(3000, 'setup.exe', 'application/x-msdownload'));
    expect(await screen.findByText('Файлът „setup.exe“ не е изображение PNG, JPEG или WebP.')).toBeVisible();
    expect(input).toHaveAttribute('aria-invalid', 'true');

    await user.upload(input, png(1024 * 1024 + 1, 'huge.png'));
    expect(await screen.findByText('Файлът „huge.png“ е по-голям от 1 MB.')).toBeVisible();
    expect(server.logoCalls('PUT')).toHaveLength(0);
  });

  it("shows the server's reason beside the field when it refuses the content", async () => {
    logoServer({
      refuseUpload: () =>
        problem(400, 'Невалидни данни', [
          { path: 'body', message: 'Файлът не е изображение във формат PNG, JPEG или WebP.' },
        ]),
    });
    const app = await openProfileTab();
    await app.user.upload(screen.getByLabelText('Качване на лого'), png(100, 'renamed.png'));
    expect(await screen.findByText('Файлът не е изображение във формат PNG, JPEG или WebP.')).toBeVisible();
    expect(screen.queryByText('Логото е качено.')).toBeNull();
  });

  it('removes the logo only after confirmation', async () => {
    const server = logoServer({ logo: true });
    const app = await openProfileTab();
    expect(screen.getByRole('img', { name: 'Текущо лого на Пиксел Фабрика' })).toHaveAttribute(
      'src',
      logoUrl(3),
    );

    await app.user.click(screen.getByRole('button', { name: 'Премахване на логото' }));
    await app.user.click(await screen.findByRole('button', { name: 'Отказ' }));
    expect(server.logoCalls('DELETE')).toHaveLength(0);

    await app.user.click(screen.getByRole('button', { name: 'Премахване на логото' }));
    await app.user.click(await screen.findByRole('button', { name: 'Да, премахни го' }));
    expect(await screen.findByText('Логото е премахнато.')).toBeVisible();
    expect(server.logoCalls('DELETE')).toHaveLength(1);
    await waitFor(() => expect(screen.queryByRole('img', { name: /Текущо лого/ })).toBeNull());
    expect(screen.getByText('Организацията още няма лого.')).toBeVisible();
  });

  it('lets the editor save right after an upload, at the new profile version (no false conflict)', async () => {
    const server = logoServer();
    const app = await openProfileTab();
    await app.user.upload(screen.getByLabelText('Качване на лого'), png());
    expect(await screen.findByText('Логото е качено.')).toBeVisible();
    await waitFor(() => expect(screen.getByRole('img', { name: /Текущо лого/ })).toBeVisible());

    const city = screen.getByRole('textbox', { name: 'Град' });
    fireEvent.change(city, { target: { value: 'Варна' } });
    await app.user.click(screen.getByRole('button', { name: 'Запази промените' }));
    expect(await screen.findByText('Промените са запазени.')).toBeVisible();
    expect(server.puts().at(-1)?.headers.get('if-match')).toBe('"4"');
  });
});
