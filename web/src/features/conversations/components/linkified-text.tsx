import { Anchor, Text } from '@mantine/core';
import { linkify } from '@portal/shared';

/**
 * A message as plain text: http(s) links become anchors (opened in a new tab, no referrer, marked as
 * user content), everything else is text — React escapes it, so no HTML or markdown is ever rendered.
 */
export function LinkifiedText({ text }: { text: string }) {
  return (
    <Text className="pre-line" style={{ overflowWrap: 'anywhere' }}>
      {linkify(text).map((part, i) =>
        part.kind === 'link' ? (
          // biome-ignore lint/suspicious/noArrayIndexKey: the parts of one text never reorder
          <Anchor key={i} href={part.href} target="_blank" rel="noopener noreferrer nofollow ugc">
            {part.text}
          </Anchor>
        ) : (
          // biome-ignore lint/suspicious/noArrayIndexKey: the parts of one text never reorder
          <span key={i}>{part.text}</span>
        ),
      )}
    </Text>
  );
}
