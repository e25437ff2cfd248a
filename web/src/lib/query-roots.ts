/**
 * Roots of query keys that one feature's mutation must refresh in another feature's cache, which it may
 * not import (features do not import each other). A membership action changes the fees a member owes
 * (issue 11 B3), so it invalidates everything under FEES_QUERY_ROOT; `features/fees/api/keys.ts` builds
 * its keys on the same root.
 */
export const FEES_QUERY_ROOT = ['fees'] as const;
