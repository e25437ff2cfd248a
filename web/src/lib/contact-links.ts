/** Only http(s) links are rendered as links: a stored `javascript:` URL must never become clickable. */
export function safeHttpUrl(value: string): string | undefined {
  const withScheme = /^[a-z][a-z0-9+.-]*:/i.test(value) ? value : `https://${value}`;
  try {
    const url = new URL(withScheme);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.href : undefined;
  } catch {
    return undefined;
  }
}

/** A website as people read it: without the scheme and the trailing slash. */
export function displayWebsite(value: string): string {
  return value.replace(/^https?:\/\//, '').replace(/\/$/, '');
}

/** A `tel:` link of a phone number as written (`+359 32 123 456` → `tel:+35932123456`). */
export function telHref(phone: string): string {
  return `tel:${phone.replace(/[^\d+]/g, '')}`;
}
