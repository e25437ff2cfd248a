import { TokenSchema } from '@portal/shared';
import { useEffect, useRef } from 'react';
import { useSearchParams } from 'react-router';

/** The `?token=` of an emailed link, or undefined when it is missing or cannot be a token at all. */
export function useLinkToken(): string | undefined {
  const [searchParams] = useSearchParams();
  const parsed = TokenSchema.safeParse(searchParams.get('token') ?? '');
  return parsed.success ? parsed.data : undefined;
}

/**
 * Runs `action` once per token, when the page opens. Tokens are single-use, so a second POST (React's
 * development double effects, a re-render) would turn a success into "already used".
 */
export function useOncePerToken(token: string | undefined, action: (token: string) => void): void {
  const done = useRef<string | undefined>(undefined);
  useEffect(() => {
    if (!token || done.current === token) return;
    done.current = token;
    action(token);
  });
}
