import { Anchor, Blockquote, Code, List, Text, Title } from '@mantine/core';
import { isSafeNewsUrl } from '@portal/shared';
import ReactMarkdown, { type Components } from 'react-markdown';

/**
 * Markdown (news posts, minutes) as React elements (decision 022: never an HTML string). No raw HTML is rendered
 * (`skipHtml`; react-markdown has no rehype-raw here), and every link or image target passes the same rule
 * the server checked (`isSafeNewsUrl`: http, https, mailto or a path on this site) — anything else is
 * dropped. Headings start at level 2: the post's title is the page's h1.
 */
const urlTransform = (url: string) => (isSafeNewsUrl(url) ? url : '');

const components: Components = {
  h1: ({ children }) => <Title order={2}>{children}</Title>,
  h2: ({ children }) => <Title order={3}>{children}</Title>,
  h3: ({ children }) => <Title order={4}>{children}</Title>,
  h4: ({ children }) => <Title order={5}>{children}</Title>,
  h5: ({ children }) => <Title order={6}>{children}</Title>,
  h6: ({ children }) => <Title order={6}>{children}</Title>,
  p: ({ children }) => <Text mb="sm">{children}</Text>,
  a: ({ href, children }) =>
    href ? (
      <Anchor href={href} rel="noopener noreferrer nofollow">
        {children}
      </Anchor>
    ) : (
      <span>{children}</span>
    ),
  ul: ({ children }) => (
    <List mb="sm" withPadding>
      {children}
    </List>
  ),
  ol: ({ children }) => (
    <List type="ordered" mb="sm" withPadding>
      {children}
    </List>
  ),
  li: ({ children }) => <List.Item>{children}</List.Item>,
  blockquote: ({ children }) => <Blockquote mb="sm">{children}</Blockquote>,
  code: ({ children }) => <Code>{children}</Code>,
  img: ({ src, alt }) =>
    typeof src === 'string' && src ? <img src={src} alt={alt ?? ''} style={{ maxWidth: '100%' }} /> : null,
};

export function Markdown({ text, lang }: { text: string; lang?: string }) {
  return (
    <div lang={lang}>
      <ReactMarkdown skipHtml urlTransform={urlTransform} components={components}>
        {text}
      </ReactMarkdown>
    </div>
  );
}
