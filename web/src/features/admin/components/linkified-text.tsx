import { Anchor } from '@mantine/core';
import type { ReactNode } from 'react';
import { Link } from 'react-router';

const URL_PATTERN = /https?:\/\/[^\s<>"]+/g;
/** Punctuation that ends a sentence after a link rather than belonging to it. */
const TRAILING = /[.,;:!?)\]}'»“”]+$/;

/**
 * Plain text with its http(s) URLs as links (nothing else is ever a link). A link to this site opens in
 * the app itself; any other opens in the same tab without sending a referrer.
 */
export function LinkifiedText({ text }: { text: string }) {
  const parts: ReactNode[] = [];
  let last = 0;
  for (const match of text.matchAll(URL_PATTERN)) {
    const raw = match[0];
    const url = raw.replace(TRAILING, '');
    const start = match.index;
    parts.push(text.slice(last, start));
    parts.push(<UrlLink key={start} url={url} />);
    last = start + url.length;
  }
  parts.push(text.slice(last));
  return <>{parts}</>;
}

function UrlLink({ url }: { url: string }) {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return url;
  }
  const style = { overflowWrap: 'anywhere' as const };
  if (parsed.origin === window.location.origin) {
    return (
      <Anchor component={Link} to={`${parsed.pathname}${parsed.search}${parsed.hash}`} style={style}>
        {url}
      </Anchor>
    );
  }
  return (
    <Anchor href={parsed.href} rel="noreferrer" style={style}>
      {url}
    </Anchor>
  );
}
