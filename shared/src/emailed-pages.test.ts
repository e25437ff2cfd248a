import { describe, expect, it } from 'vitest';
import { EMAILED_PAGES } from './emailed-pages.ts';

describe('the pages emails link to', () => {
  it.each(Object.entries(EMAILED_PAGES))('%s: a link opens the route its pattern mounts', (_, page) => {
    const href = page.href('abc_-123');
    const pattern = new RegExp(`^${page.path.replace(/:[a-z]+/g, '[^/?]+')}(\\?|$)`, 'i');
    expect(href).toMatch(pattern);
  });

  it('puts a token in the query and an id in the path', () => {
    const token = 'Qm9vazEyMzQ1Njc4OTAxMjM0NTY3ODkwMTIzNDU2Nzg5MA-_';
    expect(EMAILED_PAGES.verifyEmail.href(token)).toBe(`/verify-email?token=${token}`);
    expect(EMAILED_PAGES.resetPassword.href(token)).toBe(`/reset-password?token=${token}`);
    expect(EMAILED_PAGES.confirmEmail.href(token)).toBe(`/confirm-email?token=${token}`);
    expect(EMAILED_PAGES.acceptInvitation.href(token)).toBe(`/invitations/accept?token=${token}`);
    expect(EMAILED_PAGES.forgotPassword.href()).toBe('/forgot-password');
    const id = '7c1f3a52-2b6e-4f0e-9a51-0d3c4b1e2f60';
    expect(EMAILED_PAGES.myOrganization.href(id)).toBe(`/my/organizations/${id}`);
    expect(EMAILED_PAGES.application.href(id)).toBe(`/applications/${id}`);
    expect(EMAILED_PAGES.committeeApplication.href(id)).toBe(`/committee/applications/${id}`);
    expect(EMAILED_PAGES.verifyEmail.href()).toBe('/verify-email');
  });
});
